import { Card, Descriptions, Empty, Flex, List, Tag, Typography } from 'antd';
import type { CaseClock, ClockStatus } from '../../api/types.ts';
import { clockStatusLabels, DueDate, unitLabel } from './deadline.tsx';

function ClockStatusTag({ status }: { status: string }) {
  const known = clockStatusLabels[status as ClockStatus];
  return <Tag color={known?.color}>{known?.label ?? status}</Tag>;
}

function ClockItem({ clock }: { clock: CaseClock }) {
  const items = [
    { key: 'basis', label: '法律依据', children: clock.basis },
    { key: 'period', label: '法定期限', children: `${clock.n} ${unitLabel(clock.unit)}，自 ${clock.startedOn} 起算` },
    // A paused clock's due date is recomputed from what is left when it resumes.
    { key: 'due', label: clock.status === 'paused' ? '原届满日' : '届满日', children: <DueDate dueOn={clock.dueOn} mark={clock.mark} provisional={clock.provisional} /> },
    ...(clock.pausedOn ? [{ key: 'paused', label: '暂停', children: `自 ${clock.pausedOn} 起暂停计算，恢复后接续计算` }] : []),
    ...(clock.extendedN !== null ? [{ key: 'extended', label: '延长', children: `已延长 ${clock.extendedN} ${unitLabel(clock.unit)}（只可延长一次）` }] : []),
    ...(clock.stoppedOn ? [{ key: 'stopped', label: '结束', children: `${clock.stoppedOn} 结束计算` }] : []),
  ];
  return (
    <List.Item style={{ display: 'block' }} data-testid="case-clock">
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>{clock.label}</Typography.Text>
        <ClockStatusTag status={clock.status} />
      </Flex>
      <Descriptions size="small" column={1} items={items} styles={{ label: { width: 80 } }} />
    </List.Item>
  );
}

/** Every statutory clock of the case: running ones first, as they decide the case's deadline. */
export function CaseClocksCard({ clocks }: { clocks: CaseClock[] }) {
  const order = (c: CaseClock) => (c.status === 'running' ? 0 : c.status === 'paused' ? 1 : 2);
  const sorted = [...clocks].sort((a, b) => order(a) - order(b) || a.dueOn.localeCompare(b.dueOn));
  return (
    <Card title="期限" data-testid="case-clocks">
      {sorted.length ? <List split dataSource={sorted} renderItem={(clock) => <ClockItem clock={clock} />} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本案没有法定期限" />}
    </Card>
  );
}
