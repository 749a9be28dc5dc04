import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { roleApi } from '../../api/endpoints.ts';
import type { PermissionDef, Role } from '../../api/types.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { adminKindLabels } from '../../lib/labels.ts';
import { RoleDrawer, type RoleTarget } from './role-drawer.tsx';

export function RolesPage() {
  const { message } = App.useApp();
  const [roles, setRoles] = useState<Role[]>([]);
  const [registry, setRegistry] = useState<PermissionDef[]>([]);
  const [loading, setLoading] = useState(true);
  const [target, setTarget] = useState<RoleTarget | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setRoles(await roleApi.list());
    } catch {
      setRoles([]);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
    roleApi.permissions().then(setRegistry, () => setRegistry([]));
  }, [load]);

  const permissionName = (code: string) => registry.find((p) => p.code === code)?.name ?? code;

  const remove = async (role: Role) => {
    try {
      await roleApi.remove(role.id);
      void message.success('已删除');
    } catch {
      // The client has shown the server's message.
    }
    await load();
  };

  const columns: TableProps<Role>['columns'] = [
    {
      title: '角色名称',
      dataIndex: 'name',
      render: (name: string, role) => (
        <Space size={4}>
          {name}
          {role.builtin && <Tag>内置</Tag>}
        </Space>
      ),
    },
    { title: '编码', dataIndex: 'code', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    {
      title: '管理员类别',
      dataIndex: 'adminKind',
      width: 130,
      render: (kind: Role['adminKind']) => (kind ? <Tag color={adminKindLabels[kind].color}>{adminKindLabels[kind].label.replace('管理员', '')}</Tag> : '—'),
    },
    {
      title: '权限',
      dataIndex: 'permissions',
      render: (grants: Role['permissions']) => (
        <Tooltip title={grants.map((g) => permissionName(g.permission)).join('、') || undefined}>
          <span>{grants.length} 项</span>
        </Tooltip>
      ),
      width: 90,
    },
    { title: '用户数', dataIndex: 'userCount', width: 90 },
    { title: '说明', dataIndex: 'description', ellipsis: true, render: (v: string | null) => v || '—' },
    {
      title: '操作',
      key: 'actions',
      width: 140,
      render: (_, role) => {
        const why = role.builtin ? '内置角色不能删除' : role.userCount > 0 ? '仍有用户使用此角色，不能删除' : undefined;
        return (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setTarget({ mode: 'edit', role })}>
              编辑
            </Button>
            {why ? (
              <Tooltip title={why}>
                <Button type="link" size="small" danger disabled>
                  删除
                </Button>
              </Tooltip>
            ) : (
              <Popconfirm title={`删除角色“${role.name}”？`} okButtonProps={{ danger: true }} onConfirm={() => remove(role)}>
                <Button type="link" size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer
      title="角色管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="role-create">
          新建角色
        </Button>
      }
    >
      <Table<Role> rowKey="id" loading={loading} columns={columns} dataSource={roles} pagination={false} scroll={{ x: 900 }} locale={{ emptyText: '暂无角色' }} />
      <RoleDrawer
        target={target}
        registry={registry}
        onClose={() => setTarget(null)}
        onSaved={(saved) => {
          setTarget(null);
          if (saved) void message.success('已保存');
          void load();
        }}
      />
    </PageContainer>
  );
}
