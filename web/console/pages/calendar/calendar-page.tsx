import { DownloadOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Flex, Row, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { download } from '../../api/client.ts';
import { orgApi } from '../../api/endpoints.ts';
import type { Region } from '../../api/types.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useMe } from '../../session/session.tsx';
import { beijingTime } from '../../../shared/time.ts';
import { calendarApi, NATIONAL, type CalendarDay, type CalendarYear } from './calendar-api.ts';
import { DeadlineCalculator } from './deadline-calculator.tsx';
import { regionLabel, YearFormModal, type YearFormTarget } from './year-form-modal.tsx';
import { CalendarLegend, YearGrid } from './year-grid.tsx';

/**
 * 工作日历: the year's holidays and 调休 working days as the deadline arithmetic sees them for a region
 * (national notices plus the region's own holidays), the entered notices, and a deadline calculator.
 */
export function CalendarPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [regions, setRegions] = useState<Region[]>([]);
  const [region, setRegion] = useState(me.regionCode);
  const [year, setYear] = useState(() => Number(beijingTime(new Date(), 'YYYY')));
  const [days, setDays] = useState<{ published: boolean; days: CalendarDay[] } | null>(null);
  const [years, setYears] = useState<CalendarYear[]>([]);
  const [publishedYears, setPublishedYears] = useState<number[]>([]);
  const [loading, setLoading] = useState(true);
  const [target, setTarget] = useState<YearFormTarget | null>(null);

  useEffect(() => {
    orgApi.regions().then(setRegions, () => setRegions([]));
  }, []);

  const loadYears = useCallback(async () => {
    try {
      const answer = await calendarApi.years(region);
      setYears(answer.items);
      setPublishedYears(answer.publishedYears);
    } catch {
      setYears([]);
    }
  }, [region]);

  const loadDays = useCallback(async () => {
    setLoading(true);
    try {
      setDays(await calendarApi.days(year, region));
    } catch {
      setDays(null);
    } finally {
      setLoading(false);
    }
  }, [year, region]);

  useEffect(() => {
    void loadYears();
  }, [loadYears]);
  useEffect(() => {
    void loadDays();
  }, [loadDays]);

  const regionOptions = useMemo(
    () => [{ value: NATIONAL, label: '全国（国务院办公厅通知）' }, ...regions.map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))],
    [regions],
  );
  const lastPublished = publishedYears.length ? Math.max(...publishedYears) : undefined;

  const columns: TableProps<CalendarYear>['columns'] = [
    { title: '年度', dataIndex: 'year', width: 80, render: (value: number) => <a onClick={() => setYear(value)}>{value}</a> },
    {
      title: '适用范围',
      dataIndex: 'regionCode',
      width: 150,
      render: (code: string) => (code === NATIONAL ? <Tag color="geekblue">全国</Tag> : <Tag color="purple">{regionLabel(code, regions)}</Tag>),
    },
    { title: '依据文件', dataIndex: 'source' },
    { title: '发布日期', dataIndex: 'publishedOn', width: 110, render: (value: string | null) => value ?? '—' },
    { title: '日期数', dataIndex: 'dayCount', width: 80 },
    { title: '最后修改', dataIndex: 'updatedAt', width: 150, render: (value: string) => beijingTime(value, 'YYYY-MM-DD HH:mm') },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      render: (_, entry) => (
        <GuardedButton permission="calendar.manage" type="link" size="small" onClick={() => setTarget({ mode: 'edit', entry })}>
          修改
        </GuardedButton>
      ),
    },
  ];

  return (
    <PageContainer
      title="工作日历"
      extra={
        <Space wrap>
          <Select value={region} onChange={setRegion} options={regionOptions} style={{ width: 240 }} showSearch={{ optionFilterProp: 'label' }} data-testid="calendar-region" />
          <GuardedButton
            permission="calendar.manage"
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setTarget({ mode: 'create', year: (lastPublished ?? year) + 1, region: NATIONAL })}
            data-testid="calendar-create"
          >
            录入年度日历
          </GuardedButton>
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card
            title={
              <Flex align="center" gap={8}>
                <Button size="small" icon={<LeftOutlined />} onClick={() => setYear(year - 1)} aria-label="上一年" data-testid="calendar-prev-year" />
                <span data-testid="calendar-year-title">{year} 年</span>
                <Button size="small" icon={<RightOutlined />} onClick={() => setYear(year + 1)} aria-label="下一年" data-testid="calendar-next-year" />
                {days && (days.published ? <Tag color="green">已发布</Tag> : <Tag color="orange">未发布</Tag>)}
              </Flex>
            }
            extra={
              <Space wrap>
                <CalendarLegend />
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void download('calendar/days/export.xlsx', { year, region }, `${year}年工作日历.xlsx`).catch(() => undefined)}>
                  导出 Excel
                </Button>
              </Space>
            }
            loading={loading}
          >
            {days && !days.published && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={`${year}年度日历尚未发布`}
                description="国务院办公厅通常在上一年10–11月公布节假日安排。发布前，落在该年度的期限按周一至周五推算，并标注“日历未发布”；录入通知后，未办结事项的期限将重新计算。"
              />
            )}
            <YearGrid year={year} days={days?.days ?? []} />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <DeadlineCalculator region={region} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            工作日：行政复议法第八十八条、行政处罚法第八十五条规定的“三日、五日、七日、十日”等和政府信息公开条例的期限按工作日计算，不含法定休假日，含调休上班日。
            自然日和月：依民事诉讼法第八十五条，起算日不计入，届满日为法定休假日（含非调休的周末）的，以其后第一个工作日为届满日。
          </Typography.Paragraph>
        </Col>
        <Col span={24}>
          <Card title="已录入的年度日历" size="small">
            <Table<CalendarYear>
              rowKey={(entry) => `${entry.regionCode}/${entry.year}`}
              columns={columns}
              dataSource={years}
              size="small"
              pagination={{ pageSize: 10, showSizeChanger: false }}
              scroll={{ x: 900 }}
              locale={{ emptyText: '尚未录入年度日历' }}
            />
          </Card>
        </Col>
      </Row>
      <YearFormModal
        target={target}
        regionOptions={regionOptions}
        onClose={() => setTarget(null)}
        onSaved={(saved) => {
          setTarget(null);
          if (saved) {
            void message.success(`${saved.year} 年度日历已保存`);
            setYear(saved.year);
          }
          void loadYears();
          void loadDays();
        }}
      />
    </PageContainer>
  );
}
