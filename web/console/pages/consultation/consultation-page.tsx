import { DownloadOutlined, EyeOutlined, PaperClipOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Descriptions, Empty, Form, Input, Modal, Result, Select, Space, Spin, Table, Tag, Typography, type TableProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { moderationLabels, type ModerationState } from '../../../../contracts/consultation.ts';
import { ApiError } from '../../api/client.ts';
import { testId } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { placeFieldErrors } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { consultationApi, type ConsultationDetail, type StaffComment } from './api.ts';
import { AdoptionModal, RejectModal } from './comment-modals.tsx';
import { CommentText, statusColors, submittedAt } from './parts.tsx';

const moderationColors: Record<ModerationState, string> = { pending: 'gold', approved: 'green', rejected: 'default' };

/** The contact in clear, fetched (and audited) only when asked for. */
function Contact({ comment, canSee }: { comment: StaffComment; canSee: boolean }) {
  const [clear, setClear] = useState<string | null>();
  if (!comment.hasContact) return <Typography.Text type="secondary">—</Typography.Text>;
  if (clear !== undefined) return <span data-testid="comment-contact-clear">{clear}</span>;
  return (
    <Space size={4}>
      <span>{comment.contactMask}</span>
      {canSee && (
        <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => void consultationApi.contact(comment.id).then((r) => setClear(r.contact))} title="查看明文（记录审计）" />
      )}
    </Space>
  );
}

