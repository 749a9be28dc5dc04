import { eq } from 'drizzle-orm';
import type { Queryable } from '../../kernel/db/db.ts';
import { indexEntries, type SearchEntry } from '../../kernel/search/search.ts';
import { registerSearchable } from '../../kernel/search/searchables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { messageStateLabels } from '../../../contracts/messages.ts';
import { MESSAGE, READ } from './messages.permissions.ts';
import { citizenMessages } from './messages.tables.ts';

registerSearchable({
  entityType: MESSAGE,
  label: '网民诉求',
  readPermission: READ,
  consolePath: (id) => `/messages/${id}`,
  portalPath: (id) => `/messages/${id}`,
  statusLabels: messageStateLabels,
});

type Indexed = { caseId: string; regionCode: string; orgId: string; title: string; state: string; receivedAt: Date; content: string; publicContent: string | null; replyText: string | null; published: boolean; publicConsent: boolean };

/** A published message is found on the portal by its public text and reply only; otherwise by the readers of its organisation. */
export function messageEntry(m: Indexed): SearchEntry {
  const isPublic = m.published && m.publicConsent;
  return {
    regionCode: m.regionCode,
    entityType: MESSAGE,
    entityId: m.caseId,
    orgId: m.orgId,
    title: m.title,
    text: [isPublic ? (m.publicContent ?? '') : m.content, m.replyText ?? ''].filter(Boolean).join('\n'),
    public: isPublic,
    year: m.receivedAt.getUTCFullYear(),
    status: m.state,
  };
}

/** Re-indexes a message in the transaction that changed it (its organisation, state, reply or publication). */
export async function indexMessage(tx: Queryable, caseId: string, at: Date): Promise<void> {
  const [row] = await tx
    .select({
      caseId: citizenMessages.caseId,
      regionCode: cases.regionCode,
      orgId: cases.orgId,
      title: cases.title,
      state: cases.state,
      receivedAt: citizenMessages.receivedAt,
      content: citizenMessages.content,
      publicContent: citizenMessages.publicContent,
      replyText: citizenMessages.replyText,
      published: citizenMessages.published,
      publicConsent: citizenMessages.publicConsent,
    })
    .from(citizenMessages)
    .innerJoin(cases, eq(cases.id, citizenMessages.caseId))
    .where(eq(citizenMessages.caseId, caseId));
  if (row) await indexEntries(tx, [messageEntry(row)], at);
}
