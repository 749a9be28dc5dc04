import { DownloadOutlined, DownOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Dropdown, Input, Select, Space, Switch, Table, Tag, TreeSelect, Typography, type MenuProps, type TableProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { beijingTime } from '../../../shared/time.ts';
import { orgApi, roleApi, userApi } from '../../api/endpoints.ts';
import type { Org, Role, Status, User, UserQuery } from '../../api/types.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { options, statusLabels } from '../../lib/labels.ts';
import { buildOrgTree, orgSelectTree } from '../../lib/org-tree.ts';
import { useSession } from '../../session/session.tsx';
import { ResetPasswordModal } from './reset-password-modal.tsx';
import { UserFormModal, type UserFormTarget } from './user-form-modal.tsx';
import { UserRolesModal } from './user-roles-modal.tsx';

type Filters = Pick<UserQuery, 'q' | 'status' | 'orgId' | 'subtree' | 'roleId'>;
type Sorting = Pick<UserQuery, 'sort' | 'order'>;

function StateTags({ user }: { user: User }) {
  return (
    <Space size={[0, 4]} wrap>
      <Tag color={user.status === 'active' ? 'green' : 'default'}>{statusLabels[user.status]}</Tag>
      {user.locked && <Tag color="red" title={user.lockedUntil ? `锁定至 ${beijingTime(user.lockedUntil, 'MM-DD HH:mm')}` : undefined}>已锁定</Tag>}
      {user.mustChangePassword && <Tag color="orange">须改密</Tag>}
      {user.isService && <Tag color="purple">接口账号</Tag>}
    </Space>
  );
}

export function UsersPage() {
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const [filters, setFilters] = useState<Filters>({ subtree: true });
  const [sorting, setSorting] = useState<Sorting>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [roles, setRoles] = useState<Role[] | null>(null);
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [granting, setGranting] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const query = useMemo<UserQuery>(() => ({ ...filters, ...sorting, ...paging }), [filters, sorting, paging]);

  const { data, loading, load } = usePagedList(userApi.list, query);
  useEffect(() => {
    orgApi.list().then(({ items }) => setOrgs(items), () => setOrgs([]));
    // The role list belongs to role management; without it the role filter is simply not offered.
    roleApi.list({ notify: false }).then(setRoles, () => setRoles(null));
  }, []);

  const orgOptions = useMemo(() => orgSelectTree(buildOrgTree(orgs)), [orgs]);
  const activeOrgOptions = useMemo(() => orgSelectTree(buildOrgTree(orgs), undefined, true), [orgs]);

  const filter = (change: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...change }));
    setPaging((current) => ({ ...current, page: 1 }));
  };

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      void message.success(done);
    } catch (error) {
      reportSaveError(undefined, error);
    }
    await load();
  };

  const showPhone = async (user: User) => {
    try {
      const { phone } = await userApi.personal(user.id);
      modal.info({
        title: `${user.displayName} 的手机号`,
        content: (
          <>
            <Typography.Title level={4} copyable={!!phone}>
              {phone ?? '未填写'}
            </Typography.Title>
            <Typography.Text type="secondary">本次查看已记入审计日志。请勿外传个人信息。</Typography.Text>
          </>
        ),
      });
    } catch {
      // The client has shown the server's message.
    }
  };

  const rowMenu = (user: User): MenuProps['items'] => {
    const active = user.status === 'active';
    return [
      can('user.secure') && { key: 'reset', label: '重置密码', onClick: () => setResetting(user) },
      can('user.secure') && user.locked && { key: 'unlock', label: '解锁', onClick: () => void run(() => userApi.unlock(user.id), '已解锁') },
      can('user.personal') && user.phoneMask && { key: 'phone', label: '查看手机号', onClick: () => void showPhone(user) },
      can('user.write') && {
        key: 'toggle',
        danger: active,
        label: active ? '停用' : '启用',
        onClick: () =>
          modal.confirm({
            title: `${active ? '停用' : '启用'}用户“${user.displayName}”？`,
            content: active ? '停用后该用户不能登录。' : undefined,
            okButtonProps: { danger: active },
            onOk: () => run(() => userApi.setActive(user.id, !active, user.version), active ? '已停用' : '已启用'),
          }),
      },
    ].filter((item) => !!item);
  };

  const sortOrder = (field: string) => (sorting.sort === field ? (sorting.order === 'desc' ? 'descend' : 'ascend') : null);

  const columns: TableProps<User>['columns'] = [
    { title: '用户名', dataIndex: 'username', sorter: true, sortOrder: sortOrder('username'), width: 120 },
    { title: '姓名', dataIndex: 'displayName', sorter: true, sortOrder: sortOrder('displayName'), width: 100 },
    { title: '所属机构', dataIndex: 'orgName', sorter: true, sortOrder: sortOrder('orgName'), width: 180, ellipsis: true },
    { title: '职务', dataIndex: 'title', width: 110, ellipsis: true, render: (v: string | null) => v || '—' },
    { title: '手机号', dataIndex: 'phoneMask', width: 120, render: (v: string | null) => v || '—' },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (list: User['roles']) =>
        list.length ? (
          <Space size={[0, 4]} wrap>
            {list.map((r) => (
              <Tag key={r.id}>{r.name}</Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">未分配</Typography.Text>
        ),
    },
    { title: '状态', key: 'state', width: 140, render: (_, user) => <StateTags user={user} /> },
    {
      title: '最后登录',
      dataIndex: 'lastLoginAt',
      sorter: true,
      sortOrder: sortOrder('lastLoginAt'),
      width: 150,
      render: (v: string | null) => (v ? beijingTime(v, 'YYYY-MM-DD HH:mm') : '从未登录'),
    },
    {
      title: '操作',
      key: 'actions',
      fixed: 'end',
      width: 170,
      render: (_, user) => {
        const more = rowMenu(user) ?? [];
        return (
          <Space size={0} wrap>
            {can('user.write') && (
              <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', user })}>
                编辑
              </Button>
            )}
            {can('user.grant') && roles && (
              <Button type="link" size="small" onClick={() => setGranting(user)} data-testid="user-grant">
                分配角色
              </Button>
            )}
            {more.length > 0 && (
              <Dropdown menu={{ items: more }} trigger={['click']}>
                <Button type="link" size="small">
                  更多 <DownOutlined />
                </Button>
              </Dropdown>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer
      title="用户管理"
      extra={
        <Space wrap>
          <GuardedButton permission="user.write" type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', orgId: filters.orgId })} data-testid="user-create">
            新建用户
          </GuardedButton>
          <Button icon={<DownloadOutlined />} onClick={() => userApi.exportXlsx(query).catch(() => undefined)} data-testid="user-export">
            导出 Excel
          </Button>
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={[16, 12]}>
          <Input.Search placeholder="用户名、姓名" allowClear onSearch={(q) => filter({ q: q.trim() || undefined })} style={{ width: 220 }} data-testid="user-search" />
          <TreeSelect
            allowClear
            treeData={orgOptions}
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder="所属机构"
            value={filters.orgId}
            onChange={(orgId?: string) => filter({ orgId })}
            style={{ width: 240 }}
          />
          <Space size={6}>
            <Switch size="small" checked={!!filters.subtree} onChange={(subtree) => filter({ subtree })} disabled={!filters.orgId} />
            <span>含下级</span>
          </Space>
          <Select<Status> allowClear placeholder="状态" options={options(statusLabels)} value={filters.status} onChange={(status) => filter({ status })} style={{ width: 110 }} />
          {roles && (
            <Select
              allowClear
              placeholder="角色"
              options={roles.map((r) => ({ value: r.id, label: r.name }))}
              value={filters.roleId}
              onChange={(roleId?: string) => filter({ roleId })}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 180 }}
            />
          )}
        </Space>
      </Card>
      <Table<User>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        scroll={{ x: 1200 }}
        locale={{ emptyText: filters.q || filters.orgId || filters.status || filters.roleId ? '没有符合条件的用户' : '暂无用户' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data.total,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 人`,
        }}
        onChange={(pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          setSorting(one?.order ? { sort: String(one.field), order: one.order === 'descend' ? 'desc' : 'asc' } : {});
          setPaging({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
        }}
      />
      <UserFormModal
        target={formTarget}
        orgOptions={activeOrgOptions}
        onClose={() => setFormTarget(null)}
        onSaved={(saved) => {
          setFormTarget(null);
          if (saved) void message.success('已保存');
          void load();
        }}
      />
      <UserRolesModal
        user={granting}
        roles={roles ?? []}
        onClose={() => setGranting(null)}
        onSaved={(saved) => {
          setGranting(null);
          if (saved) void message.success('角色已更新');
          void load();
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onSaved={() => {
          setResetting(null);
          void message.success('密码已重置，请将新密码当面或通过安全渠道告知用户');
          void load();
        }}
      />
    </PageContainer>
  );
}
