import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { RECONSIDERATION, reconsiderationApi, type FollowUp, type FollowUpKind, type ReconsiderationCase } from '../../api/reconsideration.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { useSession } from '../../session/session.tsx';
import type { CasePanelProps } from '../cases/case-panels.tsx';
import { FollowUpModal } from './follow-up-modal.tsx';
import { LongText, useModuleView } from './panel-parts.tsx';

/**
 * The states in which the server opens a follow-up (server/modules/reconsideration/use-cases/open-follow-up.ts):
 * 意见书 from acceptance on, also once decided (第七十六条); 附带审查 while the case is heard (第五十六条).
 * The buttons follow them; the server's answer decides.
 */
const opinionStates = ['accepted', 'suspended', 'decided', 'mediated', 'terminated'];
const reviewStates = ['accepted', 'suspended'];

const none = <Typography.Text type="secondary">—</Typography.Text>;

/** ID number and phone, masked; the clear values on request for those who may see personal data (audited). */
function Applicant({ view }: { view: ReconsiderationCase }) {
  const { can } = useSession();
  const [clear, setClear] = useState<{ identityCode: string | null; phone: string | null }>();
  const [loading, setLoading] = useState(false);
  const reveal = async () => {
    setLoading(true);
    try {
      setClear(await reconsiderationApi.applicant(view.id));
    } catch {
      // The client has shown the server's message.
    } finally {
      setLoading(false);
    }
  };
  const items: DescriptionsProps['items'] = [
    {
      key: 'name',
      label: '申请人',
      children: (
        <Space size={6}>
          <span data-testid="panel-applicant-name">{view.applicantName}</span>
          <Tag>{view.applicantTypeLabel}</Tag>
        </Space>
      ),
    },
    {
      key: 'id',
      label: view.applicantType === 'person' ? '身份证号码' : '统一社会信用代码',
      children: <span data-testid="panel-applicant-id">{clear ? (clear.identityCode ?? '—') : (view.applicantIdMask ?? '—')}</span>,
    },
    { key: 'phone', label: '联系电话', children: <span data-testid="panel-applicant-phone">{clear ? (clear.phone ?? '—') : (view.applicantPhoneMask ?? '—')}</span> },
    { key: 'address', label: '地址', children: view.applicantAddress ?? none },
  ];
  const extra = clear ? (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      本次查看已记入审计日志
    </Typography.Text>
  ) : (
    can(RECONSIDERATION.personal) && (
      <Button size="small" type="link" icon={<EyeOutlined />} loading={loading} onClick={() => void reveal()} data-testid="panel-applicant-reveal">
        查看明文
      </Button>
    )
  );
  return <Descriptions size="small" title="申请人" extra={extra} column={{ xs: 1, md: 2 }} items={items} />;
}

