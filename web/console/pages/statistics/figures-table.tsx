import { QuestionCircleOutlined } from '@ant-design/icons';
import { Space, Table, Tooltip, Typography, type TableProps } from 'antd';
import type { Cell, FigureValue, RatioPart } from '../../api/statistics.ts';
import type { DrillDown } from './records-drawer.tsx';

const number = (value: number) => value.toLocaleString('zh-CN');
const labelsText = (labels: Cell) => Object.values(labels).join(' · ');

/** A count that opens its records. */
function Count({ value, unit, onOpen, testId }: { value: number; unit?: string; onOpen: () => void; testId?: string }) {
  return (
    <Typography.Link onClick={onOpen} data-testid={testId}>
      {number(value)}
      {unit && <span className="figure-unit"> {unit}</span>}
    </Typography.Link>
  );
}

/** A ratio's parts as drill-downs: the numerator's and the denominator's own records, within a cell if given. */
function RatioParts(props: { figure: FigureValue; numerator: number; denominator: number; cell: Cell; labels: Cell; open: (d: DrillDown) => void }) {
  const { figure, cell, labels, open } = props;
  const target = (part: RatioPart, side: string): DrillDown => {
    const parts = labelsText({ ...part.cellLabels, ...labels });
    return { code: part.code, cell: { ...part.cell, ...cell }, title: `${figure.name}的${side}：${part.name}${parts ? `（${parts}）` : ''}` };
  };
  return (
    <Typography.Text type="secondary">
      （<Count value={props.numerator} onOpen={() => open(target(figure.numerator!, '分子'))} /> /{' '}
      <Count value={props.denominator} onOpen={() => open(target(figure.denominator!, '分母'))} />）
    </Typography.Text>
  );
}

function Percent({ value }: { value: number | null }) {
  return value === null ? (
    <Tooltip title="分母为 0，不计算比率">
      <Typography.Text type="secondary">—</Typography.Text>
    </Tooltip>
  ) : (
    <Typography.Text strong>{value}%</Typography.Text>
  );
}

/** Every figure of the scope: name and definition, value (each clickable to its records), parts, basis. */
export function FiguresTable({ figures, loading, open }: { figures: FigureValue[]; loading: boolean; open: (d: DrillDown) => void }) {
  const columns: TableProps<FigureValue>['columns'] = [
    {
      title: '指标',
      key: 'name',
      width: 200,
      render: (_, f) => (
        <Space orientation="vertical" size={0}>
          <Space size={4}>
            <Typography.Text strong>{f.name}</Typography.Text>
            <Tooltip title={<>统计口径：{f.description}</>}>
              <QuestionCircleOutlined style={{ color: '#8c8c8c' }} />
            </Tooltip>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {f.code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '数值',
      key: 'value',
      width: 200,
      render: (_, f) =>
        f.kind === 'ratio' ? (
          <Space size={4} wrap>
            <Percent value={f.value} />
            <RatioParts figure={f} numerator={f.numerator!.value} denominator={f.denominator!.value} cell={{}} labels={{}} open={open} />
          </Space>
        ) : (
          <Count value={f.value ?? 0} unit={f.unit} onOpen={() => open({ code: f.code, title: f.name })} testId={`figure-${f.code}`} />
        ),
    },
    {
      title: '分项',
      key: 'cells',
      render: (_, f) =>
        f.cells.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space orientation="vertical" size={2}>
            {f.cells.map((c) => (
              <span key={JSON.stringify(c.cell)}>
                <Typography.Text type="secondary">{labelsText(c.labels)}：</Typography.Text>
                {f.kind === 'ratio' ? (
                  <>
                    <Percent value={c.value} /> <RatioParts figure={f} numerator={c.numerator ?? 0} denominator={c.denominator ?? 0} cell={c.cell} labels={c.labels} open={open} />
                  </>
                ) : (
                  <Count value={c.value ?? 0} unit={f.unit} onOpen={() => open({ code: f.code, cell: c.cell, title: `${f.name}（${labelsText(c.labels)}）` })} />
                )}
              </span>
            ))}
          </Space>
        ),
    },
    {
      title: '依据',
      dataIndex: 'basis',
      width: 280,
      render: (basis: string) => (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: basis }} style={{ margin: 0, fontSize: 12 }}>
          {basis}
        </Typography.Paragraph>
      ),
    },
  ];
  return <Table<FigureValue> rowKey="code" loading={loading} columns={columns} dataSource={figures} pagination={false} scroll={{ x: 900 }} data-testid="statistics-figures" />;
}
