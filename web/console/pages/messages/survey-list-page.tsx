import { PlusOutlined } from '@ant-design/icons';
import { Card, Empty, Input, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { surveyStatusLabels, type SurveyStatus } from '../../../../contracts/messages.ts';
import { showError } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { options } from '../../lib/labels.ts';
import { MESSAGES, messagesApi, type SurveyItem } from './messages-api.ts';

const phaseColors: Record<string, string> = { upcoming: 'gold', open: 'green', closed: 'default' };

/** 网上调查: drafts, published and withdrawn surveys of the user's scope, newest window first. */
export function SurveyListPage() {
  const navigate = useNavigate();
  const [query, setQuery] = useState<{ page: number; pageSize: number; status?: SurveyStatus; q?: string }>({ page: 1, pageSize: 20 });
  const [data, setData] = useState<Page<SurveyItem>>({ items: [], total: 0, page: 1, pageSize: 20 });
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await messagesApi.surveys(query));
    } catch (error) {
      showError(error);
    } finally {
      setLoading(false);
    }
  }, [query]);
  useEffect(() => {
    void load();
  }, [load]);

  const columns: TableProps<SurveyItem>['columns'] = [
    { title: '调查', render: (_, s) => <Link to={`/surveys/${s.id}`} data-testid="survey-link">{s.title}</Link> },
    { title: '发起单位', dataIndex: 'orgName', width: 200, ellipsis: true },
    { title: '调查时间', width: 220, render: (_, s) => `${s.opensOn} 至 ${s.closesOn}` },
    {
      title: '状态',
      width: 170,
      render: (_, s) => (
        <Space size={[0, 4]} wrap>
          <Tag color={s.status === 'published' ? 'blue' : s.status === 'withdrawn' ? 'red' : 'default'}>{s.statusLabel}</Tag>
          {s.phaseLabel && <Tag color={phaseColors[s.phase ?? '']}>{s.phaseLabel}</Tag>}
        </Space>
      ),
    },
    { title: '答卷', dataIndex: 'responses', width: 90, align: 'right' },
  ];

  return (
    <PageContainer
      title="网上调查"
      extra={
        <GuardedButton permission={MESSAGES.surveys} type="primary" icon={<PlusOutlined />} onClick={() => navigate('/surveys/new')} data-testid="survey-create">
          新建调查
        </GuardedButton>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={[12, 12]}>
          <Input.Search placeholder="调查标题" allowClear onSearch={(q) => setQuery({ ...query, page: 1, q: q.trim() || undefined })} style={{ width: 240 }} />
          <Select allowClear placeholder="状态" options={options(surveyStatusLabels)} value={query.status} onChange={(status?: SurveyStatus) => setQuery({ ...query, page: 1, status })} style={{ width: 140 }} />
        </Space>
      </Card>
      <Table<SurveyItem>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data.items}
        data-testid="survey-table"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无网上调查" /> }}
        pagination={{ current: query.page, pageSize: query.pageSize, total: data.total, showTotal: (n) => `共 ${n} 项`, onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
      />
    </PageContainer>
  );
}
