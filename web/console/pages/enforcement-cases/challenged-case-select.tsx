import { useCallback } from 'react';
import { CaseSearchSelect, type CaseOption } from '../litigation/case-search-select.tsx';
import { enforcementCasesApi } from './enforcement-cases-api.ts';

/**
 * An organisation's decided 行政处罚 cases, to link the decision a 复议 application or a lawsuit
 * challenges: a decision that changes or annuls it then withdraws its 执法公示 (行政处罚法 第四十八条).
 * Searched by 文号, title or party.
 */
export function ChallengedCaseSelect({ orgId, orgLabel, testId, ...props }: { orgId?: string; orgLabel: string; testId: string; value?: string; onChange?: (value: string | undefined) => void }) {
  const search = useCallback(
    async (q: string | undefined): Promise<CaseOption[]> => {
      if (!orgId) return [];
      const page = await enforcementCasesApi.list({ orgId, q, sort: 'decidedOn', order: 'desc', page: 1, pageSize: 20 });
      return page.items.filter((c) => c.decisionNo).map((c) => ({ value: c.id, label: `${c.decisionNo} ${c.title}（${c.decidedOn}）` }));
    },
    [orgId],
  );
  return (
    <CaseSearchSelect
      {...props}
      search={search}
      unavailable="无权查看行政处罚案件"
      disabled={!orgId}
      placeholder={orgId ? '输入决定书文号或当事人查找（可不选）' : `请先选择${orgLabel}`}
      data-testid={testId}
    />
  );
}
