import { Alert, Table } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { showError } from '../../api/client.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { normativeApi, type DocumentItem } from './normative-api.ts';

/** 到期提醒: documents in force whose validity ends within the county's reminder period, soonest first. */
export function ExpiringPage() {
  const [data, setData] = useState<{ until: string; items: DocumentItem[] } | null>(null);
  useEffect(() => {
    normativeApi.expiring().then(setData).catch(showError);
  }, []);
  return (
    <PageContainer title="有效期到期提醒">
      {data && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`有效期在 ${data.until} 前届满的现行有效文件：届满前应组织评估，决定继续施行（重新公布）、修改或到期失效。`} />}
      <Table<DocumentItem>
        rowKey="id"
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={false}
        data-testid="normative-expiring-table"
        columns={[
          { title: '文号', dataIndex: 'docNo', width: 180 },
          { title: '文件名称', key: 'title', render: (_, d) => <Link to={`/normative/${d.id}`}>{d.title}</Link> },
          { title: '制定机关', dataIndex: 'issuerName', width: 180 },
          { title: '施行日期', dataIndex: 'effectiveOn', width: 112 },
          { title: '有效期至', dataIndex: 'validUntil', width: 112 },
        ]}
      />
    </PageContainer>
  );
}
