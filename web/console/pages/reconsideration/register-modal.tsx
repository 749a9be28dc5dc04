import { Alert, App, Col, DatePicker, Divider, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { actCategoryLabels, applicantTypeLabels, channelLabels } from '../../../../contracts/reconsideration.ts';
import { dayjs } from '../../../shared/time.ts';
import { userApi } from '../../api/endpoints.ts';
import { reconsiderationApi, type ApplicantType, type Channel, type RegisterInput } from '../../api/reconsideration.ts';
import { testId } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { useMe } from '../../session/session.tsx';
import { beijingToday } from '../cases/deadline.tsx';
import { ChallengedCaseSelect } from '../enforcement-cases/challenged-case-select.tsx';

/** Applications on the portal register themselves (channel 网上申请); the office registers the others. */
const officeChannels: Channel[] = ['window', 'mail', 'other'];

/** The revised law applies from this day on (第九十条); the server refuses earlier receipts. */
const LAW_IN_FORCE = '2024-01-01';

/** The server's phone rule: a mobile number, or a landline with its area code. */
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{2}\d{6}[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{10}$/;

type Values = Omit<RegisterInput, 'receivedOn'> & { receivedOn: dayjs.Dayjs };


/** The region's handlers to pick a 承办人 from: the active people of the 复议机构 (the user's own organisation). */
function useColleagues(orgId: string, open: boolean) {
  const [people, setPeople] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    if (!open) return;
    userApi.list({ orgId, status: 'active', pageSize: 100 }).then(
      (page) => setPeople(page.items.filter((u) => !u.isService).map((u) => ({ value: u.id, label: u.title ? `${u.displayName}（${u.title}）` : u.displayName }))),
      () => setPeople([]),
    );
  }, [orgId, open]);
  return people;
}

/**
 * 登记 of an application received at the window, by mail or otherwise (复议法 第二十二条). The case
 * opens in 受理审查 with its five working days counted from the day received; the applicant is given
 * the tracking code for the portal.
 */
