import { DownloadOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, showError } from '../../api/client.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import type { CasePanelProps } from '../cases/case-panels.tsx';
import { DueDate } from '../cases/deadline.tsx';
import { DraftModal } from './draft-modal.tsx';
import { NORMATIVE, normativeApi, type DocumentDetail, type StatusChange } from './normative-api.ts';
import { StatusTag } from './status-tag.tsx';
import { StatusChangeModal } from './status-change-modal.tsx';

const none = <Typography.Text type="secondary">—</Typography.Text>;

function LongText({ text }: { text: string }) {
  if (!text.trim()) return none;
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 4, expandable: 'collapsible', symbol: (expanded) => (expanded ? '收起' : '展开') }}>
      {text}
    </Typography.Paragraph>
  );
}

/** Who changed it: the registered document (linked), or the instrument in words. */
export function ChangedBy({ change }: { change: Pick<StatusChange, 'byDocumentId' | 'byDocumentTitle' | 'byDocumentNo' | 'byText'> }) {
  if (change.byDocumentId) return <Link to={`/normative/${change.byDocumentId}`}>《{change.byDocumentTitle}》{change.byDocumentNo ? `（${change.byDocumentNo}）` : ''}</Link>;
  return <span>{change.byText ?? '—'}</span>;
}

/** The 规范性文件 panel of the case page: the document, its 备案, its status history and the reviews concerning it. */
export function NormativePanel({ detail, onChanged }: CasePanelProps) {
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState(false);
  const [changing, setChanging] = useState(false);
  const load = useCallback(async () => {
    try {
      setDoc(await normativeApi.get(detail.id));
      setFailed(false);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) showError(error);
      setFailed(true);
    }
  }, [detail.id]);
  useEffect(() => {
    void load();
  }, [load, detail.version]);

  if (failed) return <Alert type="warning" showIcon title="文件信息暂时无法显示" />;
  if (!doc) return <Card loading />;
  const published = doc.publishedOn !== null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="normative-panel">
      {doc.expiringSoon && <Alert type="warning" showIcon title={`本文件有效期至 ${doc.validUntil}，即将届满，请组织评估是否继续施行`} data-testid="normative-expiring" />}
      {doc.state === 'published' && doc.filingMark === 'overdue' && <Alert type="error" showIcon title={`已超过备案期限（${doc.filingDueOn}），请尽快报送备案`} />}
      <Card
        title="规范性文件"
        size="small"
        extra={
          <Space>
            {doc.editable && (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="normative-edit">
                修改草案
              </Button>
            )}
            {published && (
              <>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void normativeApi.filingReport(doc.id)} data-testid="normative-filing-report">
                  备案报告
                </Button>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void normativeApi.filingPackage(doc.id)} data-testid="normative-filing-package">
                  备案材料包
                </Button>
              </>
            )}
            {doc.status && ['valid', 'amended'].includes(doc.status) && (
              <GuardedButton permission={NORMATIVE.manage} size="small" icon={<SwapOutlined />} onClick={() => setChanging(true)} data-testid="normative-change-status">
                登记效力变更
              </GuardedButton>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'no', label: '文号', children: <span data-testid="normative-doc-no">{doc.docNo ?? '（未编号）'}</span> },
            { key: 'status', label: '效力状态', children: <span data-testid="normative-status"><StatusTag item={doc} /></span> },
            { key: 'issuer', label: '制定机关', children: doc.issuerName },
            { key: 'drafter', label: '起草单位', children: doc.orgName },
            { key: 'published', label: '公布日期', children: doc.publishedOn ?? none },
            { key: 'effective', label: '施行日期', children: doc.effectiveOn ?? none },
            { key: 'valid', label: '有效期至', children: doc.validUntil ?? none },
            { key: 'topics', label: '主题', children: doc.topics.length ? doc.topics.map((t) => <Tag key={t}>{t}</Tag>) : none },
            { key: 'filingDue', label: '备案期限', children: doc.filingDueOn ? <DueDate dueOn={doc.filingDueOn} mark={doc.filingMark} provisional={false} /> : none },
            {
              key: 'filed',
              label: '备案',
              children: doc.filedWithGovernmentOn ? (
                <span>
                  市政府 {doc.filedWithGovernmentOn}；县人大常委会 {doc.filedWithCongressOn}
                  {doc.filingLate && <Tag color="red" style={{ marginInlineStart: 6 }}>逾期备案</Tag>}
                </span>
              ) : (
                none
              ),
            },
            ...(doc.consultation
              ? [
                  {
                    key: 'comment',
                    label: '公开征求意见',
                    span: 2,
                    children: `${doc.consultation.opensOn} 至 ${doc.consultation.closesOn}${doc.consultation.open ? '（进行中）' : ''}；待审核 ${doc.consultation.pending} 条，已采用展示 ${doc.consultation.approved} 条，不予展示 ${doc.consultation.rejected} 条`,
                  },
                ]
              : []),
            { key: 'explanation', label: '起草说明', span: 2, children: <LongText text={doc.draftingExplanation} /> },
            { key: 'basis', label: '制定依据', span: 2, children: <LongText text={doc.basis} /> },
            { key: 'body', label: '正文', span: 2, children: <LongText text={doc.body} /> },
            ...(doc.affects.length
              ? [{ key: 'affects', label: '施行后修改或废止', span: 2, children: doc.affects.map((a) => <div key={a.documentId}><Link to={`/normative/${a.documentId}`}>《{a.title}》</Link>（{a.effect === 'amended' ? '修改' : '废止'}）</div>) }]
              : []),
          ]}
        />
      </Card>
      {(doc.statusHistory.length > 0 || doc.changed.length > 0) && (
        <Card title="效力沿革" size="small" data-testid="normative-history">
          <Table<StatusChange>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={doc.statusHistory}
            columns={[
              { title: '日期', dataIndex: 'changedOn', width: 110 },
              { title: '状态', dataIndex: 'statusLabel', width: 90 },
              { title: '依据', key: 'by', render: (_, c) => <ChangedBy change={c} /> },
              { title: '理由', dataIndex: 'reason', ellipsis: true },
            ]}
          />
          {doc.changed.length > 0 && (
            <div style={{ marginTop: 12 }}>
              <Typography.Text strong>本文件修改、废止的文件：</Typography.Text>
              {doc.changed.map((c) => (
                <div key={`${c.documentId}${c.changedOn}`}>
                  <Link to={`/normative/${c.documentId}`}>《{c.title}》{c.docNo ? `（${c.docNo}）` : ''}</Link> {c.statusLabel}（{c.changedOn}）
                </div>
              ))}
            </div>
          )}
        </Card>
      )}
      {doc.reviews.length > 0 && (
        <Card title="行政复议附带审查" size="small" data-testid="normative-reviews">
          {doc.reviews.map((r) => (
            <div key={r.id}>
              <Link to={`/cases/${r.id}`}>{r.title}</Link> <Tag>{r.stateLabel}</Tag>
            </div>
          ))}
        </Card>
      )}
      <DraftModal
        open={editing}
        editing={doc}
        onClose={() => setEditing(false)}
        onSaved={(saved) => {
          setDoc(saved);
          onChanged();
        }}
      />
      <StatusChangeModal
        doc={doc}
        open={changing}
        onClose={() => setChanging(false)}
        onSaved={(saved) => {
          setDoc(saved);
          onChanged();
        }}
      />
    </Space>
  );
}
