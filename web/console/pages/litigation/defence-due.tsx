import { Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { LitigationCaseItem } from '../../api/litigation.ts';
import type { DeadlineMark } from '../../api/types.ts';
import { calendarApi } from '../calendar/calendar-api.ts';
import { DueDate } from '../cases/deadline.tsx';

/** The defence's last day for a receipt day, by the county's calendar (a holiday at the end moves it on). */
export function useDefenceDue(receivedOn: Dayjs | undefined): string | undefined {
  const [due, setDue] = useState<string>();
  const from = receivedOn?.format('YYYY-MM-DD');
  useEffect(() => {
    setDue(undefined);
    if (!from) return;
    let current = true;
    calendarApi.add({ from, period: 'litigationDefence' }).then(
      (answer) => current && setDue(answer.due),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [from]);
  return due;
}

type DefenceFacts = Pick<LitigationCaseItem, 'state' | 'defenceDueOn' | 'defenceFiledOn' | 'defenceLate'>;

/**
 * The defence's due date (行政诉讼法 第六十七条): marked while the agency still owes it; once filed, the
 * day it was filed and whether that was late; a case that ended before any defence says so.
 */
export function DefenceDue({ item, mark, provisional = false }: { item: DefenceFacts; mark: DeadlineMark; provisional?: boolean }) {
  if (item.state === 'received') return <DueDate dueOn={item.defenceDueOn} mark={mark} provisional={provisional} />;
  const due = item.defenceDueOn && <span style={{ fontVariantNumeric: 'tabular-nums' }}>{item.defenceDueOn}</span>;
  if (!item.defenceFiledOn) {
    return (
      <Space size={[4, 2]} wrap>
        {due}
        <Typography.Text type="secondary">未答辩即审结</Typography.Text>
      </Space>
    );
  }
  return (
    <Space size={[4, 2]} wrap>
      {due}
      {item.defenceLate ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }} title={`答辩状于 ${item.defenceFiledOn} 提交`} data-testid="defence-late">
          逾期答辩（{item.defenceFiledOn}）
        </Tag>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.defenceFiledOn} 已答辩
        </Typography.Text>
      )}
    </Space>
  );
}
