import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Result, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { evaluationGradeLabels, type EvaluationGrade } from '../../../../contracts/enforcement.ts';
import { ApiError, showError } from '../../api/client.ts';
import { testId } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { beijingTime } from '../../../shared/time.ts';
import { evaluationsApi, type FileDetail, type SheetItem } from './evaluations-api.ts';
import { gradeColors } from './files-table.tsx';

const gradeOf = (total: number, d: FileDetail): EvaluationGrade => (total >= d.sheet.excellentFrom ? 'excellent' : total >= d.sheet.qualifiedFrom ? 'qualified' : 'unqualified');

/** The scoring form: one number per sheet item, bounded by its maximum, with the running total and grade. */
function ScoreCard({ file, onSaved }: { file: FileDetail; onSaved: (f: FileDetail) => void }) {
  const [form] = Form.useForm<{ scores: Record<string, number | null>; problems?: string }>();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string>();
  const initial = useMemo(() => Object.fromEntries(file.sheet.items.map((i) => [i.code, file.scores?.[i.code] ?? i.maxScore])), [file]);
  const scores = Form.useWatch('scores', form) ?? initial;
  const total = Math.round(file.sheet.items.reduce((s, i) => s + (Number(scores[i.code]) || 0), 0) * 10) / 10;
  const grade = gradeOf(total, file);
  const groups = [...new Set(file.sheet.items.map((i) => i.group))];
  const submit = async (v: { scores: Record<string, number | null>; problems?: string }) => {
    try {
      const saved = await evaluationsApi.score(file.id, {
        version: file.version,
        scores: Object.fromEntries(Object.entries(v.scores).map(([k, n]) => [k, Number(n ?? 0)])),
        ...(v.problems?.trim() ? { problems: v.problems.trim() } : {}),
      });
      void message.success(file.total === null ? '已评分' : '已复评');
      onSaved(saved);
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '保存失败'));
    }
  };
  return (
    <Card
      size="small"
      title="评分"
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          <span>
            总分 <b data-testid="evaluation-live-total">{total}</b> / {file.sheet.totalScore}
          </span>
          <Tag color={gradeColors[grade]}>{evaluationGradeLabels[grade]}</Tag>
        </Space>
      }
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="horizontal" initialValues={{ scores: initial, problems: file.problems ?? '' }} onFinish={(v) => void submit(v)} disabled={!file.can.score}>
        {groups.map((g) => (
          <div key={g} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{g}</Typography.Text>
            {file.sheet.items
              .filter((i) => i.group === g)
              .map((i: SheetItem) => (
                <Row key={i.code} gutter={8} align="middle" style={{ marginTop: 4 }}>
                  <Col flex="48px">{i.code}</Col>
                  <Col flex="auto">{i.title}</Col>
                  <Col flex="180px">
                    <Form.Item name={['scores', i.code]} noStyle rules={[{ required: true }]}>
                      <InputNumber min={0} max={i.maxScore} step={0.5} style={{ width: 90 }} {...testId(`evaluation-score-${i.code}`)} />
                    </Form.Item>{' '}
                    / {i.maxScore} 分
                  </Col>
                </Row>
              ))}
          </div>
        ))}
        <Form.Item name="problems" label="存在问题" style={{ marginTop: 12 }}>
          <Input.TextArea rows={3} maxLength={4000} placeholder="逐条写明扣分原因和存在的问题" {...testId('evaluation-problems')} />
        </Form.Item>
        {file.can.score && (
          <Button type="primary" htmlType="submit" data-testid="evaluation-score-save">
            {file.total === null ? '保存评分' : '保存复评'}
          </Button>
        )}
      </Form>
    </Card>
  );
}

function SendBackModal({ file, open, onClose, onSaved }: { file: FileDetail; open: boolean; onClose: () => void; onSaved: (f: FileDetail) => void }) {
  const [form] = Form.useForm<{ problems: string; workingDays?: number }>();
  const [problem, setProblem] = useState<string>();
  const [days, setDays] = useState<number>();
  useEffect(() => {
    if (open) void evaluationsApi.settings().then((s) => setDays(s.rectificationWorkingDays)).catch(showError);
  }, [open]);
  const submit = async (v: { problems: string; workingDays?: number }) => {
    try {
      onSaved(await evaluationsApi.sendBack(file.id, { version: file.version, problems: v.problems.trim(), ...(v.workingDays ? { workingDays: v.workingDays } : {}) }));
      onClose();
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '退回失败'));
    }
  };
  return (
    <Modal open={open} title="退回整改" okText="退回" onOk={() => form.submit()} onCancel={onClose} destroyOnHidden okButtonProps={testId('evaluation-send-back-confirm')}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ problems: file.problems ?? '' }} onFinish={(v) => void submit(v)}>
        <Form.Item name="problems" label="需整改的问题" rules={[{ required: true, whitespace: true, message: '请写明存在的问题' }]}>
          <Input.TextArea rows={4} {...testId('evaluation-send-back-problems')} />
        </Form.Item>
        <Form.Item name="workingDays" label="整改期限（工作日）" extra={`不填按本县设置：${days ?? '…'} 个工作日，自今日起按工作日历（含调休）计算`}>
          <InputNumber min={1} max={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RectifyCard({ file, onSaved }: { file: FileDetail; onSaved: (f: FileDetail) => void }) {
  const [form] = Form.useForm<{ note: string }>();
  const [problem, setProblem] = useState<string>();
  const { message } = App.useApp();
  const submit = async (v: { note: string }) => {
    try {
      onSaved(await evaluationsApi.rectify(file.id, { version: file.version, note: v.note.trim() }));
      void message.success('已登记整改');
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '保存失败'));
    }
  };
  return (
    <Card size="small" title="登记整改情况" style={{ marginBottom: 16 }}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="note" label="整改情况" rules={[{ required: true, whitespace: true, message: '请写明整改情况' }]}>
          <Input.TextArea rows={4} placeholder="逐条说明已纠正的问题及补正的材料" {...testId('evaluation-rectify-note')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="evaluation-rectify-save">
          整改完成
        </Button>
      </Form>
    </Card>
  );
}

