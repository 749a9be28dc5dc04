import { Alert, App, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { caseSourceLabels, enforcementFieldLabels, partyTypeLabels, type EnforcementField } from '../../../../contracts/enforcement.ts';
import { testId } from '../../components/guarded.tsx';
import { options } from '../../lib/labels.ts';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { beijingToday } from '../cases/deadline.tsx';
import { enforcementCasesApi, type CaseOptions, type NewCase } from './enforcement-cases-api.ts';

/**
 * 立案: the body and its 行政处罚 matter, the party, the facts and at least two officers (第四十二条);
 * the server checks their certificates on the filing day and names whoever is not eligible.
 */
export function NewCaseModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<NewCase>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [bodies, setBodies] = useState<CaseOptions[]>([]);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const bodyId = Form.useWatch('bodyId', form);
  const body = useMemo(() => bodies.find((b) => b.id === bodyId), [bodies, bodyId]);

  useEffect(() => {
    if (!open) return;
    setProblem(undefined);
    form.resetFields();
    enforcementCasesApi.options().then(
      (list) => {
        setBodies(list);
        if (list.length === 1) form.setFieldValue('bodyId', list[0]!.id);
      },
      () => setBodies([]),
    );
  }, [open, form]);

  const submit = async (values: NewCase) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const created = await enforcementCasesApi.create({ ...values, partyId: values.partyId?.trim() || undefined, caseNo: values.caseNo?.trim() || undefined, firstViolation: values.firstViolation ?? false });
      void message.success('已立案');
      onClose();
      navigate(`/enforcement-cases/${created.id}`);
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '立案失败'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="立案" width={760} okText="立案" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden okButtonProps={testId('penalty-create-save')}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="penalty-create-error" />}
      {bodies.length === 0 && <Alert type="info" showIcon title="您所在机构尚未登记执法主体，请先在执法主体名录中登记" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ procedure: 'general', source: 'inspection', partyType: 'company', filedOn: beijingToday(), firstViolation: false }} onFinish={(v) => void submit(v)}>
        <Form.Item name="bodyId" label="执法主体" rules={[{ required: true, message: '请选择执法主体' }]}>
          <Select options={bodies.map((b) => ({ value: b.id, label: b.name }))} onChange={() => form.setFieldsValue({ matterId: undefined, officerIds: [] })} {...testId('penalty-body')} />
        </Form.Item>
        <Form.Item name="matterId" label="执法事项（权责清单）" rules={[{ required: true, message: '请选择执法事项' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(body?.matters ?? []).map((m) => ({ value: m.id, label: `${m.code} ${m.name}（${enforcementFieldLabels[m.field as EnforcementField] ?? m.field}）` }))}
            {...testId('penalty-matter')}
          />
        </Form.Item>
        <Form.Item name="title" label="案由" rules={[{ required: true, whitespace: true, message: '请填写案由' }]}>
          <Input maxLength={200} placeholder="如：岳阳县某某超市经营超过保质期食品案" {...testId('penalty-title')} />
        </Form.Item>
        <Form.Item name="procedure" label="程序">
          <Radio.Group options={[{ value: 'general', label: '普通程序' }, { value: 'simple', label: '简易程序（当场处罚）' }]} />
        </Form.Item>
        <Form.Item name="source" label="案件来源">
          <Select options={options(caseSourceLabels)} />
        </Form.Item>
        <Form.Item name="partyType" label="当事人类型">
          <Radio.Group options={options(partyTypeLabels)} />
        </Form.Item>
        <Form.Item name="partyName" label="当事人" rules={[{ required: true, whitespace: true, message: '请填写当事人' }]}>
          <Input maxLength={100} {...testId('penalty-party')} />
        </Form.Item>
        <Form.Item name="partyId" label="身份证号码或统一社会信用代码" extra="加密保存，列表和公示中不显示">
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="facts" label="违法事实" rules={[{ required: true, whitespace: true, message: '请填写违法事实' }]}>
          <Input.TextArea rows={3} {...testId('penalty-facts')} />
        </Form.Item>
        <Form.Item name="filedOn" label="立案日期" rules={[{ required: true, message: '请填写立案日期' }]}>
          <Input type="date" {...testId('penalty-filed-on')} />
        </Form.Item>
        <Form.Item name="officerIds" label="办案执法人员（至少两名，第一名为主办人）" rules={[{ required: true, type: 'array', min: 2, message: '请选择至少两名执法人员' }]}>
          <Select mode="multiple" options={(body?.officers ?? []).map((o) => ({ value: o.id, label: o.name }))} {...testId('penalty-officers')} />
        </Form.Item>
        <Form.Item name="firstViolation" valuePropName="checked">
          <Checkbox>当事人首次违法（本事项列入首违不罚清单的，案件将标注「首违不罚」）</Checkbox>
        </Form.Item>
        <Form.Item name="caseNo" label="立案编号">
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
