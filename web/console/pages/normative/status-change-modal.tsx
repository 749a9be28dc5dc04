import { Alert, App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { dayjs } from '../../../shared/time.ts';
import { testId } from '../../components/guarded.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { beijingToday } from '../cases/deadline.tsx';
import { DocumentSelect } from './document-select.tsx';
import { normativeApi, type DocumentDetail } from './normative-api.ts';

interface Values {
  status: 'amended' | 'repealed' | 'expired';
  changedOn: dayjs.Dayjs;
  byDocumentId?: string;
  byText?: string;
  reason: string;
}

/** 登记修改、废止或失效 of a document in force, with the document (or other instrument) that did it. */
export function StatusChangeModal({ doc, open, onClose, onSaved }: { doc: DocumentDetail; open: boolean; onClose: () => void; onSaved: (d: DocumentDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async (v: Values) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const saved = await normativeApi.changeStatus(doc.id, { status: v.status, changedOn: v.changedOn.format('YYYY-MM-DD'), byDocumentId: v.byDocumentId, byText: v.byText?.trim() || undefined, reason: v.reason.trim(), version: doc.version });
      void message.success('已登记效力变更');
      onSaved(saved);
      onClose();
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '登记失败'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="登记修改、废止或失效" okText="登记" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden okButtonProps={testId('normative-status-save')}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ status: 'repealed', changedOn: dayjs(beijingToday()) }} onFinish={(v) => void submit(v)}>
        <Form.Item name="status" label="变更为">
          <Radio.Group options={[{ value: 'amended', label: '已修改' }, { value: 'repealed', label: '已废止' }, { value: 'expired', label: '已失效（宣布失效）' }]} />
        </Form.Item>
        <Form.Item name="changedOn" label="变更日期" rules={[{ required: true, message: '请选择变更日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="byDocumentId" label="作出变更的文件" extra="已登记的文件；未登记的请填写下一项">
          <DocumentSelect />
        </Form.Item>
        <Form.Item name="byText" label="变更依据">
          <Input maxLength={200} placeholder="如：《中华人民共和国长江保护法》施行" />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
