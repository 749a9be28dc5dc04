import { Empty, Input, Select, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { enforcementFieldLabels, leniencyListLabels } from '../../../contracts/enforcement.ts';
import { portalGet } from '../api.ts';
import { PortalLayout } from '../layout.tsx';
import type { SiteInfo } from '../site.ts';

/** 行政执法事前公示 on the portal: 亮证 (who may enforce), bodies, matters, benchmarks, lists, delegations. */

const fieldOptions = Object.entries(enforcementFieldLabels).map(([value, label]) => ({ value, label }));
const yuan = (v: number | null) => (v === null ? '' : v.toLocaleString('zh-CN'));

/** A public list paged by the server, with its search text and extra filters. */
function PublicTable<T extends object>({ site, path, columns, filters, placeholder, testId, rowKey }: {
  site: SiteInfo;
  path: string;
  columns: TableColumnsType<T>;
  filters?: (set: (extra: Record<string, string | undefined>) => void) => ReactNode;
  placeholder: string;
  testId: string;
  rowKey: (row: T) => string;
}) {
  const [query, setQuery] = useState<{ page: number; extra: Record<string, string | undefined> }>({ page: 1, extra: {} });
  const [data, setData] = useState<{ items: T[]; total: number } | null>(null);
  useEffect(() => {
    setData(null);
    const params: Record<string, string> = { regionCode: site.regionCode, page: String(query.page), pageSize: '20' };
    for (const [k, v] of Object.entries(query.extra)) if (v) params[k] = v;
    void portalGet<{ items: T[]; total: number }>(path, params).then(setData, () => setData({ items: [], total: 0 }));
  }, [site.regionCode, path, query]);
  const set = (extra: Record<string, string | undefined>) => setQuery({ page: 1, extra: { ...query.extra, ...extra } });
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search placeholder={placeholder} allowClear enterButton="查询" onSearch={(q) => set({ q: q.trim() || undefined })} style={{ width: 320 }} data-testid={`${testId}-search`} />
        {filters?.(set)}
      </Space>
      <Table<T>
        rowKey={rowKey}
        loading={!data}
        dataSource={data?.items ?? []}
        columns={columns}
        data-testid={testId}
        scroll={{ x: 800 }}
        pagination={{ current: query.page, pageSize: 20, total: data?.total ?? 0, showSizeChanger: false, onChange: (page) => setQuery({ ...query, page }) }}
        locale={{ emptyText: <Empty description="没有符合条件的记录" /> }}
      />
    </>
  );
}

interface PublicOfficer {
  name: string;
  certificateNo: string;
  bodyName: string;
  field: string;
  fieldLabel: string;
  validUntil: string;
}

/** 亮证: 行政执法人员 holding a valid certificate, searchable by name or certificate number. */
export function OfficersPage({ site }: { site: SiteInfo }) {
  return (
    <PortalLayout site={site} title="行政执法人员信息查询">
      <div className="portal-page">
        <Typography.Title level={3}>行政执法人员信息查询（亮证）</Typography.Title>
        <Typography.Paragraph type="secondary">
          行政执法人员执行公务时应当主动出示行政执法证件。可按姓名或执法证号查询持有效行政执法证件的人员；查询不到的，请向执法主体或县司法局核实。
        </Typography.Paragraph>
        <PublicTable<PublicOfficer>
          site={site}
          path="enforcement/officers"
          testId="portal-officers"
          placeholder="输入姓名或执法证号"
          rowKey={(o) => o.certificateNo}
          filters={(set) => <Select allowClear placeholder="执法领域" options={fieldOptions} onChange={(field?: string) => set({ field })} style={{ width: 180 }} />}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 110 },
            { title: '执法证号', dataIndex: 'certificateNo', width: 180 },
            { title: '执法主体', dataIndex: 'bodyName' },
            { title: '执法领域', dataIndex: 'fieldLabel', width: 180 },
            { title: '有效期至', dataIndex: 'validUntil', width: 120 },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Link to="/enforcement/disclosure">查看执法主体、执法事项、裁量基准等事前公示信息</Link>
        </Typography.Paragraph>
      </div>
    </PortalLayout>
  );
}

type Row = Record<string, unknown> & { id: string };

