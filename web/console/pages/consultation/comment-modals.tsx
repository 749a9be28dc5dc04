import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { adoptionLabels, type AdoptionState } from '../../../../contracts/consultation.ts';
import { testId } from '../../components/guarded.tsx';
import { options } from '../../lib/labels.ts';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { consultationApi, type StaffComment } from './api.ts';

/** One dialog's submit: the server's refusal goes under its field, or above the form. */
function useSubmit<T extends object>(form: ReturnType<typeof Form.useForm<T>>[0], send: (values: T) => Promise<unknown>, done: () => void) {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    setProblem(undefined);
    try {
      await send(values);
      form.resetFields();
      done();
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '保存失败'));
    } finally {
      setSaving(false);
    }
  };
  return { saving, problem, submit, clear: () => setProblem(undefined) };
}

/** 不予公开: the reason is kept with the comment (not shown on the portal). */
export function RejectModal({ comment, onClose, onDone }: { comment: StaffComment | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ rejectReason: string }>();
  const { saving, problem, submit, clear } = useSubmit(
    form,
    (v) => consultationApi.moderate(comment!.id, { decision: 'reject', rejectReason: v.rejectReason, version: comment!.version }),
    onDone,
  );
  return (
    <Modal
      open={!!comment}
      title="不予公开"
      okText="确定"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={() => {
        clear();
        onClose();
      }}
      okButtonProps={testId('reject-submit')}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <p style={{ whiteSpace: 'pre-wrap', color: '#666' }}>{comment?.content}</p>
      <Form form={form} layout="vertical">
        <Form.Item name="rejectReason" label="不予公开的理由" rules={[{ required: true, whitespace: true, message: '请填写不予公开的理由' }]}>
          <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：与征求意见稿无关、含有侮辱性语言、广告" data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 采纳情况 and its explanation, as the adoption statement will report it. */
export function AdoptionModal({ comment, onClose, onDone }: { comment: StaffComment | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ adoption: AdoptionState; adoptionNote?: string }>();
  const { saving, problem, submit, clear } = useSubmit(form, (v) => consultationApi.adoption(comment!.id, { ...v, version: comment!.version }), onDone);
  return (
    <Modal
      open={!!comment}
      title="标注采纳情况"
      okText="保存"
      onOk={() => void submit()}
      confirmLoading={saving}
      onCancel={() => {
        clear();
        onClose();
      }}
      okButtonProps={testId('adoption-submit')}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <p style={{ whiteSpace: 'pre-wrap', color: '#666' }}>{comment?.content}</p>
      <Form form={form} layout="vertical" initialValues={{ adoption: comment?.adoption ?? undefined, adoptionNote: comment?.adoptionNote ?? undefined }}>
        <Form.Item name="adoption" label="采纳情况" rules={[{ required: true, message: '请选择采纳情况' }]}>
          <Radio.Group options={options(adoptionLabels)} optionType="button" data-testid="adoption-state" />
        </Form.Item>
        <Form.Item name="adoptionNote" label="说明" extra="部分采纳或未采纳的，须说明理由">
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="adoption-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
