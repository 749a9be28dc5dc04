import { Alert, App, Col, DatePicker, Divider, Form, Input, Modal, Radio, Row, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { actCategoryLabels, instanceLabels, plaintiffTypeLabels, type Instance } from '../../../../contracts/litigation.ts';
import { dayjs } from '../../../shared/time.ts';
import { LITIGATION, litigationApi, type RegisterInput } from '../../api/litigation.ts';
import { testId } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { options } from '../../lib/labels.ts';
import { useMe } from '../../session/session.tsx';
import { beijingToday } from '../cases/deadline.tsx';
import { useDefenceDue } from './defence-due.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { RelatedCaseFields } from './register-links.tsx';
import { ChallengedCaseSelect } from '../enforcement-cases/challenged-case-select.tsx';

type Values = Omit<RegisterInput, 'filedOn' | 'complaintReceivedOn'> & { filedOn?: dayjs.Dayjs; complaintReceivedOn: dayjs.Dayjs };

/**
 * 登记 of one instance of a lawsuit against a county agency, from the day the agency received the
 * complaint's copy: the defence's 15 days run from it (行政诉讼法 第六十七条). An appeal or retrial
 * continues the instance below; a first instance after 复议 may link the 复议 case.
 */
export function RegisterModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const instance: Instance = Form.useWatch('instance', form) ?? 'first';
  const defendantOrgId = Form.useWatch('defendantOrgId', form);
  const plaintiffType = Form.useWatch('plaintiffType', form) ?? 'person';
  const receivedOn = Form.useWatch('complaintReceivedOn', form);
  const defenceDue = useDefenceDue(receivedOn);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      instance: 'first',
      plaintiffType: 'person',
      afterReconsideration: false,
      headSummoned: false,
      complaintReceivedOn: dayjs(beijingToday()),
      // Staff of one agency register its own lawsuits only.
      ...(me.permissions[LITIGATION.handle] === 'own_org' ? { defendantOrgId: me.orgId } : {}),
    });
  }, [open, form, me]);

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(undefined);
    const text = (v?: string) => v?.trim() || undefined;
    const parent = values.parentCaseId;
    try {
      const created = await litigationApi.register({
        instance: values.instance,
        court: values.court.trim(),
        courtCaseNo: text(values.courtCaseNo),
        plaintiffType: values.plaintiffType,
        plaintiffName: values.plaintiffName.trim(),
        defendantOrgId: values.defendantOrgId,
        actCategory: values.actCategory,
        actDescription: values.actDescription.trim(),
        claims: text(values.claims),
        // A continued instance takes 复议后起诉 from the instance below.
        afterReconsideration: parent ? false : !!values.afterReconsideration,
        reconsiderationCaseId: !parent && values.afterReconsideration ? values.reconsiderationCaseId : undefined,
        parentCaseId: parent,
        challengedCaseId: values.actCategory === 'penalty' ? values.challengedCaseId : undefined,
        filedOn: values.filedOn?.format('YYYY-MM-DD'),
        complaintReceivedOn: values.complaintReceivedOn.format('YYYY-MM-DD'),
        headSummoned: !!values.headSummoned,
      });
      onClose();
      void message.success(`已登记，答辩期限至 ${created.defenceDueOn ?? '—'}`);
      navigate(`/litigation/${created.id}`);
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '登记失败'));
    } finally {
      setSaving(false);
    }
  };

  const isPerson = plaintiffType === 'person';

  return (
    <Modal
      open={open}
      title="登记应诉案件"
      width={880}
      okText="登记"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setProblem(undefined);
      }}
      okButtonProps={testId('litigation-register-submit')}
      forceRender
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="litigation-register-problem" />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name)}
        onValuesChange={(changed: Partial<Values>) => {
          // A link chosen for another instance or defendant no longer fits.
          if ('instance' in changed || 'defendantOrgId' in changed) form.setFieldValue('parentCaseId', undefined);
          if ('instance' in changed && changed.instance !== 'first') form.setFieldValue('reconsiderationCaseId', undefined);
        }}
        data-testid="litigation-register-form"
      >
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          审级和法院
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="instance" label="审级" rules={[{ required: true, message: '请选择审级' }]} extra="一审、二审、再审各登记一件">
              <Radio.Group optionType="button" options={options(instanceLabels)} data-testid="litigation-instance" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="court" label="审理法院" rules={[{ required: true, whitespace: true, message: '请填写审理法院' }, { max: 100 }]}>
              <Input autoComplete="off" placeholder="如：某某县人民法院" data-testid="litigation-court" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="courtCaseNo" label="法院案号" rules={[{ max: 60 }]} extra="本行政区内不能重复；尚未取得的，可在收到后更正">
              <Input autoComplete="off" placeholder="如：（2026）湘0621行初12号" data-testid="litigation-court-case-no" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="filedOn"
              label="立案日期"
              dependencies={['complaintReceivedOn']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value?: dayjs.Dayjs) => {
                    const received = getFieldValue('complaintReceivedOn') as dayjs.Dayjs | undefined;
                    if (value && received && value.isAfter(received, 'day')) throw new Error('立案日期不能晚于收到起诉状副本日期');
                  },
                }),
              ]}
              extra="法院的审理期限自立案之日起算，仅作提示"
            >
              <DatePicker style={{ width: 200 }} disabledDate={(day) => day.format('YYYY-MM-DD') > beijingToday()} data-testid="litigation-filed-on" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="complaintReceivedOn"
              label="收到起诉状副本日期"
              rules={[{ required: true, message: '请选择收到起诉状副本的日期' }]}
              extra={
                <span data-testid="litigation-defence-hint">
                  答辩期限自收到起诉状副本之日起十五日（《行政诉讼法》第六十七条），期满日为法定节假日的顺延。
                  {defenceDue && (
                    <>
                      按所选日期，应在 <Typography.Text strong>{defenceDue}</Typography.Text> 前提交答辩状、证据和所依据的规范性文件。
                    </>
                  )}
                </span>
              }
            >
              <DatePicker
                style={{ width: 200 }}
                allowClear={false}
                disabledDate={(day) => day.format('YYYY-MM-DD') > beijingToday()}
                data-testid="litigation-complaint-received-on"
              />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          原告
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="plaintiffType" label="原告类型" rules={[{ required: true }]}>
              <Radio.Group options={options(plaintiffTypeLabels)} data-testid="litigation-plaintiff-type" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="plaintiffName"
              label={isPerson ? '原告姓名' : '原告名称'}
              rules={[{ required: true, whitespace: true, message: isPerson ? '请填写原告姓名' : '请填写原告名称' }, { max: 100 }]}
            >
              <Input autoComplete="off" data-testid="litigation-plaintiff-name" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          被告和被诉行政行为
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="defendantOrgId" label="被告机构" rules={[{ required: true, message: '请选择被告机构' }]} extra="案件由被告机构办理">
              <OrgSelect data-testid="litigation-defendant" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="actCategory" label="被诉行为类别" rules={[{ required: true, message: '请选择被诉行为类别' }]}>
              <Select options={options(actCategoryLabels)} placeholder="请选择" data-testid="litigation-act-category" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="actDescription" label="被诉行政行为" rules={[{ required: true, whitespace: true, message: '请填写被诉行政行为' }, { max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder="行为名称、文书文号、作出日期等" data-testid="litigation-act-description" />
            </Form.Item>
          </Col>
          <Form.Item noStyle dependencies={['actCategory', 'defendantOrgId']}>
            {({ getFieldValue }) =>
              getFieldValue('actCategory') === 'penalty' ? (
                <Col span={24}>
                  <Form.Item
                    name="challengedCaseId"
                    label="本系统中的行政处罚案件"
                    extra="选择后，判决撤销、变更、确认违法或无效并生效的，该决定的执法公示须在 3 个工作日内撤回；上诉、再审和复议后起诉的，不选则沿用原审或复议案件所关联的案件"
                  >
                    <ChallengedCaseSelect orgId={getFieldValue('defendantOrgId')} orgLabel="被告机构" testId="litigation-challenged-case" />
                  </Form.Item>
                </Col>
              ) : null
            }
          </Form.Item>
          <Col span={24}>
            <Form.Item name="claims" label="诉讼请求" rules={[{ max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder="如：请求撤销……决定" data-testid="litigation-claims" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="headSummoned"
              label="法院通知负责人出庭"
              valuePropName="checked"
              extra="涉及重大公共利益、社会高度关注或者可能引发群体性事件等案件，人民法院应当通知行政机关负责人出庭（《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第四条）"
            >
              <Switch checkedChildren="是" unCheckedChildren="否" data-testid="litigation-head-summoned" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
          关联案件
        </Divider>
        <RelatedCaseFields instance={instance} defendantOrgId={defendantOrgId} />
      </Form>
    </Modal>
  );
}