/** 事前公示: bodies, matters with their basis, discretion benchmarks, leniency lists and township delegations. */
export function DisclosurePage({ site }: { site: SiteInfo }) {
  const field = (set: (extra: Record<string, string | undefined>) => void) => <Select allowClear placeholder="执法领域" options={fieldOptions} onChange={(f?: string) => set({ field: f })} style={{ width: 180 }} />;
  const byId = (r: Row) => r.id;
  return (
    <PortalLayout site={site} title="行政执法事前公示">
      <div className="portal-page">
        <Typography.Title level={3}>行政执法事前公示</Typography.Title>
        <Typography.Paragraph type="secondary">
          依据《中华人民共和国行政处罚法》第三十九条和国务院办公厅关于全面推行行政执法公示制度的要求，公开执法主体、执法人员、执法事项及依据、裁量基准和不予处罚、从轻减轻处罚清单。
          <Link to="/enforcement/officers"> 行政执法人员信息查询 </Link>
        </Typography.Paragraph>
        <Tabs
          destroyOnHidden
          items={[
            {
              key: 'bodies',
              label: '执法主体',
              children: (
                <PublicTable<Row> site={site} path="enforcement/bodies" testId="portal-bodies" placeholder="执法主体名称" rowKey={byId} filters={field}
                  columns={[
                    { title: '执法主体', dataIndex: 'name', width: 190 },
                    { title: '类型', dataIndex: 'kindLabel', width: 110 },
                    { title: '执法领域', dataIndex: 'fieldLabels', width: 150, render: (labels: string[]) => labels.map((l) => <Tag key={l}>{l}</Tag>) },
                    { title: '法律依据', dataIndex: 'legalBasis', width: 320 },
                    { title: '执法人员', dataIndex: 'officerCount', width: 80 },
                  ]}
                />
              ),
            },
            {
              key: 'matters',
              label: '执法事项及依据',
              children: (
                <PublicTable<Row> site={site} path="enforcement/matters" testId="portal-matters" placeholder="事项名称、编码或依据" rowKey={byId} filters={field}
                  columns={[
                    { title: '编码', dataIndex: 'code', width: 90 },
                    { title: '事项名称', dataIndex: 'name', width: 300 },
                    { title: '实施部门', dataIndex: 'orgName', width: 180 },
                    { title: '设定依据', dataIndex: 'legalBasis' },
                    { title: '处罚依据', dataIndex: 'penaltyBasis' },
                  ]}
                />
              ),
            },
            {
              key: 'benchmarks',
              label: '裁量基准',
              children: (
                <PublicTable<Row> site={site} path="enforcement/benchmarks" testId="portal-benchmarks" placeholder="违法行为、情节或事项" rowKey={byId} filters={field}
                  columns={[
                    { title: '事项', dataIndex: 'matterName', width: 240 },
                    { title: '违法情节', dataIndex: 'circumstances' },
                    { title: '裁量阶次', dataIndex: 'levelLabel', width: 100 },
                    { title: '罚款幅度（元）', key: 'fine', width: 160, render: (_, b) => (b.fineMin === null && b.fineMax === null ? '—' : `${yuan(b.fineMin as number | null)} ～ ${yuan(b.fineMax as number | null)}`) },
                    { title: '其他处罚', dataIndex: 'otherPenalties', width: 220 },
                  ]}
                />
              ),
            },
            {
              key: 'leniency',
              label: '不予处罚、从轻减轻处罚清单',
              children: (
                <PublicTable<Row> site={site} path="enforcement/leniency" testId="portal-leniency" placeholder="事项或适用条件" rowKey={byId}
                  filters={(set) => <Select allowClear placeholder="清单" options={Object.entries(leniencyListLabels).map(([value, label]) => ({ value, label }))} onChange={(list?: string) => set({ list })} style={{ width: 220 }} />}
                  columns={[
                    { title: '清单', dataIndex: 'listLabel', width: 190 },
                    { title: '事项', dataIndex: 'matterName', width: 280 },
                    { title: '实施部门', dataIndex: 'orgName', width: 180 },
                    { title: '适用条件', dataIndex: 'conditions' },
                    { title: '公布日期', dataIndex: 'publishedOn', width: 110 },
                  ]}
                />
              ),
            },
            {
              key: 'delegations',
              label: '乡镇赋权事项',
              children: (
                <PublicTable<Row> site={site} path="enforcement/delegations" testId="portal-delegations" placeholder="事项或赋权文件" rowKey={byId}
                  columns={[
                    { title: '乡镇', dataIndex: 'townshipName', width: 200 },
                    { title: '事项', dataIndex: 'matterName' },
                    { title: '赋权部门', dataIndex: 'fromOrgName', width: 200 },
                    { title: '起始日期', dataIndex: 'since', width: 110 },
                    { title: '赋权文件', dataIndex: 'documentNo', width: 260 },
                  ]}
                />
              ),
            },
          ]}
        />
      </div>
    </PortalLayout>
  );
}
