import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../db/db.ts';
import { publicComments, publicConsultations, type AdoptionState } from './consultation.tables.ts';

export type ConsultationRow = typeof publicConsultations.$inferSelect;

export interface NewConsultation {
  regionCode: string;
  entityType: string;
  entityId: string;
  orgId: string;
  title: string;
  explanation: string;
  draftText?: string | null;
  fileIds?: string[];
  opensOn: string;
  closesOn: string;
  shortenedReason?: string | null;
}

/** Publishes a draft for comment, in the owning module's transaction; its guard checks the period's rule. */
export async function openConsultation(tx: Tx, input: NewConsultation, at: Date, by: string | null): Promise<ConsultationRow> {
  if (input.closesOn < input.opensOn) throw new Error('consultation closes before it opens');
  const [row] = await tx
    .insert(publicConsultations)
    .values({ ...input, draftText: input.draftText ?? null, fileIds: input.fileIds ?? [], shortenedReason: input.shortenedReason ?? null, createdAt: at, createdBy: by, updatedAt: at, updatedBy: by })
    .returning();
  return row!;
}

/** Stops taking comments before the period ends (the draft was withdrawn or replaced); the reason is shown publicly. */
export async function closeConsultation(tx: Tx, id: string, at: Date, by: string | null, reason: string | null = null): Promise<void> {
  await tx
    .update(publicConsultations)
    .set({ closedAt: at, closedReason: reason, updatedAt: at, updatedBy: by, version: sql`${publicConsultations.version} + 1` })
    .where(and(eq(publicConsultations.id, id), sql`${publicConsultations.closedAt} is null`));
}

/** The consultations of a record, latest first. */
export function consultationsOf(db: Queryable, entityType: string, entityId: string): Promise<ConsultationRow[]> {
  return db
    .select()
    .from(publicConsultations)
    .where(and(eq(publicConsultations.entityType, entityType), eq(publicConsultations.entityId, entityId)))
    .orderBy(desc(publicConsultations.opensOn), desc(publicConsultations.createdAt));
}

/** Comments are taken from opensOn through closesOn, unless closed early. */
export const isOpen = (c: Pick<ConsultationRow, 'opensOn' | 'closesOn' | 'closedAt'>, today: string): boolean =>
  c.closedAt === null && c.opensOn <= today && today <= c.closesOn;

/** A comment as the adoption statement uses it: approved ones only (rejected ones are spam or abuse). */
export interface AdoptionEntry {
  id: string;
  authorName: string;
  content: string;
  adoption: AdoptionState | null;
  adoptionNote: string | null;
}

/** The approved comments of a record's consultations, in the order received. */
export function approvedComments(db: Queryable, entityType: string, entityId: string): Promise<AdoptionEntry[]> {
  return db
    .select({ id: publicComments.id, authorName: publicComments.authorName, content: publicComments.content, adoption: publicComments.adoption, adoptionNote: publicComments.adoptionNote })
    .from(publicComments)
    .innerJoin(publicConsultations, eq(publicConsultations.id, publicComments.consultationId))
    .where(and(eq(publicConsultations.entityType, entityType), eq(publicConsultations.entityId, entityId), eq(publicComments.moderation, 'approved')))
    .orderBy(asc(publicComments.submittedAt));
}

/** Counts by moderation state: a draft's comments must all be moderated before its procedure moves on. */
export async function commentCounts(db: Queryable, entityType: string, entityId: string): Promise<Record<'pending' | 'approved' | 'rejected', number>> {
  const rows = await db
    .select({ moderation: publicComments.moderation, n: count() })
    .from(publicComments)
    .innerJoin(publicConsultations, eq(publicConsultations.id, publicComments.consultationId))
    .where(and(eq(publicConsultations.entityType, entityType), eq(publicConsultations.entityId, entityId)))
    .groupBy(publicComments.moderation);
  const counts = { pending: 0, approved: 0, rejected: 0 };
  for (const r of rows) counts[r.moderation] = r.n;
  return counts;
}
