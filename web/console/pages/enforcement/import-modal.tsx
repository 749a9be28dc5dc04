import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Progress, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, showError } from '../../api/client.ts';
import { testId } from '../../components/guarded.tsx';
import { registryApi, type ImportKind, type ImportSummary } from './registry-api.ts';

type Stage =
  | { kind: 'pick' }
  | { kind: 'checking'; percent: number }
  | { kind: 'invalid'; message: string; rows: { row: number; message: string }[] }
  | { kind: 'clean'; summary: ImportSummary }
  | { kind: 'importing'; percent: number };

/** IMPORT_INVALID details: { rows: [{ row, errors: [...] }] }, one line per message. */
const rowErrors = (details: unknown) =>
  ((details as { rows?: { row: number; errors: string[] }[] } | undefined)?.rows ?? []).flatMap((r) => r.errors.map((message) => ({ row: r.row, message })));

/**
 * 导入 Excel for a registry list: the file is checked first (a dry run), nothing is written until the
 * user confirms a clean check; a file with errors gets each row's problems and an error report.
 */
export function ImportModal({ kind, title, hint, open, onClose, onImported }: { kind: ImportKind; title: string; hint: string; open: boolean; onClose: () => void; onImported: () => void }) {
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
      setStage({ kind: 'clean', summary: await registryApi.importXlsx(kind, picked, true, (percent) => setStage({ kind: 'checking', percent })) });
    } catch (error) {
      fail(error);
    }
  };
  const confirm = async () => {
    if (!file) return;
    setStage({ kind: 'importing', percent: 0 });
    try {
      await registryApi.importXlsx(kind, file, false, (percent) => setStage({ kind: 'importing', percent }));
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
    ...(stage.kind === 'invalid' || stage.kind === 'clean' ? [<Button key="again" onClick={reset}>重新选择文件</Button>] : []),
    ...(stage.kind === 'clean' || stage.kind === 'importing'
      ? [
          <Button key="ok" type="primary" loading={stage.kind === 'importing'} onClick={confirm} {...testId('enforcement-import-confirm')}>
            确认导入
          </Button>,
        ]
      : []),
  ];

  return (
    <Modal open={open} title={title} width={760} onCancel={close} footer={footer} destroyOnHidden>
      {stage.kind === 'pick' && (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={hint} />
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(picked) => {
              void check(picked);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖拽 .xlsx 文件到此处</p>
          </Upload.Dragger>
        </>
      )}
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
              <Table
                size="small"
                rowKey={(r) => `${r.row}-${r.message}`}
                dataSource={stage.rows}
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '错误说明', dataIndex: 'message' },
                ]}
              />
              <Button icon={<DownloadOutlined />} onClick={() => file && registryApi.importReport(kind, file).catch(() => undefined)}>
                下载错误报告
              </Button>
            </>
          )}
        </Space>
      )}
      {stage.kind === 'clean' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon title={`${file?.name ?? '文件'} 校验通过，尚未写入。确认后导入。`} />
          <Descriptions
            bordered
            size="small"
            column={3}
            items={[
              { key: 'created', label: '新增', children: stage.summary.created },
              { key: 'updated', label: '更新', children: stage.summary.updated },
              { key: 'unchanged', label: '无变化', children: stage.summary.unchanged },
            ]}
          />
        </Space>
      )}
    </Modal>
  );
}
