import { Card, Col, Row, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { caseApi } from '../../api/endpoints.ts';

interface Counts {
  overdue: number;
  dueSoon: number;
  total: number;
}

/** The 工作台's 待办 card: each count links to the 待办 list with the same filter. */
export function TodoSummaryCard() {
  const [counts, setCounts] = useState<Counts | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    // Three page-of-one queries: the list's own totals, so the card and the list cannot disagree.
    const total = (mark?: 'overdue' | 'dueSoon') => caseApi.todo({ mark, pageSize: 1 }, { notify: false }).then((page) => page.total);
    Promise.all([total('overdue'), total('dueSoon'), total()]).then(
      ([overdue, dueSoon, all]) => setCounts({ overdue, dueSoon, total: all }),
      () => setFailed(true),
    );
  }, []);
  const cells = [
    { key: 'overdue', title: '已逾期', value: counts?.overdue, color: '#cf1322', to: '/todo?mark=overdue' },
    { key: 'dueSoon', title: '3个工作日内到期', value: counts?.dueSoon, color: '#d48806', to: '/todo?mark=dueSoon' },
    { key: 'total', title: '待办总数', value: counts?.total, color: undefined, to: '/todo' },
  ];
  return (
    <Card title="我的待办" extra={<Link to="/todo">查看全部</Link>} data-testid="todo-summary">
      <Row gutter={16}>
        {cells.map((cell) => (
          <Col key={cell.key} span={8}>
            <Link to={cell.to} data-testid={`todo-summary-${cell.key}`} style={{ display: 'block' }}>
              <Statistic
                title={cell.title}
                value={failed ? '—' : (cell.value ?? 0)}
                loading={!counts && !failed}
                suffix={failed ? undefined : '件'}
                styles={{ content: { color: cell.color } }}
              />
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
