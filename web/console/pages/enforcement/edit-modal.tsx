import { Form, Modal, type FormInstance } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { testId } from '../../components/guarded.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';

/**
 * A registry form in a modal: filled from `initial` when it opens, saved by `save(values)`; the
 * server's field errors show under their fields, a version conflict reloads the list.
 */
export function EditModal<V extends object>({
  open,
  title,
  initial,
  save,
  onClose,
  onSaved,
  children,
  testIdPrefix,
}: {
  open: boolean;
  title: string;
  initial?: Partial<V>;
  save: (values: V) => Promise<unknown>;
  onClose: () => void;
  onSaved: () => void;
  children: (form: FormInstance<V>) => ReactNode;
  testIdPrefix: string;
}) {
  const [form] = Form.useForm<V>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (initial) form.setFieldsValue(initial as never);
  }, [open, initial, form]);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save(values);
      onSaved();
      onClose();
    } catch (error) {
      if (reportSaveError(form, error).conflict) onSaved();
    }
  };
  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={submit} okText="保存" okButtonProps={testId(`${testIdPrefix}-save`)} destroyOnHidden width={640}>
      <Form form={form} layout="vertical">
        {children(form)}
      </Form>
    </Modal>
  );
}
