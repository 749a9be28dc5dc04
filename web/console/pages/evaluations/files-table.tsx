import { DownloadOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Table, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { evaluationFileStateLabels, evaluationGradeLabels, type EvaluationFileState, type EvaluationGrade } from '../../../../contracts/enforcement.ts';
import { showError } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import { options } from '../../lib/labels.ts';
import { evaluationsApi, type FileFilter, type FileItem, type Rectification } from './evaluations-api.ts';

export const gradeColors: Record<EvaluationGrade, string> = { excellent: 'green', qualified: 'blue', unqualified: 'red' };

const rectificationLabels: Record<Rectification, string> = { sent: '已退回整改', open: '整改中（未逾期）', onTime: '按期整改', late: '逾期整改', overdue: '逾期（含逾期未整改）' };

/** The filters a results figure links to, read from and written to the page's query string. */
const filterKeys = ['orgId', 'state', 'grade', 'hasProblems', 'rectification', 'q'] as const;

/**
 * Evaluation files, paged and sorted by the server. `fixed` filters are always applied (a campaign, a
 * state); the others come from the URL so that a figure on the results page can link to its files.
 */
export function FilesTable({ fixed, compact = false, refresh = 0 }: { fixed: FileFilter; compact?: boolean; refresh?: number }) {
  const [params, setParams] = useSearchParams();
  const fromUrl = useMemo(() => {
    const f: FileFilter = {};
    for (const key of filterKeys) {
      const v = params.get(key);
      if (v === null || compact) continue;
      if (key === 'hasProblems') f.hasProblems = v === 'true';
      else (f as Record<string, string>)[key] = v;
    }
    return f;
  }, [params, compact]);
  const filter = { ...fromUrl, ...fixed };
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<Pick<FileFilter, 'sort' | 'order'>>({ sort: 'orgName', order: 'asc' });
  const [data, setData] = useState<Page<FileItem> | null>(null);
  const key = JSON.stringify({ filter, page, sort, refresh });
  const load = useCallback(() => {
    evaluationsApi
      .files({ ...filter, ...sort, ...page })
      .then(setData)
      .catch(showError);
  }, [key]);
  useEffect(load, [load]);
  const set = (k: (typeof filterKeys)[number], v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v === undefined || v === '') next.delete(k);
    else next.set(k, v);
    setParams(next, { replace: true });
    setPage((p) => ({ ...p, page: 1 }));
  };
  return (
    <>
      {!compact && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search placeholder="案号、案件名称、决定书文号" allowClear style={{ width: 260 }} defaultValue={fromUrl.q} onSearch={(v) => set('q', v.trim())} />
          <Select placeholder="等次" allowClear style={{ width: 110 }} value={fromUrl.grade} options={options(evaluationGradeLabels)} onChange={(v?: string) => set('grade', v)} />
          <Select placeholder="状态" allowClear style={{ width: 160 }} value={fromUrl.state} options={options(evaluationFileStateLabels)} onChange={(v?: string) => set('state', v)} />
          <Select placeholder="整改" allowClear style={{ width: 190 }} value={fromUrl.rectification} options={options(rectificationLabels)} onChange={(v?: string) => set('rectification', v)} />
          <Select
            placeholder="存在问题"
            allowClear
            style={{ width: 120 }}
            value={fromUrl.hasProblems === undefined ? undefined : String(fromUrl.hasProblems)}
            options={[
              { value: 'true', label: '有问题' },
              { value: 'false', label: '无问题' },
            ]}
            onChange={(v?: string) => set('hasProblems', v)}
          />
          {fromUrl.orgId && (
            <Tag closable onClose={() => set('orgId', undefined)} style={{ alignSelf: 'center' }}>
              {data?.items[0]?.orgName ?? '所选部门'}
            </Tag>
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void evaluationsApi.exportFiles({ ...filter, ...sort }).catch(showError)} data-testid="evaluation-files-export">
            导出 Excel
          </Button>
        </Flex>
      )}
      <Table<FileItem>
        rowKey="id"
        size={compact ? 'small' : 'middle'}
        loading={!data}
        dataSource={data?.items ?? []}
        data-testid="evaluation-files"
        pagination={{ current: page.page, pageSize: page.pageSize, total: data?.total ?? 0, showTotal: (n) => `共 ${n} 件`, onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setSort(s?.order ? { sort: s.columnKey as FileFilter['sort'], order: s.order === 'descend' ? 'desc' : 'asc' } : { sort: 'orgName', order: 'asc' });
        }}
        columns={[
          { title: '执法部门', dataIndex: 'orgName', key: 'orgName', sorter: true },
          {
            title: '案卷',
            key: 'caseNo',
            sorter: true,
            render: (_, f) => (
              <Link to={`/evaluations/files/${f.id}`} data-testid="evaluation-file-link">
                {f.caseTitle}
                {f.caseNo ? `（${f.caseNo}）` : ''}
              </Link>
            ),
          },
          ...(compact ? [{ title: '评查活动', dataIndex: 'campaignTitle' }] : []),
          { title: '结案日期', dataIndex: 'closedOn', key: 'closedOn', width: 110, sorter: true },
          { title: '得分', dataIndex: 'total', key: 'total', width: 80, sorter: true },
          { title: '等次', key: 'grade', width: 80, render: (_, f) => f.grade && <Tag color={gradeColors[f.grade]}>{f.gradeLabel}</Tag> },
          { title: '状态', key: 'state', width: 130, render: (_, f) => <Tag color={f.state === 'rectifying' ? 'gold' : undefined}>{evaluationFileStateLabels[f.state as EvaluationFileState]}</Tag> },
          {
            title: '整改期限',
            key: 'rectificationDueOn',
            width: 150,
            sorter: true,
            render: (_, f) =>
              f.rectificationDueOn && (
                <>
                  {f.rectificationDueOn} {f.overdue && <Tag color="red">逾期</Tag>}
                </>
              ),
          },
        ]}
      />
    </>
  );
}
