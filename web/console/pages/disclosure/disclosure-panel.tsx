import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Divider, Flex, Form, Input, Modal, Select, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { disclosureOutcomeLabels, outcomeGroups, type DisclosureOutcome } from '../../../../contracts/disclosure.ts';
import { ApiError, showError } from '../../api/client.ts';
import type { CaseDetail } from '../../api/types.ts';
import { GuardedButton, testId } from '../../components/guarded.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { useSession } from '../../session/session.tsx';
import type { CasePanelProps } from '../cases/case-panels.tsx';
import { DISCLOSURE, disclosureApi, type DisclosureRequest, type ReplyInput } from './disclosure-api.ts';
import { deliveryFormOptions, deliveryMethodOptions } from './labels.ts';

const none = <Typography.Text type="secondary">—</Typography.Text>;
const shortLabel = (label: string) => label.replace(/（区分处理.*）$/, '');

/** Table 三's leaves under their rows; the two 不再处理 endings come from their own steps, not from a reply. */
const lapseOutcomes: DisclosureOutcome[] = ['otherNoCorrection', 'otherFeeUnpaid'];
const outcomeOptions = outcomeGroups.map((g) => ({
  label: shortLabel(g.label),
  options: g.leaves.filter((leaf) => !lapseOutcomes.includes(leaf)).map((leaf) => ({ value: leaf, label: disclosureOutcomeLabels[leaf] })),
}));

/** The application's own fields, loaded again whenever the case moves on. */
function useRequest(detail: CaseDetail) {
  const [loaded, setLoaded] = useState<{ id: string; view: DisclosureRequest }>();
  const { id, version } = detail;
  const reload = useCallback(async () => {
    try {
      setLoaded({ id, view: await disclosureApi.get(id) });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) showError(error);
    }
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload, version]);
  return loaded?.id === id ? loaded.view : undefined;
}

function Applicant({ view }: { view: DisclosureRequest }) {
  const { can } = useSession();
  const [clear, setClear] = useState<{ identityCode: string | null; phone: string | null; address: string | null }>();
  const reveal = async () => {
    try {
      setClear(await disclosureApi.applicant(view.id));
    } catch {
      // The client has shown the server's message.
    }
  };
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '申请人', children: <Space size={6}><span data-testid="disclosure-applicant-name">{view.applicantName}</span><Tag>{view.applicantKindLabel}</Tag></Space> },
    { key: 'id', label: view.applicantKind === 'person' ? '身份证号码' : '统一社会信用代码', children: clear ? clear.identityCode : (view.applicantIdMask ?? '—') },
    { key: 'phone', label: '联系电话', children: clear ? clear.phone : (view.applicantPhoneMask ?? '—') },
    { key: 'address', label: '通信地址', children: clear ? clear.address : <Typography.Text type="secondary">（已加密）</Typography.Text> },
    { key: 'email', label: '电子邮箱', children: view.applicantEmail ?? none },
    { key: 'code', label: '查询码', children: view.trackingCode ? <Typography.Text copyable code>{view.trackingCode}</Typography.Text> : none },
  ];
  const extra = clear ? (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      本次查看已记入审计日志
    </Typography.Text>
  ) : (
    can(DISCLOSURE.personal) && (
      <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => void reveal()} data-testid="disclosure-reveal">
        查看明文
      </Button>
    )
  );
  return <Descriptions size="small" title="申请人" extra={extra} column={{ xs: 1, md: 2 }} items={items} />;
}

