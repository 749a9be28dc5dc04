import { eq } from 'drizzle-orm';
import { decisionCategoryLabels, decisionStateLabels } from '../../../contracts/decisions.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { indexEntry } from '../../kernel/search/search.ts';
import { registerSearchable } from '../../kernel/search/searchables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { DECISION, READ } from './decisions.permissions.ts';
import { decisions } from './decisions.tables.ts';

export const decisionSearchable = registerSearchable({
  entityType: DECISION,
  label: '重大行政决策',
  readPermission: READ,
  consolePath: (id) => `/decisions/${id}`,
  portalPath: (id) => `/decisions/${id}`,
  statusLabels: decisionStateLabels,
});

/** (Re)indexes a decision in the transaction that changed it; public once it is published. */
export async function indexDecision(tx: Queryable, caseId: string, at: Date): Promise<void> {
  const [row] = await tx
    .select({ case: cases, d: decisions })
    .from(decisions)
    .innerJoin(cases, eq(cases.id, decisions.caseId))
    .where(eq(decisions.caseId, caseId));
  if (!row) return;
  const { case: c, d } = row;
  const published = d.publishedOn !== null;
  const text = [decisionCategoryLabels[d.category], d.summary, d.decisionText ?? '', published ? (d.adoptionStatement ?? '') : ''].filter(Boolean).join('\n');
  await indexEntry(
    tx,
    {
      regionCode: c.regionCode,
      entityType: DECISION,
      entityId: c.id,
      orgId: c.orgId,
      title: c.title,
      text,
      public: published,
      year: Number((d.decidedOn ?? c.openedAt.toISOString()).slice(0, 4)),
      status: c.state,
    },
    at,
  );
}
