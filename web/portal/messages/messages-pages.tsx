import { Alert, Button, Card, Checkbox, Descriptions, Empty, Form, Input, List, Radio, Result, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { messageCategoryLabels, type MessageCategory } from '../../../contracts/messages.ts';
import { PortalError, portalGet, portalPost } from '../api.ts';
import { PortalLayout } from '../layout.tsx';
import type { SiteInfo } from '../site.ts';

/** What the portal's message APIs answer (server: messages.schemas.ts): never a name, phone or staff member. */
export interface PublicMessage {
  id: string;
  title: string;
  categoryLabel: string;
  channelLabel: string;
  receivedOn: string;
  content: string;
  replyText: string;
  repliedOn: string;
  orgName: string;
}

const categoryOptions = Object.entries(messageCategoryLabels).map(([value, label]) => ({ value, label }));
export const failure = (error: unknown, fallback: string) => (error instanceof PortalError ? error.message : fallback);

export function MessageLinks() {
  return (
    <Space wrap>
      <Link to="/messages/new"><Button type="primary" data-testid="portal-message-new">我要留言</Button></Link>
      <Link to="/messages/track"><Button data-testid="portal-message-track">查询答复</Button></Link>
      <Link to="/messages"><Button>留言选登</Button></Link>
      <Link to="/surveys"><Button>网上调查</Button></Link>
    </Space>
  );
}

interface MessageInput {
  category: MessageCategory;
  subject: string;
  content: string;
  name?: string;
  phone: string;
  publicConsent?: boolean;
}

/** 我要留言: no account; the phone is sealed and only its last four digits, with the code, open the reply. */
export function LeaveMessagePage({ site }: { site: SiteInfo }) {
  const [form] = Form.useForm<MessageInput>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [code, setCode] = useState<string>();
  const submit = async (values: MessageInput) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const { trackingCode } = await portalPost<{ trackingCode: string }>('messages', { ...values, regionCode: site.regionCode, name: values.name?.trim() || undefined, publicConsent: values.publicConsent ?? false });
      setCode(trackingCode);
    } catch (error) {
      setProblem(failure(error, '提交失败，请稍后重试'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <PortalLayout site={site} title="我要留言">
      <div className="portal-page">
        {code ? (
          <Card>
            <Result
              status="success"
              title="留言已提交"
              subTitle={
                <Space orientation="vertical">
                  <span>请记下查询码，凭查询码和所留电话的后四位查询办理情况和答复：</span>
                  <span className="tracking-code" data-testid="message-tracking-code">{code}</span>
                </Space>
              }
              extra={<Link to={`/messages/track?code=${code}`}><Button type="primary">查询答复</Button></Link>}
            />
          </Card>
        ) : (
          <Card title="我要留言" extra={<Link to="/messages/track">查询答复</Link>}>
            <Typography.Paragraph type="secondary">
              您的留言将由县政府交有关单位办理，一般在5个工作日内答复（具体期限以本县规定为准）。请勿在留言中填写身份证号码、住址等个人信息。
            </Typography.Paragraph>
            {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="message-problem" />}
            <Form form={form} layout="vertical" initialValues={{ category: 'consultation', publicConsent: true }} onFinish={submit}>
              <Form.Item name="category" label="类别">
                <Radio.Group options={categoryOptions} optionType="button" />
              </Form.Item>
              <Form.Item name="subject" label="标题" rules={[{ required: true, whitespace: true, min: 4, message: '请填写标题（至少4个字）' }]}>
                <Input maxLength={60} data-testid="message-subject" />
              </Form.Item>
              <Form.Item name="content" label="留言内容" rules={[{ required: true, whitespace: true, min: 10, message: '请填写留言内容（至少10个字）' }]}>
                <Input.TextArea rows={6} maxLength={3000} showCount data-testid="message-content" />
              </Form.Item>
              <Form.Item name="name" label="姓名（可不填）">
                <Input maxLength={30} autoComplete="name" />
              </Form.Item>
              <Form.Item name="phone" label="联系电话" extra="加密保存，不公开；查询答复时需填写后四位" rules={[{ required: true, pattern: /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, message: '请填写11位手机号码或带区号的固定电话' }]}>
                <Input maxLength={16} inputMode="tel" autoComplete="tel" data-testid="message-phone" />
              </Form.Item>
              <Form.Item name="publicConsent" valuePropName="checked">
                <Checkbox data-testid="message-consent">同意在本网站公开我的留言内容和答复（不公开姓名和电话）</Checkbox>
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} block data-testid="message-submit">
                提交留言
              </Button>
            </Form>
          </Card>
        )}
      </div>
    </PortalLayout>
  );
}

const PAGE_SIZE = 10;

/** 留言选登: messages whose authors agreed and staff published, with their replies. */
export function PublicMessagesPage({ site }: { site: SiteInfo }) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const category = params.get('category') ?? undefined;
  const [data, setData] = useState<{ items: PublicMessage[]; total: number }>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    const query: Record<string, string> = { region: site.regionCode, page: String(page), pageSize: String(PAGE_SIZE) };
    if (category) query.category = category;
    portalGet<{ items: PublicMessage[]; total: number }>('messages', query).then(
      (d) => {
        setData(d);
        setProblem(undefined);
      },
      (error) => setProblem(failure(error, '加载失败')),
    );
  }, [site.regionCode, page, category]);
  return (
    <PortalLayout site={site} title="留言选登">
      <div className="portal-page">
        <Card title="留言选登" extra={<Select allowClear placeholder="类别" size="small" style={{ width: 100 }} value={category} options={categoryOptions} onChange={(v?: string) => setParams(v ? { category: v } : {})} />}>
          <div style={{ marginBottom: 12 }}>
            <MessageLinks />
          </div>
          {problem && <Alert type="error" showIcon title={problem} />}
          <List
            loading={!data && !problem}
            dataSource={data?.items ?? []}
            data-testid="portal-messages"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无公开的留言" /> }}
            pagination={data && data.total > PAGE_SIZE ? { current: page, pageSize: PAGE_SIZE, total: data.total, size: 'small', onChange: (p) => setParams({ ...(category ? { category } : {}), page: String(p) }) } : false}
            renderItem={(m) => (
              <List.Item key={m.id}>
                <List.Item.Meta
                  title={<Link to={`/messages/${m.id}`} data-testid="portal-message-link">{m.title}</Link>}
                  description={
                    <Space wrap size={[8, 4]}>
                      <Tag>{m.categoryLabel}</Tag>
                      <Typography.Text type="secondary">{m.orgName}</Typography.Text>
                      <Typography.Text type="secondary">答复于 {m.repliedOn}</Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </div>
    </PortalLayout>
  );
}

export function PublicMessagePage({ site }: { site: SiteInfo }) {
  const { id } = useParams();
  const [message, setMessage] = useState<PublicMessage | null>();
  useEffect(() => {
    portalGet<PublicMessage>(`messages/${id}`, {}).then(setMessage, () => setMessage(null));
  }, [id]);
  return (
    <PortalLayout site={site} title={message?.title ?? '留言详情'}>
      <div className="portal-page">
        {message === null ? (
          <Result status="404" title="留言不存在或未公开" extra={<Link to="/messages">返回留言选登</Link>} />
        ) : (
          <Card loading={!message} title={message?.title} data-testid="portal-message">
            {message && (
              <>
                <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
                  { key: 'category', label: '类别', children: message.categoryLabel },
                  { key: 'received', label: '留言日期', children: message.receivedOn },
                  { key: 'org', label: '答复单位', children: message.orgName },
                  { key: 'replied', label: '答复日期', children: message.repliedOn },
                ]} />
                <Typography.Title level={5} style={{ marginTop: 16 }}>留言内容</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{message.content}</Typography.Paragraph>
                <Typography.Title level={5}>答复</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="portal-message-reply">{message.replyText}</Typography.Paragraph>
              </>
            )}
          </Card>
        )}
      </div>
    </PortalLayout>
  );
}
