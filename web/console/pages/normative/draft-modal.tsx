import { Alert, App, Form, Input, Modal, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { testId } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { DocumentSelect } from './document-select.tsx';
import { normativeApi, type Affect, type DocumentDetail } from './normative-api.ts';

interface Values {
  title: string;
  issuerOrgId: string;
  draftingExplanation: string;
  basis: string;
  body: string;
  topics: string[];
  amends: string[];
  repeals: string[];
}

/**
 * 起草 a 规范性文件, or edit the draft while it is drafted: title, 制定机关, 起草说明, 制定依据, text,
 * topics, and the registered documents it will amend or repeal once published.
 */
export function DraftModal({ open, editing, onClose, onSaved }: { open: boolean; editing?: DocumentDetail; onClose: () => void; onSaved?: (d: DocumentDetail) => void }) {
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (!open) return;
    setProblem(undefined);
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        ...editing,
        amends: editing.affects.filter((a) => a.effect === 'amended').map((a) => a.documentId),
        repeals: editing.affects.filter((a) => a.effect === 'repealed').map((a) => a.documentId),
      });
    }
  }, [open, editing, form]);

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(undefined);
    const affects: Affect[] = [...(values.amends ?? []).map((documentId) => ({ documentId, effect: 'amended' as const })), ...(values.repeals ?? []).map((documentId) => ({ documentId, effect: 'repealed' as const }))];
    const input = { title: values.title.trim(), issuerOrgId: values.issuerOrgId, draftingExplanation: values.draftingExplanation ?? '', basis: values.basis ?? '', body: values.body ?? '', topics: values.topics ?? [], affects };
    try {
      const saved = editing ? await normativeApi.update(editing.id, { ...input, version: editing.version }) : await normativeApi.create(input);
      void message.success(editing ? '草案已保存' : '草案已创建');
      onClose();
      if (editing) onSaved?.(saved);
      else navigate(`/normative/${saved.id}`);
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '保存失败'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? '修改草案' : '起草规范性文件'}
      width={760}
      okText="保存"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={testId('normative-draft-save')}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label="文件名称" rules={[{ required: true, whitespace: true, message: '请填写文件名称' }]}>
          <Input maxLength={200} placeholder="如：岳阳县城区建设用地储备出让管理办法" {...testId('normative-title')} />
        </Form.Item>
        <Form.Item name="issuerOrgId" label="制定机关" rules={[{ required: true, message: '请选择制定机关' }]} extra="以其名义印发：县人民政府、县政府办公室或县直部门">
          <OrgSelect placeholder="选择制定机关" {...testId('normative-issuer')} />
        </Form.Item>
        <Form.Item name="draftingExplanation" label="起草说明">
          <Input.TextArea rows={3} {...testId('normative-explanation')} />
        </Form.Item>
        <Form.Item name="basis" label="制定依据">
          <Input.TextArea rows={2} placeholder="所依据的法律、法规、规章和上级文件" {...testId('normative-basis')} />
        </Form.Item>
        <Form.Item name="body" label="正文">
          <Input.TextArea rows={8} {...testId('normative-body')} />
        </Form.Item>
        <Form.Item name="topics" label="主题">
          <Select mode="tags" placeholder="输入后回车，如：长江保护、行政处罚" tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Space style={{ width: '100%' }} orientation="vertical">
          <Form.Item name="amends" label="本文件施行后修改的文件" style={{ marginBottom: 8 }}>
            <DocumentSelect mode="multiple" />
          </Form.Item>
          <Form.Item name="repeals" label="本文件施行后废止的文件">
            <DocumentSelect mode="multiple" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
