import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { PortalError, portalPost } from '../api.ts';
import { PortalLayout } from '../layout.tsx';
import type { SiteInfo } from '../site.ts';
import { useTracking, type TrackQuery } from '../use-tracking.ts';

interface Tracking {
  agencyName: string;
  description: string;
  state: string;
  stateLabel: string;
  receivedOn: string;
  waitingFor: { step: string; dueOn: string; provisional: boolean } | null;
  timeline: { date: string; step: string; detail: string | null }[];
  correction: { items: string; requestedOn: string | null; dueOn: string | null } | null;
  fee: { yuan: number; noticedOn: string | null; dueOn: string | null; paidOn: string | null } | null;
  reply: { outcomeLabel: string; repliedOn: string | null; replyNo: string | null; letter: boolean } | null;
  extensionNotice: boolean;
  version: number;
}

type Query = TrackQuery;

/** 补正 online (第三十条): the notice's items, its period, the answer. */
function CorrectionForm({ query, tracking, onDone }: { query: Query; tracking: Tracking; onDone: () => void }) {
  const [form] = Form.useForm<{ content: string }>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const correction = tracking.correction!;
  const submit = async ({ content }: { content: string }) => {
    setSaving(true);
    setProblem(undefined);
    try {
      await portalPost('disclosure/correction', { ...query, content, version: tracking.version });
      form.resetFields();
      onDone();
    } catch (error) {
      setProblem(error instanceof PortalError ? error.message : '提交失败，请稍后重试');
      if (error instanceof PortalError && error.code === 'VERSION_CONFLICT') onDone();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title="补正申请" data-testid="disclosure-correction">
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="行政机关告知您补正以下事项" description={<div style={{ whiteSpace: 'pre-wrap' }}>{correction.items}</div>} data-testid="disclosure-correction-items" />
      {correction.dueOn && (
        <Typography.Paragraph>
          请于 <Typography.Text strong>{correction.dueOn}</Typography.Text> 前补正。无正当理由逾期不补正的，视为放弃申请（《政府信息公开条例》第三十条）；答复期限自收到补正之日起重新计算。
        </Typography.Paragraph>
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="content" label="补正内容" rules={[{ required: true, whitespace: true, message: '请填写补正内容' }, { max: 5000 }]}>
          <Input.TextArea rows={5} maxLength={5000} showCount data-testid="disclosure-correction-content" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={saving} data-testid="disclosure-correction-submit">
          提交补正
        </Button>
      </Form>
    </Card>
  );
}

/** A letter served to the holder of the code and verification, saved under the server's name. */
function letterHref(query: Query, document: 'reply' | 'extension'): string {
  return `/api/public/disclosure/letter?${new URLSearchParams({ ...query, document }).toString()}`;
}

/** 办理进度查询 of a disclosure application: state, deadline, 补正, the reply and its letter. */
export function DisclosureTrackPage({ site }: { site: SiteInfo }) {
  const { form, query, tracking, problem, loading, load, search } = useTracking<Tracking>('disclosure/track');

  return (
    <PortalLayout site={site} title="政府信息公开申请办理进度">
      <div className="portal-page">
        <Card title="政府信息公开申请办理进度">
          <Form form={form} layout="vertical" size="large" onFinish={search}>
            <Form.Item name="code" label="查询码" rules={[{ required: true, whitespace: true, message: '请填写查询码' }]}>
              <Input maxLength={24} autoComplete="off" data-testid="disclosure-track-code" />
            </Form.Item>
            <Form.Item name="verify" label="证件号码后六位" extra="申请时填写的身份证号码或统一社会信用代码的最后六位" rules={[{ required: true, len: 6, message: '请填写证件号码后六位' }]}>
              <Input maxLength={6} autoComplete="off" data-testid="disclosure-track-verify" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={loading} data-testid="disclosure-track-submit">
              查询
            </Button>
          </Form>
          {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 16 }} data-testid="disclosure-track-problem" />}
        </Card>
        {tracking && query && (
          <>
            <Card title={tracking.description} data-testid="disclosure-track-result">
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label="办理状态">
                  <Tag color={tracking.reply ? 'default' : tracking.state === 'correcting' ? 'orange' : 'blue'} data-testid="disclosure-track-state">
                    {tracking.stateLabel}
                  </Tag>
                </Descriptions.Item>
                <Descriptions.Item label="受理机关">{tracking.agencyName}</Descriptions.Item>
                <Descriptions.Item label="收到申请日期">{tracking.receivedOn}</Descriptions.Item>
                {tracking.waitingFor && (
                  <Descriptions.Item label={`${tracking.waitingFor.step}期限`}>
                    <span data-testid="disclosure-track-due">{tracking.waitingFor.dueOn}</span> 前
                    {tracking.waitingFor.provisional && <Typography.Text type="secondary">（该年度节假日安排尚未公布，按周一至周五推算）</Typography.Text>}
                  </Descriptions.Item>
                )}
                {tracking.fee && (
                  <Descriptions.Item label="信息处理费">
                    ¥{tracking.fee.yuan.toLocaleString('zh-CN')}
                    {tracking.fee.paidOn ? `，${tracking.fee.paidOn} 已缴纳` : tracking.fee.dueOn ? `，请于 ${tracking.fee.dueOn} 前缴纳，逾期视为放弃申请` : ''}
                  </Descriptions.Item>
                )}
                {tracking.reply && (
                  <Descriptions.Item label="办理结果">
                    <Typography.Text strong data-testid="disclosure-track-outcome">
                      {tracking.reply.outcomeLabel}
                    </Typography.Text>
                    {tracking.reply.replyNo && <span>（{tracking.reply.replyNo}）</span>}
                    {tracking.reply.repliedOn && <span>，{tracking.reply.repliedOn}</span>}
                  </Descriptions.Item>
                )}
              </Descriptions>
              {(tracking.reply?.letter || tracking.extensionNotice) && (
                <div className="portal-actions" style={{ marginTop: 16 }}>
                  {tracking.reply?.letter && (
                    <a href={letterHref(query, 'reply')} download data-testid="disclosure-letter">
                      <Button type="primary" icon={<DownloadOutlined />}>
                        下载答复书
                      </Button>
                    </a>
                  )}
                  {tracking.extensionNotice && (
                    <a href={letterHref(query, 'extension')} download>
                      <Button icon={<DownloadOutlined />}>下载延期答复告知书</Button>
                    </a>
                  )}
                </div>
              )}
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                办理过程
              </Typography.Title>
              <Timeline
                items={tracking.timeline.map((t) => ({
                  content: (
                    <div>
                      <div>
                        {t.date}　{t.step}
                      </div>
                      {t.detail && <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>{t.detail}</Typography.Text>}
                    </div>
                  ),
                }))}
              />
            </Card>
            {tracking.correction && <CorrectionForm query={query} tracking={tracking} onDone={() => void load(query)} />}
          </>
        )}
        {!tracking && !problem && !loading && <Result status="info" title="凭查询码查询" subTitle="网上提交申请后页面会显示查询码；窗口、邮寄等方式提交的申请，查询码由受理机关告知。" />}
      </div>
    </PortalLayout>
  );
}
