import { Button, Card, Descriptions, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { showError } from '../../api/client.ts';
import type { CasePanelProps } from '../cases/case-panels.tsx';
import { useSession } from '../../session/session.tsx';
import { MESSAGES, messagesApi, type MessageItem } from './messages-api.ts';

/** A message on the case page: what the citizen wrote, through which channel, the reply, consent, publication and rating. */
export function MessagePanel({ detail }: CasePanelProps) {
  const [item, setItem] = useState<MessageItem | null>();
  const [phone, setPhone] = useState<string>();
  const { can } = useSession();
  useEffect(() => {
    messagesApi.get(detail.id).then(setItem, (error) => {
      showError(error);
      setItem(null);
    });
  }, [detail.id, detail.version]);
  if (item === undefined) return <Card loading />;
  if (!item) return null;
  return (
    <Card size="small" title="诉求内容" data-testid="message-panel">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'channel', label: '渠道', children: item.channelLabel },
          { key: 'category', label: '类别', children: item.categoryLabel },
          { key: 'received', label: '收到日期', children: item.receivedOn },
          { key: 'due', label: '答复期限', children: item.replyDueOn ?? '—' },
          { key: 'name', label: '留言人', children: item.citizenName ?? '（未留姓名）' },
          {
            key: 'phone',
            label: '联系电话',
            children: (
              <span data-testid="message-phone">
                {phone ?? item.citizenPhoneMask ?? '—'}
                {!phone && item.citizenPhoneMask && can(MESSAGES.personal) && (
                  <Button type="link" size="small" onClick={() => messagesApi.phone(item.id).then((r) => setPhone(r.phone), showError)}>
                    查看完整号码（记入审计）
                  </Button>
                )}
              </span>
            ),
          },
          { key: 'code', label: '查询码', children: item.trackingCode ?? '—' },
          {
            key: 'public',
            label: '公开',
            children: (
              <span data-testid="message-public-state">
                {item.publicConsent ? <Tag color="blue">留言人同意公开</Tag> : <Tag>留言人未同意公开</Tag>}
                {item.published && <Tag color="green">已在门户网站公开</Tag>}
              </span>
            ),
          },
          { key: 'satisfaction', label: '满意度', children: item.satisfactionLabel ?? '尚未评价' },
          { key: 'replied', label: '答复日期', children: item.repliedOn ? `${item.repliedOn}${item.onTime === false ? '（逾期）' : ''}` : '—' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        留言内容
      </Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="message-content-text">
        {item.content}
      </Typography.Paragraph>
      {item.published && item.publicContent && item.publicContent !== item.content && (
        <>
          <Typography.Title level={5}>公开的留言内容</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.publicContent}</Typography.Paragraph>
        </>
      )}
      {item.replyText && (
        <>
          <Typography.Title level={5}>答复</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="message-reply-text">
            {item.replyText}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
