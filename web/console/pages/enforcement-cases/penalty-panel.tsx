import { CheckCircleOutlined, DownloadOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { discretionLevelLabels, penaltyKindLabels, publicationStateLabels, reviewTriggerLabels, type DiscretionLevel } from '../../../../contracts/enforcement.ts';
import { showError } from '../../api/client.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import type { CasePanelProps } from '../cases/case-panels.tsx';
import { ENFORCEMENT_CASES, enforcementCasesApi, type ArchiveVerification, type CaseDetail, type CaseOptions } from './enforcement-cases-api.ts';

const yuan = (n: number | null) => (n === null ? '—' : `${n.toLocaleString('zh-CN')} 元`);
const kinds = (list: (keyof typeof penaltyKindLabels)[]) => (list.length ? list.map((k) => penaltyKindLabels[k]).join('、') : '—');
const beforeDecision = ['filed', 'investigating', 'notified', 'hearing', 'legalityReview', 'readyToDecide'];

/** 变更执法人员 before the decision: the server checks the new officers' certificates on today's date. */
function OfficersButton({ view, onChanged }: { view: CaseDetail; onChanged: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [choices, setChoices] = useState<CaseOptions['officers']>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!open) return;
    setPicked(view.officers.map((o) => o.officerId));
    enforcementCasesApi.options().then((list) => setChoices(list.find((b) => b.id === view.bodyId)?.officers ?? []), showError);
  }, [open, view]);
  const save = async () => {
    setSaving(true);
    try {
      await enforcementCasesApi.changeOfficers(view.id, view.version, picked);
      void message.success('已变更执法人员');
      setOpen(false);
      onChanged();
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <GuardedButton permission={ENFORCEMENT_CASES.handle} size="small" onClick={() => setOpen(true)} data-testid="penalty-officers-change">
        变更执法人员
      </GuardedButton>
      <Modal open={open} title="变更办案执法人员" okText="保存" confirmLoading={saving} onOk={() => void save()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">至少两名，均须持有本领域在今日有效的行政执法证；第一名为主办人。</Typography.Paragraph>
        <Select mode="multiple" style={{ width: '100%' }} value={picked} onChange={setPicked} options={choices.map((o) => ({ value: o.id, label: o.name }))} />
      </Modal>
    </>
  );
}

function ArchiveCard({ view }: { view: CaseDetail }) {
  const [result, setResult] = useState<ArchiveVerification>();
  const [checking, setChecking] = useState(false);
  if (!view.archiveIndex) return null;
  const verify = async () => {
    setChecking(true);
    try {
      setResult(await enforcementCasesApi.verifyArchive(view.id));
    } catch (error) {
      showError(error);
    } finally {
      setChecking(false);
    }
  };
  return (
    <Card
      size="small"
      title="卷内目录（归档）"
      data-testid="penalty-archive"
      extra={
        <Space>
          <Button size="small" icon={<SafetyCertificateOutlined />} loading={checking} onClick={() => void verify()} data-testid="penalty-archive-verify">
            核验
          </Button>
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void enforcementCasesApi.archiveZip(view.id).catch(showError)} data-testid="penalty-archive-zip">
            下载案卷
          </Button>
        </Space>
      }
    >
      {result &&
        (result.intact ? (
          <Alert type="success" showIcon icon={<CheckCircleOutlined />} title="案卷完整：每份材料和卷内目录的 SM3 与归档时一致" style={{ marginBottom: 8 }} data-testid="penalty-archive-intact" />
        ) : (
          <Alert type="error" showIcon icon={<WarningOutlined />} title="案卷已被改动" description={result.problems.join('；')} style={{ marginBottom: 8 }} data-testid="penalty-archive-tampered" />
        ))}
      <Table
        size="small"
        rowKey="fileId"
        pagination={false}
        dataSource={view.archiveIndex.files.map((f, i) => ({ ...f, no: i + 1 }))}
        columns={[
          { title: '序号', dataIndex: 'no', width: 60 },
          { title: '材料', dataIndex: 'name' },
          { title: '程序环节', dataIndex: 'step', width: 200 },
          { title: 'SM3', dataIndex: 'sm3', width: 160, render: (v: string) => <Typography.Text code copyable={{ text: v }}>{v.slice(0, 12)}…</Typography.Text> },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        目录 SM3：{view.archiveIndex.sm3}
      </Typography.Text>
    </Card>
  );
}

/** The 行政处罚 case's own fields on the generic case page: party, matter, officers, the proposal against the benchmark, review, decision, publicity, archive. */
export function PenaltyPanel({ detail, onChanged }: CasePanelProps) {
  const [view, setView] = useState<CaseDetail>();
  const load = useCallback(() => enforcementCasesApi.get(detail.id).then(setView, showError), [detail.id]);
  useEffect(() => {
    void load();
  }, [load, detail.version]);
  if (!view) return <Card loading />;
  const benchmark = view.benchmarks.find((b) => b.id === view.benchmarkId);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="penalty-panel">
      {view.leniencyFlag && (
        <Alert type="info" showIcon title="首违不罚：当事人首次违法，本事项列入首违不罚清单" description={view.leniencyConditions ? `适用条件：${view.leniencyConditions}` : undefined} data-testid="penalty-leniency" />
      )}
      {view.correctedOn && (
        <Alert type="error" showIcon title={`本案决定已于 ${view.correctedOn} 被变更或撤销`} description={view.correctedByCaseId ? <Link to={`/cases/${view.correctedByCaseId}`}>查看纠错案件</Link> : undefined} />
      )}
      <Card size="small" title="案件信息">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'body', label: '执法主体', children: view.bodyName },
            { key: 'field', label: '执法领域', children: view.fieldLabel },
            { key: 'matter', label: '执法事项', children: view.matterName },
            { key: 'procedure', label: '程序', children: view.procedure === 'simple' ? '简易程序' : '普通程序' },
            { key: 'party', label: '当事人', children: `${view.partyName}${view.partyIdMask ? `（${view.partyIdMask}）` : ''}` },
            { key: 'filed', label: '立案日期', children: view.filedOn },
            { key: 'facts', label: '违法事实', span: 2, children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{view.facts}</Typography.Paragraph> },
            {
              key: 'officers',
              label: '执法人员',
              span: 2,
              children: (
                <Space wrap data-testid="penalty-officers">
                  {view.officers.map((o) => (
                    <Tag key={o.officerId} color={o.lead ? 'blue' : undefined}>
                      {o.name}
                      {o.lead ? '（主办）' : ''}
                    </Tag>
                  ))}
                  {beforeDecision.includes(view.state) && <OfficersButton view={view} onChanged={onChanged} />}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {view.state === 'investigating' && view.benchmarks.length > 0 && (
        <Card size="small" title="本事项的裁量基准（告知时选用，超出幅度须说明理由）" data-testid="penalty-benchmarks">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={view.benchmarks}
            columns={[
              { title: '阶次', dataIndex: 'level', width: 100, render: (l: string) => discretionLevelLabels[l as DiscretionLevel] ?? l },
              { title: '情形', dataIndex: 'circumstances' },
              { title: '罚款幅度', width: 200, render: (_, b) => (b.fineMin === null && b.fineMax === null ? '不罚款' : `${yuan(b.fineMin)}至${yuan(b.fineMax)}`) },
            ]}
          />
        </Card>
      )}
      {view.proposedPenalties.length > 0 && (
        <Card size="small" title="拟处罚（告知）与裁量基准">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'kinds', label: '拟处罚种类', children: kinds(view.proposedPenalties) },
              { key: 'fine', label: '拟罚款', children: yuan(view.proposedFine) },
              {
                key: 'benchmark',
                label: '裁量基准',
                span: 2,
                children: benchmark ? `${discretionLevelLabels[benchmark.level as DiscretionLevel] ?? benchmark.level}：${benchmark.circumstances}（${yuan(benchmark.fineMin)}至${yuan(benchmark.fineMax)}）` : '—',
              },
              ...(view.departureReason ? [{ key: 'departure', label: '偏离基准理由', span: 2, children: view.departureReason }] : []),
              { key: 'hearing', label: '听证', children: view.hearingRequested ? `已申请${view.hearingOn ? `，${view.hearingOn} 举行` : ''}` : '未申请' },
              { key: 'review', label: '法制审核', children: view.reviewRequired ? view.reviewTriggers.map((t) => reviewTriggerLabels[t]).join('；') : '不属于须审核情形' },
            ]}
          />
        </Card>
      )}
      {view.outcome && (
        <Card size="small" title="决定">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'outcome', label: '处理结果', children: view.outcomeLabel },
              { key: 'no', label: '决定书文号', children: view.decisionNo ?? '—' },
              { key: 'kinds', label: '处罚种类', children: kinds(view.penalties) },
              { key: 'fine', label: '罚款', children: yuan(view.fine) },
              { key: 'decided', label: '决定日期', children: view.decidedOn ?? '—' },
              { key: 'delivered', label: '送达日期', children: view.deliveredOn ?? '—' },
              { key: 'executed', label: '执行完毕', children: view.executedOn ?? '—' },
              {
                key: 'publicity',
                label: '执法公示',
                children: view.publications.length
                  ? view.publications.map((p) => (
                      <Link key={p.id} to={`/enforcement-cases/publications/${p.id}`} data-testid="penalty-publication-link">
                        {publicationStateLabels[p.state]}
                        {p.publishedOn ? `（${p.publishedOn}）` : ''}
                      </Link>
                    ))
                  : '—',
              },
            ]}
          />
        </Card>
      )}
      <ArchiveCard view={view} />
    </Space>
  );
}
