import { PlusOutlined } from '@ant-design/icons';
import { Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { meetingKindLabels, meetingOutcomeLabels, type MeetingKind, type MeetingOutcome } from '../../../../contracts/decisions.ts';
import { GuardedButton, testId } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { useServerList, type AddressSpec } from '../../lib/use-server-list.ts';
import { DECISIONS, decisionsApi, type MeetingDetail, type MeetingItemView, type MeetingQuery } from '../decisions/decisions-api.ts';
import { ExportButton, ListSearch } from '../../components/list-toolbar.tsx';

const address: AddressSpec<'heldOn'> = { text: ['orgId', 'kind'], flags: ['lawRelated'], sorts: ['heldOn'], firstYear: 2019 };

const linkOf = (row: MeetingItemView) => (row.caseType === 'decision' ? `/decisions/${row.caseId}` : `/cases/${row.caseId}`);

/** 政府会议登记: the items of the county's meetings, those recorded by procedures and those added by hand. */
export function MeetingsPage() {
  const list = useServerList<MeetingItemView, 'heldOn', MeetingQuery>({ spec: address, defaultSort: 'heldOn', fetchPage: decisionsApi.meetingItems, exportXlsx: decisionsApi.exportMeetingItems });
  const { query, setFilter } = list;
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ orgId: string; kind: MeetingKind; seq: number; heldOn: dayjs.Dayjs; chair?: string }>();
  const create = async (v: { orgId: string; kind: MeetingKind; seq: number; heldOn: dayjs.Dayjs; chair?: string }) => {
    try {
      await decisionsApi.createMeeting({ ...v, heldOn: v.heldOn.format('YYYY-MM-DD') });
      setCreating(false);
      list.reload();
    } catch (error) {
      reportSaveError(form, error);
    }
  };
  const columns: TableProps<MeetingItemView>['columns'] = [
    { title: '会议', render: (_, r) => <Link to={`/meetings/${r.meetingId}`}>{r.meetingName}</Link> },
    { title: '日期', dataIndex: 'heldOn', width: 110 },
    { title: '议题', render: (_, r) => (r.caseId ? <Link to={linkOf(r)}>{r.title}</Link> : r.title) },
    { title: '涉法', width: 70, render: (_, r) => (r.lawRelated ? <Tag color="red">涉法</Tag> : null) },
    { title: '关联事项', dataIndex: 'caseTypeLabel', width: 120 },
    { title: '结论', dataIndex: 'outcomeLabel', width: 150 },
  ];
  return (
    <PageContainer
      title="政府会议登记"
      extra={
        <Space>
          <GuardedButton permission={DECISIONS.meetingsManage} icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="meeting-create">
            登记会议
          </GuardedButton>
          <ExportButton list={list} testId="meeting-export" />
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <ListSearch list={list} placeholder="议题" width={200} />
          <OrgSelect placeholder="机构" value={query.orgId} onChange={(orgId?: string) => setFilter({ orgId })} style={{ width: 200 }} />
          <Select allowClear placeholder="会议类型" options={options(meetingKindLabels)} value={query.kind} onChange={(kind?: MeetingKind) => setFilter({ kind })} style={{ width: 170 }} />
          <Select allowClear placeholder="年度" options={list.yearOptions} value={query.year} onChange={(year?: number) => setFilter({ year })} style={{ width: 110 }} />
          <Select
            allowClear
            placeholder="涉法议题"
            options={[
              { value: 'true', label: '涉法议题' },
              { value: 'false', label: '其他议题' },
            ]}
            value={query.lawRelated === undefined ? undefined : String(query.lawRelated)}
            onChange={(v?: string) => setFilter({ lawRelated: v === undefined ? undefined : v === 'true' })}
            style={{ width: 120 }}
            data-testid="meeting-filter-law"
          />
        </Space>
      </Card>
      <Table<MeetingItemView> rowKey="itemId" loading={list.loading} columns={columns} dataSource={list.data.items} pagination={list.pagination} onChange={list.onTableChange} data-testid="meeting-table" />
      <Modal title="登记会议" open={creating} onCancel={() => setCreating(false)} onOk={() => form.submit()} okButtonProps={testId('meeting-create-submit')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void create(v)}>
          <Form.Item name="orgId" label="机构" rules={[{ required: true, message: '请选择机构' }]}>
            <OrgSelect />
          </Form.Item>
          <Form.Item name="kind" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
            <Select options={options(meetingKindLabels)} />
          </Form.Item>
          <Form.Item name="seq" label="当年第几次" rules={[{ required: true, type: 'number', message: '请填写' }]}>
            <InputNumber min={1} max={200} />
          </Form.Item>
          <Form.Item name="heldOn" label="召开日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="chair" label="主持人">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}

/** One meeting and its items; items not linked to a procedure are added here. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ title: string; lawRelated: boolean; outcome: MeetingOutcome; notes?: string }>();
  const load = useCallback(async () => setMeeting(await decisionsApi.meeting(id)), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!meeting) return <Card loading />;
  const add = async (v: { title: string; lawRelated: boolean; outcome: MeetingOutcome; notes?: string }) => {
    try {
      setMeeting(await decisionsApi.addMeetingItem(meeting.id, v));
      setAdding(false);
    } catch (error) {
      reportSaveError(form, error);
    }
  };
  return (
    <PageContainer
      title={meeting.name}
      extra={
        <GuardedButton permission={DECISIONS.meetingsManage} icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          登记议题
        </GuardedButton>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions size="small" bordered items={[{ key: 'org', label: '机构', children: meeting.orgName }, { key: 'kind', label: '会议类型', children: meeting.kindLabel }, { key: 'on', label: '召开日期', children: meeting.heldOn }, { key: 'chair', label: '主持人', children: meeting.chair ?? '—' }]} />
        <Table
          rowKey="itemId"
          pagination={false}
          dataSource={meeting.items}
          columns={[
            { title: '序号', dataIndex: 'itemSeq', width: 60 },
            { title: '议题', render: (_, r) => (r.caseId ? <Link to={linkOf(r)}>{r.title}</Link> : r.title) },
            { title: '涉法', width: 70, render: (_, r) => (r.lawRelated ? <Tag color="red">涉法</Tag> : null) },
            { title: '结论', dataIndex: 'outcomeLabel', width: 160 },
          ]}
        />
      </Space>
      <Modal title="登记议题（不关联案件）" open={adding} onCancel={() => setAdding(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ lawRelated: false, outcome: 'adopted' }} onFinish={(v) => void add(v)}>
          <Form.Item name="title" label="议题" rules={[{ required: true, message: '请填写议题' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="lawRelated" label="涉法议题" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="outcome" label="会议结论" rules={[{ required: true }]}>
            <Select options={options(meetingOutcomeLabels)} />
          </Form.Item>
          <Form.Item name="notes" label="备注">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