export function RegisterModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const channel = Form.useWatch('channel', form);
  const applicantType: ApplicantType = Form.useWatch('applicantType', form) ?? 'person';
  const colleagues = useColleagues(me.orgId, open);
  const person = applicantType === 'person';

  useEffect(() => {
    if (open) form.setFieldsValue({ channel: 'window', applicantType: 'person', receivedOn: dayjs(beijingToday()) });
  }, [open, form]);

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(undefined);
    const text = (v?: string) => v?.trim() || undefined;
    try {
      const { id, trackingCode } = await reconsiderationApi.register({
        ...values,
        receivedOn: values.receivedOn.format('YYYY-MM-DD'),
        applicantName: values.applicantName.trim(),
        identityCode: values.identityCode.trim().toUpperCase(),
        phone: values.phone.trim(),
        address: values.address.trim(),
        actDescription: values.actDescription.trim(),
        requests: values.requests.trim(),
        facts: text(values.facts),
      });
      onClose();
      navigate(`/reconsideration/${id}`);
      void message.success('已登记');
      modal.success({
        title: '复议申请已登记',
        width: 480,
        content: (
          <>
            <Typography.Paragraph>请将查询码告知申请人：</Typography.Paragraph>
            <Typography.Title level={3} copyable style={{ margin: '0 0 12px', letterSpacing: 2, fontFamily: 'monospace' }} data-testid="reconsideration-tracking-code">
              {trackingCode}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              申请人凭查询码和证件号码后六位，可在门户网站查询办理进度、提交补正材料。案件页面也显示查询码。
            </Typography.Paragraph>
          </>
        ),
        okText: '知道了',
        okButtonProps: testId('reconsideration-tracking-ok'),
      });
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '登记失败'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="登记复议申请"
      width={880}
      okText="登记"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setProblem(undefined);
      }}
      okButtonProps={testId('register-submit')}
      forceRender
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="register-problem" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
        // The server's word on the 承办人 stands until it is changed: the field has no rules to run again.
        onValuesChange={(changed: Partial<Values>) => 'assigneeId' in changed && form.setFields([{ name: 'assigneeId', errors: [] }])}
        data-testid="register-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="channel" label="申请方式" rules={[{ required: true, message: '请选择申请方式' }]}>
              <Radio.Group options={officeChannels.map((value) => ({ value, label: channelLabels[value] }))} data-testid="register-channel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="receivedOn"
              label="收到日期"
              rules={[{ required: true, message: '请选择收到申请的日期' }]}
              extra={channel === 'mail' ? '邮寄的以签收之日为收到日期。受理审查期限自收到日期起算。' : '受理审查期限（五个工作日）自收到日期起算。'}
            >
              <DatePicker
                style={{ width: 200 }}
                allowClear={false}
                disabledDate={(day) => day.format('YYYY-MM-DD') > beijingToday() || day.format('YYYY-MM-DD') < LAW_IN_FORCE}
                data-testid="register-received-on"
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          申请人
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="applicantType" label="申请人类型" rules={[{ required: true }]}>
              <Radio.Group
                options={options(applicantTypeLabels)}
                onChange={() => form.setFields([{ name: 'identityCode', errors: [] }])}
                data-testid="register-applicant-type"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="applicantName" label={person ? '姓名' : '名称'} rules={[{ required: true, whitespace: true, message: person ? '请填写申请人姓名' : '请填写申请人名称' }, { max: 100 }]}>
              <Input autoComplete="off" data-testid="register-applicant-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="identityCode"
              label={person ? '居民身份证号码' : '统一社会信用代码'}
              dependencies={['applicantType']}
              rules={[
                { required: true, whitespace: true, message: person ? '请填写居民身份证号码' : '请填写统一社会信用代码' },
                { pattern: person ? ID_NUMBER : CREDIT_CODE, message: person ? '应为 18 位居民身份证号码' : '应为 18 位统一社会信用代码' },
              ]}
              extra="加密存储；后六位是申请人网上查询的验证码"
            >
              <Input autoComplete="off" maxLength={18} data-testid="register-identity-code" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label="联系电话" rules={[{ required: true, whitespace: true, message: '请填写联系电话' }, { pattern: PHONE, message: '应为 11 位手机号或带区号的固定电话' }]}>
              <Input autoComplete="off" data-testid="register-phone" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={person ? '住址或通讯地址' : '住所或通讯地址'} rules={[{ required: true, whitespace: true, message: '请填写地址' }, { max: 200 }]}>
              <Input autoComplete="off" data-testid="register-address" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          被申请人和行政行为
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="respondentOrgId" label="被申请人" rules={[{ required: true, message: '请选择被申请人' }]}>
              <OrgSelect data-testid="register-respondent" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="actCategory" label="行政行为类别" rules={[{ required: true, message: '请选择行政行为类别' }]} extra="政府信息公开案件可适用简易程序">
              <Select options={options(actCategoryLabels)} placeholder="请选择" data-testid="register-act-category" />
            </Form.Item>
          </Col>
          <Form.Item noStyle dependencies={['actCategory', 'respondentOrgId']}>
            {({ getFieldValue }) =>
              getFieldValue('actCategory') === 'penalty' ? (
                <Col span={24}>
                  <Form.Item name="challengedCaseId" label="本系统中的行政处罚案件" extra="选择后，复议决定撤销、变更或确认违法的，该决定的执法公示须在 3 个工作日内撤回">
                    <ChallengedCaseSelect orgId={getFieldValue('respondentOrgId')} orgLabel="被申请人" testId="register-challenged-case" />
                  </Form.Item>
                </Col>
              ) : null
            }
          </Form.Item>
          <Col span={24}>
            <Form.Item name="actDescription" label="被申请复议的行政行为" rules={[{ required: true, whitespace: true, message: '请填写被申请复议的行政行为' }, { max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder="行为名称、文书文号、作出日期等" data-testid="register-act-description" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="requests" label="行政复议请求" rules={[{ required: true, whitespace: true, message: '请填写行政复议请求' }, { max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder="如：请求撤销……决定" data-testid="register-requests" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="facts" label="事实和理由" rules={[{ max: 5000 }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount data-testid="register-facts" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="assigneeId" label="承办人（可选）" extra="须持有复议办理权限；指定后列入其“分配给我的”待办">
              <Select allowClear options={colleagues} placeholder="不指定" showSearch={{ optionFilterProp: 'label' }} data-testid="register-assignee" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
