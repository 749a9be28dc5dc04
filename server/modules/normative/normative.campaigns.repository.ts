import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../kernel/db/db.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { effectiveStatusSql } from './normative.repository.ts';
import { normativeCampaignItems, normativeCampaigns, normativeDocuments } from './normative.tables.ts';

export type CampaignRow = typeof normativeCampaigns.$inferSelect;

/** Each campaign with how many documents it covers and how many have a decision (one grouped query). */
async function withCounts(db: Queryable, rows: CampaignRow[]) {
  if (!rows.length) return [];
  const counts = await db
    .select({ campaignId: normativeCampaignItems.campaignId, itemCount: sql<number>`count(*)::int`, decidedCount: sql<number>`count(${normativeCampaignItems.decision})::int` })
    .from(normativeCampaignItems)
    .where(inArray(normativeCampaignItems.campaignId, rows.map((r) => r.id)))
    .groupBy(normativeCampaignItems.campaignId);
  const byId = new Map(counts.map((c) => [c.campaignId, c]));
  return rows.map((campaign) => ({ campaign, itemCount: byId.get(campaign.id)?.itemCount ?? 0, decidedCount: byId.get(campaign.id)?.decidedCount ?? 0 }));
}

export async function findCampaigns(db: Queryable, regionCode: string | undefined, onlyPublished: boolean) {
  const rows = await db
    .select()
    .from(normativeCampaigns)
    .where(and(regionCode ? eq(normativeCampaigns.regionCode, regionCode) : undefined, onlyPublished ? eq(normativeCampaigns.state, 'published') : undefined))
    .orderBy(desc(normativeCampaigns.startedOn), desc(normativeCampaigns.createdAt));
  return withCounts(db, rows);
}

export async function findCampaign(db: Queryable, id: string) {
  const rows = await db.select().from(normativeCampaigns).where(eq(normativeCampaigns.id, id));
  return (await withCounts(db, rows))[0];
}

export async function lockCampaign(tx: Tx, id: string): Promise<CampaignRow | undefined> {
  const [row] = await tx.select().from(normativeCampaigns).where(eq(normativeCampaigns.id, id)).for('update');
  return row;
}

export async function bumpCampaign(tx: Tx, id: string, values: Partial<typeof normativeCampaigns.$inferInsert>, at: Date, by: string | null): Promise<void> {
  await tx
    .update(normativeCampaigns)
    .set({ ...values, version: sql`${normativeCampaigns.version} + 1`, updatedAt: at, updatedBy: by })
    .where(eq(normativeCampaigns.id, id));
}

/** A campaign's documents with their status as of `today`, by issuer and number. */
export function findCampaignItems(db: Queryable, campaignId: string, today: string) {
  return db
    .select({
      id: normativeCampaignItems.id,
      documentId: normativeCampaignItems.documentId,
      title: normativeDocuments.title,
      docNo: normativeDocuments.docNo,
      issuerName: organisations.name,
      publishedOn: normativeDocuments.publishedOn,
      status: effectiveStatusSql(today),
      decision: normativeCampaignItems.decision,
      reason: normativeCampaignItems.reason,
      version: normativeCampaignItems.version,
      regionCode: cases.regionCode,
    })
    .from(normativeCampaignItems)
    .innerJoin(normativeDocuments, eq(normativeDocuments.caseId, normativeCampaignItems.documentId))
    .innerJoin(cases, eq(cases.id, normativeDocuments.caseId))
    .innerJoin(organisations, eq(organisations.id, normativeDocuments.issuerOrgId))
    .where(eq(normativeCampaignItems.campaignId, campaignId))
    .orderBy(asc(normativeDocuments.publishedOn), asc(normativeDocuments.docNo), asc(normativeCampaignItems.id));
}

export async function insertCampaignItems(tx: Tx, values: (typeof normativeCampaignItems.$inferInsert)[]): Promise<number> {
  const rows = await tx.insert(normativeCampaignItems).values(values).onConflictDoNothing().returning({ id: normativeCampaignItems.id });
  return rows.length;
}

/** Optimistic update of one item's decision. */
export async function decideItem(tx: Tx, campaignId: string, itemId: string, version: number, values: { decision: string; reason: string }, at: Date, by: string | null) {
  const [row] = await tx
    .update(normativeCampaignItems)
    .set({ ...values, version: sql`${normativeCampaignItems.version} + 1`, updatedAt: at, updatedBy: by })
    .where(and(eq(normativeCampaignItems.id, itemId), eq(normativeCampaignItems.campaignId, campaignId), eq(normativeCampaignItems.version, version)))
    .returning();
  return row;
}

export async function itemExists(db: Queryable, campaignId: string, itemId: string): Promise<boolean> {
  const [row] = await db.select({ id: normativeCampaignItems.id }).from(normativeCampaignItems).where(and(eq(normativeCampaignItems.id, itemId), eq(normativeCampaignItems.campaignId, campaignId)));
  return row !== undefined;
}
