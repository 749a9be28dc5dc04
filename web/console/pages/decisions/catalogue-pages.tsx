import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { decisionCategoryLabels, exemptableGates, gateLabels, type DecisionCategory, type ExemptableGate } from '../../../../contracts/decisions.ts';
import { showError } from '../../api/client.ts';
import { GuardedButton, testId } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { reportSaveError } from '../../lib/form-errors.ts';
import { options } from '../../lib/labels.ts';
import { DECISIONS, decisionsApi, type Catalogue, type CatalogueHead, type CatalogueItemView } from './decisions-api.ts';

/** 决策事项目录: one per government (or department) and year. */
export function CatalogueListPage() {
  const navigate = useNavigate();
  const [rows, setRows] = useState<(CatalogueHead & { itemCount: number })[]>([]);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ orgId: string; year: number }>();
  useEffect(() => {
    void decisionsApi
      .catalogues()
      .then(setRows)
      .finally(() => setLoading(false));
  }, []);
  const create = async (values: { orgId: string; year: number }) => {
    try {
      const created = await decisionsApi.createCatalogue(values);
      navigate(`/decisions/catalogues/${created.id}`);
    } catch (error) {
      reportSaveError(form, error);
    }
  };
  return (
    <PageContainer
      title="决策事项目录"
      extra={
        <GuardedButton permission={DECISIONS.catalogue} type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="catalogue-create">
          新建年度目录
        </GuardedButton>
      }
    >
      <Table
        rowKey="id"
        loading={loading}
        dataSource={rows}
        data-testid="catalogue-table"
        columns={[
          { title: '目录', render: (_, c) => <Link to={`/decisions/catalogues/${c.id}`}>{c.title}</Link> },
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '事项数', dataIndex: 'itemCount', width: 80 },
          { title: '状态', width: 160, render: (_, c) => <Tag color={c.state === 'published' ? 'green' : c.state === 'approved' ? 'blue' : 'default'}>{c.stateLabel}</Tag> },
          { title: '公布日期', dataIndex: 'publishedOn', width: 110 },
        ]}
      />
      <Modal title="新建年度决策事项目录" open={creating} onCancel={() => setCreating(false)} onOk={() => form.submit()} okButtonProps={testId('catalogue-create-submit')} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ year: dayjs().year() }} onFinish={(v) => void create(v)}>
          <Form.Item name="orgId" label="决策机关" rules={[{ required: true, message: '请选择决策机关' }]}>
            <OrgSelect data-testid="catalogue-org" />
          </Form.Item>
          <Form.Item name="year" label="年度" rules={[{ required: true, type: 'number' }]}>
            <InputNumber min={2019} max={2100} data-testid="catalogue-year" />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}

interface ItemValues {
  title: string;
  category: DecisionCategory;
  hostOrgId: string;
  plannedTime: string;
  exempted?: ExemptableGate[];
  grounds?: Partial<Record<ExemptableGate, string>>;
  reason?: string;
}

