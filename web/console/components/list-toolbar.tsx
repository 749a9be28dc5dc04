import { DownloadOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';

/** What a list page's search box and export button need of useServerList. */
interface SearchableList {
  searchText: string;
  setSearchText: (text: string) => void;
  setFilter: (changes: { q?: string }) => void;
}
interface ExportableList {
  exporting: boolean;
  exportXlsx: () => Promise<void>;
}

/** The list's free-text search: typing keeps the text, Enter or the button filters (an empty box clears the filter). */
export function ListSearch({ list, placeholder, width = 240, testId }: { list: SearchableList; placeholder: string; width?: number; testId?: string }) {
  return (
    <Input.Search
      placeholder={placeholder}
      allowClear
      value={list.searchText}
      onChange={(event) => list.setSearchText(event.target.value)}
      onSearch={(q) => list.setFilter({ q: q.trim() || undefined })}
      style={{ width }}
      data-testid={testId}
    />
  );
}

/** Exports the rows the list's filters and sort select, all pages (the server caps the count). */
export function ExportButton({ list, testId }: { list: ExportableList; testId?: string }) {
  return (
    <Button icon={<DownloadOutlined />} loading={list.exporting} onClick={() => void list.exportXlsx()} data-testid={testId}>
      导出 Excel
    </Button>
  );
}
