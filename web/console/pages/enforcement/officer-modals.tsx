import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { enforcementFieldLabels, type EnforcementField } from '../../../../contracts/enforcement.ts';
import { testId } from '../../components/guarded.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { BodySelect } from './pickers.tsx';
import { registryApi, type CertificateItem, type OfficerItem } from './registry-api.ts';

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined);
const required = (message: string) => [{ required: true, message }];

/** The certificate's fields, shared by 登记 and 换证. */
function CertificateFields({ prefix = [] as string[] }: { prefix?: string[] }) {
  const name = (n: string) => [...prefix, n];
  return (
    <>
      <Form.Item name={name('certificateNo')} label="执法证号" rules={required('请填写执法证号')}>
        <Input maxLength={40} data-testid="officer-certificate-no" />
      </Form.Item>
      <Form.Item name={name('field')} label="执法领域" rules={required('请选择执法领域')}>
        <Select options={options(enforcementFieldLabels)} data-testid="officer-certificate-field" />
      </Form.Item>
      <Form.Item name={name('issuer')} label="发证机关" rules={required('请填写发证机关')} initialValue="湖南省人民政府">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name={name('issuedOn')} label="发证日期" rules={required('请选择发证日期')}>
        <DatePicker style={{ width: '100%' }} data-testid="officer-certificate-issued" />
      </Form.Item>
      <Form.Item name={name('validUntil')} label="有效期至" rules={required('请选择有效期')}>
        <DatePicker style={{ width: '100%' }} data-testid="officer-certificate-until" />
      </Form.Item>
    </>
  );
}

interface CertificateValues {
  certificateNo: string;
  field: EnforcementField;
  issuer: string;
  issuedOn: Dayjs;
  validUntil: Dayjs;
}
const certificateInput = (c: CertificateValues) => ({ ...c, issuedOn: day(c.issuedOn), validUntil: day(c.validUntil) });

/** 登记 or 修改 an officer; a new officer may be registered with a certificate at once. */
export function OfficerModal({ open, officer, onClose, onSaved }: { open: boolean; officer?: OfficerItem; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const withCertificate: boolean = Form.useWatch('withCertificate', form) ?? true;
  useEffect(() => {
    if (open) {
      form.resetFields();
      if (officer) form.setFieldsValue({ bodyId: officer.bodyId, name: officer.name, position: officer.position, legalQualificationNo: officer.legalQualificationNo, status: officer.status });
    }
  }, [open, officer, form]);
  const save = async () => {
    const values = await form.validateFields();
    const base = { bodyId: values.bodyId, name: values.name, position: values.position || null, legalQualificationNo: values.legalQualificationNo || null, status: values.status ?? 'active' };
    try {
      if (officer) await registryApi.updateOfficer(officer.id, { ...base, userId: officer.userId, version: officer.version });
      else await registryApi.createOfficer({ ...base, certificate: withCertificate ? certificateInput(values.certificate) : undefined });
      onSaved();
      onClose();
    } catch (error) {
      if (reportSaveError(form, error).conflict) onSaved();
    }
  };
  return (
    <Modal open={open} title={officer ? '修改执法人员' : '登记执法人员'} onCancel={onClose} onOk={save} okText="保存" okButtonProps={testId('officer-save')} destroyOnHidden width={560}>
      <Form form={form} layout="vertical" initialValues={{ withCertificate: true, status: 'active' }}>
        <Form.Item name="bodyId" label="执法主体" rules={required('请选择执法主体')}>
          <BodySelect data-testid="officer-body" />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={required('请填写姓名')}>
          <Input maxLength={50} data-testid="officer-name" />
        </Form.Item>
        <Form.Item name="position" label="职务">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="legalQualificationNo" label="法律职业资格证书编号" extra="初次从事行政处罚决定法制审核的人员应当取得（《行政处罚法》第五十八条第二款）">
          <Input maxLength={40} />
        </Form.Item>
        {officer && (
          <Form.Item name="status" label="状态">
            <Select options={[{ value: 'active', label: '在岗' }, { value: 'inactive', label: '停用（调离、退休）' }]} />
          </Form.Item>
        )}
        {!officer && (
          <>
            <Form.Item name="withCertificate" label="同时登记行政执法证">
              <Select options={[{ value: true, label: '是' }, { value: false, label: '否，稍后登记' }]} />
            </Form.Item>
            {withCertificate && <CertificateFields prefix={['certificate']} />}
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 登记新证 (certificate undefined) or 换证 (the certificate it replaces). */
export function CertificateModal({ open, officerId, replaces, onClose, onSaved }: { open: boolean; officerId: string; replaces?: CertificateItem; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  useEffect(() => {
    if (open) {
      form.resetFields();
      if (replaces) form.setFieldsValue({ field: replaces.field, issuer: replaces.issuer, issuedOn: dayjs() });
    }
  }, [open, replaces, form]);
  const save = async () => {
    const values = await form.validateFields();
    try {
      if (replaces) await registryApi.replaceCertificate(replaces.id, { ...certificateInput(values), version: replaces.version, reason: values.reason || null });
      else await registryApi.issueCertificate({ ...certificateInput(values), officerId });
      onSaved();
      onClose();
    } catch (error) {
      if (reportSaveError(form, error).conflict) onSaved();
    }
  };
  return (
    <Modal open={open} title={replaces ? `换证（原证 ${replaces.certificateNo}）` : '登记行政执法证'} onCancel={onClose} onOk={save} okText="保存" okButtonProps={testId('certificate-save')} destroyOnHidden>
      <Form form={form} layout="vertical">
        <CertificateFields />
        {replaces && (
          <Form.Item name="reason" label="换证原因">
            <Input maxLength={200} placeholder="如：有效期届满、证件损毁、执法领域调整" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 暂扣, 吊销 or 恢复有效. */
export function CertificateStatusModal({ certificate, onClose, onSaved }: { certificate?: CertificateItem; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  useEffect(() => {
    if (certificate) form.resetFields();
  }, [certificate, form]);
  const save = async () => {
    const values = await form.validateFields();
    try {
      await registryApi.certificateStatus(certificate!.id, { version: certificate!.version, status: values.status, reason: values.reason || null });
      onSaved();
      onClose();
    } catch (error) {
      if (reportSaveError(form, error).conflict) onSaved();
    }
  };
  return (
    <Modal open={!!certificate} title={`变更执法证状态（${certificate?.certificateNo ?? ''}）`} onCancel={onClose} onOk={save} okText="保存" destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ status: 'suspended' }}>
        <Form.Item name="status" label="状态">
          <Select options={[{ value: 'suspended', label: '暂扣' }, { value: 'revoked', label: '吊销（不可恢复）' }, { value: 'valid', label: '恢复有效' }]} />
        </Form.Item>
        <Form.Item name="reason" label="原因" extra="暂扣、吊销须写明原因">
          <Input.TextArea maxLength={200} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function TrainingModal({ officerId, open, onClose, onSaved }: { officerId: string; open: boolean; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const save = async () => {
    const values = await form.validateFields();
    try {
      await registryApi.addTraining(officerId, { attendedOn: day(values.attendedOn), course: values.course, hours: values.hours });
      onSaved();
      onClose();
    } catch (error) {
      reportSaveError(form, error);
    }
  };
  return (
    <Modal open={open} title="登记培训学时" onCancel={onClose} onOk={save} okText="保存" destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item name="attendedOn" label="培训日期" rules={required('请选择日期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="course" label="培训内容" rules={required('请填写培训内容')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="hours" label="学时" rules={required('请填写学时')}>
          <InputNumber min={0.5} max={1000} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
