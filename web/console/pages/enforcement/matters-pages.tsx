import { FormOutlined } from '@ant-design/icons';
import { DatePicker, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { discretionLevelLabels, enforcementFieldLabels, leniencyListLabels, matterCategoryLabels } from '../../../../contracts/enforcement.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { OrgSelect } from '../../components/org-select.tsx';
import { options } from '../../lib/labels.ts';
import { EditModal } from './edit-modal.tsx';
import { MatterSelect } from './pickers.tsx';
import { ENFORCEMENT, registryApi, type BenchmarkItem, type LeniencyItem, type MatterItem } from './registry-api.ts';
import { RegistryPage } from './registry-page.tsx';

const required = (message: string) => [{ required: true, message }];
const yuan = (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN'));
const fieldFilter = (value: unknown, setFilter: (f: { field?: string }) => void) => (
  <Select allowClear placeholder="执法领域" options={options(enforcementFieldLabels)} value={value as string | undefined} onChange={(field?: string) => setFilter({ field })} style={{ width: 170 }} popupMatchSelectWidth={false} />
);
const statusOptions = [{ value: 'active', label: '启用' }, { value: 'inactive', label: '停用' }];

/** 执法事项: the 权责清单's items with their legal basis; links to their benchmarks. */
export function MattersPage() {
  const [editing, setEditing] = useState<MatterItem | 'new'>();
  const matter = editing === 'new' ? undefined : editing;
  return (
    <RegistryPage<MatterItem>
      title="行政执法事项"
      testId="matters"
      spec={{ text: ['field', 'category', 'orgId', 'status'], flags: ['delegated'], sorts: ['code', 'name', 'field', 'orgName'], firstYear: 2016 }}
      defaultSort="code"
      fetchPage={registryApi.matters}
      exportXlsx={registryApi.exportMatters}
      searchPlaceholder="事项编码、名称或依据"
      empty="暂无执法事项"
      importing={{ kind: 'matters', title: '导入执法事项（Excel）', hint: '按事项编码新增或更新；所属部门填写机构名称、简称或编码。请使用“导出 Excel”的表格格式。' }}
      actions={() => (
        <GuardedButton permission={ENFORCEMENT.manage} type="primary" icon={<FormOutlined />} onClick={() => setEditing('new')} data-testid="matter-create">
          登记执法事项
        </GuardedButton>
      )}
      filters={({ query, setFilter }) => (
        <>
          {fieldFilter(query.field, setFilter)}
          <Select allowClear placeholder="事项类别" options={options(matterCategoryLabels)} value={query.category as string | undefined} onChange={(category?: string) => setFilter({ category })} style={{ width: 130 }} />
          <OrgSelect placeholder="所属部门" value={query.orgId as string | undefined} onChange={(orgId?: string) => setFilter({ orgId })} style={{ width: 220 }} />
          <Select
            allowClear
            placeholder="乡镇赋权"
            options={[{ value: 'true', label: '已赋权乡镇' }, { value: 'false', label: '未赋权' }]}
            value={query.delegated === undefined ? undefined : String(query.delegated)}
            onChange={(v?: string) => setFilter({ delegated: v === undefined ? undefined : v === 'true' })}
            style={{ width: 130 }}
          />
        </>
      )}
      scrollX={1200}
      columns={({ sortable }) => [
        { title: '事项编码', dataIndex: 'code', width: 110, ...sortable('code', 'ascend') },
        { title: '事项名称', dataIndex: 'name', ...sortable('name', 'ascend'), render: (name: string, m) => <a onClick={() => setEditing(m)}>{name}</a> },
        { title: '类别', dataIndex: 'categoryLabel', width: 100 },
        { title: '执法领域', dataIndex: 'fieldLabel', width: 150, ...sortable('field', 'ascend') },
        { title: '所属部门', dataIndex: 'orgName', width: 180, ellipsis: true, ...sortable('orgName', 'ascend') },
        { title: '依据', dataIndex: 'legalBasis', ellipsis: true },
        { title: '裁量基准', dataIndex: 'benchmarkCount', width: 90, render: (n: number, m) => <Link to={`/enforcement/benchmarks?matterId=${m.id}`}>{n} 条</Link> },
        { title: '赋权乡镇', dataIndex: 'townshipCount', width: 90, render: (n: number, m) => (n ? <Link to={`/enforcement/delegations?matterId=${m.id}`}>{n} 个</Link> : '—') },
        { title: '状态', dataIndex: 'status', width: 70, render: (s: string) => (s === 'active' ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
      ]}
      modals={(list) => (
        <EditModal<Omit<MatterItem, 'id'>>
          open={!!editing}
          title={matter ? `修改执法事项：${matter.code}` : '登记执法事项'}
          initial={matter ?? { category: 'penalty', status: 'active' }}
          testIdPrefix="matter"
          onClose={() => setEditing(undefined)}
          onSaved={() => void list.reload()}
          save={(v) => {
            const input = { code: v.code, name: v.name, category: v.category, field: v.field, orgId: v.orgId, legalBasis: v.legalBasis, penaltyBasis: v.penaltyBasis || null, status: v.status };
            return matter ? registryApi.updateMatter(matter.id, { ...input, version: matter.version }) : registryApi.createMatter(input);
          }}
        >
          {() => (
            <>
              <Form.Item name="code" label="事项编码" rules={required('请填写事项编码')}>
                <Input maxLength={40} />
              </Form.Item>
              <Form.Item name="name" label="事项名称" rules={required('请填写事项名称')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="category" label="事项类别" rules={required('请选择类别')}>
                <Select options={options(matterCategoryLabels)} />
              </Form.Item>
              <Form.Item name="field" label="执法领域" rules={required('请选择执法领域')}>
                <Select options={options(enforcementFieldLabels)} />
              </Form.Item>
              <Form.Item name="orgId" label="所属部门" rules={required('请选择所属部门')}>
                <OrgSelect />
              </Form.Item>
              <Form.Item name="legalBasis" label="设定依据" rules={required('请填写设定依据')}>
                <Input.TextArea rows={2} maxLength={10000} />
              </Form.Item>
              <Form.Item name="penaltyBasis" label="处罚依据">
                <Input.TextArea rows={2} maxLength={10000} />
              </Form.Item>
              <Form.Item name="status" label="状态">
                <Select options={statusOptions} />
              </Form.Item>
            </>
          )}
        </EditModal>
      )}
    />
  );
}

/** 裁量基准: per matter, a violation under circumstances and its penalty range. */
export function BenchmarksPage() {
  const [editing, setEditing] = useState<BenchmarkItem | 'new'>();
  const benchmark = editing === 'new' ? undefined : editing;
  return (
    <RegistryPage<BenchmarkItem>
      title="行政处罚裁量基准"
      testId="benchmarks"
      spec={{ text: ['matterId', 'field', 'level'], sorts: ['matterCode', 'level', 'fineMax'], firstYear: 2016 }}
      defaultSort="matterCode"
      fetchPage={registryApi.benchmarks}
      exportXlsx={registryApi.exportBenchmarks}
      searchPlaceholder="违法行为、情节或事项"
      empty="暂无裁量基准"
      importing={{ kind: 'benchmarks', title: '导入裁量基准（Excel）', hint: '按事项编码、违法行为和违法情节新增或更新；裁量阶次填写“不予处罚”“从轻处罚”“减轻处罚”“一般处罚”或“从重处罚”。' }}
      actions={() => (
        <GuardedButton permission={ENFORCEMENT.manage} type="primary" icon={<FormOutlined />} onClick={() => setEditing('new')}>
          登记裁量基准
        </GuardedButton>
      )}
      filters={({ query, setFilter }) => (
        <>
          {fieldFilter(query.field, setFilter)}
          <Select allowClear placeholder="裁量阶次" options={options(discretionLevelLabels)} value={query.level as string | undefined} onChange={(level?: string) => setFilter({ level })} style={{ width: 130 }} />
          {query.matterId && <Tag closable onClose={() => setFilter({ matterId: undefined })}>仅本事项</Tag>}
        </>
      )}
      scrollX={1200}
      columns={({ sortable }) => [
        { title: '事项', dataIndex: 'matterName', width: 260, ...sortable('matterCode', 'ascend'), render: (name: string, b) => <><Typography.Text type="secondary">{b.matterCode}</Typography.Text> {name}</> },
        { title: '违法行为', dataIndex: 'violation', ellipsis: true, render: (v: string, b) => <a onClick={() => setEditing(b)}>{v}</a> },
        { title: '违法情节', dataIndex: 'circumstances', ellipsis: true },
        { title: '裁量阶次', dataIndex: 'levelLabel', width: 100, ...sortable('level', 'ascend') },
        { title: '罚款幅度（元）', key: 'fine', width: 170, ...sortable('fineMax'), render: (_, b) => (b.fineMin === null && b.fineMax === null ? '—' : `${yuan(b.fineMin)} ～ ${yuan(b.fineMax)}`) },
        { title: '其他处罚', dataIndex: 'otherPenalties', ellipsis: true, render: (v: string | null) => v ?? '—' },
      ]}
      modals={(list) => (
        <EditModal<Omit<BenchmarkItem, 'id'>>
          open={!!editing}
          title={benchmark ? '修改裁量基准' : '登记裁量基准'}
          initial={benchmark ?? { level: 'general', sortOrder: 0 }}
          testIdPrefix="benchmark"
          onClose={() => setEditing(undefined)}
          onSaved={() => void list.reload()}
          save={(v) => {
            const input = { matterId: v.matterId, violation: v.violation, circumstances: v.circumstances, level: v.level, fineMin: v.fineMin ?? null, fineMax: v.fineMax ?? null, otherPenalties: v.otherPenalties || null, sortOrder: v.sortOrder ?? 0 };
            return benchmark ? registryApi.updateBenchmark(benchmark.id, { ...input, version: benchmark.version }) : registryApi.createBenchmark(input);
          }}
        >
          {() => (
            <>
              <Form.Item name="matterId" label="执法事项" rules={required('请选择执法事项')}>
                <MatterSelect current={benchmark && { id: benchmark.matterId, label: `${benchmark.matterCode} ${benchmark.matterName}` }} />
              </Form.Item>
              <Form.Item name="violation" label="违法行为" rules={required('请填写违法行为')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Form.Item name="circumstances" label="违法情节" rules={required('请填写违法情节')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Form.Item name="level" label="裁量阶次" rules={required('请选择裁量阶次')}>
                <Select options={options(discretionLevelLabels)} />
              </Form.Item>
              <Form.Item label="罚款幅度（元，不罚款的留空）">
                <Form.Item name="fineMin" noStyle>
                  <InputNumber min={0} placeholder="下限" style={{ width: 160 }} />
                </Form.Item>
                <span style={{ margin: '0 8px' }}>～</span>
                <Form.Item name="fineMax" noStyle>
                  <InputNumber min={0} placeholder="上限" style={{ width: 160 }} />
                </Form.Item>
              </Form.Item>
              <Form.Item name="otherPenalties" label="其他处罚">
                <Input maxLength={500} placeholder="如：警告、没收违法所得、责令停业整顿" />
              </Form.Item>
              <Form.Item name="sortOrder" label="排序">
                <InputNumber min={0} max={9999} />
              </Form.Item>
            </>
          )}
        </EditModal>
      )}
    />
  );
}

type LeniencyValues = Omit<LeniencyItem, 'id' | 'publishedOn'> & { publishedOn?: Dayjs | null };

/** 首违不罚 / 轻微违法不予处罚 / 从轻减轻 lists (行政处罚法 第三十二、三十三条). */
export function LeniencyPage() {
  const [editing, setEditing] = useState<LeniencyItem | 'new'>();
  const item = editing === 'new' ? undefined : editing;
  return (
    <RegistryPage<LeniencyItem>
      title="首违不罚、轻微违法不予处罚和从轻减轻处罚清单"
      testId="leniency"
      spec={{ text: ['list', 'field', 'status'], sorts: ['matterCode', 'list', 'publishedOn'], firstYear: 2016 }}
      defaultSort="matterCode"
      fetchPage={registryApi.leniency}
      exportXlsx={registryApi.exportLeniency}
      searchPlaceholder="事项或适用条件"
      empty="暂无清单事项"
      actions={() => (
        <GuardedButton permission={ENFORCEMENT.manage} type="primary" icon={<FormOutlined />} onClick={() => setEditing('new')}>
          列入清单
        </GuardedButton>
      )}
      filters={({ query, setFilter }) => (
        <>
          <Select allowClear placeholder="清单" options={options(leniencyListLabels)} value={query.list as string | undefined} onChange={(list?: string) => setFilter({ list })} style={{ width: 200 }} popupMatchSelectWidth={false} />
          {fieldFilter(query.field, setFilter)}
        </>
      )}
      columns={({ sortable }) => [
        { title: '清单', dataIndex: 'listLabel', width: 190, ...sortable('list', 'ascend') },
        { title: '事项', dataIndex: 'matterName', ...sortable('matterCode', 'ascend'), render: (name: string, l) => <a onClick={() => setEditing(l)}>{`${l.matterCode} ${name}`}</a> },
        { title: '所属部门', dataIndex: 'orgName', width: 180, ellipsis: true },
        { title: '适用条件', dataIndex: 'conditions', ellipsis: true },
        { title: '公布日期', dataIndex: 'publishedOn', width: 110, ...sortable('publishedOn') },
        { title: '状态', dataIndex: 'status', width: 70, render: (s: string) => (s === 'active' ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
      ]}
      modals={(list) => (
        <EditModal<LeniencyValues>
          open={!!editing}
          title={item ? '修改清单事项' : '列入清单'}
          initial={item ? { ...item, publishedOn: item.publishedOn ? dayjs(item.publishedOn) : null } : { list: 'firstViolation', status: 'active' }}
          testIdPrefix="leniency"
          onClose={() => setEditing(undefined)}
          onSaved={() => void list.reload()}
          save={(v) => {
            const input = { list: v.list, matterId: v.matterId, conditions: v.conditions, publishedOn: v.publishedOn ? v.publishedOn.format('YYYY-MM-DD') : null, status: v.status };
            return item ? registryApi.updateLeniency(item.id, { ...input, version: item.version }) : registryApi.createLeniency(input);
          }}
        >
          {() => (
            <>
              <Form.Item name="list" label="清单" rules={required('请选择清单')}>
                <Select options={options(leniencyListLabels)} />
              </Form.Item>
              <Form.Item name="matterId" label="执法事项" rules={required('请选择执法事项')}>
                <MatterSelect current={item && { id: item.matterId, label: `${item.matterCode} ${item.matterName}` }} />
              </Form.Item>
              <Form.Item name="conditions" label="适用条件" rules={required('请填写适用条件')}>
                <Input.TextArea rows={3} maxLength={5000} />
              </Form.Item>
              <Form.Item name="publishedOn" label="公布日期">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="status" label="状态">
                <Select options={statusOptions} />
              </Form.Item>
            </>
          )}
        </EditModal>
      )}
    />
  );
}
