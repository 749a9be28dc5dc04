import { Alert, Button, Card, Checkbox, Col, Form, Input, Radio, Result, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { actCategories, actCategoryLabels, applicantTypeLabels, applicantTypes } from '../../contracts/reconsideration.ts';
import { PortalError, portalGet, portalPost } from './api.ts';
import { PortalLayout } from './layout.tsx';
import type { SiteInfo } from './site.ts';

interface Respondent {
  id: string;
  name: string;
}

interface ApplicationForm {
  applicantType: (typeof applicantTypes)[number];
  applicantName: string;
  identityCode: string;
  phone: string;
  address: string;
  respondentOrgId: string;
  actCategory: (typeof actCategories)[number];
  actDescription: string;
  requests: string;
  facts?: string;
  promise: boolean;
}

/** 行政复议 online (复议法 第二十二条: 可以通过互联网渠道提交): the application, then its tracking code. */
export function ReconsiderationApplyPage({ site }: { site: SiteInfo }) {
  const [form] = Form.useForm<ApplicationForm>();
  const [respondents, setRespondents] = useState<Respondent[]>([]);
  const [loadProblem, setLoadProblem] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [trackingCode, setTrackingCode] = useState<string>();
  const applicantType = Form.useWatch('applicantType', form) ?? 'person';

  useEffect(() => {
    portalGet<Respondent[]>('reconsideration/respondents', { regionCode: site.regionCode }).then(setRespondents, (e: unknown) =>
      setLoadProblem(e instanceof Error ? e.message : '被申请人名单加载失败'),
    );
  }, [site.regionCode]);

  const submit = async (values: ApplicationForm) => {
    setProblem(undefined);
    setSaving(true);
    try {
      const { promise: _promise, ...application } = values;
      const { trackingCode: code } = await portalPost<{ trackingCode: string }>('reconsideration/applications', { regionCode: site.regionCode, ...application });
      setTrackingCode(code);
      window.scrollTo({ top: 0 });
    } catch (error) {
      setProblem(error instanceof PortalError ? error.message : '提交失败，请稍后重试');
    } finally {
      setSaving(false);
    }
  };

  if (trackingCode) {
    return (
      <PortalLayout site={site} title="行政复议申请已提交">
        <Card className="portal-page">
          <Result
            status="success"
            title="行政复议申请已提交"
            subTitle="行政复议机构自收到申请之日起五个工作日内进行审查，决定是否受理；需要补正的，会在查询页面告知补正事项。"
            extra={
              <div>
                <Typography.Paragraph>
                  您的查询码：
                  <Typography.Text copyable className="tracking-code" data-testid="portal-tracking-code">
                    {trackingCode}
                  </Typography.Text>
                </Typography.Paragraph>
                <Typography.Paragraph type="secondary">请记下查询码。查询进度时还需输入申请时所填证件号码的后六位。</Typography.Paragraph>
                <Link to={`/track?code=${trackingCode}`}>
                  <Button type="primary">查询办理进度</Button>
                </Link>
              </div>
            }
          />
        </Card>
      </PortalLayout>
    );
  }

  return (
    <PortalLayout site={site} title="网上申请行政复议">
      <div className="portal-page">
        <Card title="网上申请行政复议">
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="申请须知"
            description="申请行政复议应当自知道该行政行为之日起六十日内提出（法律规定的申请期限超过六十日的除外）。请如实填写，带 * 的为必填项。您的证件号码和电话仅用于办理本案，加密保存。"
          />
          {loadProblem && <Alert type="error" showIcon title={loadProblem} style={{ marginBottom: 16 }} />}
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="portal-apply-problem" />}
          <Form<ApplicationForm> form={form} layout="vertical" initialValues={{ applicantType: 'person' }} onFinish={submit} scrollToFirstError>
            <Typography.Title level={5}>申请人</Typography.Title>
            <Form.Item name="applicantType" label="申请人类型" rules={[{ required: true }]}>
              <Radio.Group optionType="button" options={applicantTypes.map((value) => ({ value, label: applicantTypeLabels[value] }))} />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="applicantName" label={applicantType === 'person' ? '姓名' : '名称'} rules={[{ required: true, whitespace: true, message: '请填写申请人姓名或名称' }, { max: 100 }]}>
                  <Input data-testid="apply-name" autoComplete="name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="identityCode"
                  label={applicantType === 'person' ? '居民身份证号码' : '统一社会信用代码'}
                  rules={[{ required: true, whitespace: true, message: applicantType === 'person' ? '请填写身份证号码' : '请填写统一社会信用代码' }, { len: 18, message: '应为 18 位' }]}
                >
                  <Input data-testid="apply-id" maxLength={18} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="phone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }, { pattern: /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, message: '请填写手机号码或带区号的固定电话' }]}>
                  <Input data-testid="apply-phone" inputMode="tel" autoComplete="tel" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="address" label="通讯地址" rules={[{ required: true, whitespace: true, message: '请填写通讯地址' }, { max: 200 }]}>
                  <Input autoComplete="street-address" data-testid="apply-address" />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Title level={5}>被申请人和行政行为</Typography.Title>
            <Form.Item name="respondentOrgId" label="被申请人（作出行政行为的行政机关）" rules={[{ required: true, message: '请选择被申请人' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="输入机关名称查找"
                options={respondents.map((r) => ({ value: r.id, label: r.name }))}
                data-testid="apply-respondent"
              />
            </Form.Item>
            <Form.Item name="actCategory" label="行政行为类别" rules={[{ required: true, message: '请选择行政行为类别' }]}>
              <Select options={actCategories.map((value) => ({ value, label: actCategoryLabels[value] }))} data-testid="apply-category" />
            </Form.Item>
            <Form.Item name="actDescription" label="申请复议的行政行为" extra="写明行为的名称、文号和作出日期，如：县市场监督管理局岳县市监罚〔2026〕12号行政处罚决定书" rules={[{ required: true, whitespace: true, message: '请写明申请复议的行政行为' }, { max: 2000 }]}>
              <Input.TextArea rows={2} maxLength={2000} data-testid="apply-act" />
            </Form.Item>
            <Form.Item name="requests" label="行政复议请求" rules={[{ required: true, whitespace: true, message: '请填写行政复议请求' }, { max: 2000 }]}>
              <Input.TextArea rows={2} maxLength={2000} placeholder="如：请求撤销该行政处罚决定" data-testid="apply-requests" />
            </Form.Item>
            <Form.Item name="facts" label="事实和理由" rules={[{ max: 5000 }]}>
              <Input.TextArea rows={5} maxLength={5000} showCount />
            </Form.Item>
            <Form.Item name="promise" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('请确认所填内容真实'))) }]}>
              <Checkbox data-testid="apply-promise">本人承诺以上内容真实，并知悉提供虚假材料须承担相应法律责任</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={saving} data-testid="apply-submit">
              提交行政复议申请
            </Button>
          </Form>
        </Card>
      </div>
    </PortalLayout>
  );
}
