import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Space, Timeline, Typography } from 'antd';
import { beijingTime } from '../../../shared/time.ts';
import { fileApi } from '../../api/endpoints.ts';
import type { CaseDetail, CaseEvent } from '../../api/types.ts';

function EventBody({ event }: { event: CaseEvent }) {
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }} data-testid="case-event">
      <Space wrap size={[8, 0]}>
        <Typography.Text strong>{event.actionLabel}</Typography.Text>
        <Typography.Text type="secondary">
          {event.fromStateLabel ? `${event.fromStateLabel} → ${event.toStateLabel}` : `→ ${event.toStateLabel}`}
        </Typography.Text>
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {beijingTime(event.at, 'YYYY-MM-DD HH:mm')} · {event.actorName ?? '系统'}
      </Typography.Text>
      {event.dataFields.map((entry) => (
        <Typography.Paragraph key={entry.name} style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }} data-testid={`case-event-data-${entry.name}`}>
          <Typography.Text type="secondary">{entry.label}：</Typography.Text>
          {entry.value}
        </Typography.Paragraph>
      ))}
      {event.reason && (
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">理由：</Typography.Text>
          {event.reason}
        </Typography.Paragraph>
      )}
      {event.fileIds.length > 0 && (
        <Space wrap size={[12, 0]}>
          {event.fileIds.map((id, index) => (
            <a key={id} href={fileApi.contentUrl(id)} data-testid="case-event-file">
              <PaperClipOutlined /> {event.files.find((f) => f.id === id)?.name ?? `附件 ${index + 1}`}
            </a>
          ))}
        </Space>
      )}
    </Space>
  );
}

/** 全过程记录: every step in order, who took it and when (Beijing time), what was recorded, why, with what. */
export function CaseTimelineCard({ detail }: { detail: CaseDetail }) {
  const last = detail.events.at(-1)?.seq;
  return (
    <Card title="全过程记录" data-testid="case-timeline">
      <Timeline
        items={detail.events.map((event) => ({
          key: event.seq,
          color: event.seq === last ? (detail.terminal ? 'green' : 'blue') : 'gray',
          content: <EventBody event={event} />,
        }))}
      />
    </Card>
  );
}
