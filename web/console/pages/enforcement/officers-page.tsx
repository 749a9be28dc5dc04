import { FormOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { enforcementFieldLabels } from '../../../../contracts/enforcement.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { options } from '../../lib/labels.ts';
import { OfficerModal } from './officer-modals.tsx';
import { BodySelect } from './pickers.tsx';
import { ENFORCEMENT, registryApi, type OfficerItem, type Reminders } from './registry-api.ts';
import { RegistryPage } from './registry-page.tsx';

const sorts = ['name', 'bodyName', 'validUntil', 'trainingHours', 'certificateNo'];
const spec = { text: ['bodyId', 'field', 'certificateStatus', 'expiringWithin'], flags: ['belowTraining'], sorts, firstYear: 2016 };

export const certificateColors: Record<string, string> = { valid: 'green', expired: 'default', suspended: 'orange', revoked: 'red', replaced: 'default' };
const statusOptions = [
  { value: 'valid', label: '有效' },
  { value: 'expired', label: '已过期' },
  { value: 'suspended', label: '暂扣' },
  { value: 'revoked', label: '吊销' },
  { value: 'none', label: '无执法证' },
];

/** 到期提醒: certificates ending within 90 days and officers short of this year's training hours. */
function RemindersCard() {
  const [reminders, setReminders] = useState<Reminders>();
  useEffect(() => {
    registryApi.reminders().then(setReminders, () => undefined);
  }, []);
  if (!reminders || (!reminders.expiring.length && !reminders.trainingTotal)) return null;
  return (
    <Card size="small" title="到期提醒" style={{ marginBottom: 16 }} data-testid="officer-reminders">
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Typography.Text strong>{`${reminders.withinDays} 日内到期的执法证（${reminders.expiring.length}）`}</Typography.Text>
          <Table
            size="small"
            rowKey="id"
            dataSource={reminders.expiring}
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            columns={[
              { title: '姓名', dataIndex: 'officerName', render: (name: string, c) => <Link to={`/enforcement/officers/${c.officerId}`}>{name}</Link> },
              { title: '执法证号', dataIndex: 'certificateNo' },
              { title: '执法主体', dataIndex: 'bodyName', ellipsis: true },
              { title: '有效期至', dataIndex: 'validUntil', width: 110 },
            ]}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Text strong>{`${reminders.year} 年培训不足 ${reminders.requiredHours} 学时（${reminders.trainingTotal} 人）`}</Typography.Text>
          <Table
            size="small"
            rowKey="officerId"
            dataSource={reminders.training}
            pagination={{ pageSize: 5, hideOnSinglePage: true }}
            columns={[
              { title: '姓名', dataIndex: 'name', render: (name: string, o) => <Link to={`/enforcement/officers/${o.officerId}`}>{name}</Link> },
              { title: '执法主体', dataIndex: 'bodyName', ellipsis: true },
              { title: '已完成学时', dataIndex: 'hours', width: 100 },
            ]}
          />
          {reminders.trainingTotal > reminders.training.length && (
            <Alert type="info" showIcon title={`仅列出学时最少的 ${reminders.training.length} 人；在列表中筛选“培训不足60学时”可查看全部。`} />
          )}
        </Col>
      </Row>
    </Card>
  );
}

/** 行政执法人员: who may enforce, with their current certificate, training and reminders. */
export function OfficersPage() {
  const [creating, setCreating] = useState(false);
  return (
    <RegistryPage<OfficerItem>
      title="行政执法人员"
      testId="officers"
      spec={spec}
      defaultSort="name"
      fetchPage={registryApi.officers}
      exportXlsx={registryApi.exportOfficers}
      searchPlaceholder="姓名或执法证号"
      empty="暂无执法人员"
      importing={{ kind: 'officers', title: '导入执法人员及执法证（Excel）', hint: '每行一名人员及一张执法证；执法主体须已登记。换证时在“换发原证号”填写原证号。请使用“导出 Excel”的表格格式。' }}
      above={() => <RemindersCard />}
      actions={() => (
        <GuardedButton permission={ENFORCEMENT.manage} type="primary" icon={<FormOutlined />} onClick={() => setCreating(true)} data-testid="officer-create">
          登记执法人员
        </GuardedButton>
      )}
      filters={({ query, setFilter }) => (
        <>
          <BodySelect value={query.bodyId as string | undefined} onChange={(bodyId?: string) => setFilter({ bodyId })} style={{ width: 240 }} popupMatchSelectWidth={false} />
          <Select allowClear placeholder="执法领域" options={options(enforcementFieldLabels)} value={query.field as string | undefined} onChange={(field?: string) => setFilter({ field })} style={{ width: 170 }} popupMatchSelectWidth={false} />
          <Select allowClear placeholder="证件状态" options={statusOptions} value={query.certificateStatus as string | undefined} onChange={(certificateStatus?: string) => setFilter({ certificateStatus })} style={{ width: 120 }} />
          <Select
            allowClear
            placeholder="培训学时"
            options={[{ value: 'true', label: '本年不足60学时' }, { value: 'false', label: '本年已满60学时' }]}
            value={query.belowTraining === undefined ? undefined : String(query.belowTraining)}
            onChange={(v?: string) => setFilter({ belowTraining: v === undefined ? undefined : v === 'true' })}
            style={{ width: 150 }}
          />
        </>
      )}
      columns={({ sortable }) => [
        { title: '姓名', dataIndex: 'name', width: 110, ...sortable('name', 'ascend'), render: (name: string, o) => <Link to={`/enforcement/officers/${o.id}`} data-testid="officer-link">{name}</Link> },
        { title: '执法主体', dataIndex: 'bodyName', ellipsis: true, ...sortable('bodyName', 'ascend') },
        { title: '执法证号', dataIndex: 'certificateNo', width: 170, ...sortable('certificateNo', 'ascend'), render: (no: string | null) => no ?? <Typography.Text type="secondary">无</Typography.Text> },
        { title: '执法领域', dataIndex: 'fieldLabel', width: 160 },
        { title: '有效期至', dataIndex: 'validUntil', width: 116, ...sortable('validUntil', 'ascend') },
        {
          title: '状态',
          key: 'status',
          width: 130,
          render: (_, o) => (
            <Space size={4}>
              {o.certificateStatus && <Tag color={certificateColors[o.certificateStatus]}>{o.certificateStatusLabel}</Tag>}
              {o.status === 'inactive' && <Tag>停用</Tag>}
            </Space>
          ),
        },
        { title: '本年学时', dataIndex: 'trainingHours', width: 100, ...sortable('trainingHours', 'ascend'), render: (h: number) => (h < 60 ? <Typography.Text type="warning">{h}</Typography.Text> : h) },
      ]}
      modals={(list) => <OfficerModal open={creating} onClose={() => setCreating(false)} onSaved={() => void list.reload()} />}
    />
  );
}
