import { Alert, Card, Descriptions, Flex, Space, Tag, Tooltip, Typography, type DescriptionsProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, showError } from '../../api/client.ts';
import { litigationApi, type Hearing, type LitigationCase } from '../../api/litigation.ts';
import type { CasePanelProps } from '../cases/case-panels.tsx';
import { DefenceDue } from './defence-due.tsx';
import { HearingModal } from './hearing-modal.tsx';
import { AddHearingButton, HearingsTable, warningTitles } from './hearings-table.tsx';

const none = <Typography.Text type="secondary">—</Typography.Text>;

/** A free text as entered (line breaks kept), folded after a few lines. */
function LongText({ text }: { text: string }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (expanded) => (expanded ? '收起' : '展开') }}>
      {text}
    </Typography.Paragraph>
  );
}

/** A case of the module opens on its own address; a case of another module on the generic one. */
const caseLink = (caseType: string, id: string) => (caseType === 'litigation' ? `/litigation/${id}` : `/cases/${id}`);

function Warnings({ view }: { view: LitigationCase }) {
  if (!view.warnings.length) return null;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {view.warnings.map((w, i) => (
        <Alert key={`${w.kind}:${w.hearingId ?? i}`} type="error" showIcon title={warningTitles[w.kind]} description={w.text} data-testid="litigation-warning" />
      ))}
    </Space>
  );
}

function Result({ view }: { view: LitigationCase }) {
  if (!view.outcome) return null;
  const items: DescriptionsProps['items'] = [
    {
      key: 'outcome',
      label: '裁判结果',
      children: (
        <Space size={6} wrap>
          <Tag color={view.lost ? 'volcano' : 'green'} style={{ marginInlineEnd: 0 }} data-testid="litigation-outcome">
            {view.outcomeLabel}
          </Tag>
          {view.lost && (
            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="litigation-lost">
              败诉
            </Tag>
          )}
        </Space>
      ),
    },
    { key: 'judgedOn', label: view.outcome === 'withdrawn' ? '裁定日期' : '裁判日期', children: view.judgedOn ?? none },
    { key: 'no', label: view.outcome === 'withdrawn' ? '裁定书文号' : '裁判文书号', children: view.judgmentNo ?? none },
    ...(view.outcome === 'withdrawn'
      ? []
      : [{ key: 'effective', label: '生效日期', children: <span data-testid="litigation-effective-on">{view.effectiveOn ?? '尚未登记生效'}</span> }]),
    ...(view.challengedCaseId
      ? [{ key: 'challenged', label: '被诉行政处罚案件', children: <Link to={`/cases/${view.challengedCaseId}`}>查看案件</Link> }]
      : []),
  ];
  return <Descriptions size="small" title="裁判结果" column={{ xs: 1, md: 2 }} items={items} />;
}

function CourtTerm({ view }: { view: LitigationCase }) {
  const term = view.courtTerm;
  if (!term) return null;
  return (
    <Space orientation="vertical" size={0}>
      <Tooltip title={term.basis}>
        <span>
          自立案之日 {term.from} 起 {term.months} 个月，至 {term.until}
        </span>
      </Tooltip>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {term.note}
      </Typography.Text>
    </Space>
  );
}

function Related({ view }: { view: LitigationCase }) {
  if (!view.parent && !view.followUps.length) return null;
  const items: DescriptionsProps['items'] = [
    ...(view.parent
      ? [
          {
            key: 'parent',
            label: view.parent.caseType === 'litigation' ? '原审案件' : '行政复议案件',
            span: 'filled' as const,
            children: (
              <Link to={caseLink(view.parent.caseType, view.parent.id)} data-testid="litigation-parent-link">
                {view.parent.caseNo ? `${view.parent.caseNo}　` : ''}
                {view.parent.title}
              </Link>
            ),
          },
        ]
      : []),
    ...(view.followUps.length
      ? [
          {
            key: 'followUps',
            label: '后续审级',
            span: 'filled' as const,
            children: (
              <Space orientation="vertical" size={2}>
                {view.followUps.map((f) => (
                  <Space key={f.id} size={6} wrap>
                    <Tag style={{ marginInlineEnd: 0 }}>{f.instanceLabel}</Tag>
                    <Link to={`/litigation/${f.id}`} data-testid="litigation-follow-up-link">
                      {f.title}
                    </Link>
                    <Typography.Text type="secondary">{f.stateLabel}</Typography.Text>
                  </Space>
                ))}
              </Space>
            ),
          },
        ]
      : []),
  ];
  return <Descriptions size="small" title="关联案件" column={1} items={items} />;
}

