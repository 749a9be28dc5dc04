import { orgApi } from '../../api/endpoints.ts';
import { DryRunImportModal } from '../../components/import-modal.tsx';

const summaryLabels: Record<string, string> = {
  total: '总行数',
  rows: '总行数',
  created: '新增机构',
  inserted: '新增机构',
  updated: '更新机构',
  unchanged: '无变化',
  skipped: '跳过',
};

/** 导入机构: checked first, written only once the user confirms a clean check. */
export function OrgImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  return (
    <DryRunImportModal
      title="导入机构（Excel）"
      hint="请使用“导出 Excel”得到的表格格式填写：第一行为列名，每行一个机构。上传后先校验，确认无误才会写入。"
      open={open}
      onClose={onClose}
      onImported={onImported}
      run={orgApi.importXlsx}
      report={orgApi.importReport}
      summaryLabels={summaryLabels}
      confirmTestId="org-import-confirm"
    />
  );
}
