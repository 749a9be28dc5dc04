import { EditOutlined } from '@ant-design/icons';
import { App, Card, Col, Descriptions, Empty, Form, Modal, Result, Row, Spin, Statistic, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { dayjs } from '../../../shared/time.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { CAMPAIGN, campaignsApi, type CampaignCase, type CampaignFigures, type CampaignItem } from '../inspections/inspections-api.ts';
import { campaignInput, CampaignFields, type CampaignValues } from './campaign-form.tsx';

/** Each inspection figure and the list filter that shows the records behind it. */
const inspectionFigures: { key: keyof CampaignFigures; title: string; unit: string; filter: string }[] = [
  { key: 'inspections', title: '检查次数', unit: '次', filter: '' },
  { key: 'rectificationOrders', title: '责令整改', unit: '次', filter: '&rectificationOrdered=true' },
  { key: 'hazardsFound', title: '发现隐患', unit: '个', filter: '&withHazards=true' },
  { key: 'placesClosed', title: '关停取缔', unit: '处', filter: '&placeClosed=true' },
  { key: 'demolished', title: '拆除', unit: '处', filter: '&demolished=true' },
  { key: 'transfersToJudiciary', title: '移送司法机关', unit: '次', filter: '&transferredToJudiciary=true' },
  { key: 'documentsIssued', title: '出具执法文书', unit: '份', filter: '&withDocuments=true' },
];

/** A 专项整治 campaign: its results counted from its inspections and cases, each opening its records. */
export function CampaignPage() {
  const { id } = useParams();
  const { message } = App.useApp();
  const [campaign, setCampaign] = useState<CampaignItem | null>();
  const [cases, setCases] = useState<CampaignCase[]>([]);
  const [editing, setEditing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<CampaignValues>();

  const load = useCallback(async () => {
    try {
      const [loaded, loadedCases] = await Promise.all([campaignsApi.get(id!), campaignsApi.cases(id!)]);
      setCampaign(loaded);
      setCases(loadedCases);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) setCampaign(null);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (campaign === undefined) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (campaign === null) return <Result status="404" title="专项整治行动不存在或无权查看" extra={<Link to="/campaigns">返回列表</Link>} />;
  const f = campaign.figures;
  const records = (filter: string) => `/inspections?campaignId=${campaign.id}${filter}`;

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      setCampaign(await campaignsApi.update(campaign.id, { ...campaignInput(values), version: campaign.version }));
      setEditing(false);
      void message.success('已保存');
    } catch (error) {
      if (reportSaveError(form, error).conflict) void load();
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageContainer
      title={campaign.title}
      extra={
        <GuardedButton
          permission={CAMPAIGN.manage}
          icon={<EditOutlined />}
          onClick={() => {
            form.setFieldsValue({ ...campaign, period: [dayjs(campaign.startsOn), dayjs(campaign.endsOn)] });
            setEditing(true);
          }}
        >
          修改
        </GuardedButton>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'field', label: '执法领域', children: campaign.fieldLabel },
            { key: 'lead', label: '牵头单位', children: campaign.leadOrgName },
            { key: 'period', label: '期间', children: `${campaign.startsOn} 至 ${campaign.endsOn}` },
            { key: 'description', label: '行动内容', span: 3, children: campaign.description || '—' },
          ]}
        />
      </Card>
      <Card size="small" title={`行动成效（检查数据统计范围：${campaign.figuresScope}）`} style={{ marginBottom: 16 }} data-testid="campaign-figures">
        <Row gutter={[16, 16]}>
          {inspectionFigures.map((fig) => (
            <Col key={fig.key} xs={12} md={6} lg={3}>
              <Link to={records(fig.filter)} data-testid={`campaign-figure-${fig.key}`}>
                <Statistic title={fig.title} value={f[fig.key] as number} suffix={fig.unit} />
              </Link>
            </Col>
          ))}
          <Col xs={12} md={6} lg={3}>
            <a href="#cases" data-testid="campaign-figure-casesFiled">
              <Statistic title="立案查处" value={f.casesFiled} suffix="件" />
            </a>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={`检查对象（共 ${f.targets} 户）`} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="targetType"
          dataSource={f.targetsByType}
          pagination={false}
          data-testid="campaign-targets"
          columns={[
            {
              title: '对象类型',
              dataIndex: 'targetType',
              render: (type: string) => (type ? <Link to={records(`&targetType=${encodeURIComponent(type)}`)}>{type}</Link> : '（未填写）'),
            },
            { title: '户数', dataIndex: 'targets', width: 120, align: 'right', render: (n: number) => `${n} 家` },
            { title: '检查次数', dataIndex: 'inspections', width: 120, align: 'right' },
          ]}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无检查记录" /> }}
        />
      </Card>
      <Card size="small" title={`立案查处（${f.casesFiled} 件）`} id="cases">
        <Table<CampaignCase>
          size="small"
          rowKey="id"
          dataSource={cases}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '案件', render: (_, c) => <Link to={`/cases/${c.id}`}>{c.title}</Link> },
            { title: '当事人', dataIndex: 'partyName', width: 180 },
            { title: '办案机关', dataIndex: 'orgName', width: 200, ellipsis: true },
            { title: '立案日期', dataIndex: 'filedOn', width: 112 },
            { title: '状态', width: 160, render: (_, c) => <>{c.state}{c.transferredToJudiciary && <Tag color="purple" style={{ marginInlineStart: 4 }}>移送司法</Tag>}</> },
          ]}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无归入本行动的案件" /> }}
        />
      </Card>
      <Modal open={editing} title="修改专项整治行动" width={680} okText="保存" confirmLoading={saving} onOk={() => void save()} onCancel={() => setEditing(false)} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          <CampaignFields />
        </Form>
      </Modal>
    </PageContainer>
  );
}