/** One sampled file: the case and its archive index, the scoring sheet, problems, rectification, history. */
export function EvaluationFilePage() {
  const { id = '' } = useParams();
  const [file, setFile] = useState<FileDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [sending, setSending] = useState(false);
  const load = useCallback(async () => {
    try {
      setFile(await evaluationsApi.file(id));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setMissing(true);
      else showError(error);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (missing) return <Result status="404" title="评查案卷不存在或无权访问" />;
  if (!file) return <Card loading />;
  return (
    <PageContainer
      title={`评查案卷：${file.caseTitle}`}
      extra={
        file.can.sendBack && (
          <Button danger onClick={() => setSending(true)} data-testid="evaluation-send-back">
            退回整改
          </Button>
        )
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={3}
          items={[
            { label: '评查活动', children: <Link to={`/evaluations/campaigns/${file.campaignId}`}>{file.campaignTitle}</Link> },
            { label: '执法部门', children: file.orgName },
            { label: '案件', children: <Link to={`/enforcement-cases/${file.caseId}`}>{file.caseNo ?? file.caseTitle}</Link> },
            { label: '处罚决定书', children: file.decisionNo ?? '—' },
            { label: '结案日期', children: file.closedOn ?? '—' },
            { label: '状态', children: <Tag data-testid="evaluation-file-state">{file.stateLabel}</Tag> },
            { label: '得分', children: file.total === null ? '—' : <span data-testid="evaluation-file-total">{file.total}</span> },
            { label: '等次', children: file.grade ? <Tag color={gradeColors[file.grade]}>{file.gradeLabel}</Tag> : '—' },
            { label: '整改期限', children: file.rectificationDueOn ? <>{file.rectificationDueOn} {file.overdue && <Tag color="red">逾期</Tag>}</> : '—' },
            ...(file.rectifiedOn ? [{ label: '整改完成', children: file.rectifiedOn }, { label: '整改情况', children: file.rectificationNote, span: 2 }] : []),
            ...(file.problems ? [{ label: '存在问题', children: <span style={{ whiteSpace: 'pre-wrap' }}>{file.problems}</span>, span: 3 }] : []),
          ]}
        />
      </Card>
      {file.can.rectify && <RectifyCard file={file} onSaved={setFile} />}
      {file.archiveIndex && (
        <Card size="small" title="卷内目录" style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="fileId"
            pagination={false}
            dataSource={file.archiveIndex.files}
            columns={[
              { title: '序号', key: 'n', width: 60, render: (_, _r, n) => n + 1 },
              { title: '文件', key: 'name', render: (_, f) => <a href={`/api/files/${f.fileId}/content`}>{f.name}</a> },
              { title: '环节', dataIndex: 'step', width: 160 },
              { title: 'SM3', dataIndex: 'sm3', ellipsis: true },
            ]}
          />
        </Card>
      )}
      <ScoreCard key={file.version} file={file} onSaved={setFile} />
      <Card size="small" title="评查记录">
        <Timeline
          items={file.history.map((h) => ({
            children: (
              <>
                {beijingTime(h.at, 'YYYY-MM-DD HH:mm')} {h.actorName} {h.actionLabel}
                {h.action === 'enforcement.evaluation.score' && h.detail ? `：${String(h.detail.total)} 分（${evaluationGradeLabels[h.detail.grade as EvaluationGrade]}）` : ''}
                {h.action === 'enforcement.evaluation.sendBack' && h.detail ? `：整改期限 ${String(h.detail.dueOn)}` : ''}
                {h.action === 'enforcement.evaluation.rectify' && h.detail ? `：${String(h.detail.rectifiedOn)}` : ''}
              </>
            ),
          }))}
        />
      </Card>
      <SendBackModal file={file} open={sending} onClose={() => setSending(false)} onSaved={setFile} />
    </PageContainer>
  );
}
