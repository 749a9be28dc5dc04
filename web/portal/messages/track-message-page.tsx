import { Alert, Button, Card, Descriptions, Form, Input, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { satisfactionLabels, type Satisfaction } from '../../../contracts/messages.ts';
import { portalPost } from '../api.ts';
import { PortalLayout } from '../layout.tsx';
import type { SiteInfo } from '../site.ts';
import { useTracking } from '../use-tracking.ts';
import { failure } from './messages-pages.tsx';

/** What the tracking API answers (server: messages.schemas.ts TrackView): the reply once given, never a staff member. */
interface Tracking {
  title: string;
  state: string;
  stateLabel: string;
  receivedOn: string;
  channelLabel: string;
  categoryLabel: string;
  content: string;
  orgName: string | null;
  replyDueOn: string | null;
  reply: { text: string; repliedOn: string | null } | null;
  satisfaction: Satisfaction | null;
  satisfactionLabel: string | null;
  canRate: boolean;
  publicConsent: boolean;
  published: boolean;
  version: number;
}

function RateForm({ code, verify, tracking, onDone }: { code: string; verify: string; tracking: Tracking; onDone: () => void }) {
  const [satisfaction, setSatisfaction] = useState<Satisfaction>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!satisfaction) return;
    setSaving(true);
    setProblem(undefined);
    try {
      await portalPost('messages/rate', { code, verify, version: tracking.version, satisfaction });
      onDone();
    } catch (error) {
      setProblem(failure(error, '提交失败，请稍后重试'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="对答复进行评价" data-testid="message-rate">
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Radio.Group value={satisfaction} onChange={(e) => setSatisfaction(e.target.value as Satisfaction)} options={Object.entries(satisfactionLabels).map(([value, label]) => ({ value, label }))} optionType="button" buttonStyle="solid" data-testid="message-rate-options" />
      <div style={{ marginTop: 12 }}>
        <Button type="primary" disabled={!satisfaction} loading={saving} onClick={() => void submit()} data-testid="message-rate-submit">
          提交评价
        </Button>
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>每条留言只能评价一次</Typography.Text>
      </div>
    </Card>
  );
}

/** 查询答复: code and the phone's last four digits; the reply once given, and the one rating. */
export function TrackMessagePage({ site }: { site: SiteInfo }) {
  const { form, query, tracking, problem, loading, load, search } = useTracking<Tracking>('messages/track');
  return (
    <PortalLayout site={site} title="查询留言答复">
      <div className="portal-page">
        <Card title="查询留言答复">
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="track-problem" />}
          <Form form={form} layout="vertical" onFinish={search}>
            <Form.Item name="code" label="查询码" rules={[{ required: true, whitespace: true, message: '请填写查询码' }]}>
              <Input maxLength={24} autoCapitalize="characters" data-testid="track-code" />
            </Form.Item>
            <Form.Item name="verify" label="所留电话后四位" rules={[{ required: true, pattern: /^\d{4}$/, message: '请填写电话号码后四位' }]}>
              <Input maxLength={4} inputMode="numeric" data-testid="track-verify" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={loading} block data-testid="track-submit">
              查询
            </Button>
          </Form>
        </Card>
        {tracking && (
          <Card title={tracking.title} extra={<Tag color={tracking.reply ? 'green' : 'blue'} data-testid="track-state">{tracking.stateLabel}</Tag>} data-testid="track-result">
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'received', label: '留言日期', children: tracking.receivedOn },
                { key: 'category', label: '类别', children: tracking.categoryLabel },
                { key: 'org', label: '办理单位', children: tracking.orgName ?? '正在交办' },
                ...(tracking.replyDueOn ? [{ key: 'due', label: '答复期限', children: tracking.replyDueOn }] : []),
              ]}
            />
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{tracking.content}</Typography.Paragraph>
            {tracking.reply ? (
              <Alert type="success" title={`答复（${tracking.reply.repliedOn ?? ''}）`} description={<div style={{ whiteSpace: 'pre-wrap' }} data-testid="track-reply">{tracking.reply.text}</div>} />
            ) : (
              <Alert type="info" showIcon title="正在办理，答复后可在此查看" />
            )}
            {tracking.satisfactionLabel && (
              <Typography.Paragraph style={{ marginTop: 12 }} data-testid="track-satisfaction">
                您的评价：<Tag color="blue">{tracking.satisfactionLabel}</Tag>
              </Typography.Paragraph>
            )}
          </Card>
        )}
        {tracking?.canRate && query && <RateForm code={query.code} verify={query.verify} tracking={tracking} onDone={() => void load(query)} />}
      </div>
    </PortalLayout>
  );
}
