import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Segmented, Select, Space, TreeSelect, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { dayjs } from '../../../shared/time.ts';
import { statisticsApi, type FigureValue, type ScopeView, type StatisticsOrgs, type StatisticsScopeQuery } from '../../api/statistics.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { FiguresTable } from './figures-table.tsx';
import { RecordsDrawer, type DrillDown } from './records-drawer.tsx';

interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}

/** The reader's organisations as a tree; an organisation whose parent is out of scope is a root. */
function orgTree(orgs: StatisticsOrgs['orgs']): TreeNode[] {
  const nodes = new Map(orgs.map((o) => [o.id, { value: o.id, title: o.status === 'inactive' ? `${o.name}（已停用）` : o.name, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const org of orgs) {
    const parent = org.parentId ? nodes.get(org.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(org.id)!);
  }
  const prune = (list: TreeNode[]): TreeNode[] => list.map((n) => ({ ...n, children: n.children?.length ? prune(n.children) : undefined }));
  return prune(roots);
}

const thisYear = dayjs().utcOffset(480).year();
const yearPeriod = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });
const quickYears = [
  { value: thisYear, label: '今年' },
  { value: thisYear - 1, label: '去年' },
  { value: thisYear - 2, label: '前年' },
];
const olderYears = Array.from({ length: 12 }, (_, i) => thisYear - 3 - i).map((y) => ({ value: y, label: `${y} 年` }));

/** 统计分析: every figure of the chosen organisation (subtree) and period, each clickable to its records. */
export function StatisticsPage() {
  const [orgs, setOrgs] = useState<StatisticsOrgs | null>(null);
  const [orgId, setOrgId] = useState<string | undefined>();
  const [period, setPeriod] = useState(yearPeriod(thisYear));
  const [result, setResult] = useState<{ scope: ScopeView; figures: FigureValue[] } | null>(null);
  const [loading, setLoading] = useState(false);
  const [drill, setDrill] = useState<DrillDown | null>(null);

  useEffect(() => {
    statisticsApi.orgs().then(
      (answer) => {
        setOrgs(answer);
        setOrgId(answer.defaultOrgId ?? undefined);
      },
      () => setOrgs(null),
    );
  }, []);

  const query = useMemo<StatisticsScopeQuery>(() => ({ orgId, ...period }), [orgId, period]);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setResult(await statisticsApi.values(query));
    } catch {
      setResult(null);
    } finally {
      setLoading(false);
    }
  }, [query]);
  useEffect(() => {
    if (orgs) void load();
  }, [orgs, load]);

  const tree = useMemo(() => orgTree(orgs?.orgs ?? []), [orgs]);
  const wholeYear = period.from.endsWith('-01-01') && period.to === `${period.from.slice(0, 4)}-12-31` ? Number(period.from.slice(0, 4)) : undefined;
  const scope = result?.scope;

  return (
    <PageContainer
      title="统计分析"
      extra={
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={() => void load()}>
            刷新
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => statisticsApi.exportValues(query).catch(() => undefined)} data-testid="statistics-export">
            导出 Excel
          </Button>
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" style={{ rowGap: 12 }}>
          <Form.Item label="机构">
            <TreeSelect
              treeData={tree}
              value={orgId}
              onChange={(value?: string) => setOrgId(value)}
              allowClear={orgs?.regionWide}
              placeholder={orgs?.regionWide ? '全县（全行政区）' : '请选择机构'}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              style={{ width: 260 }}
              data-testid="statistics-org"
            />
          </Form.Item>
          <Form.Item label="年度">
            <Space wrap>
              <Segmented options={quickYears} value={quickYears.some((y) => y.value === wholeYear) ? wholeYear : undefined} onChange={(year) => setPeriod(yearPeriod(year))} />
              <Select
                placeholder="其他年度"
                options={olderYears}
                value={olderYears.some((y) => y.value === wholeYear) ? wholeYear : undefined}
                onChange={(year: number) => setPeriod(yearPeriod(year))}
                style={{ width: 110 }}
              />
            </Space>
          </Form.Item>
          <Form.Item label="期间">
            <DatePicker.RangePicker
              value={[dayjs(period.from), dayjs(period.to)]}
              allowClear={false}
              onChange={(range) => {
                const [from, to] = range ?? [];
                if (from && to) setPeriod({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
              }}
              data-testid="statistics-period"
            />
          </Form.Item>
        </Form>
      </Card>
      {scope && (
        <Alert
          type={scope.clamped ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              统计范围：{scope.orgName ?? `${scope.regionName ?? scope.regionCode}（全行政区）`}
              {scope.orgName && !scope.orgOnly ? '（含下级机构）' : ''}；期间 {scope.from} 至 {scope.to}；未办结、逾期按 {scope.asOf} 终了时统计。
            </span>
          }
          description={scope.notice ?? undefined}
          data-testid="statistics-scope"
        />
      )}
      <FiguresTable figures={result?.figures ?? []} loading={loading} open={setDrill} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        点击数值查看构成该数值的记录；比率由分子、分母的件数相除得出，分母为 0 时不计算。
      </Typography.Paragraph>
      <RecordsDrawer scope={query} target={drill} onClose={() => setDrill(null)} />
    </PageContainer>
  );
}
