import { Alert, Checkbox, Empty, Modal, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { userApi } from '../../api/endpoints.ts';
import type { Role, User } from '../../api/types.ts';
import { testId } from '../../components/guarded.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { adminKindLabels } from '../../lib/labels.ts';

/** 分配角色. 三员分立: one user may hold roles of at most one administrator kind. */
export function UserRolesModal({ user, roles, onClose, onSaved }: { user: User | null; roles: Role[]; onClose: () => void; onSaved: (saved: boolean) => void }) {
  const [selected, setSelected] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (user) setSelected(user.roles.map((r) => r.id));
  }, [user]);

  const kinds = new Set(roles.filter((r) => selected.includes(r.id) && r.adminKind).map((r) => r.adminKind));
  const mixed = kinds.size > 1;

  const save = async () => {
    if (!user) return;
    setSaving(true);
    try {
      await userApi.setRoles(user.id, selected, user.version);
      onSaved(true);
    } catch (error) {
      if (reportSaveError(undefined, error).conflict) onSaved(false);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!user}
      title={`分配角色：${user?.displayName ?? ''}（${user?.username ?? ''}）`}
      okText="保存"
      width={640}
      confirmLoading={saving}
      okButtonProps={{ disabled: mixed, ...testId('user-roles-ok') }}
      onOk={save}
      onCancel={onClose}
    >
      {mixed && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="系统管理员、安全管理员、审计管理员三类角色须分由不同人员担任，不能同时分配给一个用户。" />}
      {roles.length ? (
        <Checkbox.Group value={selected} onChange={(values) => setSelected(values as string[])} style={{ width: '100%' }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {roles.map((role) => (
              <Checkbox key={role.id} value={role.id}>
                <Space size={4} wrap>
                  <span>{role.name}</span>
                  {role.adminKind && <Tag color={adminKindLabels[role.adminKind].color}>{adminKindLabels[role.adminKind].label}</Tag>}
                  {role.description && <Typography.Text type="secondary">{role.description}</Typography.Text>}
                </Space>
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      ) : (
        <Empty description="暂无可分配的角色" />
      )}
    </Modal>
  );
}
