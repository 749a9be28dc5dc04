import { Alert, Card, Descriptions, Typography, type DescriptionsProps } from 'antd';
import { Link } from 'react-router';
import { reconsiderationApi } from '../../api/reconsideration.ts';
import type { CasePanelProps } from '../cases/case-panels.tsx';
import { LongText, useModuleView } from './panel-parts.tsx';

const none = <Typography.Text type="secondary">—</Typography.Text>;

/** A 意见书 or 附带审查 case: what it is about, where it came from, and what came of it. */
export function FollowUpPanel({ detail }: CasePanelProps) {
  const { view, failed } = useModuleView(detail, reconsiderationApi.followUp);
  if (failed) return <Alert type="warning" showIcon title="专项信息加载失败，请刷新页面后重试" />;
  if (!view) return <Card loading title={detail.caseTypeLabel} />;

  const opinion = view.kind === 'opinion';
  const parentName = view.parentCaseNo ? `${view.parentCaseNo} ${view.parentTitle}` : view.parentTitle;
  const items: DescriptionsProps['items'] = [
    {
      key: 'parent',
      label: '行政复议案件',
      span: 'filled',
      // The respondent reads its 意见书 without reading the 复议 case itself (detail.parent is null then).
      children: detail.parent ? (
        <Link to={`/reconsideration/${view.parentId}`} data-testid="panel-parent-link">
          {parentName}
        </Link>
      ) : (
        parentName
      ),
    },
    ...(opinion
      ? [{ key: 'target', label: '送达机关', children: view.targetOrgName ?? view.orgName }]
      : [
          {
            key: 'document',
            label: '规范性文件',
            children: view.normativeDocumentId ? (
              <Link to={`/normative/${view.normativeDocumentId}`} data-testid="follow-up-normative-link">{`《${view.documentTitle ?? ''}》${view.documentNo ? `（${view.documentNo}）` : ''}`}</Link>
            ) : (
              `《${view.documentTitle ?? ''}》${view.documentNo ? `（${view.documentNo}）` : ''}`
            ),
          },
          { key: 'maker', label: '制定机关', children: view.targetOrgName ?? <Typography.Text type="secondary">未填写（本行政区以外的机关）</Typography.Text> },
        ]),
    { key: 'content', label: opinion ? '问题和纠正要求' : '审查理由', span: 'filled', children: <LongText text={view.content} /> },
    { key: 'due', label: opinion ? '报送纠正情况期限' : '期限', children: view.terminal || !view.dueOn ? none : view.dueOn },
    { key: 'result', label: '结果', children: view.resultLabel ? <span data-testid="panel-follow-up-result">{view.resultLabel}</span> : <Typography.Text type="secondary">尚未办结</Typography.Text> },
    ...(view.resultText ? [{ key: 'text', label: opinion ? '纠正情况' : '处理意见', span: 'filled' as const, children: <LongText text={view.resultText} /> }] : []),
  ];
  return (
    <Card title={view.kindLabel} data-testid="follow-up-panel">
      <Descriptions size="small" column={1} items={items} />
    </Card>
  );
}
