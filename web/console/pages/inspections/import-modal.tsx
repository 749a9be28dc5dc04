import { DownloadOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Progress, Space, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, showError } from '../../api/client.ts';
import { testId } from '../../components/guarded.tsx';
import { XlsxDropZone } from '../../components/import-modal.tsx';
import { inspectionsApi, type ImportProgress, type ImportResult } from './inspections-api.ts';

interface RowError {
  row: number;
  errors: string[];
}

type Stage =
  | { kind: 'pick' }
  | { kind: 'running'; upload: number; server: ImportProgress | null }
  | { kind: 'invalid'; message: string; rows: RowError[]; errorRows: number }
  | { kind: 'done'; result: ImportResult; undone: boolean };

const HEADERS = '执法部门、执法领域、检查日期、检查对象、对象类型、统一社会信用代码、检查地点、检查结果、责令整改、发现隐患数、关停取缔、拆除、出具执法文书数、移送司法机关、执法人员、专项整治行动、执法主体、备注';

/** What the bar shows: the upload, then the server's reading and writing of the rows. */
function progressOf(stage: Extract<Stage, { kind: 'running' }>): { percent: number; text: string } {
  const server = stage.server;
  if (stage.upload < 100 || !server) return { percent: Math.round(stage.upload * 0.2), text: `正在上传文件（${stage.upload}%）…` };
  if (server.stage === 'reading') return { percent: 20, text: `正在读取并校验，已读 ${server.rowsRead} 行…` };
  if (server.stage === 'writing' && server.total) {
    return { percent: 20 + Math.round((server.rowsWritten / server.total) * 80), text: `正在写入 ${server.rowsWritten} / ${server.total} 行…` };
  }
  return { percent: 99, text: '即将完成…' };
}

/**
 * 导入行政检查记录: the file is uploaded once; the server checks every row and writes them only if all
 * are valid (one batch, undoable as a whole). The bar follows the upload, then the server's progress.
 */
export function ImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File>();
  const [stage, setStage] = useState<Stage>({ kind: 'pick' });
  const poller = useRef<ReturnType<typeof setInterval>>(undefined);
  const stopPolling = () => {
    clearInterval(poller.current);
    poller.current = undefined;
  };
  useEffect(() => stopPolling, []);

  const reset = () => {
    stopPolling();
    setFile(undefined);
    setStage({ kind: 'pick' });
  };
  const close = () => {
    if (stage.kind === 'running') return;
    reset();
    onClose();
  };

  const start = async (picked: File) => {
    setFile(picked);
    const importId = crypto.randomUUID();
    setStage({ kind: 'running', upload: 0, server: null });
    poller.current = setInterval(() => {
      inspectionsApi.progress(importId).then(
        (server) => setStage((s) => (s.kind === 'running' ? { ...s, server } : s)),
        () => undefined,
      );
    }, 400);
    try {
      const result = await inspectionsApi.importXlsx(picked, importId, (upload) => setStage((s) => (s.kind === 'running' ? { ...s, upload } : s)));
      setStage({ kind: 'done', result, undone: false });
      onImported();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'IMPORT_INVALID') {
        const details = (error.details ?? {}) as { rows?: RowError[]; errorRows?: number };
        setStage({ kind: 'invalid', message: error.message, rows: details.rows ?? [], errorRows: details.errorRows ?? details.rows?.length ?? 0 });
      } else {
        if (!(error instanceof ApiError) || error.status !== 401) showError(error);
        setStage({ kind: 'pick' });
      }
    } finally {
      stopPolling();
    }
  };

  const undo = async (result: ImportResult) => {
    try {
      const { deleted } = await inspectionsApi.undo(result.importId);
      void message.success(`已撤销本次导入，删除 ${deleted} 条记录`);
      setStage({ kind: 'done', result, undone: true });
      onImported();
    } catch {
      // The client has shown the server's message.
    }
  };

  const footer = [
    <Button key="close" onClick={close} disabled={stage.kind === 'running'}>
      关闭
    </Button>,
    ...(stage.kind === 'invalid' || stage.kind === 'done'
      ? [
          <Button key="again" onClick={reset}>
            导入其他文件
          </Button>,
        ]
      : []),
  ];

  return (
    <Modal open={open} title="导入行政检查记录（Excel）" width={820} onCancel={close} footer={footer} destroyOnHidden maskClosable={false}>
      {stage.kind === 'pick' && (
        <XlsxDropZone
          hint="第一行为列名，每行一次检查；可用“导出 Excel”得到的表格作为模板。"
          description={
            <>
              <div>可用列：{HEADERS}。其中执法领域、检查日期、检查对象、检查结果必填；执法部门不填时为本单位；是否类列填“是”或“否”。</div>
              <div>文件中只要有一行有错误，就不会导入任何数据；导入成功的批次可整批撤销。单个文件最多 200,000 行。</div>
            </>
          }
          onPick={(picked) => void start(picked)}
          dataTestId="inspection-import-upload"
        />
      )}
      {stage.kind === 'running' && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="inspection-import-progress">
          <span>{file?.name}</span>
          <Progress percent={progressOf(stage).percent} status="active" />
          <Typography.Text type="secondary">{progressOf(stage).text}</Typography.Text>
        </Space>
      )}
      {stage.kind === 'invalid' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="error" showIcon title={stage.message} description="请按下表修改后重新上传；错误报告列出了每个错误行的原内容和错误说明。" data-testid="inspection-import-errors" />
          {stage.rows.length > 0 && (
            <>
              <Table<RowError>
                size="small"
                rowKey="row"
                dataSource={stage.rows}
                pagination={{ pageSize: 8, hideOnSinglePage: true, showTotal: () => `共 ${stage.errorRows} 行有错误${stage.errorRows > stage.rows.length ? `（显示前 ${stage.rows.length} 行）` : ''}` }}
                columns={[
                  { title: '行号', dataIndex: 'row', width: 80 },
                  { title: '错误说明', dataIndex: 'errors', render: (errors: string[]) => errors.join('；') },
                ]}
                data-testid="inspection-import-error-table"
              />
              <Button icon={<DownloadOutlined />} onClick={() => file && inspectionsApi.importReport(file).catch(() => undefined)}>
                下载错误报告
              </Button>
            </>
          )}
        </Space>
      )}
      {stage.kind === 'done' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {stage.undone ? (
            <Alert type="warning" showIcon title="本次导入已撤销，记录已全部删除。" />
          ) : (
            <Alert
              type="success"
              showIcon
              title={`已导入 ${stage.result.imported} 条检查记录（用时 ${stage.result.seconds} 秒）`}
              data-testid="inspection-import-done"
              description={
                <Space>
                  <Link to={`/inspections?importId=${stage.result.importId}`} onClick={() => onClose()}>
                    查看本批记录
                  </Link>
                  <Button size="small" danger icon={<UndoOutlined />} onClick={() => void undo(stage.result)} {...testId('inspection-import-undo')}>
                    撤销本次导入
                  </Button>
                </Space>
              }
            />
          )}
        </Space>
      )}
    </Modal>
  );
}
