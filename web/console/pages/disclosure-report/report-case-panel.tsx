import { Alert, Button, Card, Descriptions } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { CasePanelProps } from '../cases/case-panels.tsx';
import { reportsApi, type ReportItem } from './disclosure-report-api.ts';

/** The 待办 entry of a report's publication deadline opens here: the report it is about, one click away. */
export function ReportCasePanel({ detail }: CasePanelProps) {
  const [report, setReport] = useState<ReportItem | null | undefined>(undefined);
  useEffect(() => {
    reportsApi.list({ caseId: detail.id, page: 1, pageSize: 1 }).then(
      (page) => setReport(page.items[0] ?? null),
      () => setReport(null),
    );
  }, [detail.id]);
  if (report === undefined) return <Card loading />;
  if (report === null) return <Alert type="info" showIcon title="未找到对应的年度报告，或您无权查看" />;
  return (
    <Card
      size="small"
      title="政府信息公开工作年度报告"
      extra={
        <Link to={`/disclosure-reports/${report.id}`}>
          <Button type="primary" data-testid="report-case-open">
            打开报告
          </Button>
        </Link>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'org', label: '报告机关', children: report.orgName },
          { key: 'year', label: '报告年度', children: report.year },
          { key: 'status', label: '状态', children: report.statusLabel },
        ]}
      />
    </Card>
  );
}
