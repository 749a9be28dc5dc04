import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Popconfirm, Table, Tag, Typography, type TableProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { beijingTime } from '../../../shared/time.ts';
import { tokenApi } from '../../api/endpoints.ts';
import type { ApiToken } from '../../api/types.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { TokenCreateModal } from './token-create-modal.tsx';

function tokenState(token: ApiToken): { label: string; color: string } {
  if (token.revokedAt) return { label: '已吊销', color: 'default' };
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return { label: '已过期', color: 'orange' };
  return { label: '有效', color: 'green' };
}

export function TokensPage() {
  const { message } = App.useApp();
  const [tokens, setTokens] = useState<ApiToken[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setTokens(await tokenApi.list());
    } catch {
      setTokens([]);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const revoke = async (token: ApiToken) => {
    try {
      await tokenApi.revoke(token.id);
      void message.success('已吊销');
    } catch {
      // The client has shown the server's message.
    }
    await load();
  };

  const columns: TableProps<ApiToken>['columns'] = [
    { title: '名称', dataIndex: 'name' },
    { title: '服务账号', key: 'user', render: (_, token) => (token.displayName ? `${token.displayName}（${token.username}）` : token.username) },
    { title: '令牌前缀', dataIndex: 'prefix', render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text> },
    { title: '创建时间', dataIndex: 'createdAt', render: (v: string) => beijingTime(v, 'YYYY-MM-DD HH:mm') },
    { title: '到期时间', dataIndex: 'expiresAt', render: (v: string | null) => (v ? beijingTime(v, 'YYYY-MM-DD HH:mm') : '长期') },
    { title: '最后使用', dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? beijingTime(v, 'YYYY-MM-DD HH:mm') : '从未使用') },
    {
      title: '状态',
      key: 'state',
      render: (_, token) => {
        const state = tokenState(token);
        return <Tag color={state.color}>{state.label}</Tag>;
      },
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, token) =>
        token.revokedAt ? (
          '—'
        ) : (
          <Popconfirm title={`吊销令牌“${token.name}”？`} description="吊销立即生效，使用此令牌的系统将无法再访问接口。" okButtonProps={{ danger: true }} onConfirm={() => revoke(token)}>
            <Button type="link" size="small" danger>
              吊销
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <PageContainer
      title="接口令牌"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
          新建令牌
        </Button>
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title="接口令牌供外部系统以服务账号身份调用本平台接口（请求头 Authorization: Bearer 令牌）。令牌只在创建时显示一次，平台只保存其摘要。" />
      <Table<ApiToken> rowKey="id" loading={loading} columns={columns} dataSource={tokens} pagination={false} scroll={{ x: 900 }} locale={{ emptyText: '暂无接口令牌' }} />
      <TokenCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(token, name) => {
          setCreating(false);
          setCreated({ token, name });
          void load();
        }}
      />
      <Modal
        open={!!created}
        title={`令牌已创建：${created?.name ?? ''}`}
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)} data-testid="token-shown-ok">
            我已妥善保存
          </Button>
        }
        mask={{ closable: false }}
      >
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="令牌只显示这一次，关闭后无法再次查看。请立即复制并交给对接系统的管理员妥善保存。" />
        <Typography.Paragraph copyable={{ text: created?.token, tooltips: ['复制', '已复制'] }} code style={{ wordBreak: 'break-all' }} data-testid="token-value">
          {created?.token}
        </Typography.Paragraph>
      </Modal>
    </PageContainer>
  );
}
