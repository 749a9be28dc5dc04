import { eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db/db.ts';
import { indexEntry } from '../../kernel/search/search.ts';
import { registerSearchable } from '../../kernel/search/searchables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { CONSULTATION, READ } from './legislation.permissions.ts';
import { legislationConsultations } from './legislation.tables.ts';

export const consultationSearchable = registerSearchable({
  entityType: CONSULTATION,
  label: '立法建议',
  readPermission: READ,
  consolePath: (id) => `/legislation/${id}`,
  statusLabels: { handling: '征求意见中', consolidated: '已汇总意见', replied: '已报送反馈意见' },
});

/** (Re)indexes a consultation in the transaction that changed it (registration, consolidation, reply). */
export async function indexConsultation(tx: Queryable, caseId: string, state: string, at: Date): Promise<void> {
  const [row] = await tx.select({ case: cases, c: legislationConsultations }).from(legislationConsultations).innerJoin(cases, eq(cases.id, legislationConsultations.caseId)).where(eq(legislationConsultations.caseId, caseId));
  if (!row) return;
  const { case: k, c } = row;
  await indexEntry(
    tx,
    {
      regionCode: k.regionCode,
      entityType: CONSULTATION,
      entityId: k.id,
      orgId: k.orgId,
      title: k.title,
      text: [c.fromBody, c.documentTitle, c.documentNo ?? '', c.draftTitle, c.summary ?? '', c.consolidatedText ?? '', c.replyDocumentNo ?? ''].filter(Boolean).join('\n'),
      public: false,
      year: Number(c.receivedOn.slice(0, 4)),
      status: state,
    },
    at,
  );
}
