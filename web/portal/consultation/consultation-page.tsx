import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, List, Result, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { COMMENT_MAX } from '../../../contracts/consultation.ts';
import { PortalError, portalGet, portalPost } from '../api.ts';
import { PortalLayout } from '../layout.tsx';
import type { SiteInfo } from '../site.ts';
import { statusColors, type PublicConsultationDetail } from './types.ts';

interface CommentInput {
  authorName: string;
  contact?: string;
  content: string;
}

const beijing = (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, -3);

function CommentForm({ id }: { id: string }) {
  const [form] = Form.useForm<CommentInput>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string>();
  const submit = async (values: CommentInput) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const { message } = await portalPost<{ message: string }>(`consultations/${id}/comments`, { ...values, contact: values.contact?.trim() || undefined });
      form.resetFields();
      setDone(message);
    } catch (error) {
      setProblem(error instanceof PortalError ? error.message : '提交失败，请稍后重试');
    } finally {
      setSaving(false);
    }
  };
  if (done)
    return (
      <Card>
        <Result status="success" title={<span data-testid="comment-received">{done}</span>} extra={<Button onClick={() => setDone(undefined)}>继续提意见</Button>} />
      </Card>
    );
  return (
    <Card title="发表意见" data-testid="comment-form">
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="comment-problem" />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="authorName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input maxLength={64} autoComplete="name" data-testid="comment-name" />
        </Form.Item>
        <Form.Item
          name="contact"
          label="联系方式（选填）"
          extra="手机、固定电话或电子邮箱，仅供起草单位与您联系，加密保存，不公开。"
          rules={[{ pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|[^\s@]+@[^\s@]+\.[^\s@]+)$/, message: '请填写手机号码、固定电话或电子邮箱' }]}
        >
          <Input maxLength={80} inputMode="email" data-testid="comment-contact" />
        </Form.Item>
        <Form.Item name="content" label="意见内容" rules={[{ required: true, whitespace: true, message: '请填写意见内容' }]}>
          <Input.TextArea rows={6} maxLength={COMMENT_MAX} showCount data-testid="comment-content" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} block data-testid="comment-submit">
          提交意见
        </Button>
      </Form>
    </Card>
  );
}

/** One draft for comment: the text, its explanation and attachments, the period, the comments made public, the form. */
export function ConsultationPage({ site }: { site: SiteInfo }) {
  const { id = '' } = useParams();
  const [detail, setDetail] = useState<PublicConsultationDetail | null>();
  const [problem, setProblem] = useState<string>();
  const load = useCallback(() => {
    portalGet<PublicConsultationDetail>(`consultations/${id}`, {}).then(setDetail, (error) => {
      setProblem(error instanceof PortalError ? error.message : '加载失败');
      setDetail(null);
    });
  }, [id]);
  useEffect(load, [load]);

  if (detail === undefined) return <PortalLayout site={site}>{<Spin style={{ display: 'block', margin: '80px auto' }} />}</PortalLayout>;
  if (detail === null)
    return (
      <PortalLayout site={site} title="征求意见">
        <Result status="404" title={problem} extra={<Link to="/consultation">返回征求意见</Link>} />
      </PortalLayout>
    );

  return (
    <PortalLayout site={site} title={detail.title}>
      <div className="portal-page">
        <Card>
          <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="consultation-title">
            {detail.title}
          </Typography.Title>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="起草单位">{detail.orgName}</Descriptions.Item>
            <Descriptions.Item label="征求意见期间">
              {detail.opensOn} 至 {detail.closesOn}{' '}
              <Tag color={statusColors[detail.status]} data-testid="consultation-status">
                {detail.statusLabel}
              </Tag>
            </Descriptions.Item>
            {detail.shortenedReason && <Descriptions.Item label="期限较短的原因">{detail.shortenedReason}</Descriptions.Item>}
            {detail.closedReason && <Descriptions.Item label="提前结束的原因">{detail.closedReason}</Descriptions.Item>}
          </Descriptions>
        </Card>
        <Card title="起草说明">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{detail.explanation}</Typography.Paragraph>
        </Card>
        {detail.draftText && (
          <Card title="征求意见稿">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="consultation-draft">
              {detail.draftText}
            </Typography.Paragraph>
          </Card>
        )}
        {detail.files.length > 0 && (
          <Card title="附件">
            <List
              size="small"
              dataSource={detail.files}
              renderItem={(f) => (
                <List.Item>
                  <a href={`/api/public/consultations/${detail.id}/files/${f.id}`} download>
                    <PaperClipOutlined /> {f.name}
                  </a>
                </List.Item>
              )}
            />
          </Card>
        )}
        <Card title={`公开的意见（${detail.comments.length}）`}>
          <List
            dataSource={detail.comments}
            data-testid="approved-comments"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无公开的意见" /> }}
            renderItem={(c) => (
              <List.Item key={c.id} data-testid="approved-comment">
                <List.Item.Meta
                  title={
                    <span>
                      {c.authorName} <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>{beijing(c.submittedAt)}</Typography.Text>
                    </span>
                  }
                  description={<span style={{ whiteSpace: 'pre-wrap', color: 'inherit' }}>{c.content}</span>}
                />
              </List.Item>
            )}
          />
        </Card>
        {detail.status === 'open' ? <CommentForm id={detail.id} /> : <Alert type="info" showIcon title="本次征求意见已结束，不再接收意见。" />}
      </div>
    </PortalLayout>
  );
}
