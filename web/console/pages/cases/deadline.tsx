import { Space, Tag, Typography } from 'antd';
import { dayjs } from '../../../shared/time.ts';
import type { ClockStatus, ClockUnit, DeadlineMark } from '../../api/types.ts';

/** Today's date in Beijing, whatever the browser's time zone is. */
export const beijingToday = (): string => dayjs().utcOffset(8 * 60).format('YYYY-MM-DD');

/** Calendar days from the due date to today: what "已逾期 N 天" counts. */
export function daysOverdue(dueOn: string, today = beijingToday()): number {
  return dayjs.utc(today).diff(dayjs.utc(dueOn), 'day');
}

export const clockUnitLabels: Record<ClockUnit, string> = { workingDays: '个工作日', days: '日', months: '个月' };

export const clockStatusLabels: Record<ClockStatus, { label: string; color: string }> = {
  running: { label: '进行中', color: 'processing' },
  paused: { label: '已暂停', color: 'warning' },
  stopped: { label: '已结束', color: 'default' },
};

export const unitLabel = (unit: string) => clockUnitLabels[unit as ClockUnit] ?? unit;

/**
 * A due date with its mark: red when past (the server's calendar decides the mark, the count of days
 * is plain calendar arithmetic), gold when within 3 working days.
 */
export function DueDate({ dueOn, mark, provisional }: { dueOn: string | null; mark: DeadlineMark; provisional: boolean }) {
  // No running clock: none started, or all paused (中止); the list cannot tell which, so it says neither.
  if (!dueOn) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={[4, 2]} wrap>
      <span style={{ fontVariantNumeric: 'tabular-nums' }}>{dueOn}</span>
      {mark === 'overdue' && (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="mark-overdue">
          已逾期 {Math.max(1, daysOverdue(dueOn))} 天
        </Tag>
      )}
      {mark === 'dueSoon' && (
        <Tag color="gold" style={{ marginInlineEnd: 0 }} title="3 个工作日内到期" data-testid="mark-due-soon">
          即将到期
        </Tag>
      )}
      {provisional && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          （日历未发布，按工作日推算）
        </Typography.Text>
      )}
    </Space>
  );
}
