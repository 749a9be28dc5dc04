import { Typography } from 'antd';
import type { ConsultationStatus } from '../../../../contracts/consultation.ts';

export const statusColors: Record<ConsultationStatus, string> = { upcoming: 'default', open: 'green', closed: 'default' };

/** Beijing time to the minute, as the console shows times. */
export const submittedAt = (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, -3);

/** A comment as written (line breaks kept), folded when long. */
export function CommentText({ text }: { text: string }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}>
      {text}
    </Typography.Paragraph>
  );
}
