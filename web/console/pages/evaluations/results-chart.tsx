import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ResultRow } from './evaluations-api.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** Average score per department (bars) and the unqualified files; a click opens the department's files. */
export function ResultsChart({ rows, onPick }: { rows: ResultRow[]; onPick: (orgId: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const scored = rows.filter((r) => r.averageScore !== null);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: ['平均分', '不合格案卷'] },
      grid: { left: 48, right: 48, bottom: 80, top: 40 },
      xAxis: { type: 'category', data: scored.map((r) => r.orgName), axisLabel: { interval: 0, rotate: scored.length > 5 ? 30 : 0 } },
      yAxis: [
        { type: 'value', name: '分', min: 0, max: 100 },
        { type: 'value', name: '件', minInterval: 1 },
      ],
      series: [
        { name: '平均分', type: 'bar', data: scored.map((r) => r.averageScore), label: { show: true, position: 'top' }, itemStyle: { color: '#1677ff' } },
        { name: '不合格案卷', type: 'bar', yAxisIndex: 1, data: scored.map((r) => r.unqualified), itemStyle: { color: '#ff4d4f' } },
      ],
    });
    chart.on('click', (p) => {
      const row = scored[p.dataIndex];
      if (row?.orgId) onPick(row.orgId);
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows, onPick]);
  return <div ref={ref} style={{ width: '100%', height: 320 }} data-testid="evaluation-chart" />;
}
