import { Card, Descriptions, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { publicationKindLabels } from '../../../../contracts/enforcement.ts';
import { showError } from '../../api/client.ts';
import type { CasePanelProps } from '../cases/case-panels.tsx';
import { enforcementCasesApi, type PublicationItem } from './enforcement-cases-api.ts';

/** A decision's publicity on the case page: what the portal shows (or showed), and the decision's case. */
export function PublicationPanel({ detail }: CasePanelProps) {
  const [item, setItem] = useState<PublicationItem | null>();
  useEffect(() => {
    enforcementCasesApi.publications({ page: 1, pageSize: 1, id: detail.id }).then(
      (page) => setItem(page.items.find((p) => p.id === detail.id) ?? null),
      (error) => {
        showError(error);
        setItem(null);
      },
    );
  }, [detail.id, detail.version]);
  if (item === undefined) return <Card loading />;
  if (!item) return null;
  return (
    <Card size="small" title="公示信息" data-testid="publication-panel">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'kind', label: '类别', children: publicationKindLabels[item.kind] },
          { key: 'no', label: '决定书文号', children: item.decisionNo ?? '—' },
          { key: 'party', label: '当事人（公示）', children: item.partyMasked },
          { key: 'decided', label: '决定日期', children: item.decidedOn },
          { key: 'published', label: '公示日期', children: item.publishedOn ?? '—' },
          { key: 'withdrawn', label: '撤回', children: item.withdrawnOn ? `${item.withdrawnOn}：${item.withdrawalReason ?? ''}` : '—' },
          ...(item.sourceCaseId ? [{ key: 'source', label: '行政处罚案件', children: <Link to={`/enforcement-cases/${item.sourceCaseId}`}>查看案件</Link> }] : []),
        ]}
      />
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }} data-testid="publication-content">
        {item.content}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        自然人以「张某」形式公示，不公示身份证号码。
      </Typography.Text>
    </Card>
  );
}
