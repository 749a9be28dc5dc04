import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Divider, Form, Input, Modal, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { caseApi } from '../../api/endpoints.ts';
import type { CaseAction, CaseDetail, FileInfo } from '../../api/types.ts';
import { useUploadRequest } from '../../components/file-upload.tsx';
import { testId } from '../../components/guarded.tsx';
import { ActionFieldItem, placeStepError, stepData, visibleFields, type StepData } from './action-fields.tsx';

interface FormValues {
  data?: StepData;
  reason?: string;
}

export interface ActionModalProps {
  detail: CaseDetail;
  action: CaseAction | null;
  onClose: () => void;
  /** The case as the server answered after the step. */
  onDone: (next: CaseDetail) => void;
  /** Someone else moved the case on, or it changed under the user's feet: reload it. */
  onStale: () => void;
}

/**
 * One step on a case: the step's own fields (decision type, dates …, from the server's description of
 * the action's input), 理由 and attachments as the action requires them, then POST with the version shown.
 */
export function ActionModal({ detail, action, onClose, onDone, onStale }: ActionModalProps) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [files, setFiles] = useState<UploadFile<FileInfo>[]>([]);
  const [filesError, setFilesError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const data = Form.useWatch('data', form);
  const fields = action?.fields ?? [];
  const shown = visibleFields(fields, data);

  const reset = () => {
    form.resetFields();
    setFiles([]);
    setFilesError(undefined);
    setProblem(undefined);
  };

  const customRequest = useUploadRequest();

  const submit = async () => {
    if (!action) return;
    const values = await form.validateFields().catch((invalid: { errorFields?: { name: (string | number)[] }[] }) => {
      const first = invalid.errorFields?.[0];
      if (first) form.scrollToField(first.name);
      return null;
    });
    if (!values) return;
    if (files.some((f) => f.status === 'uploading')) {
      setFilesError('附件正在上传，请等上传完成后再提交');
      return;
    }
    if (files.some((f) => f.status === 'error')) {
      setFilesError('有附件上传失败，请删除后重新上传');
      return;
    }
    setFilesError(undefined);
    setProblem(undefined);
    setSaving(true);
    try {
      const fileIds = files.map((f) => f.response?.id).filter((id): id is string => !!id);
      const next = await caseApi.act(detail.id, action.action, {
        version: detail.version,
        reason: values.reason?.trim() || undefined,
        fileIds,
        ...(fields.length ? { data: stepData(fields, values.data) } : {}),
      });
      void message.success(`已${action.label}`);
      onDone(next);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setProblem(error instanceof Error ? error.message : '操作失败');
      } else if (error.code === 'VERSION_CONFLICT') {
        onClose();
        modal.warning({ title: '案件已被他人处理', content: '在您办理期间，其他人已办理了本案。页面已刷新为最新状态，请查看后再决定下一步。' });
        onStale();
      } else if (error.code === 'VALIDATION_FAILED') {
        const placed = placeStepError(error, shown);
        form.setFields([
          ...placed.data.map((d) => ({ name: ['data', d.name] as [string, string], errors: [d.message] })),
          ...(placed.reason ? [{ name: 'reason' as const, errors: [placed.reason] }] : []),
        ]);
        if (placed.files) setFilesError(placed.files);
        if (placed.unplaced) setProblem(error.message);
        const first = placed.data[0];
        if (first) form.scrollToField(['data', first.name]);
      } else if (error.status !== 401 && error.code !== 'PASSWORD_CHANGE_REQUIRED') {
        // A guard or the state said no: the case page refreshes so its buttons show why.
        setProblem(error.message);
        if (error.code === 'CONFLICT' || error.code === 'FORBIDDEN') onStale();
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!action}
      title={action ? `${action.label}：${detail.title}` : ''}
      okText={action ? `确认${action.label}` : '确认'}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      afterClose={reset}
      okButtonProps={testId('action-submit')}
      width={600}
      // A step with many fields scrolls inside the dialog, so its title and buttons stay in view.
      styles={{ body: { maxHeight: 'calc(100vh - 220px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="action-problem" />}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={(changed: FormValues) => {
          // The server's word on a field stands until the field changes: fields without rules are never re-validated.
          const names = [...Object.keys(changed.data ?? {}).map((name) => ['data', name]), ...('reason' in changed ? [['reason']] : [])];
          if (names.length) form.setFields(names.map((name) => ({ name, errors: [] })));
        }}
      >
        {shown.map((field) => (
          <ActionFieldItem key={field.name} field={field} caseId={detail.id} />
        ))}
        {shown.length > 0 && <Divider style={{ margin: '4px 0 16px' }} />}
        <Form.Item
          name="reason"
          label="理由"
          rules={action?.reasonRequired ? [{ required: true, whitespace: true, message: `${action.label}须填写理由` }] : []}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="请说明办理理由、依据或意见" data-testid="action-reason" />
        </Form.Item>
        <Form.Item label={action?.minFiles ? `附件（至少 ${action.minFiles} 个）` : '附件（可选）'} required={!!action?.minFiles} validateStatus={filesError ? 'error' : undefined} help={filesError}>
          <Upload<FileInfo>
            multiple
            fileList={files}
            customRequest={customRequest}
            onChange={({ fileList }) => {
              setFiles(fileList);
              if (filesError) setFilesError(undefined);
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="action-upload">
              选择文件
            </Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
