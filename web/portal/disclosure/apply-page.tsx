import { Alert, Button, Card, Checkbox, Col, Form, Input, Radio, Result, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { applicantKindLabels, applicantKinds, deliveryFormLabels, deliveryForms, deliveryMethodLabels, deliveryMethods, type ApplicantKind } from '../../../contracts/disclosure.ts';
import { PortalError, portalGet, portalPost } from '../api.ts';
import { PortalLayout } from '../layout.tsx';
import type { SiteInfo } from '../site.ts';

interface Agency {
  id: string;
  name: string;
}

interface ApplicationForm {
  orgId: string;
  applicantKind: ApplicantKind;
  applicantName: string;
  identityCode: string;
  phone: string;
  address: string;
  email?: string;
  description: string;
  purpose?: string;
  deliveryForm: string;
  deliveryMethod: string;
  promise: boolean;
}

interface Answer {
  trackingCode: string;
  receivedOn: string;
  replyDueOn: string;
}

const kindOptions = applicantKinds.map((value) => ({ value, label: applicantKindLabels[value] }));

/** 网上申请政府信息公开 (条例 第二十九条), phone first: one column, large touch targets; then its tracking code. */
export function DisclosureApplyPage({ site }: { site: SiteInfo }) {
  const [form] = Form.useForm<ApplicationForm>();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [loadProblem, setLoadProblem] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [answer, setAnswer] = useState<Answer>();
  const kind: ApplicantKind = Form.useWatch('applicantKind', form) ?? 'person';
  const person = kind === 'person';

  useEffect(() => {
    portalGet<Agency[]>('disclosure/agencies', { regionCode: site.regionCode }).then(setAgencies, (e: unknown) => setLoadProblem(e instanceof Error ? e.message : '机关名单加载失败'));
  }, [site.regionCode]);

  const submit = async (values: ApplicationForm) => {
    setProblem(undefined);
    setSaving(true);
    try {
      const { promise: _promise, email, purpose, ...application } = values;
      setAnswer(await portalPost<Answer>('disclosure/applications', { regionCode: site.regionCode, ...application, email: email?.trim() || undefined, purpose: purpose?.trim() || undefined }));
      window.scrollTo({ top: 0 });
    } catch (error) {
      setProblem(error instanceof PortalError ? error.message : '提交失败，请稍后重试');
    } finally {
      setSaving(false);
    }
  };

  if (answer) {
    return (
      <PortalLayout site={site} title="政府信息公开申请已提交">
        <Card className="portal-page">
          <Result
            status="success"
            title="政府信息公开申请已提交"
            subTitle={`收到申请日期为 ${answer.receivedOn}（第三十一条：以双方确认之日为收到申请之日）。行政机关应于 ${answer.replyDueOn} 前答复；需要补正的，会在查询页面告知补正事项。`}
            extra={
              <div>
                <Typography.Paragraph>
                  您的查询码：
                  <Typography.Text copyable className="tracking-code" data-testid="disclosure-tracking-code">
                    {answer.trackingCode}
                  </Typography.Text>
                </Typography.Paragraph>
                <Typography.Paragraph type="secondary">请记下查询码。查询进度、提交补正、下载答复书时还需输入证件号码的后六位。</Typography.Paragraph>
                <Link to={`/disclosure/track?code=${answer.trackingCode}`}>
                  <Button type="primary" size="large">
                    查询办理进度
                  </Button>
                </Link>
              </div>
            }
          />
        </Card>
      </PortalLayout>
    );
  }

  return (
    <PortalLayout site={site} title="政府信息公开申请">
      <div className="portal-page">
        <Card title="政府信息公开申请">
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="申请须知"
            description="行政机关自收到申请之日起二十个工作日内答复，需要延长的最长延长二十个工作日（《政府信息公开条例》第三十三条）。申请内容不明确的，行政机关会一次性告知补正。您的证件号码、电话和地址加密保存，仅用于办理本申请。"
          />
          {loadProblem && <Alert type="error" showIcon title={loadProblem} style={{ marginBottom: 16 }} />}
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="disclosure-apply-problem" />}
          <Form<ApplicationForm> form={form} layout="vertical" size="large" initialValues={{ applicantKind: 'person', deliveryForm: 'electronic', deliveryMethod: 'online' }} onFinish={submit} scrollToFirstError>
            <Form.Item name="orgId" label="向哪个机关申请" rules={[{ required: true, message: '请选择机关' }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} placeholder="输入机关名称查找" options={agencies.map((a) => ({ value: a.id, label: a.name }))} data-testid="disclosure-apply-org" />
            </Form.Item>
            <Typography.Title level={5}>申请人</Typography.Title>
            <Form.Item name="applicantKind" label="申请人类别" rules={[{ required: true }]}>
              <Select options={kindOptions} onChange={() => form.setFields([{ name: 'identityCode', errors: [] }])} data-testid="disclosure-apply-kind" />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="applicantName" label={person ? '姓名' : '名称'} rules={[{ required: true, whitespace: true, message: '请填写申请人姓名或名称' }, { max: 100 }]}>
                  <Input autoComplete="name" data-testid="disclosure-apply-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="identityCode" label={person ? '居民身份证号码' : '统一社会信用代码'} rules={[{ required: true, whitespace: true, message: '请填写证件号码' }, { len: 18, message: '应为 18 位' }]}>
                  <Input maxLength={18} autoComplete="off" data-testid="disclosure-apply-id" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="phone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }, { pattern: /^1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/, message: '请填写手机号码或带区号的固定电话' }]}>
                  <Input inputMode="tel" autoComplete="tel" data-testid="disclosure-apply-phone" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="email" label="电子邮箱（可不填）" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
                  <Input inputMode="email" autoComplete="email" />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name="address" label="通信地址" rules={[{ required: true, whitespace: true, message: '请填写通信地址' }, { max: 200 }]}>
                  <Input autoComplete="street-address" data-testid="disclosure-apply-address" />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Title level={5}>所需政府信息</Typography.Title>
            <Form.Item name="description" label="信息的名称、文号或便于查找的特征性描述" rules={[{ required: true, whitespace: true, message: '请描述所需信息' }, { max: 2000 }]}>
              <Input.TextArea rows={4} maxLength={2000} showCount placeholder="如：岳阳县2021年城区道路改造项目的立项批复（岳发改〔2021〕18号）" data-testid="disclosure-apply-description" />
            </Form.Item>
            <Form.Item name="purpose" label="用途（可不填）" rules={[{ max: 1000 }]}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item name="deliveryForm" label="提供形式" rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={deliveryForms.map((value) => ({ value, label: deliveryFormLabels[value] }))} />
            </Form.Item>
            <Form.Item name="deliveryMethod" label="获取方式" rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={deliveryMethods.map((value) => ({ value, label: deliveryMethodLabels[value] }))} />
            </Form.Item>
            <Form.Item name="promise" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请确认所填内容真实'))) }]}>
              <Checkbox data-testid="disclosure-apply-promise">本人承诺以上内容真实</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={saving} data-testid="disclosure-apply-submit">
              提交申请
            </Button>
          </Form>
        </Card>
      </div>
    </PortalLayout>
  );
}