/** 答复: one leaf of table 三, the reasons, the delivery for 公开 / 部分公开; the server numbers and writes the letter. */
function ReplyModal({ view, version, open, onClose, onDone }: { view: DisclosureRequest; version: number; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<ReplyInput>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const { message } = App.useApp();
  const outcome = Form.useWatch('outcome', form);
  const delivering = outcome === 'disclose' || outcome === 'partial';
  useEffect(() => {
    if (open) form.setFieldsValue({ numberPrefix: view.replyNumberPrefix, deliveryForm: view.deliveryForm ?? undefined, deliveryMethod: view.deliveryMethod ?? undefined });
  }, [open, form, view]);
  const submit = async (values: ReplyInput) => {
    setSaving(true);
    setProblem(undefined);
    try {
      const text = (v?: string) => v?.trim() || undefined;
      await disclosureApi.reply(view.id, version, {
        outcome: values.outcome,
        reason: values.reason.trim(),
        referredTo: text(values.referredTo),
        numberPrefix: text(values.numberPrefix),
        ...(delivering ? { deliveryForm: values.deliveryForm, deliveryMethod: values.deliveryMethod } : {}),
      });
      void message.success('已答复，答复书已生成');
      onClose();
      onDone();
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '答复失败'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="答复" width={720} okText="答复并生成答复书" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} afterClose={() => form.resetFields()} okButtonProps={testId('disclosure-reply-submit')} forceRender>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="disclosure-reply-problem" />}
      <Form<ReplyInput> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="outcome" label="办理结果（年度报告表三，只选一项）" rules={[{ required: true, message: '请选择办理结果' }]}>
          <Select options={outcomeOptions} showSearch={{ optionFilterProp: 'label' }} placeholder="请选择" data-testid="disclosure-reply-outcome" />
        </Form.Item>
        <Form.Item name="reason" label="答复理由和依据（写入答复书）" rules={[{ required: true, whitespace: true, message: '请填写答复理由' }, { max: 5000 }]}>
          <Input.TextArea rows={4} data-testid="disclosure-reply-reason" />
        </Form.Item>
        {delivering && (
          <Flex gap={16} wrap>
            <Form.Item name="deliveryForm" label="提供形式" rules={[{ required: true, message: '请选择提供形式' }]} style={{ minWidth: 200 }}>
              <Select options={deliveryFormOptions} data-testid="disclosure-reply-form" />
            </Form.Item>
            <Form.Item name="deliveryMethod" label="获取方式" rules={[{ required: true, message: '请选择获取方式' }]} style={{ minWidth: 200 }}>
              <Select options={deliveryMethodOptions} data-testid="disclosure-reply-method" />
            </Form.Item>
          </Flex>
        )}
        {outcome === 'unableNotHeld' && (
          <Form.Item name="referredTo" label="负责公开该信息的机关（能够确定的）" rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="numberPrefix" label="答复书文号前缀" extra="如 岳县政公，文号为 岳县政公〔年份〕序号号" rules={[{ max: 20 }]}>
          <Input style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 依申请公开 on the case page: the application, 补正, 征求意见, fee, the reply and its letters. */
export function DisclosurePanel({ detail, onChanged }: CasePanelProps) {
  const view = useRequest(detail);
  const [replying, setReplying] = useState(false);
  if (!view) return null;
  const items: DescriptionsProps['items'] = [
    { key: 'org', label: '受理机关', children: view.orgName },
    { key: 'received', label: '收到申请日期', children: `${view.receivedOn}（${view.channelLabel}）` },
    { key: 'description', label: '所需信息', span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{view.description}</Typography.Paragraph> },
    { key: 'purpose', label: '用途', children: view.purpose ?? none },
    { key: 'delivery', label: '提供形式和获取方式', children: view.deliveryLabel ?? none },
  ];
  return (
    <Flex vertical gap={8} data-testid="disclosure-panel">
      <Applicant view={view} />
      <Descriptions size="small" title="申请内容" column={{ xs: 1, md: 2 }} items={items} />
      {view.correction && (
        <Descriptions
          size="small"
          title="补正"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'items', label: `补正事项（${view.correction.requestedOn ?? ''}告知）`, span: 2, children: <span style={{ whiteSpace: 'pre-wrap' }}>{view.correction.items}</span> },
            { key: 'content', label: '补正内容', span: 2, children: view.correction.content ? `${view.correction.content}（${view.correction.correctedOn}）` : none },
          ]}
        />
      )}
      {view.consultations.length > 0 && (
        <div>
          <Typography.Text strong>征求意见（期间不计入答复期限）</Typography.Text>
          {view.consultations.map((c) => (
            <div key={c.id} style={{ marginTop: 6 }}>
              {c.kindLabel}：{c.partyName}，{c.sentOn} 发出；{c.opinionLabel ? `${c.opinionLabel}${c.answeredOn ? `（${c.answeredOn}）` : ''}${c.note ? `，${c.note}` : ''}` : '等待答复'}
            </div>
          ))}
        </div>
      )}
      {view.feeYuan !== null && (
        <Typography.Text>
          信息处理费 ¥{view.feeYuan.toLocaleString('zh-CN')}{view.pages ? `（${view.pages} 页）` : ''}，{view.feeNoticedOn} 通知；{view.feePaidOn ? `${view.feePaidOn} 已缴纳` : '尚未缴纳'}
        </Typography.Text>
      )}
      <Divider style={{ margin: '8px 0' }} />
      {view.outcome ? (
        <Descriptions
          size="small"
          title="办理结果"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'outcome', label: '办理结果', children: <span data-testid="disclosure-outcome">{view.outcomeGroupLabel && !view.outcomeGroupLabel.includes(view.outcomeLabel ?? '') ? `${shortLabel(view.outcomeGroupLabel)}：${view.outcomeLabel}` : view.outcomeLabel}</span> },
            { key: 'date', label: '答复日期', children: view.repliedOn ?? none },
            { key: 'no', label: '答复书文号', children: view.replyNo ?? none },
            { key: 'referred', label: '告知的机关', children: view.referredTo ?? none },
            { key: 'reason', label: '理由', span: 2, children: view.outcomeReason ?? none },
          ]}
        />
      ) : (
        view.state === 'received' && (
          <Flex align="center" gap={12} wrap>
            <GuardedButton permission={DISCLOSURE.handle} type="primary" onClick={() => setReplying(true)} data-testid="disclosure-reply">
              答复
            </GuardedButton>
            <Typography.Text type="secondary">选择年度报告表三的一项办理结果，系统编号并生成答复书。</Typography.Text>
          </Flex>
        )
      )}
      {(view.hasReplyLetter || view.hasExtensionNotice) && (
        <Space wrap>
          {view.hasReplyLetter && (
            <Button icon={<DownloadOutlined />} onClick={() => void disclosureApi.document(view.id, 'reply').catch(showError)} data-testid="disclosure-download-reply">
              答复书
            </Button>
          )}
          {view.hasExtensionNotice && (
            <Button icon={<DownloadOutlined />} onClick={() => void disclosureApi.document(view.id, 'extension').catch(showError)} data-testid="disclosure-download-extension">
              延期答复告知书
            </Button>
          )}
        </Space>
      )}
      <ReplyModal view={view} version={detail.version} open={replying} onClose={() => setReplying(false)} onDone={onChanged} />
    </Flex>
  );
}
