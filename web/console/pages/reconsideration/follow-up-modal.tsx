import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { reconsiderationApi, type FollowUpKind, type ReconsiderationCase } from '../../api/reconsideration.ts';
import { testId } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { DocumentSelect } from '../normative/document-select.tsx';

interface Values {
  content: string;
  targetOrgId?: string;
  documentTitle?: string;
  documentNo?: string;
  normativeDocumentId?: string;
}

const titles: Record<FollowUpKind, string> = { opinion: '制发行政复议意见书', review: '提起规范性文件附带审查' };
const okTexts: Record<FollowUpKind, string> = { opinion: '制发', review: '提起审查' };

/**
 * Opens a 意见书 (第七十六条: the respondent reports its corrections within 60 days) or an incidental
 * review of a 规范性文件 (第十三条、第五十六条: handled in 30 days or transferred in 7 working days).
 * The server decides whether the case's state allows it; its refusal shows in the dialog.
 */
export function FollowUpModal({ kind, view, onClose, onOpened }: { kind: FollowUpKind | null; view: ReconsiderationCase; onClose: () => void; onOpened: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();

  const submit = async (values: Values) => {
    if (!kind) return;
    setSaving(true);
    setProblem(undefined);
    const text = (v?: string) => v?.trim() || undefined;
    try {
      if (kind === 'opinion') await reconsiderationApi.issueOpinion(view.id, { content: values.content.trim(), targetOrgId: values.targetOrgId });
      else await reconsiderationApi.openReview(view.id, { documentTitle: values.documentTitle!.trim(), documentNo: text(values.documentNo), normativeDocumentId: values.normativeDocumentId, targetOrgId: values.targetOrgId, content: values.content.trim() });
      void message.success(kind === 'opinion' ? '已制发意见书，已列入送达机关的待办' : '已提起附带审查');
      onOpened();
    } catch (error) {
      if (!(error instanceof ApiError)) return setProblem(error instanceof Error ? error.message : '操作失败');
      const fields = Array.isArray(error.details) ? (error.details as { field?: unknown; message?: unknown }[]).filter((d) => typeof d.field === 'string' && typeof d.message === 'string') : [];
      if (fields.length) form.setFields(fields.map((d) => ({ name: d.field as keyof Values, errors: [d.message as string] })));
      else if (error.message.startsWith('机关')) form.setFields([{ name: 'targetOrgId', errors: [error.message] }]);
      else if (error.status !== 401) setProblem(error.message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!kind}
      title={kind ? `${titles[kind]}：${view.caseNo ?? view.title}` : ''}
      width={640}
      okText={kind ? okTexts[kind] : '确定'}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        setProblem(undefined);
      }}
      okButtonProps={testId('follow-up-submit')}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="follow-up-problem" />}
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        {kind === 'review' && (
          <>
            <Form.Item name="documentTitle" label="规范性文件名称" rules={[{ required: true, whitespace: true, message: '请填写规范性文件名称' }, { max: 200 }]}>
              <Input placeholder="不含书名号" data-testid="follow-up-document-title" />
            </Form.Item>
            <Form.Item name="documentNo" label="文号" rules={[{ max: 60 }]}>
              <Input data-testid="follow-up-document-no" />
            </Form.Item>
            <Form.Item name="normativeDocumentId" label="规范性文件库中的该文件" extra="本县已公布的文件可关联，文件页面将列出本次审查">
              <DocumentSelect data-testid="follow-up-normative-document" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="targetOrgId"
          label={kind === 'opinion' ? '送达机关' : '制定机关'}
          extra={kind === 'opinion' ? `不选择的，送达被申请人（${view.respondentName}）` : '本行政区内的机关；本区以外的机关不填，可转送有权机关处理'}
        >
          <OrgSelect placeholder={kind === 'opinion' ? view.respondentName : '选择机构，可输入名称搜索'} data-testid="follow-up-target" />
        </Form.Item>
        <Form.Item
          name="content"
          label={kind === 'opinion' ? '发现的问题和纠正要求' : '审查理由'}
          extra={kind === 'review' ? '申请人提出附带审查的理由，或者行政复议机构认为依据不合法的理由' : '被申请人应当自收到意见书之日起六十日内报送纠正情况'}
          rules={[{ required: true, whitespace: true, message: '请填写内容' }, { max: 5000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 12 }} maxLength={5000} showCount data-testid="follow-up-content" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
