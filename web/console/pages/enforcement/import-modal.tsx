import { DryRunImportModal } from '../../components/import-modal.tsx';
import { registryApi, type ImportKind } from './registry-api.ts';

const summaryLabels: Record<string, string> = { created: '新增', updated: '更新', unchanged: '无变化' };

/** 导入 Excel for a registry list (officers with certificates, matters, benchmarks, delegations). */
export function ImportModal({ kind, title, hint, open, onClose, onImported }: { kind: ImportKind; title: string; hint: string; open: boolean; onClose: () => void; onImported: () => void }) {
  return (
    <DryRunImportModal
      title={title}
      hint={hint}
      open={open}
      onClose={onClose}
      onImported={onImported}
      run={(file, dryRun, onProgress) => registryApi.importXlsx(kind, file, dryRun, onProgress)}
      report={(file) => registryApi.importReport(kind, file)}
      summaryLabels={summaryLabels}
      confirmTestId="enforcement-import-confirm"
    />
  );
}
