import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Progress, Space, Table, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError, showError } from '../api/client.ts';
import type { ImportRowError } from '../api/endpoints.ts';
import { testId } from './guarded.tsx';

/** Row errors from an IMPORT_INVALID answer, whichever of the usual shapes the details take. */
export function rowErrors(details: unknown): ImportRowError[] {
  const source =
    details && typeof details === 'object' && !Array.isArray(details) ? ((details as { rows?: unknown; errors?: unknown }).rows ?? (details as { errors?: unknown }).errors) : details;
  if (!Array.isArray(source)) return [];
  return source.flatMap((entry: Record<string, unknown>) => {
    const row = Number(entry.row ?? entry.rowNumber ?? entry.line);
    const field = typeof entry.field === 'string' ? entry.field : typeof entry.column === 'string' ? entry.column : undefined;
    const messages = entry.message ?? entry.messages ?? entry.errors;
    const list = Array.isArray(messages) ? messages.map(String) : messages !== undefined ? [String(messages)] : [];
    return list.map((message) => ({ row, field, message }));
  });
}

/** Where an Excel file is chosen: what the file must hold, then the drop zone. */
export function XlsxDropZone({ hint, description, onPick, dataTestId }: { hint: string; description?: ReactNode; onPick: (file: File) => void; dataTestId?: string }) {
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={hint} description={description} />
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(picked) => {
          onPick(picked);
          return false;
        }}
        data-testid={dataTestId}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖拽 .xlsx 文件到此处</p>
      </Upload.Dragger>
    </>
  );
}

type Stage =
  | { kind: 'pick' }
  | { kind: 'checking'; percent: number }
  | { kind: 'invalid'; message: string; rows: ImportRowError[] }
  | { kind: 'clean'; summary: object }
  | { kind: 'importing'; percent: number };

export interface DryRunImportProps {
  title: string;
  hint: string;
  open: boolean;
  onClose: () => void;
  onImported: () => void;
  /** The import endpoint: dryRun checks every row and writes nothing. */
  run: (file: File, dryRun: boolean, onProgress: (percent: number) => void) => Promise<object | undefined>;
  /** Downloads the error report (each bad row with its problems) for the file. */
  report: (file: File) => Promise<unknown>;
  /** Chinese names of the numbers a clean check answers (新增、更新 …). */
  summaryLabels: Record<string, string>;
  confirmTestId: string;
}

/**
 * 导入 Excel for a registry: the file is checked first (a dry run) and nothing is written until the
 * user confirms a clean check; a file with errors gets each row's problems and an error report.
 */
export function DryRunImportModal({ title, hint, open, onClose, onImported, run, report, summaryLabels, confirmTestId }: DryRunImportProps) {
  const [file, setFile] = useState<File>();
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const reset = () => {
    setFile(undefined);
    setStage({ kind: 'pick' });
  };
  const close = () => {
    reset();
    onClose();
  };
  const fail = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'IMPORT_INVALID') return setStage({ kind: 'invalid', message: error.message, rows: rowErrors(error.details) });
    if (!(error instanceof ApiError) || error.status !== 401) showError(error);
    reset();
  };
  const check = async (picked: File) => {
    setFile(picked);
    setStage({ kind: 'checking', percent: 0 });
    try {
      setStage({ kind: 'clean', summary: (await run(picked, true, (percent) => setStage({ kind: 'checking', percent }))) ?? {} });
    } catch (error) {
      fail(error);
    }
  };
  const confirm = async () => {
    if (!file) return;
    setStage({ kind: 'importing', percent: 0 });
    try {
      await run(file, false, (percent) => setStage({ kind: 'importing', percent }));
      onImported();
      close();
    } catch (error) {
      fail(error);
    }
  };

  const footer = [
    <Button key="cancel" onClick={close}>
      {stage.kind === 'clean' ? '取消' : '关闭'}
    </Button>,
    ...(stage.kind === 'invalid' || stage.kind === 'clean'
      ? [
          <Button key="again" onClick={reset}>
            重新选择文件
          </Button>,
        ]
      : []),
    ...(stage.kind === 'clean' || stage.kind === 'importing'
      ? [
          <Button key="ok" type="primary" loading={stage.kind === 'importing'} onClick={confirm} {...testId(confirmTestId)}>
            确认导入
          </Button>,
        ]
      : []),
  ];
  const numbers = stage.kind === 'clean' ? Object.entries(stage.summary).filter(([, value]) => typeof value === 'number') : [];

  return (
    <Modal open={open} title={title} width={760} onCancel={close} footer={footer} destroyOnHidden>
      {stage.kind === 'pick' && <XlsxDropZone hint={hint} onPick={(picked) => void check(picked)} />}
      {(stage.kind === 'checking' || stage.kind === 'importing') && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <span>{stage.kind === 'checking' ? `正在上传并校验 ${file?.name ?? ''}…` : '正在导入…'}</span>
          <Progress percent={stage.percent} status="active" />
          {stage.percent === 100 && <span>上传完成，服务器处理中…</span>}
        </Space>
      )}
      {stage.kind === 'invalid' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="error" showIcon title={stage.message} description={stage.rows.length ? `共 ${stage.rows.length} 处错误，请修改后重新上传。` : undefined} />
          {stage.rows.length > 0 && (
            <>
              <Table<ImportRowError>
                size="small"
                rowKey={(r) => `${r.row}-${r.field ?? ''}-${r.message}`}
                dataSource={stage.rows}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  ...(stage.rows.some((r) => r.field) ? [{ title: '列', dataIndex: 'field', width: 140, render: (field?: string) => field ?? '—' }] : []),
                  { title: '错误说明', dataIndex: 'message' },
                ]}
              />
              <Button icon={<DownloadOutlined />} onClick={() => file && report(file).catch(() => undefined)}>
                下载错误报告
              </Button>
            </>
          )}
        </Space>
      )}
      {stage.kind === 'clean' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon title={`${file?.name ?? '文件'} 校验通过，尚未写入。确认后导入。`} />
          {numbers.length > 0 && (
            <Descriptions bordered size="small" column={3} items={numbers.map(([key, value]) => ({ key, label: summaryLabels[key] ?? key, children: String(value) }))} />
          )}
        </Space>
      )}
    </Modal>
  );
}
