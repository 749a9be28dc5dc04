import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Radio, Result, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { cleanupDecisionLabels, type CleanupDecision } from '../../../../contracts/normative.ts';
import { ApiError, showError } from '../../api/client.ts';
import { GuardedButton, testId } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { DocumentSelect } from './document-select.tsx';
import { NORMATIVE, normativeApi, type CampaignDetail, type CampaignItem } from './normative-api.ts';

function DecisionModal({ campaign, item, onClose, onSaved }: { campaign: CampaignDetail; item: CampaignItem | null; onClose: () => void; onSaved: (c: CampaignDetail) => void }) {
  const [form] = Form.useForm<{ decision: CleanupDecision; reason: string }>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (item) form.setFieldsValue({ decision: item.decision ?? 'keep', reason: item.reason ?? '' });
    setProblem(undefined);
  }, [item, form]);
  const submit = async (v: { decision: CleanupDecision; reason: string }) => {
    try {
      onSaved(await normativeApi.decide(campaign.id, item!.id, { ...v, reason: v.reason.trim(), version: item!.version }));
      onClose();
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '保存失败'));
    }
  };
  return (
    <Modal open={item !== null} title={`清理意见：《${item?.title ?? ''}》`} okText="保存" onOk={() => form.submit()} onCancel={onClose} okButtonProps={testId('campaign-decision-save')}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="decision" label="清理意见">
          <Radio.Group options={options(cleanupDecisionLabels)} />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One 专项清理: choose documents, give each a decision with reasons, complete (statuses change together), publish. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const { modal, message } = App.useApp();
  const [campaign, setCampaign] = useState<CampaignDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [deciding, setDeciding] = useState<CampaignItem | null>(null);
  const load = useCallback(async () => {
    try {
      setCampaign(await normativeApi.campaign(id));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setMissing(true);
      else showError(error);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (missing) return <Result status="404" title="清理活动不存在或无权访问" />;
  if (!campaign) return <Card loading />;
  const open = campaign.state === 'open';
  const step = (what: string, run: () => Promise<CampaignDetail>) =>
    modal.confirm({
      title: what,
      content: what === '完成清理' ? '完成后，修改、废止、宣布失效的意见将同时变更相应文件的效力状态，不能撤回。' : '清理结果目录将在门户网站公布。',
      onOk: async () => {
        try {
          setCampaign(await run());
          void message.success(`已${what}`);
        } catch {
          await load();
        }
      },
    });
  return (
    <PageContainer
      title={campaign.title}
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void normativeApi.exportCampaign(campaign.id, 'xlsx')}>
            导出 Excel
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void normativeApi.exportCampaign(campaign.id, 'docx')}>
            导出 Word
          </Button>
          {open && (
            <GuardedButton permission={NORMATIVE.manage} type="primary" onClick={() => step('完成清理', () => normativeApi.complete(campaign.id, campaign.version))} data-testid="campaign-complete">
              完成清理
            </GuardedButton>
          )}
          {campaign.state === 'completed' && (
            <GuardedButton permission={NORMATIVE.manage} type="primary" onClick={() => step('公布清理结果', () => normativeApi.publish(campaign.id, campaign.version))} data-testid="campaign-publish">
              公布清理结果
            </GuardedButton>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions
            size="small"
            items={[
              { key: 'state', label: '状态', children: <Tag>{campaign.stateLabel}</Tag> },
              { key: 'topics', label: '主题', children: campaign.topics.join('、') || '—' },
              { key: 'started', label: '开始日期', children: campaign.startedOn },
              { key: 'completed', label: '完成日期', children: campaign.completedOn ?? '—' },
              { key: 'published', label: '公布日期', children: campaign.publishedOn ?? '—' },
              { key: 'count', label: '进度', children: `${campaign.decidedCount} / ${campaign.itemCount} 件已提出清理意见` },
            ]}
          />
        </Card>
        {open && (
          <Card size="small" title="选择清理的文件">
            <Space.Compact style={{ width: '100%' }}>
              <DocumentSelect mode="multiple" value={picked} onChange={(v) => setPicked((v as string[]) ?? [])} style={{ width: '100%' }} data-testid="campaign-pick" />
              <GuardedButton
                permission={NORMATIVE.manage}
                disabled={!picked.length}
                onClick={async () => {
                  setCampaign(await normativeApi.addItems(campaign.id, picked, campaign.version));
                  setPicked([]);
                }}
                data-testid="campaign-add"
              >
                加入
              </GuardedButton>
            </Space.Compact>
          </Card>
        )}
        <Table<CampaignItem>
          rowKey="id"
          pagination={false}
          dataSource={campaign.items}
          data-testid="campaign-items"
          columns={[
            { title: '文件', key: 'title', render: (_, i) => <Link to={`/normative/${i.documentId}`}>《{i.title}》</Link> },
            { title: '文号', dataIndex: 'docNo', width: 180 },
            { title: '制定机关', dataIndex: 'issuerName', width: 160 },
            { title: '效力状态', dataIndex: 'statusLabel', width: 100 },
            { title: '清理意见', key: 'decision', width: 110, render: (_, i) => (i.decisionLabel ? <Tag color={i.decision === 'keep' ? 'green' : 'orange'}>{i.decisionLabel}</Tag> : <Tag>未提意见</Tag>) },
            { title: '理由', dataIndex: 'reason', ellipsis: true },
            ...(open
              ? [{ title: '', key: 'act', width: 90, render: (_: unknown, i: CampaignItem) => <GuardedButton permission={NORMATIVE.manage} size="small" onClick={() => setDeciding(i)}>提出意见</GuardedButton> }]
              : []),
          ]}
        />
      </Space>
      <DecisionModal campaign={campaign} item={deciding} onClose={() => setDeciding(null)} onSaved={setCampaign} />
    </PageContainer>
  );
}
