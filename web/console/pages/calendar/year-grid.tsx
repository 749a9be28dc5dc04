import { Card, Col, Flex, Row, Tag, Tooltip, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { dayjs } from '../../../shared/time.ts';
import { kindLabels, type CalendarDay } from './calendar-api.ts';

const weekdayNames = ['一', '二', '三', '四', '五', '六', '日'];
const pad = (n: number) => String(n).padStart(2, '0');

const styles: Record<'holiday' | 'workday' | 'weekend' | 'plain', CSSProperties> = {
  holiday: { background: '#fff1f0', color: '#cf1322', fontWeight: 600 },
  workday: { background: '#e6f4ff', color: '#0958d9', fontWeight: 600 },
  weekend: { color: '#8c8c8c' },
  plain: {},
};

export function CalendarLegend() {
  return (
    <Flex gap={8} wrap align="center">
      <Tag color="red">休 放假（法定节假日）</Tag>
      <Tag color="blue">班 调休上班日</Tag>
      <Typography.Text type="secondary">灰色为周末；鼠标移到日期上可看节日名称和依据文件</Typography.Text>
    </Flex>
  );
}

function MonthGrid({ year, month, byDay }: { year: number; month: number; byDay: Map<string, CalendarDay> }) {
  const first = dayjs(`${year}-${pad(month)}-01`);
  const offset = (first.day() + 6) % 7; // weeks start on Monday
  const cells: (number | null)[] = [...Array<null>(offset).fill(null), ...Array.from({ length: first.daysInMonth() }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return (
    <Card size="small" title={`${month}月`} styles={{ body: { padding: 8 } }}>
      <table style={{ width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse', textAlign: 'center', fontSize: 12 }}>
        <thead>
          <tr>
            {weekdayNames.map((name, i) => (
              <th key={name} style={{ fontWeight: 400, color: i >= 5 ? '#8c8c8c' : undefined, paddingBottom: 4 }}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, w) => (
            <tr key={w}>
              {week.map((dayNumber, i) => {
                if (dayNumber === null) return <td key={i} />;
                const date = `${year}-${pad(month)}-${pad(dayNumber)}`;
                const entry = byDay.get(date);
                const style = entry ? styles[entry.kind] : i >= 5 ? styles.weekend : styles.plain;
                const cell = (
                  <td key={i} style={{ ...style, padding: '3px 0', borderRadius: 4 }} data-testid={`day-${date}`} data-kind={entry?.kind ?? ''}>
                    {dayNumber}
                    {entry && <sup style={{ fontSize: 9, marginLeft: 1 }}>{entry.kind === 'holiday' ? '休' : '班'}</sup>}
                  </td>
                );
                return entry ? (
                  <Tooltip key={i} title={`${date} ${entry.name}（${kindLabels[entry.kind]}）· ${entry.regionCode === '000000' ? '' : '本地 · '}${entry.source}`}>
                    {cell}
                  </Tooltip>
                ) : (
                  cell
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

/** Twelve small month grids: holidays red, 调休 working days blue, weekends grey. */
export function YearGrid({ year, days }: { year: number; days: CalendarDay[] }) {
  const byDay = new Map(days.map((d) => [d.day, d]));
  return (
    <Row gutter={[12, 12]}>
      {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
        <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
          <MonthGrid year={year} month={month} byDay={byDay} />
        </Col>
      ))}
    </Row>
  );
}
