import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { dayjs } from '../../../shared/time.ts';
import { showError } from '../../api/client.ts';
import { OrgSelect } from '../../components/org-select.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import type { CasePanelProps } from '../cases/case-panels.tsx';
import { DueDate } from '../cases/deadline.tsx';
import { FileLinks, FilesField } from './files-field.tsx';
import { legislationApi, type ConsultationDetail, type RequestItem } from './legislation-api.ts';

const none = <Typography.Text type="secondary">—</Typography.Text>;
const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

function DistributeModal({ view, open, onClose, onDone }: { view: ConsultationDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ orgIds: string[]; dueOn: dayjs.Dayjs; note?: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async (v: { orgIds: string[]; dueOn: dayjs.Dayjs; note?: string }) => {
    setSaving(true);
    try {
      await legislationApi.distribute(view.id, { version: view.version, orgIds: v.orgIds, dueOn: day(v.dueOn), note: v.note?.trim() || undefined });
      form.resetFields();
      onDone();
    } catch (error) {
      if (reportSaveError(form, error).conflict) onDone();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="征求部门、乡镇意见" okText="发出" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="legislation-distribute-form">
        <Form.Item name="orgIds" label="征求意见单位" rules={[{ required: true, message: '请至少选择一个单位' }]}>
          <OrgSelect multiple treeCheckable treeCheckStrictly={false} showCheckedStrategy="SHOW_ALL" data-testid="legislation-distribute-orgs" />
        </Form.Item>
        <Form.Item name="dueOn" label="反馈截止日期" extra={`应为工作日，且不晚于县政府反馈截止日期 ${view.replyDueOn}`} rules={[{ required: true, message: '请选择反馈截止日期' }]}>
          <DatePicker style={{ width: '100%' }} data-testid="legislation-distribute-due" />
        </Form.Item>
        <Form.Item name="note" label="要求">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ConsolidateModal({ view, open, onClose, onDone }: { view: ConsultationDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ text: string }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!open) return;
    if (view.consolidatedText) form.setFieldsValue({ text: view.consolidatedText });
    else legislationApi.draft(view.id).then(({ text }) => form.setFieldsValue({ text }), showError);
  }, [open, view, form]);
  const regenerate = () => legislationApi.draft(view.id).then(({ text }) => form.setFieldsValue({ text }), showError);
  const submit = async (v: { text: string }) => {
    setSaving(true);
    try {
      await legislationApi.step(view.id, 'consolidate', { version: view.version, data: { text: v.text.trim() } });
      onDone();
    } catch (error) {
      if (reportSaveError(form, error).conflict) onDone();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="汇总意见（县政府反馈意见稿）" width={800} okText="保存汇总意见" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Space style={{ marginBottom: 8 }}>
        <Button onClick={() => void regenerate()} data-testid="legislation-regenerate">
          按已采纳意见重新生成
        </Button>
      </Space>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="text" rules={[{ required: true, whitespace: true, message: '请填写汇总意见' }]}>
          <Input.TextArea rows={16} maxLength={20000} data-testid="legislation-consolidated-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ReplyValues = { sentOn?: dayjs.Dayjs; documentNo?: string; numberPrefix?: string; lateReason?: string; fileIds?: string[] };

function ReplyModal({ view, open, onClose, onDone }: { view: ConsultationDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<ReplyValues>();
  const [saving, setSaving] = useState(false);
  const waiting = view.requests.filter((r) => !r.terminal);
  const submit = async (v: ReplyValues) => {
    setSaving(true);
    const text = (s?: string) => s?.trim() || undefined;
    try {
      await legislationApi.reply(view.id, {
        version: view.version,
        sentOn: v.sentOn ? day(v.sentOn) : undefined,
        documentNo: text(v.documentNo),
        numberPrefix: text(v.numberPrefix),
        lateReason: text(v.lateReason),
        fileIds: v.fileIds ?? [],
      });
      onDone();
    } catch (error) {
      if (reportSaveError(form, error).conflict) onDone();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="报送县政府反馈意见" okText="报送" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {waiting.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`尚有 ${waiting.length} 个单位未反馈：${waiting.map((w) => w.orgName).join('、')}`} description="报送后不再等待其反馈，须说明理由。" />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="legislation-reply-form">
        <Form.Item name="sentOn" label="报送日期" extra="不填为今天">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="documentNo" label="反馈文号">
          <Input maxLength={60} placeholder="如岳政函〔2021〕35号" data-testid="legislation-reply-no" />
        </Form.Item>
        <Form.Item name="numberPrefix" label="或按本县文号系列编号" extra="填写文号前缀（如“岳政函”），系统按年度顺序编号；与反馈文号二选一">
          <Input maxLength={20} />
        </Form.Item>
        {waiting.length > 0 && (
          <Form.Item name="lateReason" label="未等待反馈的理由" rules={[{ required: true, whitespace: true, message: '请说明未等待其反馈即报送的理由' }]}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="legislation-late-reason" />
          </Form.Item>
        )}
        <Form.Item name="fileIds" label="报送的反馈意见（盖章件）" rules={[{ required: true, type: 'array', min: 1, message: '请上传报送的反馈意见文件' }]}>
          <FilesField testId="legislation-reply-file" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type ResearchValues = { heldOn: dayjs.Dayjs; place?: string; orgCount?: number; orgNames?: string; companyKinds?: number; companyNames?: string; summary: string; fileIds?: string[] };

function ResearchModal({ view, open, onClose, onDone }: { view: ConsultationDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<ResearchValues>();
  const [saving, setSaving] = useState(false);
  const submit = async (v: ResearchValues) => {
    setSaving(true);
    const text = (s?: string) => s?.trim() || undefined;
    try {
      await legislationApi.addResearch(view.id, {
        heldOn: day(v.heldOn),
        place: text(v.place),
        orgCount: v.orgCount ?? 0,
        orgNames: text(v.orgNames),
        companyKinds: v.companyKinds ?? 0,
        companyNames: text(v.companyNames),
        summary: v.summary.trim(),
        fileIds: v.fileIds ?? [],
      });
      form.resetFields();
      onDone();
    } catch (error) {
      reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="登记立法调研" okText="登记" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="heldOn" label="调研日期" rules={[{ required: true, message: '请选择调研日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label="地点">
          <Input maxLength={100} />
        </Form.Item>
        <Space size={16}>
          <Form.Item name="orgCount" label="参加的部门和乡镇数">
            <InputNumber min={0} max={1000} />
          </Form.Item>
          <Form.Item name="companyKinds" label="参加的企业类别数">
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Space>
        <Form.Item name="orgNames" label="参加单位">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="companyNames" label="企业代表">
          <Input maxLength={1000} placeholder="如建筑类、科技型、外贸商务流通类、制造类民营中小企业" />
        </Form.Item>
        <Form.Item name="summary" label="调研情况" rules={[{ required: true, whitespace: true, message: '请填写调研情况' }]}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="fileIds" label="会议纪要等材料">
          <FilesField />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Opinion({ row }: { row: RequestItem }) {
  if (row.state === 'lapsed') return <Typography.Text type="secondary">未反馈（{row.lapseReason}）</Typography.Text>;
  if (row.state !== 'answered') return none;
  if (row.noOpinion) return <Tag>无意见</Tag>;
  // In full: a measured ellipsis collapses to nothing in a column the table has not sized yet.
  return <div style={{ whiteSpace: 'pre-wrap', minWidth: 240 }}>{row.opinion}</div>;
}

/** 立法建议's part of the case page: the letter, the organisations asked and their opinions, research, the consolidated reply. */
export function ConsultationPanel({ detail, onChanged }: CasePanelProps) {
  const { message } = App.useApp();
  const [view, setView] = useState<ConsultationDetail>();
  const [dialog, setDialog] = useState<'distribute' | 'consolidate' | 'reply' | 'research'>();
  const load = useCallback(() => legislationApi.get(detail.id).then(setView, showError), [detail.id]);
  useEffect(() => void load(), [load, detail.version]);
  if (!view) return <Card loading />;

  const done = () => {
    setDialog(undefined);
    void message.success('已保存');
    void load();
    onChanged();
  };
  const adopt = (row: RequestItem, adopted: boolean) =>
    legislationApi.setAdoption(row.id, { version: row.version, adopted }).then(() => void load(), showError);
  const open = !view.terminal && view.canHandle;

  const columns: TableProps<RequestItem>['columns'] = [
    { title: '单位', dataIndex: 'orgName', width: 180, render: (name: string, row) => <Link to={`/cases/${row.id}`}>{name}</Link> },
    {
      title: '反馈期限',
      width: 190,
      render: (_, row) => (row.terminal ? row.dueOn : <DueDate dueOn={row.dueOn} mark={row.mark} provisional={false} />),
    },
    {
      title: '状态',
      width: 150,
      render: (_, row) => (
        <Space size={4} wrap>
          <Tag color={row.state === 'answered' ? 'green' : row.state === 'lapsed' ? 'default' : 'blue'}>{row.stateLabel}</Tag>
          {row.late && <Tag color="orange">逾期反馈</Tag>}
          {row.reminders > 0 && <Tag>催办 {row.reminders} 次</Tag>}
        </Space>
      ),
    },
    { title: '反馈日期', dataIndex: 'answeredOn', width: 110, render: (v: string | null) => v ?? none },
    { title: '意见', render: (_, row) => <Opinion row={row} /> },
    {
      title: '采纳',
      width: 80,
      render: (_, row) =>
        row.state === 'answered' && !row.noOpinion ? (
          <Checkbox checked={row.adopted !== false} disabled={!open} onChange={(e) => void adopt(row, e.target.checked)} data-testid="legislation-adopt" />
        ) : (
          none
        ),
    },
  ];

  return (
    <Card
      title="征求意见情况"
      size="small"
      extra={
        <Space wrap>
          {open && (
            <>
              <Button onClick={() => setDialog('distribute')} data-testid="legislation-distribute">
                征求部门意见
              </Button>
              <Button onClick={() => setDialog('research')}>登记立法调研</Button>
              <Button onClick={() => setDialog('consolidate')} data-testid="legislation-consolidate">
                汇总意见
              </Button>
              <Button type="primary" disabled={view.state !== 'consolidated'} onClick={() => setDialog('reply')} data-testid="legislation-reply">
                报送反馈意见
              </Button>
            </>
          )}
          <Button onClick={() => void legislationApi.replyDocx(view.id).catch(showError)} data-testid="legislation-docx">
            下载反馈意见（Word）
          </Button>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'from', label: '来文机关', children: view.fromBody },
          { key: 'no', label: '来文文号', children: view.documentNo ?? none },
          { key: 'title', label: '来文标题', children: view.documentTitle, span: 2 },
          { key: 'draft', label: '征求意见稿', children: view.draftTitle, span: 2 },
          { key: 'received', label: '收文日期', children: view.receivedOn },
          { key: 'due', label: '反馈截止日期', children: view.replyDueOn },
          { key: 'summary', label: '主要内容和要求', children: view.summary ?? none, span: 2 },
          { key: 'files', label: '来文及附件', children: <FileLinks files={view.files} />, span: 2 },
          ...(view.replySentOn
            ? [
                { key: 'sent', label: '报送日期', children: view.replySentOn },
                { key: 'replyNo', label: '反馈文号', children: <span data-testid="legislation-reply-document-no">{view.replyDocumentNo ?? '—'}</span> },
                ...(view.lateReason ? [{ key: 'late', label: '未等待反馈的理由', children: view.lateReason, span: 2 }] : []),
              ]
            : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        部门、乡镇反馈（{view.answeredCount}/{view.askedCount}）{view.overdueCount > 0 && <Tag color="red">逾期未反馈 {view.overdueCount}</Tag>}
      </Typography.Title>
      <Table<RequestItem> rowKey="id" size="small" columns={columns} dataSource={view.requests} pagination={false} data-testid="legislation-requests" locale={{ emptyText: '尚未征求部门意见' }} />
      {view.research.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            立法调研
          </Typography.Title>
          {view.research.map((r) => (
            <Descriptions
              key={r.id}
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'on', label: '日期', children: r.heldOn },
                { key: 'orgs', label: '部门和乡镇', children: `${r.orgCount} 个` },
                { key: 'companies', label: '企业类别', children: `${r.companyKinds} 类` },
                { key: 'summary', label: '情况', children: r.summary, span: 3 },
                { key: 'files', label: '材料', children: <FileLinks files={r.files} />, span: 3 },
              ]}
            />
          ))}
        </>
      )}
      {view.consolidatedText && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            汇总意见（{view.consolidatedOn}）
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="legislation-consolidated">
            {view.consolidatedText}
          </Typography.Paragraph>
        </>
      )}
      <DistributeModal view={view} open={dialog === 'distribute'} onClose={() => setDialog(undefined)} onDone={done} />
      <ConsolidateModal view={view} open={dialog === 'consolidate'} onClose={() => setDialog(undefined)} onDone={done} />
      <ReplyModal view={view} open={dialog === 'reply'} onClose={() => setDialog(undefined)} onDone={done} />
      <ResearchModal view={view} open={dialog === 'research'} onClose={() => setDialog(undefined)} onDone={done} />
    </Card>
  );
}
