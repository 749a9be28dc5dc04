import { UploadOutlined } from '@ant-design/icons';
import { Card, Empty, Space, Table, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import type { Page } from '../../api/types.ts';
import { GuardedButton } from '../../components/guarded.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useServerList, type AddressSpec, type ListQuery as ServerQuery } from '../../lib/use-server-list.ts';
import { ImportModal } from './import-modal.tsx';
import { ENFORCEMENT, type Filter, type ImportKind, type ListQuery } from './registry-api.ts';
import { ExportButton, ListSearch } from '../../components/list-toolbar.tsx';

export type Query = ServerQuery & Record<string, string | number | boolean | undefined>;
export type List<T> = ReturnType<typeof useServerList<T, string, Query>>;

/**
 * One registry list: search box, the page's filters, a server-paged sortable table, 导出 Excel with the
 * same filters and, for importable lists, 导入 Excel. The filters live in the address.
 */
export function RegistryPage<T extends { id: string }>(props: {
  title: string;
  testId: string;
  spec: AddressSpec<string>;
  defaultSort: string;
  fetchPage: (query: ListQuery) => Promise<Page<T>>;
  exportXlsx: (filter: Filter) => Promise<void>;
  columns: (list: List<T>) => TableProps<T>['columns'];
  filters?: (list: List<T>) => ReactNode;
  searchPlaceholder: string;
  actions?: (list: List<T>) => ReactNode;
  importing?: { kind: ImportKind; title: string; hint: string };
  above?: (list: List<T>) => ReactNode;
  modals?: (list: List<T>) => ReactNode;
  empty: string;
  scrollX?: number;
}) {
  const list = useServerList<T, string, Query>({
    spec: props.spec,
    defaultSort: props.defaultSort,
    fetchPage: props.fetchPage as (query: Query) => Promise<Page<T>>,
    exportXlsx: props.exportXlsx as (filter: Omit<Query, 'page' | 'pageSize'>) => Promise<void>,
  });
  const [importOpen, setImportOpen] = useState(false);
  return (
    <PageContainer
      title={props.title}
      extra={
        <Space wrap>
          {props.actions?.(list)}
          {props.importing && (
            <GuardedButton permission={ENFORCEMENT.manage} icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid={`${props.testId}-import`}>
              导入 Excel
            </GuardedButton>
          )}
          <ExportButton list={list} testId={`${props.testId}-export`} />
        </Space>
      }
    >
      {props.above?.(list)}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={[12, 12]}>
          <ListSearch list={list} placeholder={props.searchPlaceholder} width={280} testId={`${props.testId}-search`} />
          {props.filters?.(list)}
        </Space>
      </Card>
      <Table<T>
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={props.columns(list)}
        dataSource={list.data.items}
        scroll={{ x: props.scrollX ?? 1000 }}
        data-testid={`${props.testId}-table`}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={list.filtered ? '没有符合条件的记录' : props.empty} /> }}
        pagination={{ ...list.pagination, showTotal: (total: number) => `共 ${total} 条` }}
        onChange={list.onTableChange}
      />
      {props.importing && <ImportModal {...props.importing} open={importOpen} onClose={() => setImportOpen(false)} onImported={() => void list.reload()} />}
      {props.modals?.(list)}
    </PageContainer>
  );
}