/** Adding or changing an item; once the catalogue is approved, a written reason makes it an adjustment. */
function ItemModal({ catalogue, item, open, onClose, onSaved }: { catalogue: Catalogue; item: CatalogueItemView | null; open: boolean; onClose: () => void; onSaved: (c: Catalogue) => void }) {
  const [form] = Form.useForm<ItemValues>();
  const exempted = Form.useWatch('exempted', form) ?? [];
  const adjusting = catalogue.state !== 'drafted';
  useEffect(() => {
    if (open) form.setFieldsValue(item ? { ...item, exempted: Object.keys(item.exemptions) as ExemptableGate[], grounds: item.exemptions, reason: undefined } : { title: '', plannedTime: '', exempted: [], grounds: {} });
  }, [open, item, form]);
  const submit = async (v: ItemValues) => {
    const exemptions = Object.fromEntries((v.exempted ?? []).map((g) => [g, v.grounds?.[g] ?? ''])) as Partial<Record<ExemptableGate, string>>;
    const input = { title: v.title, category: v.category, hostOrgId: v.hostOrgId, plannedTime: v.plannedTime, exemptions, reason: v.reason, version: item ? item.version : catalogue.version };
    try {
      onSaved(item ? await decisionsApi.updateItem(catalogue.id, item.id, input) : await decisionsApi.addItem(catalogue.id, input));
      onClose();
    } catch (error) {
      reportSaveError(form, error);
    }
  };
  return (
    <Modal title={item ? '修改目录事项' : '增加目录事项'} open={open} onCancel={onClose} onOk={() => form.submit()} okButtonProps={testId('catalogue-item-submit')} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label="决策事项" rules={[{ required: true, message: '请填写决策事项' }]}>
          <Input data-testid="catalogue-item-title" />
        </Form.Item>
        <Form.Item name="category" label="类别（条例 第三条）" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={options(decisionCategoryLabels)} data-testid="catalogue-item-category" />
        </Form.Item>
        <Form.Item name="hostOrgId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
          <OrgSelect data-testid="catalogue-item-host" />
        </Form.Item>
        <Form.Item name="plannedTime" label="计划完成时间" rules={[{ required: true, message: '请填写计划完成时间' }]}>
          <Input placeholder="如：2021年第三季度" data-testid="catalogue-item-planned" />
        </Form.Item>
        <Form.Item name="exempted" label="不需履行的程序（须载明法律依据）" extra="合法性审查、集体讨论决定不得免予">
          <Select mode="multiple" options={exemptableGates.map((g) => ({ value: g, label: gateLabels[g] }))} />
        </Form.Item>
        {exempted.map((g) => (
          <Form.Item key={g} name={['grounds', g]} label={`${gateLabels[g]}的法律依据`} rules={[{ required: true, message: '请填写法律依据' }]}>
            <Input />
          </Form.Item>
        ))}
        {adjusting && (
          <Form.Item name="reason" label="调整理由（向社会公开）" rules={[{ required: true, message: '目录已审定，调整事项须书面说明理由' }]}>
            <Input.TextArea rows={2} data-testid="catalogue-item-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export function CataloguePage() {
  const { id = '' } = useParams();
  const { modal } = App.useApp();
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [editing, setEditing] = useState<CatalogueItemView | null | undefined>(undefined);
  const [approving, setApproving] = useState(false);
  const [approveForm] = Form.useForm<{ partyConsentOn: dayjs.Dayjs; partyConsentRef: string }>();
  const load = useCallback(async () => setCatalogue(await decisionsApi.catalogue(id)), [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!catalogue) return <Card loading />;
  const remove = (item: CatalogueItemView) => {
    let reason = '';
    modal.confirm({
      title: `删除「${item.title}」`,
      content: catalogue.state === 'drafted' ? '从草拟中的目录删除该事项。' : <Input.TextArea placeholder="删除理由（向社会公开）" onChange={(e) => (reason = e.target.value)} />,
      onOk: async () => {
        try {
          setCatalogue(await decisionsApi.removeItem(catalogue.id, item.id, { version: item.version, reason: reason || undefined }));
        } catch (error) {
          showError(error);
        }
      },
    });
  };
  const approve = async (v: { partyConsentOn: dayjs.Dayjs; partyConsentRef: string }) => {
    try {
      setCatalogue(await decisionsApi.approve(catalogue.id, { version: catalogue.version, partyConsentOn: v.partyConsentOn.format('YYYY-MM-DD'), partyConsentRef: v.partyConsentRef }));
      setApproving(false);
    } catch (error) {
      reportSaveError(approveForm, error);
    }
  };
  return (
    <PageContainer
      title={catalogue.title}
      extra={
        <Space>
          <GuardedButton permission={DECISIONS.catalogue} icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="catalogue-add-item">
            {catalogue.state === 'drafted' ? '增加事项' : '调整：增加事项'}
          </GuardedButton>
          {catalogue.state === 'drafted' && (
            <GuardedButton permission={DECISIONS.catalogue} type="primary" onClick={() => setApproving(true)} data-testid="catalogue-approve">
              审定（党委同意）
            </GuardedButton>
          )}
          {catalogue.state === 'approved' && (
            <Popconfirm title="公布后在门户网站公开，此后调整须说明理由" onConfirm={async () => setCatalogue(await decisionsApi.publish(catalogue.id, catalogue.version))}>
              <Button type="primary" data-testid="catalogue-publish">
                公布目录
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions
          size="small"
          bordered
          items={[
            { key: 'org', label: '决策机关', children: catalogue.orgName },
            { key: 'state', label: '状态', children: <Tag data-testid="catalogue-state">{catalogue.stateLabel}</Tag> },
            { key: 'party', label: '党委同意', children: catalogue.partyConsentOn ? `${catalogue.partyConsentOn} ${catalogue.partyConsentRef ?? ''}` : '—' },
            { key: 'published', label: '公布日期', children: catalogue.publishedOn ?? '—' },
          ]}
        />
        <Table
          rowKey="id"
          pagination={false}
          dataSource={catalogue.items}
          data-testid="catalogue-items"
          rowClassName={(r) => (r.removed ? 'row-removed' : '')}
          columns={[
            { title: '序号', dataIndex: 'seq', width: 60 },
            { title: '决策事项', render: (_, i) => (i.removed ? <Typography.Text delete>{i.title}</Typography.Text> : i.caseId ? <Link to={`/decisions/${i.caseId}`}>{i.title}</Link> : i.title) },
            { title: '类别', dataIndex: 'categoryLabel', width: 150 },
            { title: '承办单位', dataIndex: 'hostOrgName', width: 150 },
            { title: '计划完成', dataIndex: 'plannedTime', width: 120 },
            { title: '免予程序', width: 160, render: (_, i) => Object.keys(i.exemptions).map((g) => <Tag key={g} color="orange" title={i.exemptions[g as ExemptableGate]}>{gateLabels[g as ExemptableGate]}</Tag>) },
            {
              title: '操作',
              width: 120,
              render: (_, i) =>
                i.removed ? <Tag>已删除</Tag> : (
                  <Space size={4}>
                    <Button size="small" type="link" onClick={() => setEditing(i)}>
                      修改
                    </Button>
                    {!i.caseId && (
                      <Button size="small" type="link" danger onClick={() => remove(i)}>
                        删除
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
        {catalogue.adjustments.length > 0 && (
          <Card size="small" title="目录调整记录（向社会公开）">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={catalogue.adjustments}
              data-testid="catalogue-adjustments"
              columns={[
                { title: '日期', dataIndex: 'adjustedOn', width: 110 },
                { title: '调整', dataIndex: 'kindLabel', width: 100 },
                { title: '事项', dataIndex: 'itemTitle' },
                { title: '理由', dataIndex: 'reason' },
              ]}
            />
          </Card>
        )}
        {catalogue.state !== 'drafted' && <Alert type="info" showIcon title="目录已审定：增加、删除、调整事项须书面说明理由，调整记录随目录向社会公开（条例 第三条第三款）。" />}
      </Space>
      <ItemModal catalogue={catalogue} item={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} onSaved={setCatalogue} />
      <Modal title="审定目录" open={approving} onCancel={() => setApproving(false)} onOk={() => approveForm.submit()} okButtonProps={testId('catalogue-approve-submit')} destroyOnHidden>
        <Form form={approveForm} layout="vertical" onFinish={(v) => void approve(v)}>
          <Form.Item name="partyConsentOn" label="同级党委同意日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker data-testid="catalogue-consent-on" />
          </Form.Item>
          <Form.Item name="partyConsentRef" label="党委同意的记录（文号或会议）" rules={[{ required: true, message: '请填写' }]}>
            <Input data-testid="catalogue-consent-ref" />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
