import { Alert, Button, Card, Checkbox, Col, Drawer, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { roleApi } from '../../api/endpoints.ts';
import type { AdminKind, DataScope, PermissionDef, Role } from '../../api/types.ts';
import { testId } from '../../components/guarded.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { adminKindLabels, moduleLabels, options, scopeLabels } from '../../lib/labels.ts';

export type RoleTarget = { mode: 'create' } | { mode: 'edit'; role: Role };

interface RoleFormValues {
  code: string;
  name: string;
  description?: string;
}

/** Unscoped permissions concern the deployment itself; they are stored with the widest scope. */
const UNSCOPED: DataScope = 'all';
/** Least privilege: a newly ticked permission starts at the narrowest scope. */
const DEFAULT_SCOPE: DataScope = 'own_org';

/** Groups by module prefix, the known modules in menu order and later modules after them. */
function groupByModule(permissions: PermissionDef[]): [string, PermissionDef[]][] {
  const groups = new Map<string, PermissionDef[]>();
  for (const p of permissions) {
    const prefix = p.code.split('.')[0] ?? p.code;
    groups.set(prefix, [...(groups.get(prefix) ?? []), p]);
  }
  const known = Object.keys(moduleLabels);
  const rank = (prefix: string) => (known.includes(prefix) ? known.indexOf(prefix) : known.length);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b));
}

export function RoleDrawer({
  target,
  registry,
  onClose,
  onSaved,
}: {
  target: RoleTarget | null;
  registry: PermissionDef[];
  onClose: () => void;
  onSaved: (saved: boolean) => void;
}) {
  const [form] = Form.useForm<RoleFormValues>();
  const [grants, setGrants] = useState<Map<string, DataScope>>(new Map());
  const [saving, setSaving] = useState(false);
  const editing = target?.mode === 'edit' ? target.role : undefined;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      form.setFieldsValue({ code: target.role.code, name: target.role.name, description: target.role.description ?? undefined });
      setGrants(new Map(target.role.permissions.map((g) => [g.permission, g.scope])));
    } else {
      setGrants(new Map());
    }
  }, [target, form]);

  const byCode = useMemo(() => new Map(registry.map((p) => [p.code, p])), [registry]);
  const kinds = [...new Set([...grants.keys()].map((code) => byCode.get(code)?.adminKind).filter((k): k is AdminKind => !!k))];
  const mixed = kinds.length > 1;

  const toggle = (permission: PermissionDef, checked: boolean) =>
    setGrants((current) => {
      const next = new Map(current);
      if (checked) next.set(permission.code, permission.scoped ? DEFAULT_SCOPE : UNSCOPED);
      else next.delete(permission.code);
      return next;
    });
  const setScope = (code: string, scope: DataScope) => setGrants((current) => new Map(current).set(code, scope));

  const submit = async (values: RoleFormValues) => {
    setSaving(true);
    const input = {
      name: values.name.trim(),
      description: values.description?.trim() || null,
      permissions: [...grants.entries()].map(([permission, scope]) => ({ permission, scope })),
    };
    try {
      if (editing) await roleApi.update(editing.id, { ...input, version: editing.version });
      else await roleApi.create({ ...input, code: values.code.trim() });
      onSaved(true);
    } catch (error) {
      if (reportSaveError(form, error).conflict) onSaved(false);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      open={!!target}
      title={editing ? `编辑角色：${editing.name}` : '新建角色'}
      size={760}
      onClose={onClose}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} disabled={mixed} onClick={() => form.submit()} {...testId('role-form-ok')}>
            保存
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="role-form">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label="角色编码"
              rules={[{ required: true, message: '请输入角色编码' }, { pattern: /^[a-z][a-z0-9_]{1,63}$/, message: '以小写字母开头，2～64 位小写字母、数字或下划线' }]}
              extra={editing ? '角色编码创建后不能修改' : '程序和接口用来识别角色，创建后不能修改'}
            >
              <Input disabled={!!editing} data-testid="role-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label="角色名称" rules={[{ required: true, whitespace: true, message: '请输入角色名称' }, { max: 50 }]}>
              <Input data-testid="role-name" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label="说明" rules={[{ max: 200 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Typography.Title level={5}>权限与数据范围</Typography.Title>
      {mixed ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="三员分立：系统管理、安全管理、审计管理的权限不能放在同一个角色中。" />
      ) : (
        kinds[0] && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`此角色属于“${adminKindLabels[kinds[0]].label}”类，只能分配给不担任其他两类管理员的人员。`} />
        )
      )}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {groupByModule(registry).map(([prefix, permissions]) => (
          <Card key={prefix} size="small" title={moduleLabels[prefix] ?? prefix}>
            {permissions.map((p) => {
              const scope = grants.get(p.code);
              return (
                <Row key={p.code} align="middle" gutter={8} style={{ minHeight: 40 }}>
                  <Col flex="auto">
                    <Checkbox checked={scope !== undefined} onChange={(e) => toggle(p, e.target.checked)} data-testid={`perm-${p.code}`}>
                      <Space size={4} wrap>
                        <span>{p.name}</span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {p.code}
                        </Typography.Text>
                        {p.adminKind && <Tag color={adminKindLabels[p.adminKind].color}>{adminKindLabels[p.adminKind].label}</Tag>}
                      </Space>
                    </Checkbox>
                  </Col>
                  <Col flex="160px">
                    {p.scoped && scope !== undefined && (
                      <Select size="small" value={scope} options={options(scopeLabels)} onChange={(next) => setScope(p.code, next)} style={{ width: '100%' }} />
                    )}
                  </Col>
                </Row>
              );
            })}
          </Card>
        ))}
      </Space>
    </Drawer>
  );
}
