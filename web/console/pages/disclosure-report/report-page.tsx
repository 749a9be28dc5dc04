import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, HistoryOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Input, List, Modal, Popconfirm, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { beijingTime } from '../../../shared/time.ts';
import { ApiError } from '../../api/client.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useSession } from '../../session/session.tsx';
import { DueDate } from '../cases/deadline.tsx';
import { REPORT, reportsApi, type ReportView, type SectionVersion, type SectionView } from './disclosure-report-api.ts';

/** One narrative section: edited as plain text, each save a new version; any old version can be restored as it was. */
function SectionEditor({ report, section, onSaved }: { report: ReportView; section: SectionView; onSaved: (view: ReportView) => void }) {
  const { message } = App.useApp();
  const { can } = useSession();
  const [text, setText] = useState(section.body);
  const [saving, setSaving] = useState(false);
  const [history, setHistory] = useState<SectionVersion[]>();
  useEffect(() => setText(section.body), [section.body, section.version]);
  const editable = report.status === 'draft' && can(REPORT.write);

  const save = async () => {
    setSaving(true);
    try {
      onSaved(await reportsApi.saveSection(report.id, section.section, text, section.version));
      void message.success(`已保存为第 ${section.version + 1} 版`);
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };
  const restore = async (version: number) => {
    onSaved(await reportsApi.restore(report.id, section.section, version, section.version));
    setHistory(undefined);
    void message.success(`已将第 ${version} 版恢复为最新版本`);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {section.version ? `第 ${section.version} 版，${section.savedBy ?? ''} 保存于 ${beijingTime(section.savedAt, 'YYYY-MM-DD HH:mm')}` : '尚未填写'}
        {section.section === 'proactive' && '。本部分的主动公开统计和表格由系统生成，此处填写补充说明。'}
        {(section.section === 'requests' || section.section === 'remedies') && '。本部分的表格由系统生成，此处可填写说明（可不填）。'}
        {section.section === 'other' && '。信息处理费收取情况由系统生成。'}
      </Typography.Text>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 6, maxRows: 20 }} maxLength={20000} readOnly={!editable} data-testid={`section-${section.section}`} />
      <Space wrap>
        {editable && (
          <Button type="primary" loading={saving} disabled={text === section.body} onClick={() => void save()} data-testid={`section-save-${section.section}`}>
            保存
          </Button>
        )}
        <Button icon={<HistoryOutlined />} disabled={!section.version} onClick={() => void reportsApi.versions(report.id, section.section).then(setHistory)}>
          历史版本
        </Button>
      </Space>
      <Modal open={!!history} title={`${section.label}：历史版本`} footer={null} width={760} onCancel={() => setHistory(undefined)}>
        <List
          dataSource={history ?? []}
          renderItem={(v) => (
            <List.Item
              actions={
                editable && v.version !== section.version
                  ? [
                      <Popconfirm key="restore" title={`将第 ${v.version} 版恢复为最新版本？`} onConfirm={() => restore(v.version)}>
                        <Button size="small">恢复此版本</Button>
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta title={`第 ${v.version} 版 · ${v.savedBy ?? ''} · ${v.savedAt}`} description={<Typography.Paragraph ellipsis={{ rows: 3, expandable: true }}>{v.body || '（空）'}</Typography.Paragraph>} />
            </List.Item>
          )}
        />
      </Modal>
    </Space>
  );
}

/** A report: its deadline, the checks before publication, the narrative sections, the preview and the .docx. */
export function ReportPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const [report, setReport] = useState<ReportView>();
  const [failed, setFailed] = useState(false);
  const [html, setHtml] = useState('');
  const [publishing, setPublishing] = useState(false);
  const refreshPreview = useCallback(() => void reportsApi.previewHtml(id).then(setHtml, () => setHtml('')), [id]);
  useEffect(() => {
    reportsApi.get(id).then(setReport, () => setFailed(true));
    refreshPreview();
  }, [id, refreshPreview]);

  if (failed) return <Result status="404" title="年度报告不存在或无权访问" />;
  if (!report) return <Spin style={{ display: 'block', margin: 48 }} />;

  const saved = (view: ReportView) => {
    setReport(view);
    refreshPreview();
  };
  const failing = report.checks.filter((c) => !c.ok);
  const publish = async () => {
    setPublishing(true);
    try {
      saved(await reportsApi.publish(report.id, report.version));
      void message.success('年度报告已发布，数据已冻结，门户网站可查阅');
    } catch {
      // The client has shown the server's message.
    } finally {
      setPublishing(false);
    }
  };

  return (
    <PageContainer
      title={report.title}
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void reportsApi.docx(report.id)} data-testid="report-docx">
            下载 .docx
          </Button>
          {report.status === 'draft' && (
            <Popconfirm title="发布后数据冻结、正文不能再修改，并在门户网站公开。确认发布？" onConfirm={() => publish()} disabled={failing.length > 0}>
              <GuardedButton
                permission={REPORT.publish}
                type="primary"
                icon={<SendOutlined />}
                loading={publishing}
                disabled={failing.length > 0}
                disabledReason="一致性校验未通过，不能发布"
                data-testid="report-publish"
              >
                发布
              </GuardedButton>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 4 }}
          items={[
            { key: 'org', label: '报告机关', children: report.orgName },
            { key: 'scope', label: '范围', children: report.scopeLabel },
            { key: 'status', label: '状态', children: <Tag color={report.status === 'published' ? 'green' : 'blue'}>{report.statusLabel}</Tag> },
            {
              key: 'due',
              label: '公布期限',
              children: report.status === 'published' ? `${report.dueOn}（${report.publishedOn} 已发布）` : <DueDate dueOn={report.dueOn} mark={report.mark} provisional={false} />,
            },
          ]}
        />
      </Card>
      <Card size="small" title="发布前一致性校验" style={{ marginBottom: 16 }} data-testid="report-checks">
        {!report.previousPublished && <Alert type="info" showIcon style={{ marginBottom: 8 }} title="上年度没有已发布的年度报告：与上年的核对（现行有效件数、上年结转）未进行。" />}
        <List
          size="small"
          dataSource={report.checks}
          renderItem={(c) => (
            <List.Item data-testid={`check-${c.code}`}>
              <Space align="start">
                {c.ok ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <CloseCircleFilled style={{ color: '#ff4d4f' }} />}
                <span>
                  <Typography.Text strong>{c.name}</Typography.Text>
                  <br />
                  <Typography.Text type={c.ok ? 'secondary' : 'danger'}>{c.message}</Typography.Text>
                </span>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title="正文" style={{ marginBottom: 16 }}>
        <Tabs
          items={report.sections.map((section) => ({
            key: section.section,
            label: section.label,
            children: <SectionEditor report={report} section={section} onSaved={saved} />,
          }))}
        />
      </Card>
      <Card size="small" title="预览">
        {html ? <div className="report-preview" data-testid="report-preview" dangerouslySetInnerHTML={{ __html: html }} /> : <Empty />}
      </Card>
    </PageContainer>
  );
}
