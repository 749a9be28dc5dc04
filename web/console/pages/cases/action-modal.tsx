import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Upload, type UploadFile, type UploadProps } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { caseApi, fileApi } from '../../api/endpoints.ts';
import type { CaseAction, CaseDetail, FileInfo } from '../../api/types.ts';
import { testId } from '../../components/guarded.tsx';

interface FormValues {
  reason?: string;
}

type Field = 'reason' | 'fileIds';

/**
 * Where a refused step's message belongs. The server names the field on schema errors; its own checks
 * (reason required, minimum attachments) say it only in the message, so those are recognised by it.
 */
function fieldOf(error: ApiError): Field | undefined {
  const named = Array.isArray(error.details) ? (error.details as { field?: unknown }[]).find((d) => d.field === 'reason' || d.field === 'fileIds') : undefined;
  if (named) return named.field as Field;
  if (error.code !== 'VALIDATION_FAILED') return undefined;
  if (error.message.includes('理由')) return 'reason';
  if (error.message.includes('附件')) return 'fileIds';
  return undefined;
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

/** One step on a case: 理由 and attachments as the action requires them, then POST with the version shown. */
export function ActionModal({ detail, action, onClose, onDone, onStale }: ActionModalProps) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [files, setFiles] = useState<UploadFile<FileInfo>[]>([]);
  const [filesError, setFilesError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const reset = () => {
    form.resetFields();
    setFiles([]);
    setFilesError(undefined);
    setProblem(undefined);
  };

  const customRequest: UploadProps<FileInfo>['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const raw = file as File;
    fileApi.upload(raw, (percent) => onProgress?.({ percent })).then(
      (info) => onSuccess?.(info),
      (error: unknown) => {
        const text = error instanceof Error ? error.message : '上传失败';
        void message.error(`${raw.name}：${text}`);
        onError?.(error instanceof Error ? error : new Error(text));
      },
    );
  };

  const submit = async () => {
    if (!action) return;
    const values = await form.validateFields();
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
      const next = await caseApi.act(detail.id, action.action, { version: detail.version, reason: values.reason?.trim() || undefined, fileIds });
      void message.success(`已${action.label}`);
      onDone(next);
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setProblem(error instanceof Error ? error.message : '操作失败');
      } else if (error.code === 'VERSION_CONFLICT') {
        onClose();
        modal.warning({ title: '案件已被他人处理', content: '在您办理期间，其他人已办理了本案。页面已刷新为最新状态，请查看后再决定下一步。' });
        onStale();
      } else if (fieldOf(error) === 'reason') {
        form.setFields([{ name: 'reason', errors: [error.message] }]);
      } else if (fieldOf(error) === 'fileIds') {
        setFilesError(error.message);
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
      width={560}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="action-problem" />}
      <Form form={form} layout="vertical">
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
