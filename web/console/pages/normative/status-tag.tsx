import { Space, Tag, Typography } from 'antd';
import type { DocumentItem } from './normative-api.ts';

const statusColors: Record<string, string> = { valid: 'green', amended: 'cyan', repealed: 'default', expired: 'orange' };

/** The legal status, and 即将到期 within the reminder period. */
export function StatusTag({ item }: { item: Pick<DocumentItem, 'status' | 'statusLabel' | 'expiringSoon'> }) {
  if (!item.status) return <Typography.Text type="secondary">未公布</Typography.Text>;
  return (
    <Space size={4}>
      <Tag color={statusColors[item.status]} style={{ marginInlineEnd: 0 }}>
        {item.statusLabel}
      </Tag>
      {item.expiringSoon && <Tag color="gold">即将到期</Tag>}
    </Space>
  );
}

