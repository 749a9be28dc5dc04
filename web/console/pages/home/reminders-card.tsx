import { Badge, Card, List } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Reminder } from '../../api/types.ts';
import { caseApi } from '../../api/endpoints.ts';

/** The 工作台's 工作提醒: due work outside the 待办 clocks, each count linking to the page that lists it. Hidden when nothing is due. */
export function RemindersCard() {
  const [reminders, setReminders] = useState<Reminder[]>([]);
  useEffect(() => {
    caseApi.reminders().then(setReminders, () => setReminders([]));
  }, []);
  if (!reminders.length) return null;
  return (
    <Card title="工作提醒" data-testid="reminders-card">
      <List
        size="small"
        dataSource={reminders}
        renderItem={(r) => (
          <List.Item data-testid={`reminder-${r.code}`} extra={<Link to={r.link}>查看</Link>}>
            <Badge status={r.level === 'overdue' ? 'error' : 'warning'} text={r.label} />
            <span style={{ marginLeft: 'auto', marginRight: 16, color: r.level === 'overdue' ? '#cf1322' : '#d48806', fontWeight: 600 }}>{r.count}</span>
          </List.Item>
        )}
      />
    </Card>
  );
}
