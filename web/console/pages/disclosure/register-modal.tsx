import { Alert, App, Col, DatePicker, Divider, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { applicantKindLabels, disclosureChannelLabels, receiptRuleLabels, type ApplicantKind } from '../../../../contracts/disclosure.ts';
import { dayjs } from '../../../shared/time.ts';
import { testId } from '../../components/guarded.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { useMe } from '../../session/session.tsx';
import { beijingToday } from '../cases/deadline.tsx';
import { disclosureApi, type RegisterInput } from './disclosure-api.ts';
import { deliveryFormOptions, deliveryMethodOptions } from './labels.ts';

/** Applications on the portal register themselves (互联网渠道); staff enter the others. */
const staffChannels: RegisterInput['channel'][] = ['window', 'registeredMail', 'ordinaryMail', 'fax', 'email'];
/** The 2019 条例 is in force from this day (国务院令第711号). */
const IN_FORCE = '2019-05-15';
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{2}\d{6}[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{10}$/;

type Values = Omit<RegisterInput, 'receivedOn'> & { receivedOn: dayjs.Dayjs };

/** The agencies of the region in the user's scope (the server refuses the others). */
function useAgencies(open: boolean) {
  const [agencies, setAgencies] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    if (!open) return;
    disclosureApi.agencies().then(
      (rows) => setAgencies(rows.map((a) => ({ value: a.id, label: a.name }))),
      () => setAgencies([]),
    );
  }, [open]);
  return agencies;
}

/**
 * 登记 of an application received at the window, by mail, fax or email. The receipt day follows the
 * channel (条例 第三十一条); the 20 working days of the reply count from it. The applicant is given the
 * tracking code for the portal.
 */
export function RegisterModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const me = useMe();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const channel: RegisterInput['channel'] = Form.useWatch('channel', form) ?? 'window';
  const kind: ApplicantKind = Form.useWatch('applicantKind', form) ?? 'person';
  const agencies = useAgencies(open);
  const person = kind === 'person';

  useEffect(() => {
    if (open) form.setFieldsValue({ channel: 'window', applicantKind: 'person', receivedOn: dayjs(beijingToday()) });
  }, [open, form]);
  // A department's clerk registers for the department: its own organisation, when it answers applications.
  useEffect(() => {
    if (open && !form.getFieldValue('orgId') && agencies.some((a) => a.value === me.orgId)) form.setFieldValue('orgId', me.orgId);
  }, [open, form, agencies, me.orgId]);

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(undefined);
    const text = (v?: string) => v?.trim() || undefined;
    try {
      const { id, trackingCode } = await disclosureApi.register({
        ...values,
        receivedOn: values.receivedOn.format('YYYY-MM-DD'),
        applicantName: values.applicantName.trim(),
        identityCode: values.identityCode.trim().toUpperCase(),
        phone: values.phone.trim(),
        address: values.address.trim(),
        email: text(values.email),
        description: values.description.trim(),
        purpose: text(values.purpose),
      });
      onClose();
      navigate(`/disclosure/${id}`);
      void message.success('已登记');
      modal.success({
        title: '申请已登记',
        width: 480,
        content: (
          <>
            <Typography.Paragraph>请将查询码告知申请人：</Typography.Paragraph>
            <Typography.Title level={3} copyable style={{ margin: '0 0 12px', letterSpacing: 2, fontFamily: 'monospace' }} data-testid="disclosure-tracking-code">
              {trackingCode}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              申请人凭查询码和证件号码后六位，可在门户网站查询办理进度、提交补正、下载答复书。
            </Typography.Paragraph>
          </>
        ),
        okText: '知道了',
        okButtonProps: testId('disclosure-tracking-ok'),
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
      title="登记政府信息公开申请"
      width={880}
      okText="登记"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setProblem(undefined);
      }}
      okButtonProps={testId('disclosure-register-submit')}
      forceRender
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" onFinish={submit} onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item name="channel" label="申请方式" rules={[{ required: true, message: '请选择申请方式' }]}>
              <Select options={staffChannels.map((value) => ({ value, label: disclosureChannelLabels[value] }))} data-testid="disclosure-register-channel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="receivedOn" label="收到申请日期" rules={[{ required: true, message: '请选择收到申请的日期' }]} extra={`${receiptRuleLabels[channel]}（第三十一条）；答复期限自该日起算。`}>
              <DatePicker style={{ width: 200 }} allowClear={false} disabledDate={(day) => day.format('YYYY-MM-DD') > beijingToday() || day.format('YYYY-MM-DD') < IN_FORCE} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="orgId" label="受理机关" rules={[{ required: true, message: '请选择受理申请的机关' }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={agencies} placeholder="本机关或本级人民政府" data-testid="disclosure-register-org" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          申请人
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="applicantKind" label="申请人类别" rules={[{ required: true }]}>
              <Select options={options(applicantKindLabels)} onChange={() => form.setFields([{ name: 'identityCode', errors: [] }])} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="applicantName" label={person ? '姓名' : '名称'} rules={[{ required: true, whitespace: true, message: '请填写申请人' }, { max: 100 }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="identityCode"
              label={person ? '居民身份证号码' : '统一社会信用代码'}
              rules={[{ required: true, message: '请填写证件号码' }, { pattern: person ? ID_NUMBER : CREDIT_CODE, message: person ? '应为18位身份证号码' : '应为18位统一社会信用代码' }]}
            >
              <Input autoComplete="off" maxLength={18} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label="联系电话" rules={[{ required: true, message: '请填写联系电话' }, { pattern: PHONE, message: '应为11位手机号或带区号的固定电话' }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="address" label="通信地址" rules={[{ required: true, whitespace: true, message: '请填写通信地址' }, { max: 200 }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '邮箱格式不正确' }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          所需信息
        </Divider>
        <Form.Item name="description" label="所需政府信息的名称、文号或特征性描述" rules={[{ required: true, whitespace: true, message: '请填写所需信息' }, { max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="purpose" label="用途（可不填）" rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="deliveryForm" label="提供形式">
              <Radio.Group options={deliveryFormOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="deliveryMethod" label="获取方式">
              <Radio.Group options={deliveryMethodOptions} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
