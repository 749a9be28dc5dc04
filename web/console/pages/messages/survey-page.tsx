import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, List, Popconfirm, Row, Select, Skeleton, Space, Switch, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { questionKindLabels, type QuestionKind } from '../../../../contracts/messages.ts';
import { ApiError, showError } from '../../api/client.ts';
import { testId } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { useSession } from '../../session/session.tsx';
import { beijingToday } from '../cases/deadline.tsx';
import { MESSAGES, messagesApi, type SurveyDetail, type SurveyInput, type SurveyResults, type SurveyStep } from './messages-api.ts';
import { QuestionChart } from './survey-charts.tsx';

const blankQuestion = { kind: 'single' as QuestionKind, prompt: '', options: [] as string[], required: true };

/** The draft's form: title, window, whether results go public once closed, and its questions. */
function SurveyForm({ survey, onSaved }: { survey?: SurveyDetail; onSaved: (s: SurveyDetail) => void }) {
  const [form] = Form.useForm<SurveyInput>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const initial: SurveyInput = survey
    ? { title: survey.title, description: survey.description ?? undefined, opensOn: survey.opensOn, closesOn: survey.closesOn, resultsPublic: survey.resultsPublic, questions: survey.questions.map((q) => ({ kind: q.kind, prompt: q.prompt, options: q.options, required: q.required })) }
    : { title: '', opensOn: beijingToday(), closesOn: beijingToday(), resultsPublic: false, questions: [blankQuestion] };
  const submit = async (values: SurveyInput) => {
    setSaving(true);
    setProblem(undefined);
    const body = { ...values, description: values.description?.trim() || undefined, questions: values.questions.map((q) => ({ ...q, options: q.kind === 'text' ? [] : (q.options ?? []) })) };
    try {
      const saved = survey ? await messagesApi.updateSurvey(survey.id, { ...body, version: survey.version }) : await messagesApi.createSurvey(body);
      void message.success('已保存');
      onSaved(saved);
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '保存失败'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title={survey ? '编辑调查（草稿）' : '新建调查'}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="survey-problem" />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label="调查标题" rules={[{ required: true, whitespace: true, min: 4, message: '请填写标题（至少4个字）' }]}>
          <Input maxLength={200} {...testId('survey-title')} />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Space wrap size={16}>
          <Form.Item name="opensOn" label="开始日期" rules={[{ required: true, message: '请填写' }]}>
            <Input type="date" {...testId('survey-opens')} />
          </Form.Item>
          <Form.Item name="closesOn" label="截止日期（含当日）" rules={[{ required: true, message: '请填写' }]}>
            <Input type="date" {...testId('survey-closes')} />
          </Form.Item>
          <Form.Item name="resultsPublic" label="结束后在门户网站公开结果" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.List name="questions">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {fields.map((field, i) => (
                <Card key={field.key} size="small" title={`第 ${i + 1} 题`} extra={fields.length > 1 && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除此题" />} data-testid="survey-question">
                  <Row gutter={12}>
                    <Col xs={24} md={6}>
                      <Form.Item name={[field.name, 'kind']} label="题型">
                        <Select options={options(questionKindLabels)} {...testId(`survey-q${i}-kind`)} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={14}>
                      <Form.Item name={[field.name, 'prompt']} label="题目" rules={[{ required: true, whitespace: true, min: 2, message: '请填写题目' }]}>
                        <Input maxLength={300} {...testId(`survey-q${i}-prompt`)} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={4}>
                      <Form.Item name={[field.name, 'required']} label="必答" valuePropName="checked">
                        <Switch />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['questions', field.name, 'kind']) === 'text' ? null : (
                        <Form.Item name={[field.name, 'options']} label="选项（输入后回车，至少两项）">
                          <Select mode="tags" open={false} tokenSeparators={['\n']} placeholder="输入选项后按回车" {...testId(`survey-q${i}-options`)} />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                </Card>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add(blankQuestion)} data-testid="survey-add-question">
                添加问题
              </Button>
            </Space>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }} {...testId('survey-save')}>
          保存草稿
        </Button>
      </Form>
    </Card>
  );
}

/** Per question: a chart of the option counts, or the text answers; all counted by the server in SQL. */
function Results({ results, onExport }: { results: SurveyResults; onExport: () => void }) {
  return (
    <Card title={`调查结果（答卷 ${results.responses} 份）`} extra={<Button icon={<DownloadOutlined />} onClick={onExport} data-testid="survey-export">导出 Excel</Button>} data-testid="survey-results">
      {results.responses === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无答卷" />}
      <Row gutter={[16, 16]}>
        {results.questions.map((q) => (
          <Col xs={24} lg={12} key={q.id}>
            <Card size="small" title={`${q.seq}. ${q.prompt}`} extra={<Typography.Text type="secondary">{questionKindLabels[q.kind]} · {q.answered} 人作答</Typography.Text>}>
              {q.kind === 'text' ? (
                <List size="small" dataSource={q.texts} locale={{ emptyText: '暂无回答' }} renderItem={(t) => <List.Item>{t}</List.Item>} footer={q.textCount > q.texts.length ? `共 ${q.textCount} 条，显示最近 ${q.texts.length} 条；全部见导出` : undefined} />
              ) : (
                <QuestionChart question={q} />
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

export function SurveyPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { can } = useSession();
  const [survey, setSurvey] = useState<SurveyDetail | null>();
  const [results, setResults] = useState<SurveyResults>();
  const creating = id === 'new';

  const load = useCallback(async () => {
    if (!id || creating) return;
    try {
      const s = await messagesApi.survey(id);
      setSurvey(s);
      setResults(s.status === 'draft' ? undefined : await messagesApi.results(id));
    } catch (error) {
      showError(error);
      setSurvey(null);
    }
  }, [id, creating]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (step: SurveyStep, done: string) => {
    if (!survey) return;
    try {
      setSurvey(await messagesApi.surveyStep(survey.id, step, survey.version));
      void message.success(done);
      await load();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        modal.warning({ title: '调查已被他人修改', content: '页面已显示最新状态。' });
        await load();
      } else showError(error);
    }
  };

  if (creating) return <PageContainer title="新建网上调查"><SurveyForm onSaved={(s) => navigate(`/surveys/${s.id}`, { replace: true })} /></PageContainer>;
  if (survey === undefined) return <PageContainer title="网上调查"><Card><Skeleton active /></Card></PageContainer>;
  if (!survey) return <PageContainer title="网上调查"><Alert type="error" showIcon title="调查不存在或无权访问" /></PageContainer>;

  const manage = can(MESSAGES.surveys);
  return (
    <PageContainer
      title={survey.title}
      extra={
        manage && (
          <Space wrap>
            {survey.status === 'draft' && (
              <Popconfirm title="发布后问题不能再修改，确定发布？" onConfirm={() => void act('publish', '已发布')} okButtonProps={testId('survey-publish-ok')}>
                <Button type="primary" data-testid="survey-publish">发布</Button>
              </Popconfirm>
            )}
            {survey.status === 'published' && (
              <Popconfirm title="撤回后门户网站不再显示本调查，确定撤回？" onConfirm={() => void act('withdraw', '已撤回')} okButtonProps={testId('survey-withdraw-ok')}>
                <Button danger data-testid="survey-withdraw">撤回</Button>
              </Popconfirm>
            )}
            {survey.status !== 'withdrawn' && (
              <Button onClick={() => void act(survey.resultsPublic ? 'hideResults' : 'showResults', survey.resultsPublic ? '结束后不公开结果' : '结束后将在门户网站公开结果')} data-testid="survey-toggle-results">
                {survey.resultsPublic ? '不公开结果' : '结束后公开结果'}
              </Button>
            )}
          </Space>
        )
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'status', label: '状态', children: <Space size={4}><Tag color={survey.status === 'published' ? 'blue' : survey.status === 'withdrawn' ? 'red' : 'default'}>{survey.statusLabel}</Tag>{survey.phaseLabel && <Tag>{survey.phaseLabel}</Tag>}</Space> },
              { key: 'window', label: '调查时间', children: `${survey.opensOn} 至 ${survey.closesOn}` },
              { key: 'org', label: '发起单位', children: survey.orgName },
              { key: 'public', label: '结果公开', children: survey.resultsPublic ? '结束后在门户网站公开' : '不公开' },
              { key: 'responses', label: '答卷', children: `${survey.responses} 份` },
            ]}
          />
          {survey.description && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{survey.description}</Typography.Paragraph>}
        </Card>
        {survey.status === 'draft' && manage ? (
          <SurveyForm key={survey.version} survey={survey} onSaved={setSurvey} />
        ) : (
          <Card size="small" title="问题">
            <List
              size="small"
              dataSource={survey.questions}
              renderItem={(q) => (
                <List.Item>
                  <Space orientation="vertical" size={0}>
                    <span>{q.seq}. {q.prompt} <Tag>{questionKindLabels[q.kind]}</Tag>{q.required && <Tag color="red">必答</Tag>}</span>
                    {q.options.length > 0 && <Typography.Text type="secondary">{q.options.join(' ／ ')}</Typography.Text>}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        )}
        {results && <Results results={results} onExport={() => void messagesApi.exportResults(survey.id, survey.title)} />}
      </Space>
    </PageContainer>
  );
}
