import { App, Button, Card, DatePicker, Descriptions, Form, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { dayjs } from '../../../shared/time.ts';
import { showError } from '../../api/client.ts';
import { OrgSelect } from '../../components/org-select.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import type { CasePanelProps } from '../cases/case-panels.tsx';
import { DueDate } from '../cases/deadline.tsx';
import { handlerRoleLabels, opinionStateLabels, replyCategoryLabels, satisfactionLabels } from '../../../../contracts/proposals.ts';
import { proposalsApi, type Handler, type ProposalDetail } from './proposals-api.ts';

const none = <Typography.Text type="secondary">—</Typography.Text>;
const text = (value: string | null) => (value ? <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span> : none);

type AssignValues = { leadOrgId: string; coOrgIds?: string[]; assignedOn?: dayjs.Dayjs };

/** 交办 (or 重新交办 after a return): the lead unit and the co-handlers; the reply period runs from the 交办 date. */
function AssignForm({ view, onDone }: { view: ProposalDetail; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const [saving, setSaving] = useState(false);
  const again = view.state !== 'registered';
  const submit = async (v: AssignValues) => {
    setSaving(true);
    try {
      await proposalsApi.assign(view.id, { version: view.version, leadOrgId: v.leadOrgId, coOrgIds: v.coOrgIds ?? [], assignedOn: v.assignedOn?.format('YYYY-MM-DD') });
      void message.success(again ? '已重新交办' : '已交办');
      onDone();
    } catch (error) {
      reportSaveError(form, error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="proposal-assign-form">
      <Form.Item name="leadOrgId" label="主办单位" rules={[{ required: true, message: '请选择主办单位' }]}>
        <OrgSelect data-testid="proposal-lead" />
      </Form.Item>
      <Form.Item name="coOrgIds" label="会办单位（可多选）">
        <OrgSelect multiple data-testid="proposal-co" />
      </Form.Item>
      <Form.Item name="assignedOn" label="交办日期" extra="不填为今天；答复期限自交办之日起计算">
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="proposal-assign-submit">
        {again ? '重新交办' : '交办'}
      </Button>
    </Form>
  );
}

function handlerState(h: Handler) {
  if (h.returnedOn) return <Tag color="orange">已退回（{h.returnedOn}）</Tag>;
  if (!h.active) return <Tag>已撤销</Tag>;
  if (h.role === 'lead') return <Tag color="blue">承办中</Tag>;
  if (h.caseState === 'open') return <Space size={4} wrap><Tag color="blue">{opinionStateLabels.open}</Tag><DueDate dueOn={h.dueOn} mark={h.mark} provisional={false} /></Space>;
  return <Tag color="green">{opinionStateLabels[h.caseState ?? ''] ?? h.caseState}</Tag>;
}

/** What the proposal is, who handles it, the replies and the feedback; the steps themselves are the case page's buttons. */
export function ProposalView({ view }: { view: ProposalDetail }) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'kind', label: '类别', children: `${view.kindLabel} 第${view.number}号` },
          { key: 'session', label: '届次会议', children: view.sessionLabel },
          { key: 'proposers', label: '提出人', children: view.proposers },
          { key: 'topic', label: '分类', children: view.topic ?? none },
          { key: 'content', label: '内容', children: text(view.content), span: 2 },
          { key: 'assigned', label: '交办日期', children: view.assignedOn ?? '未交办' },
          { key: 'due', label: view.state === 'secondHandling' || view.state === 'secondReplied' ? '再次答复期限' : '答复期限', children: view.dueOn ? <DueDate dueOn={view.dueOn} mark={view.mark} provisional={false} /> : (view.replyDueOn ?? none) },
          ...(view.extensionReason ? [{ key: 'ext', label: '延期理由', children: text(view.extensionReason), span: 2 }] : []),
          ...(view.repliedOn
            ? [
                { key: 'replied', label: '答复日期', children: <Space size={4}>{view.repliedOn}{view.onTime === false ? <Tag color="red">逾期答复</Tag> : <Tag color="green">按期答复</Tag>}</Space> },
                { key: 'category', label: '答复类别', children: view.replyCategory ? replyCategoryLabels[view.replyCategory] : none },
                { key: 'reply', label: '答复内容', children: text(view.replyText), span: 2 },
              ]
            : []),
          ...(view.firstSatisfaction ? [{ key: 'fb', label: '代表（委员）意见', children: <>{satisfactionLabels[view.firstSatisfaction]}（{view.feedbackOn}）</> }] : []),
          ...(view.secondRepliedOn
            ? [
                { key: 'second', label: '再次答复', children: <>{view.secondRepliedOn}（期限 {view.secondReplyDueOn}）</> },
                { key: 'secondText', label: '再次答复内容', children: text(view.secondReplyText), span: 2 },
                { key: 'secondFb', label: '对再次答复的意见', children: view.secondSatisfaction ? satisfactionLabels[view.secondSatisfaction] : '待反馈' },
              ]
            : []),
        ]}
      />
      <Table<Handler>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={view.handlers}
        scroll={{ x: 760 }}
        data-testid="proposal-handlers"
        locale={{ emptyText: '尚未交办' }}
        columns={[
          { title: '承办单位', dataIndex: 'orgName' },
          { title: '角色', dataIndex: 'role', width: 90, render: (role: Handler['role']) => handlerRoleLabels[role] },
          { title: '交办日期', dataIndex: 'assignedOn', width: 110 },
          { title: '退回期限', dataIndex: 'returnDueOn', width: 110 },
          { title: '状态', width: 220, render: (_, h) => handlerState(h) },
          { title: '会办意见 / 退回理由', render: (_, h) => text(h.opinion ?? h.returnReason) },
        ]}
      />
    </Space>
  );
}

