import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Card, Descriptions, Result, Space, Spin, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { CertificateModal, CertificateStatusModal, OfficerModal, TrainingModal } from './officer-modals.tsx';
import { certificateColors } from './officers-page.tsx';
import { ENFORCEMENT, registryApi, type CertificateItem, type OfficerDetail } from './registry-api.ts';

/** One officer: the current certificate, every certificate issued (换证 history), training. */
export function OfficerPage() {
  const { id = '' } = useParams();
  const [officer, setOfficer] = useState<OfficerDetail | null>();
  const [editing, setEditing] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const [replacing, setReplacing] = useState<CertificateItem>();
  const [changing, setChanging] = useState<CertificateItem>();
  const [training, setTraining] = useState(false);
  const load = useCallback(() => registryApi.officer(id).then(setOfficer, (error) => (error instanceof ApiError && error.status === 404 ? setOfficer(null) : undefined)), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (officer === undefined) return <Spin style={{ margin: 48 }} />;
  if (officer === null) return <Result status="404" title="执法人员不存在或无权查看" extra={<Link to="/enforcement/officers">返回执法人员列表</Link>} />;
  const year = new Date().getFullYear();
  return (
    <PageContainer
      title={`执法人员：${officer.name}`}
      extra={
        <GuardedButton permission={ENFORCEMENT.manage} icon={<EditOutlined />} onClick={() => setEditing(true)}>
          修改
        </GuardedButton>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'body', label: '执法主体', children: officer.bodyName },
            { key: 'org', label: '所属机构', children: officer.orgName },
            { key: 'position', label: '职务', children: officer.position ?? '—' },
            { key: 'no', label: '当前执法证号', children: officer.certificateNo ?? '无' },
            { key: 'field', label: '执法领域', children: officer.fieldLabel ?? '—' },
            { key: 'until', label: '有效期至', children: officer.validUntil ?? '—' },
            { key: 'status', label: '证件状态', children: officer.certificateStatus ? <Tag color={certificateColors[officer.certificateStatus]}>{officer.certificateStatusLabel}</Tag> : '—' },
            { key: 'hours', label: `${year} 年培训学时`, children: officer.trainingHours < 60 ? <Typography.Text type="warning">{`${officer.trainingHours}（不足 60 学时）`}</Typography.Text> : officer.trainingHours },
            { key: 'legal', label: '法律职业资格', children: officer.legalQualificationNo ?? '—' },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="行政执法证（含换证记录）"
        style={{ marginBottom: 16 }}
        extra={
          <GuardedButton permission={ENFORCEMENT.manage} size="small" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
            登记新证
          </GuardedButton>
        }
      >
        <Table<CertificateItem>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={officer.certificates}
          data-testid="officer-certificates"
          columns={[
            { title: '执法证号', dataIndex: 'certificateNo' },
            { title: '执法领域', dataIndex: 'fieldLabel' },
            { title: '发证机关', dataIndex: 'issuer' },
            { title: '发证日期', dataIndex: 'issuedOn', width: 110 },
            { title: '有效期至', dataIndex: 'validUntil', width: 110 },
            { title: '状态', key: 'status', render: (_, c) => <Space size={4}><Tag color={certificateColors[c.status]}>{c.statusLabel}</Tag>{c.statusReason && <Typography.Text type="secondary">{c.statusReason}</Typography.Text>}</Space> },
            { title: '换发自', dataIndex: 'replacesNo', render: (no: string | null) => no ?? '—' },
            {
              title: '操作',
              key: 'actions',
              width: 150,
              render: (_, c) =>
                c.status === 'replaced' || c.status === 'revoked' ? null : (
                  <Space size={0}>
                    <GuardedButton permission={ENFORCEMENT.manage} type="link" size="small" onClick={() => setReplacing(c)}>
                      换证
                    </GuardedButton>
                    <GuardedButton permission={ENFORCEMENT.manage} type="link" size="small" onClick={() => setChanging(c)}>
                      暂扣/吊销
                    </GuardedButton>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="培训记录"
        extra={
          <GuardedButton permission={ENFORCEMENT.manage} size="small" icon={<PlusOutlined />} onClick={() => setTraining(true)}>
            登记培训
          </GuardedButton>
        }
      >
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={officer.trainings}
          columns={[
            { title: '培训日期', dataIndex: 'attendedOn', width: 120 },
            { title: '培训内容', dataIndex: 'course' },
            { title: '学时', dataIndex: 'hours', width: 80 },
          ]}
        />
      </Card>
      <OfficerModal open={editing} officer={officer} onClose={() => setEditing(false)} onSaved={() => void load()} />
      <CertificateModal open={issuing || !!replacing} officerId={officer.id} replaces={replacing} onClose={() => {
          setIssuing(false);
          setReplacing(undefined);
        }} onSaved={() => void load()} />
      <CertificateStatusModal certificate={changing} onClose={() => setChanging(undefined)} onSaved={() => void load()} />
      <TrainingModal officerId={officer.id} open={training} onClose={() => setTraining(false)} onSaved={() => void load()} />
    </PageContainer>
  );
}