/** 行政应诉's own fields of a case, beside the generic clocks, steps and 全过程记录: registration, defence, hearings, result. */
export function LitigationPanel({ detail }: CasePanelProps) {
  const [view, setView] = useState<LitigationCase>();
  const [failed, setFailed] = useState(false);
  // The hearing stays set while the dialog closes, so that its title does not change on the way out;
  // each opening is a fresh dialog (key), so that its form starts from that hearing's values.
  const [editing, setEditing] = useState<{ hearing: Hearing | null; open: boolean; key: number }>({ hearing: null, open: false, key: 0 });
  const edit = (hearing: Hearing | null) => setEditing((e) => ({ hearing, open: true, key: e.key + 1 }));
  const { id, version } = detail;

  const reload = useCallback(async () => {
    try {
      setView(await litigationApi.get(id));
      setFailed(false);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) showError(error);
      setFailed(true);
    }
  }, [id]);
  // Loaded again whenever the case moves on (a step may record the defence or the judgment).
  useEffect(() => {
    void reload();
  }, [reload, version]);

  if (failed && !view) return <Alert type="warning" showIcon title="行政应诉专项信息加载失败，请刷新页面后重试" />;
  if (!view) return <Card loading title="行政应诉" />;

  const defenceClock = detail.clocks.find((c) => c.name === 'defence');
  const registration: DescriptionsProps['items'] = [
    { key: 'instance', label: '审级', children: view.instanceLabel },
    { key: 'court', label: '审理法院', children: view.court },
    { key: 'courtCaseNo', label: '法院案号', children: view.courtCaseNo ?? <Typography.Text type="secondary">未填写</Typography.Text> },
    { key: 'filedOn', label: '立案日期', children: view.filedOn ?? none },
    {
      key: 'plaintiff',
      label: '原告',
      children: (
        <Space size={6} wrap>
          <span data-testid="litigation-plaintiff">{view.plaintiffName}</span>
          <Tag style={{ marginInlineEnd: 0 }}>{view.plaintiffTypeLabel}</Tag>
        </Space>
      ),
    },
    { key: 'defendant', label: '被告', children: view.defendantOrgName },
    { key: 'category', label: '被诉行为类别', children: view.actCategoryLabel },
    { key: 'after', label: '复议后起诉', children: view.afterReconsideration ? '是' : '否' },
    {
      key: 'summoned',
      label: '法院通知负责人出庭',
      span: 'filled',
      children: view.headSummoned ? (
        <Tag color="orange" title="《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第四条" data-testid="litigation-head-summoned">
          已通知负责人出庭
        </Tag>
      ) : (
        '否'
      ),
    },
    { key: 'act', label: '被诉行政行为', span: 'filled', children: <LongText text={view.actDescription} /> },
    { key: 'claims', label: '诉讼请求', span: 'filled', children: view.claims ? <LongText text={view.claims} /> : none },
  ];

  const defence: DescriptionsProps['items'] = [
    { key: 'received', label: '收到起诉状副本', children: view.complaintReceivedOn },
    {
      key: 'due',
      label: '答辩期限',
      children: (
        <span data-testid="litigation-defence-due">
          <DefenceDue item={view} mark={view.state === 'received' ? (defenceClock?.mark ?? null) : null} provisional={defenceClock?.provisional} />
        </span>
      ),
    },
    ...(view.courtTerm ? [{ key: 'term', label: '法院审理期限', span: 'filled' as const, children: <CourtTerm view={view} /> }] : []),
  ];

  return (
    <Card title="行政应诉" data-testid="litigation-panel">
      <Space orientation="vertical" size={20} style={{ width: '100%' }}>
        <Warnings view={view} />
        <Result view={view} />
        <Descriptions size="small" title="立案信息" column={{ xs: 1, md: 2 }} items={registration} />
        <Descriptions size="small" title="答辩和审理期限" column={{ xs: 1, md: 2 }} items={defence} />
        <Related view={view} />
        <div>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
            <Space size={8} wrap>
              <Typography.Text strong style={{ fontSize: 16 }}>
                庭审和负责人出庭
              </Typography.Text>
              {view.hearings.length > 0 &&
                (view.principalAppeared ? <Tag color="green">负责人已出庭</Tag> : <Tag color="orange">负责人未出庭</Tag>)}
            </Space>
            <AddHearingButton onClick={() => edit(null)} />
          </Flex>
          <HearingsTable hearings={view.hearings} onEdit={edit} />
        </div>
      </Space>
      <HearingModal
        key={editing.key}
        view={view}
        hearing={editing.hearing}
        open={editing.open}
        onClose={() => setEditing((e) => ({ ...e, open: false }))}
        onSaved={(next) => {
          setEditing((e) => ({ ...e, open: false }));
          setView(next);
        }}
        onStale={() => void reload()}
      />
    </Card>
  );
}
