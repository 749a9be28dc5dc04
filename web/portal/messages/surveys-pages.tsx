import { Alert, Button, Card, Checkbox, Empty, Form, Input, List, Progress, Radio, Result, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { QuestionKind } from '../../../contracts/messages.ts';
import { PortalError, portalGet, portalPost } from '../api.ts';
import { PortalLayout } from '../layout.tsx';
import type { SiteInfo } from '../site.ts';

interface Survey {
  id: string;
  title: string;
  description: string | null;
  orgName: string;
  opensOn: string;
  closesOn: string;
  phase: 'upcoming' | 'open' | 'closed' | null;
  phaseLabel: string | null;
  resultsPublic: boolean;
  responses: number;
  questions?: { id: string; seq: number; kind: QuestionKind; prompt: string; options: string[]; required: boolean }[];
}
interface Results {
  responses: number;
  questions: { id: string; seq: number; kind: QuestionKind; prompt: string; answered: number; options: { label: string; count: number }[]; texts: string[] }[];
}

const failure = (error: unknown, fallback: string) => (error instanceof PortalError ? error.message : fallback);
const phaseColors: Record<string, string> = { upcoming: 'gold', open: 'green', closed: 'default' };

export function SurveysPage({ site }: { site: SiteInfo }) {
  const [items, setItems] = useState<Survey[]>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    portalGet<{ items: Survey[] }>('surveys', { region: site.regionCode, pageSize: '50' }).then((d) => setItems(d.items), (error) => setProblem(failure(error, '加载失败')));
  }, [site.regionCode]);
  return (
    <PortalLayout site={site} title="网上调查">
      <div className="portal-page">
        <Card title="网上调查">
          {problem && <Alert type="error" showIcon title={problem} />}
          <List
            loading={!items && !problem}
            dataSource={items ?? []}
            data-testid="portal-surveys"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无进行中的调查" /> }}
            renderItem={(s) => (
              <List.Item key={s.id} actions={s.phase === 'closed' ? [<Link key="r" to={`/surveys/${s.id}/results`}>查看结果</Link>] : []}>
                <List.Item.Meta
                  title={s.phase === 'closed' ? s.title : <Link to={`/surveys/${s.id}`} data-testid="portal-survey-link">{s.title}</Link>}
                  description={
                    <Space wrap size={[8, 4]}>
                      {s.phaseLabel && <Tag color={phaseColors[s.phase ?? '']}>{s.phaseLabel}</Tag>}
                      <Typography.Text type="secondary">{s.orgName}</Typography.Text>
                      <Typography.Text type="secondary">{s.opensOn} 至 {s.closesOn}</Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      </div>
    </PortalLayout>
  );
}

type Answers = Record<string, number | number[] | string | undefined>;

/** 参与调查: the questions with their rules; the server checks them again and takes one ballot per address and day. */
export function SurveyPage({ site }: { site: SiteInfo }) {
  const { id } = useParams();
  const [form] = Form.useForm<Answers>();
  const [survey, setSurvey] = useState<Survey | null>();
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState(false);
  useEffect(() => {
    portalGet<Survey>(`surveys/${id}`, {}).then(setSurvey, () => setSurvey(null));
  }, [id]);
  const submit = async (values: Answers) => {
    if (!survey?.questions) return;
    setSaving(true);
    setProblem(undefined);
    const answers = survey.questions.flatMap((q): { questionId: string; text?: string; options?: number[] }[] => {
      const v = values[q.id];
      if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return [];
      if (q.kind === 'text') return [{ questionId: q.id, text: String(v) }];
      return [{ questionId: q.id, options: Array.isArray(v) ? v : [v as number] }];
    });
    try {
      await portalPost(`surveys/${survey.id}/responses`, { answers });
      setDone(true);
    } catch (error) {
      setProblem(failure(error, '提交失败，请稍后重试'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <PortalLayout site={site} title={survey?.title ?? '网上调查'}>
      <div className="portal-page">
        {survey === null ? (
          <Result status="404" title="调查不存在或已撤回" extra={<Link to="/surveys">返回网上调查</Link>} />
        ) : done ? (
          <Card>
            <Result status="success" title={<span data-testid="survey-thanks">提交成功，感谢您的参与！</span>} extra={<Link to="/surveys">返回网上调查</Link>} />
          </Card>
        ) : (
          <Card loading={!survey} title={survey?.title} data-testid="portal-survey">
            {survey && (
              <>
                <Typography.Paragraph type="secondary">
                  {survey.orgName} · {survey.opensOn} 至 {survey.closesOn}
                  {survey.description ? `。${survey.description}` : ''}
                </Typography.Paragraph>
                {survey.phase !== 'open' && <Alert type="info" showIcon title={survey.phase === 'upcoming' ? '调查尚未开始' : '调查已结束'} style={{ marginBottom: 16 }} />}
                {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="survey-problem" />}
                <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} disabled={survey.phase !== 'open'}>
                  {survey.questions?.map((q) => (
                    <Form.Item key={q.id} name={q.id} label={`${q.seq}. ${q.prompt}${q.kind === 'multiple' ? '（可多选）' : ''}`} rules={q.required ? [{ required: true, message: '此题为必答题' }] : []}>
                      {q.kind === 'single' ? (
                        <Radio.Group data-testid={`survey-q${q.seq}`}>
                          <Space orientation="vertical">{q.options.map((o, i) => <Radio key={o} value={i}>{o}</Radio>)}</Space>
                        </Radio.Group>
                      ) : q.kind === 'multiple' ? (
                        <Checkbox.Group data-testid={`survey-q${q.seq}`}>
                          <Space orientation="vertical">{q.options.map((o, i) => <Checkbox key={o} value={i}>{o}</Checkbox>)}</Space>
                        </Checkbox.Group>
                      ) : (
                        <Input.TextArea rows={3} maxLength={1000} showCount data-testid={`survey-q${q.seq}`} />
                      )}
                    </Form.Item>
                  ))}
                  <Button type="primary" htmlType="submit" loading={saving} block data-testid="survey-submit">
                    提交
                  </Button>
                </Form>
              </>
            )}
          </Card>
        )}
      </div>
    </PortalLayout>
  );
}

/** A closed survey's results, where its organisation chose to publish them. */
export function SurveyResultsPage({ site }: { site: SiteInfo }) {
  const { id } = useParams();
  const [results, setResults] = useState<Results | null>();
  const [survey, setSurvey] = useState<Survey>();
  useEffect(() => {
    portalGet<Results & { survey: Survey }>(`surveys/${id}/results`, {}).then(
      (r) => {
        setResults(r);
        setSurvey(r.survey);
      },
      () => setResults(null),
    );
  }, [id]);
  return (
    <PortalLayout site={site} title="调查结果">
      <div className="portal-page">
        {results === null ? (
          <Result status="404" title="本调查的结果尚未公开" extra={<Link to="/surveys">返回网上调查</Link>} />
        ) : (
          <Card loading={!results} title={survey ? `${survey.title}：调查结果` : '调查结果'} data-testid="portal-survey-results">
            {results && (
              <Space orientation="vertical" style={{ width: '100%' }} size={16}>
                <Typography.Text type="secondary">共收到答卷 {results.responses} 份</Typography.Text>
                {results.questions.map((q) => (
                  <div key={q.id}>
                    <Typography.Title level={5}>{q.seq}. {q.prompt}</Typography.Title>
                    {q.kind === 'text'
                      ? <List size="small" dataSource={q.texts.slice(0, 20)} locale={{ emptyText: '暂无' }} renderItem={(t) => <List.Item>{t}</List.Item>} />
                      : q.options.map((o) => (
                          <div key={o.label}>
                            <Typography.Text>{o.label}（{o.count} 人）</Typography.Text>
                            <Progress percent={q.answered ? Math.round((o.count / q.answered) * 1000) / 10 : 0} size="small" />
                          </div>
                        ))}
                  </div>
                ))}
              </Space>
            )}
          </Card>
        )}
      </div>
    </PortalLayout>
  );
}