/** The proposal's panel on its case page: the record, the units, and 交办 for the office. */
export function ProposalPanel({ detail, onChanged }: CasePanelProps) {
  const [view, setView] = useState<ProposalDetail>();
  const [changing, setChanging] = useState(false);
  const load = useCallback(() => proposalsApi.get(detail.id).then(setView, showError), [detail.id]);
  useEffect(() => {
    void load();
  }, [load, detail.version]);
  if (!view) return <Card loading />;
  // While the unit handles it, changing units is the exception: behind a button, not an open form.
  const assignable = view.canHandle && (view.state === 'registered' || view.state === 'returned' || (view.state === 'handling' && changing));
  return (
    <Card
      title="建议提案"
      size="small"
      data-testid="proposal-panel"
      extra={
        view.canHandle &&
        view.state === 'handling' &&
        !changing && (
          <Button size="small" onClick={() => setChanging(true)} data-testid="proposal-change-units">
            更换承办单位
          </Button>
        )
      }
    >
      <ProposalView view={view} />
      {assignable && (
        <Card type="inner" size="small" title={view.state === 'registered' ? '交办' : '重新交办（更换承办单位，答复期限重新计算）'} style={{ marginTop: 16 }}>
          <AssignForm
            view={view}
            onDone={() => {
              setChanging(false);
              onChanged();
            }}
          />
        </Card>
      )}
    </Card>
  );
}

/** A 会办单位's case: the proposal it is asked about (read through the module, scoped by its 会办), its own steps on the case page. */
export function OpinionPanel({ detail }: CasePanelProps) {
  const [view, setView] = useState<ProposalDetail>();
  const [gone, setGone] = useState(false);
  useEffect(() => {
    // A unit that returned the item, or was taken off it, no longer reads the proposal.
    if (detail.parentId) proposalsApi.get(detail.parentId).then(setView, () => setGone(true));
  }, [detail.parentId, detail.version]);
  if (gone) return <Card size="small" title="会办">本单位已退回或已不再会办该件，建议提案内容不再显示。</Card>;
  if (!view) return <Card loading />;
  const mine = view.handlers.find((h) => h.caseId === detail.id);
  return (
    <Card title={`会办：${view.title}`} size="small" data-testid="proposal-opinion-panel">
      <Typography.Paragraph type="secondary">
        主办单位：{view.orgName}。会办意见请在期限内提出，送主办单位；交办不当的，可在退回期限（{mine?.returnDueOn ?? '—'}）前说明理由退回。
      </Typography.Paragraph>
      <ProposalView view={view} />
    </Card>
  );
}
