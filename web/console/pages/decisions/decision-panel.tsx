import { CheckCircleOutlined, ClockCircleOutlined, DownloadOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { adoptionLabels, riskLevelLabels } from '../../../../contracts/decisions.ts';
import { ApiError, showError } from '../../api/client.ts';
import type { CasePanelProps } from '../cases/case-panels.tsx';
import { decisionsApi, type DecisionDetail, type GateView } from './decisions-api.ts';

const none = <Typography.Text type="secondary">—</Typography.Text>;

const gateIcon = { done: <CheckCircleOutlined style={{ color: '#16a34a' }} />, exempted: <MinusCircleOutlined style={{ color: '#d97706' }} />, pending: <ClockCircleOutlined style={{ color: '#94a3b8' }} /> };

/** The five procedures as a checklist in the regulation's order: status, date and any exemption's legal ground. */
export function GateChecklist({ gates }: { gates: GateView[] }) {
  return (
    <List
      size="small"
      data-testid="decision-gates"
      dataSource={gates}
      renderItem={(g, i) => (
        <List.Item data-testid={`decision-gate-${g.gate}`} data-status={g.status}>
          <Space align="start">
            {gateIcon[g.status]}
            <span>
              {i + 1}. {g.label}
            </span>
            <Tag color={g.status === 'done' ? 'green' : g.status === 'exempted' ? 'orange' : 'default'}>{g.statusLabel}</Tag>
            {g.on && <Typography.Text type="secondary">{g.on}</Typography.Text>}
            {g.ground && <Typography.Text type="warning">依据：{g.ground}</Typography.Text>}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 采纳情况说明: generated from the approved comments and experts' opinions, edited, saved before publication. */
function StatementEditor({ view, onSaved }: { view: DecisionDetail; onSaved: (next: DecisionDetail) => void }) {
  const { message } = App.useApp();
  const [text, setText] = useState(view.adoptionStatement ?? '');
  const [saving, setSaving] = useState(false);
  useEffect(() => setText(view.adoptionStatement ?? ''), [view.adoptionStatement]);
  const editable = view.state === 'awaitingDecision' || view.state === 'decided';
  const generate = async () => setText((await decisionsApi.draftStatement(view.id)).text);
  const save = async () => {
    setSaving(true);
    try {
      onSaved(await decisionsApi.saveStatement(view.id, { version: view.detailVersion, text }));
      void message.success('采纳情况说明已保存');
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  if (!editable) {
    return view.adoptionStatement ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{view.adoptionStatement}</Typography.Paragraph> : <Typography.Text type="secondary">集体讨论决定后编辑</Typography.Text>;
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 6, maxRows: 20 }} data-testid="decision-statement-text" />
      <Space>
        <Button onClick={() => void generate()} data-testid="decision-statement-generate">
          按公众意见和专家意见生成
        </Button>
        <Button type="primary" loading={saving} disabled={!text.trim()} onClick={() => void save()} data-testid="decision-statement-save">
          保存说明
        </Button>
      </Space>
    </Space>
  );
}

/** The decision's own view on the case page: procedures, comments, experts, hearings, meeting, statement, archive. */
export function DecisionPanel({ detail, onChanged }: CasePanelProps) {
  const [view, setView] = useState<DecisionDetail | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(async () => {
    try {
      setView(await decisionsApi.get(detail.id));
      setFailed(false);
    } catch (error) {
      setFailed(true);
      if (!(error instanceof ApiError && error.status === 404)) showError(error);
    }
  }, [detail.id]);
  useEffect(() => {
    void load();
  }, [load, detail.version]);
  if (failed) return <Alert type="warning" showIcon title="重大行政决策信息加载失败" />;
  if (!view) return <Card loading />;
  const round = view.consultations[0];
  return (
    <Card
      title="重大行政决策"
      data-testid="decision-panel"
      extra={
        <Button icon={<DownloadOutlined />} onClick={() => void decisionsApi.archive(view.id)} data-testid="decision-archive">
          下载决策档案
        </Button>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {view.openGates.length > 0 && !view.terminal && view.state !== 'published' && <Alert type="info" showIcon title={`尚未完成：${view.openGates.join('、')}`} data-testid="decision-open-gates" />}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'cat', label: '目录事项', children: <Link to={`/decisions/catalogues/${view.catalogueId}`}>{view.catalogueYear}年度目录</Link> },
            { key: 'category', label: '类别', children: view.categoryLabel },
            { key: 'org', label: '承办单位', children: view.orgName },
            { key: 'decider', label: '决策机关', children: view.deciderOrgName },
            { key: 'summary', label: '决策草案说明', span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{view.summary}</Typography.Paragraph> },
          ]}
        />
        <Typography.Title level={5}>五项法定程序</Typography.Title>
        <GateChecklist gates={view.gates} />
        <Descriptions
          size="small"
          title="公众参与"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'round', label: '征求意见期', children: round ? `${round.opensOn} 至 ${round.closesOn}${round.open ? '（进行中）' : ''}` : none },
            { key: 'shortened', label: '缩短期限理由', children: view.shortenedReason ?? none },
            { key: 'counts', label: '公众意见', children: round ? `已公开 ${round.counts.approved} 条，待审核 ${round.counts.pending} 条，不予公开 ${round.counts.rejected} 条` : none },
            { key: 'hearings', label: '听证会', children: view.hearings.length ? view.hearings.map((h) => `${h.heldOn} ${h.place}`).join('；') : none },
          ]}
        />
        {view.comments.length > 0 && (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={view.comments}
            columns={[
              { title: '意见人', dataIndex: 'authorName', width: 90 },
              { title: '意见', dataIndex: 'content' },
              { title: '采纳情况', dataIndex: 'adoption', width: 100, render: (a: string | null) => (a ? adoptionLabels[a as keyof typeof adoptionLabels] : <Tag color="red">未标注</Tag>) },
            ]}
          />
        )}
        {view.experts.length > 0 && (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            title={() => '专家论证意见'}
            dataSource={view.experts}
            columns={[
              { title: '专家', width: 200, render: (_, e) => `${e.name}（${e.title}，${e.affiliation}）` },
              { title: '意见', dataIndex: 'opinion' },
              { title: '采纳', width: 80, render: (_, e) => (e.adopted ? <Tag color="green">采纳</Tag> : <Tag>未采纳</Tag>) },
            ]}
          />
        )}
        <Descriptions
          size="small"
          title="风险评估、党委请示、集体讨论"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'risk', label: '风险等级', children: view.riskLevel ? riskLevelLabels[view.riskLevel] : none },
            { key: 'measures', label: '防范措施', children: view.riskMeasures ?? none },
            { key: 'party', label: '向党委请示报告', children: view.partyConsultedOn ? `${view.partyConsultedOn} ${view.partyConsultationNote ?? ''}` : none },
            { key: 'meeting', label: '会议', children: view.meeting ? <Link to={`/meetings/${view.meeting.id}`}>{view.meeting.name}</Link> : none },
            { key: 'decided', label: '决定日期', children: view.decidedOn ?? none },
            { key: 'published', label: '公布', children: view.publishedOn ? `${view.publishedOn} ${view.documentNo ?? ''}` : none },
          ]}
        />
        <Typography.Title level={5}>公众意见、专家论证意见采纳情况说明</Typography.Title>
        <StatementEditor
          view={view}
          onSaved={(next) => {
            setView(next);
            onChanged();
          }}
        />
      </Space>
    </Card>
  );
}
