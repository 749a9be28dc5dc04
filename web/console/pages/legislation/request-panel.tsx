import { Card, Descriptions, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { showError } from '../../api/client.ts';
import type { CasePanelProps } from '../cases/case-panels.tsx';
import { DueDate } from '../cases/deadline.tsx';
import { FileLinks } from './files-field.tsx';
import { legislationApi, type RequestDetail } from './legislation-api.ts';

const none = <Typography.Text type="secondary">—</Typography.Text>;

/** A department's request: what it is asked about (the letter and the draft) and what it answered. Answering is the case page's step. */
export function RequestPanel({ detail }: CasePanelProps) {
  const [view, setView] = useState<RequestDetail>();
  useEffect(() => {
    legislationApi.request(detail.id).then(setView, showError);
  }, [detail.id, detail.version]);
  if (!view) return <Card loading />;
  return (
    <Card title="立法征求意见" size="small">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'draft', label: '征求意见稿', children: view.draftTitle, span: 2 },
          { key: 'from', label: '来文机关', children: view.fromBody },
          { key: 'no', label: '来文文号', children: view.documentNo ?? none },
          { key: 'summary', label: '主要内容和要求', children: view.summary ?? none, span: 2 },
          { key: 'note', label: '县司法局要求', children: view.note ?? none, span: 2 },
          { key: 'files', label: '来文及征求意见稿', children: <FileLinks files={view.files} />, span: 2 },
          { key: 'due', label: '反馈截止日期', children: view.terminal ? view.dueOn : <DueDate dueOn={view.dueOn} mark={view.mark} provisional={false} /> },
          { key: 'state', label: '状态', children: <Tag>{view.stateLabel}</Tag> },
          ...(view.state === 'answered'
            ? [
                { key: 'answered', label: '反馈日期', children: <>{view.answeredOn} {view.late && <Tag color="orange">逾期反馈</Tag>}</> },
                { key: 'opinion', label: '本单位意见', children: view.noOpinion ? '无意见' : <span style={{ whiteSpace: 'pre-wrap' }}>{view.opinion}</span>, span: 2 },
              ]
            : []),
          ...(view.state === 'lapsed' ? [{ key: 'lapsed', label: '未反馈', children: view.lapseReason ?? none, span: 2 }] : []),
        ]}
      />
    </Card>
  );
}