/** One 意见书 or 附带审查 in two lines: what and to whom (its own case page), then where it stands. */
function FollowUpRow({ row }: { row: FollowUp }) {
  const subject = row.kind === 'review' && row.documentTitle ? `《${row.documentTitle}》` : `致${row.targetOrgName ?? row.orgName}`;
  return (
    <div data-testid="panel-follow-up">
      <Link to={`/cases/${row.id}`} data-testid="panel-follow-up-link">
        {row.kindLabel}：{subject}
      </Link>
      <Flex wrap gap={12} align="center" style={{ marginTop: 4 }}>
        <Tag color={row.terminal ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {row.stateLabel}
        </Tag>
        {!row.terminal && row.dueOn && <Typography.Text type="secondary">期限 {row.dueOn}</Typography.Text>}
        {row.resultLabel && <Typography.Text>{row.resultLabel}</Typography.Text>}
      </Flex>
    </div>
  );
}

function FollowUps({ view, onOpen }: { view: ReconsiderationCase; onOpen: (kind: FollowUpKind) => void }) {
  const canOpinion = opinionStates.includes(view.state);
  const canReview = reviewStates.includes(view.state);
  // Before acceptance (and after an ending without a hearing) there is nothing to show or open.
  if (!canOpinion && !canReview && view.followUps.length === 0) return null;
  return (
    <div data-testid="panel-follow-ups">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          意见书和附带审查
        </Typography.Text>
        <Space wrap size={8}>
          {canOpinion && (
            <GuardedButton permission={RECONSIDERATION.approve} size="small" onClick={() => onOpen('opinion')} data-testid="panel-issue-opinion">
              制发行政复议意见书
            </GuardedButton>
          )}
          {canReview && (
            <GuardedButton permission={RECONSIDERATION.handle} size="small" onClick={() => onOpen('review')} data-testid="panel-open-review">
              提起附带审查
            </GuardedButton>
          )}
        </Space>
      </Flex>
      {view.followUps.length ? (
        <Flex vertical gap={12}>
          {view.followUps.map((row) => (
            <FollowUpRow key={row.id} row={row} />
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary">暂无</Typography.Text>
      )}
    </div>
  );
}

/** 行政复议's own fields of a case, beside the generic clocks, steps and 全过程记录. */
export function ReconsiderationPanel({ detail, onChanged }: CasePanelProps) {
  const { view, failed, reload } = useModuleView(detail, reconsiderationApi.get);
  const [opening, setOpening] = useState<FollowUpKind | null>(null);

  if (failed) return <Alert type="warning" showIcon title="行政复议专项信息加载失败，请刷新页面后重试" />;
  if (!view) return <Card loading title="行政复议" />;

  const application: DescriptionsProps['items'] = [
    { key: 'channel', label: '收到方式', children: view.channelLabel },
    { key: 'received', label: '收到日期', children: <span data-testid="panel-received-on">{view.receivedOn}</span> },
    {
      key: 'code',
      label: '查询码',
      children: view.trackingCode ? (
        <Typography.Text copyable style={{ fontFamily: 'monospace' }} data-testid="panel-tracking-code">
          {view.trackingCode}
        </Typography.Text>
      ) : (
        none
      ),
    },
    { key: 'assignee', label: '承办人', children: view.assigneeName ?? <Typography.Text type="secondary">未指定</Typography.Text> },
  ];

  const act: DescriptionsProps['items'] = [
    { key: 'respondent', label: '被申请人', children: view.respondentName },
    { key: 'category', label: '行为类别', children: view.actCategoryLabel },
    { key: 'act', label: '行政行为', span: 'filled', children: <LongText text={view.actDescription} /> },
    { key: 'requests', label: '复议请求', span: 'filled', children: <LongText text={view.requests} /> },
    { key: 'facts', label: '事实和理由', span: 'filled', children: view.facts ? <LongText text={view.facts} /> : none },
  ];

  const hearing: DescriptionsProps['items'] = [
    {
      key: 'procedure',
      label: '审理程序',
      children: (
        <Space size={6} wrap>
          <span>{view.procedureLabel ?? '—'}</span>
          {view.simpleGroundLabel && <Typography.Text type="secondary">（{view.simpleGroundLabel}）</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'accepted',
      label: '受理日期',
      children: (
        <Space size={6}>
          <span>{view.acceptedOn}</span>
          {view.deemedAccepted && (
            <Tag color="orange" title="受理审查期限届满未作出不予受理决定，自届满之日起视为受理（第三十条）" data-testid="panel-deemed-accepted">
              视为受理
            </Tag>
          )}
        </Space>
      ),
    },
    ...(view.state === 'suspended' && view.groundLabel ? [{ key: 'suspend', label: '中止情形', span: 'filled' as const, children: view.groundLabel }] : []),
  ];

  const correction: DescriptionsProps['items'] = view.correction
    ? [
        { key: 'items', label: '补正事项', span: 'filled', children: <LongText text={view.correction.items} testId="panel-correction-items" /> },
        { key: 'requested', label: '通知补正日期', children: view.correction.requestedOn ?? none },
        { key: 'corrected', label: '补正日期', children: view.correction.correctedOn ?? <Typography.Text type="secondary">尚未补正</Typography.Text> },
        ...(view.correction.content ? [{ key: 'content', label: '补正内容', span: 'filled' as const, children: <LongText text={view.correction.content} /> }] : []),
      ]
    : [];

  const outcome: DescriptionsProps['items'] = view.outcome
    ? [
        { key: 'outcome', label: '结案方式', children: <Tag color="green" data-testid="panel-outcome">{view.outcomeLabel}</Tag> },
        ...(view.decidedOn ? [{ key: 'decidedOn', label: '决定日期', children: view.decidedOn }] : []),
        ...(view.decisionNo ? [{ key: 'no', label: view.outcome === 'mediation' ? '调解书文号' : '决定书文号', children: view.decisionNo }] : []),
        ...(view.reDecisionOrdered !== null ? [{ key: 'redo', label: '责令重新作出', children: view.reDecisionOrdered ? '是（第六十四条）' : '否' }] : []),
        ...(view.groundLabel ? [{ key: 'ground', label: '结案情形', span: 'filled' as const, children: view.groundLabel }] : []),
      ]
    : [];

  return (
    <Card title="行政复议" data-testid="reconsideration-panel">
      <Space orientation="vertical" size={20} style={{ width: '100%' }}>
        {outcome.length > 0 && <Descriptions size="small" title="结果" column={{ xs: 1, md: 2 }} items={outcome} />}
        <Descriptions size="small" title="申请" column={{ xs: 1, md: 2 }} items={application} />
        <Applicant key={view.id} view={view} />
        <Descriptions size="small" title="被申请人和行政行为" column={{ xs: 1, md: 2 }} items={act} />
        {view.acceptedOn && <Descriptions size="small" title="审理" column={{ xs: 1, md: 2 }} items={hearing} />}
        {correction.length > 0 && <Descriptions size="small" title="补正" column={{ xs: 1, md: 2 }} items={correction} data-testid="panel-correction" />}
        <FollowUps view={view} onOpen={setOpening} />
      </Space>
      <FollowUpModal
        kind={opening}
        view={view}
        onClose={() => setOpening(null)}
        onOpened={() => {
          setOpening(null);
          void reload();
          onChanged();
        }}
      />
    </Card>
  );
}
