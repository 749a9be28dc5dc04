import { DownloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { usePagedList } from '../../lib/use-paged-list.ts';
import { auditActionGroups, auditActionLabels, entityTypeLabels } from '../../../../contracts/labels.ts';
import { beijingTime } from '../../../shared/time.ts';
import { auditApi } from '../../api/endpoints.ts';
import type { AuditQuery, AuditRow, AuditVerification } from '../../api/types.ts';
import { PageContainer } from '../../components/page-container.tsx';

/** Filter choices: every module prefix ("org" = all organisation actions), then each action. */
const actionOptions = [
  ...Object.entries(auditActionGroups).map(([value, label]) => ({ value, label: `${label}（全部）` })),
  ...Object.entries(auditActionLabels).map(([value, label]) => ({ value, label: `${label}（${value}）` })),
];
const entityOptions = Object.entries(entityTypeLabels).map(([value, label]) => ({ value, label }));

interface FilterValues {
  range?: [Dayjs | null, Dayjs | null];
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
}

/** The chain of deployment-wide actions (kernel/audit GLOBAL_CHAIN); other chains are region codes. */
const chainLabel = (chain: string) => (chain === '000000' ? '全局' : chain);

const text = (value?: string) => value?.trim() || undefined;

function toQuery(values: FilterValues): AuditQuery {
  const [from, to] = values.range ?? [];
  return {
    from: from?.toISOString(),
    to: to?.toISOString(),
    actor: text(values.actor),
    action: text(values.action),
    entityType: text(values.entityType),
    entityId: text(values.entityId),
  };
}

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">（无）</Typography.Text>;
  return <pre className="json-view">{JSON.stringify(value, null, 2)}</pre>;
}

function AuditDetails({ row }: { row: AuditRow }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {(row.before != null || row.after != null) && (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Typography.Text strong>修改前</Typography.Text>
            <Json value={row.before} />
          </Col>
          <Col xs={24} md={12}>
            <Typography.Text strong>修改后</Typography.Text>
            <Json value={row.after} />
          </Col>
        </Row>
      )}
      {row.detail !== null && row.detail !== undefined && (
        <div>
          <Typography.Text strong>附加信息</Typography.Text>
          <Json value={row.detail} />
        </div>
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'org', label: '所属机构', children: row.orgName ?? row.orgId ?? '—' },
          { key: 'actorId', label: '操作人 ID', children: row.actorId ?? '—' },
          { key: 'ua', label: '浏览器', children: row.userAgent ?? '—', span: 2 },
          { key: 'hash', label: '本条哈希（SM3）', children: <Typography.Text code style={{ wordBreak: 'break-all' }}>{row.hash}</Typography.Text>, span: 2 },
        ]}
      />
    </Space>
  );
}

function VerificationResult({ result }: { result: AuditVerification }) {
  if (!result.ok && result.firstBroken) {
    const broken = result.firstBroken;
    return (
      <Alert
        type="error"
        showIcon
        data-testid="audit-verify-result"
        title={<span style={{ color: '#cf1322' }}>审计日志完整性校验未通过</span>}
        description={
          <span style={{ color: '#cf1322' }}>
            第一处断链：链 {chainLabel(broken.chain)} 第 {broken.seq} 条——{broken.reason}
            {broken.detail ? `（${broken.detail}）` : ''}。请立即报告并保全数据库，不要修改或删除任何记录。
          </span>
        }
      />
    );
  }
  const total = result.chains.reduce((sum, c) => sum + c.rows, 0);
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      data-testid="audit-verify-result"
      title={result.ok ? `完整：共校验 ${total} 条记录，哈希链未被篡改` : '审计日志完整性校验未通过'}
      description={result.chains.length ? result.chains.map((c) => `链 ${chainLabel(c.chain)}：${c.rows} 条`).join('；') : '尚无审计记录'}
    />
  );
}

export function AuditPage() {
  const [form] = Form.useForm<FilterValues>();
  const [query, setQuery] = useState<AuditQuery>({});
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<AuditVerification | null>(null);

  const listQuery = useMemo(() => ({ ...query, ...paging }), [query, paging]);
  const { data, loading } = usePagedList(auditApi.list, listQuery);

  const verify = async () => {
    setVerifying(true);
    try {
      setVerification(await auditApi.verify());
    } catch {
      setVerification(null);
    } finally {
      setVerifying(false);
    }
  };

  const columns: TableProps<AuditRow>['columns'] = [
    { title: '时间（北京时间）', dataIndex: 'at', width: 180, render: (v: string) => beijingTime(v) },
    { title: '操作人', dataIndex: 'actorName', width: 140, render: (v: string | null) => v ?? '—' },
    { title: 'IP', dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
    { title: '动作', dataIndex: 'action', width: 180, render: (v: string) => <Tag color="blue" title={v}>{auditActionLabels[v] ?? v}</Tag> },
    {
      title: '对象',
      key: 'entity',
      ellipsis: true,
      render: (_, row) =>
        row.entityType ? (
          <span>
            {entityTypeLabels[row.entityType] ?? row.entityType}
            {row.entityId && <Typography.Text type="secondary"> {row.entityId}</Typography.Text>}
          </span>
        ) : (
          '—'
        ),
    },
    { title: '链 / 序号', key: 'seq', width: 130, render: (_, row) => `${chainLabel(row.chain)} / ${row.seq}` },
  ];

  return (
    <PageContainer
      title="审计日志"
      extra={
        <Space wrap>
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={verify} data-testid="audit-verify">
            校验日志完整性
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => auditApi.exportXlsx(query).catch(() => undefined)} data-testid="audit-export">
            导出 Excel
          </Button>
        </Space>
      }
    >
      {verification && (
        <div style={{ marginBottom: 16 }}>
          <VerificationResult result={verification} />
        </div>
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout="inline"
          onFinish={(values) => {
            setQuery(toQuery(values));
            setPaging((current) => ({ ...current, page: 1 }));
          }}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="range" label="时间">
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="actor" label="操作人">
            <Input allowClear placeholder="用户名" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="action" label="动作">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部动作" style={{ width: 180 }} options={actionOptions} />
          </Form.Item>
          <Form.Item name="entityType" label="对象类型">
            <Select allowClear placeholder="全部类型" style={{ width: 140 }} options={entityOptions} />
          </Form.Item>
          <Form.Item name="entityId" label="对象 ID">
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setQuery({});
                  setPaging((current) => ({ ...current, page: 1 }));
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Table<AuditRow>
        rowKey={(row) => `${row.chain}-${row.seq}`}
        loading={loading}
        columns={columns}
        dataSource={data.items}
        scroll={{ x: 1000 }}
        expandable={{ expandedRowRender: (row) => <AuditDetails row={row} />, columnTitle: '详情', columnWidth: 64 }}
        locale={{ emptyText: Object.values(query).some(Boolean) ? '没有符合条件的记录' : '暂无审计记录' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data.total,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 条`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
    </PageContainer>
  );
}
