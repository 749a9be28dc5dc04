import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Tx } from '../db/db.ts';
import { cases } from './workflow.tables.ts';

/**
 * A decision made in Fazhi was changed or annulled by another case (a 复议 decision撤销 a 行政处罚): the
 * module owning the act reacts in the same transaction, e.g. 执法公示 must withdraw the published
 * decision within 3 working days (行政处罚法 第四十八条第二款). Modules that decide register a handler
 * for their case type; modules that correct call actCorrected() without knowing who listens.
 */
export interface ActCorrection {
  tx: Tx;
  /** The corrected act's case. */
  caseId: string;
  /** The correcting case, e.g. the 复议 case, and how its decision reads (行政复议决定 岳县复决〔2026〕3号：撤销). */
  byCaseId: string;
  description: string;
  /** The correcting decision's day. */
  decidedOn: string;
  actor: Actor | null;
}

type Handler = (correction: ActCorrection) => Promise<void>;

const handlers = new Map<string, Handler>();

export function onActCorrected(caseType: string, handler: Handler): void {
  if (handlers.has(caseType) && handlers.get(caseType) !== handler) throw new Error(`act-correction handler for ${caseType} registered twice`);
  handlers.set(caseType, handler);
}

export async function actCorrected(correction: ActCorrection): Promise<void> {
  const [row] = await correction.tx.select({ caseType: cases.caseType }).from(cases).where(eq(cases.id, correction.caseId));
  const handler = row && handlers.get(row.caseType);
  if (handler) await handler(correction);
}
