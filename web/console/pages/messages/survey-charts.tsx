import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { QuestionResult } from './messages-api.ts';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

/** One choice question's counts: a pie for 单选 (the shares add up), bars for 多选 (a respondent picks several). */
export function QuestionChart({ question }: { question: QuestionResult }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const labels = question.options.map((o) => o.label);
    chart.setOption(
      question.kind === 'single'
        ? {
            tooltip: { trigger: 'item', formatter: '{b}：{c} 人（{d}%）' },
            legend: { bottom: 0, type: 'scroll' },
            series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'], label: { formatter: '{b}\n{c} 人' }, data: question.options.map((o) => ({ name: o.label, value: o.count })) }],
          }
        : {
            tooltip: { trigger: 'axis' },
            grid: { left: 40, right: 24, bottom: 60, top: 24 },
            xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: labels.length > 4 ? 20 : 0 } },
            yAxis: { type: 'value', name: '人', minInterval: 1 },
            series: [{ type: 'bar', data: question.options.map((o) => o.count), label: { show: true, position: 'top' }, itemStyle: { color: '#1d4ed8' } }],
          },
    );
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [question]);
  return <div ref={ref} style={{ width: '100%', height: 280 }} data-testid="survey-chart" />;
}