function CloseModal({ detail, open, onClose, onDone }: { detail: ConsultationDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string>();
  const submit = async () => {
    const { reason } = await form.validateFields();
    setSaving(true);
    try {
      await consultationApi.close(detail.id, { reason, version: detail.version });
      onDone();
    } catch (error) {
      setProblem(placeFieldErrors(form, error, '操作失败'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="提前结束征求意见" okText="结束征求意见" okButtonProps={{ danger: true, ...testId('close-submit') }} confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">结束后门户不再接收意见，理由将在门户公开。</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, message: '请填写提前结束的理由' }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：上位法修订，草案撤回重拟" data-testid="close-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One round: the draft as published, every comment with its moderation and 采纳情况, export and early close. */
export function ConsultationPage() {
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<ConsultationDetail | null>();
  const [failure, setFailure] = useState<string>();
  const [filter, setFilter] = useState<ModerationState>();
  const [rejecting, setRejecting] = useState<StaffComment | null>(null);
  const [adopting, setAdopting] = useState<StaffComment | null>(null);
  const [closing, setClosing] = useState(false);
  const [exporting, setExporting] = useState(false);

  const load = useCallback(async () => {
    try {
      setDetail(await consultationApi.get(id));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : '加载失败');
      setDetail(null);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (detail === undefined) return <Spin style={{ display: 'block', marginTop: 80 }} />;
  if (detail === null) return <Result status="404" title={failure} extra={<Link to="/consultation?tab=rounds">返回征求意见列表</Link>} />;

  const approve = async (comment: StaffComment) => {
    try {
      await consultationApi.moderate(comment.id, { decision: 'approve', version: comment.version });
      void message.success('已公开');
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : '操作失败');
    }
    await load();
  };
  const exportXlsx = async () => {
    setExporting(true);
    await consultationApi.exportComments(id).catch(() => undefined);
    setExporting(false);
  };
  const published = detail.status !== 'upcoming';
  const fileHref = (fileId: string) => (published ? `/api/public/consultations/${id}/files/${fileId}` : `/api/files/${fileId}/content`);

  const columns: TableProps<StaffComment>['columns'] = [
    { title: '提交时间', dataIndex: 'submittedAt', width: 140, render: submittedAt },
    { title: '姓名', dataIndex: 'authorName', width: 100 },
    { title: '联系方式', key: 'contact', width: 160, render: (_, row) => <Contact comment={row} canSee={detail.canSeeContact} /> },
    { title: '意见内容', dataIndex: 'content', render: (content: string) => <CommentText text={content} /> },
    {
      title: '审核',
      key: 'moderation',
      width: 150,
      render: (_, row) => (
        <Space orientation="vertical" size={0}>
          <Tag color={moderationColors[row.moderation]} data-testid="comment-moderation">
            {row.moderationLabel}
          </Tag>
          {row.rejectReason && <Typography.Text type="secondary">{row.rejectReason}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '采纳情况',
      key: 'adoption',
      width: 180,
      render: (_, row) =>
        row.adoptionLabel ? (
          <Space orientation="vertical" size={0}>
            <Tag color="blue">{row.adoptionLabel}</Tag>
            {row.adoptionNote && <Typography.Text type="secondary">{row.adoptionNote}</Typography.Text>}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 150,
      render: (_, row) =>
        row.moderation === 'pending' ? (
          <Space size={4}>
            <Button size="small" type="link" onClick={() => void approve(row)} data-testid="comment-approve">
              公开
            </Button>
            <Button size="small" type="link" danger onClick={() => setRejecting(row)} data-testid="comment-reject">
              不予公开
            </Button>
          </Space>
        ) : row.moderation === 'approved' ? (
          <Button size="small" type="link" onClick={() => setAdopting(row)} data-testid="comment-adoption">
            标注采纳
          </Button>
        ) : null,
    },
  ];
  const shown = filter ? detail.comments.filter((c) => c.moderation === filter) : detail.comments;
  const done = () => {
    setRejecting(null);
    setAdopting(null);
    setClosing(false);
    void load();
  };

  return (
    <PageContainer
      title={detail.title}
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="comments-export">
            导出意见汇总
          </Button>
          {detail.status !== 'closed' && (
            <Button danger icon={<StopOutlined />} onClick={() => setClosing(true)} data-testid="consultation-close">
              提前结束
            </Button>
          )}
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="起草单位">{detail.orgName}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={statusColors[detail.status]} data-testid="consultation-status">
              {detail.statusLabel}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label="征求意见期间">
            {detail.opensOn} 至 {detail.closesOn}
          </Descriptions.Item>
          <Descriptions.Item label="意见">
            待审核 {detail.counts.pending}，已公开 {detail.counts.approved}，未通过 {detail.counts.rejected}
          </Descriptions.Item>
          {detail.shortenedReason && <Descriptions.Item label="缩短期限的理由">{detail.shortenedReason}</Descriptions.Item>}
          {detail.closedReason && <Descriptions.Item label="提前结束的理由">{detail.closedReason}</Descriptions.Item>}
        </Descriptions>
        <Collapse
          ghost
          items={[
            { key: 'explanation', label: '起草说明', children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{detail.explanation}</Typography.Paragraph> },
            ...(detail.draftText ? [{ key: 'draft', label: '征求意见稿', children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{detail.draftText}</Typography.Paragraph> }] : []),
          ]}
        />
        {detail.files.length > 0 && (
          <Space wrap>
            {detail.files.map((f) => (
              <a key={f.id} href={fileHref(f.id)}>
                <PaperClipOutlined /> {f.name}
              </a>
            ))}
          </Space>
        )}
      </Card>
      <Card size="small" title="收到的意见" extra={<Select allowClear placeholder="审核状态" options={options(moderationLabels)} value={filter} onChange={setFilter} style={{ width: 120 }} />}>
        <Table<StaffComment>
          rowKey="id"
          columns={columns}
          dataSource={shown}
          scroll={{ x: 1000 }}
          data-testid="comments-table"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无意见" /> }}
        />
      </Card>
      <RejectModal comment={rejecting} onClose={() => setRejecting(null)} onDone={done} />
      <AdoptionModal comment={adopting} onClose={() => setAdopting(null)} onDone={done} />
      <CloseModal detail={detail} open={closing} onClose={() => setClosing(false)} onDone={done} />
    </PageContainer>
  );
}
