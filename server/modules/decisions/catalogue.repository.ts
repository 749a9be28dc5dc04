import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable, Tx } from '../../kernel/db/db.ts';
import { organisations } from '../../kernel/org/org.tables.ts';
import { decisionCatalogueAdjustments, decisionCatalogueItems, decisionCatalogues, decisions } from './decisions.tables.ts';

export type CatalogueRow = typeof decisionCatalogues.$inferSelect;
export type ItemRow = typeof decisionCatalogueItems.$inferSelect;

const hostOrg = alias(organisations, 'host_org');

/** Catalogues with their organisation, filtered by the caller's condition. */
export function findCatalogues(db: Queryable, where: SQL | undefined) {
  return db
    .select({ catalogue: decisionCatalogues, orgName: organisations.name, orgPath: organisations.path, itemCount: sql<number>`(select count(*)::int from ${decisionCatalogueItems} i where i.catalogue_id = ${decisionCatalogues.id} and not i.removed)` })
    .from(decisionCatalogues)
    .innerJoin(organisations, eq(organisations.id, decisionCatalogues.orgId))
    .where(where)
    .orderBy(desc(decisionCatalogues.year), asc(organisations.path));
}

export async function findCatalogue(db: Queryable, id: string) {
  const [row] = await db
    .select({ catalogue: decisionCatalogues, orgName: organisations.name, orgPath: organisations.path, orgType: organisations.type })
    .from(decisionCatalogues)
    .innerJoin(organisations, eq(organisations.id, decisionCatalogues.orgId))
    .where(eq(decisionCatalogues.id, id));
  return row;
}

export async function lockCatalogue(tx: Tx, id: string) {
  const [row] = await tx.select().from(decisionCatalogues).where(eq(decisionCatalogues.id, id)).for('update');
  return row;
}

/** A catalogue's items in order, with the 承办单位 and the decision case started for each. */
export function findItems(db: Queryable, catalogueIds: string[], includeRemoved = true) {
  if (!catalogueIds.length) return Promise.resolve([]);
  return db
    .select({ item: decisionCatalogueItems, hostOrgName: hostOrg.name, caseId: decisions.caseId })
    .from(decisionCatalogueItems)
    .innerJoin(hostOrg, eq(hostOrg.id, decisionCatalogueItems.hostOrgId))
    .leftJoin(decisions, eq(decisions.catalogueItemId, decisionCatalogueItems.id))
    .where(and(inArray(decisionCatalogueItems.catalogueId, catalogueIds), includeRemoved ? undefined : eq(decisionCatalogueItems.removed, false)))
    .orderBy(asc(decisionCatalogueItems.seq));
}

export async function findItem(db: Queryable, itemId: string) {
  const [row] = await db
    .select({ item: decisionCatalogueItems, catalogue: decisionCatalogues, hostOrgPath: hostOrg.path, hostOrgName: hostOrg.name, caseId: decisions.caseId })
    .from(decisionCatalogueItems)
    .innerJoin(decisionCatalogues, eq(decisionCatalogues.id, decisionCatalogueItems.catalogueId))
    .innerJoin(hostOrg, eq(hostOrg.id, decisionCatalogueItems.hostOrgId))
    .leftJoin(decisions, eq(decisions.catalogueItemId, decisionCatalogueItems.id))
    .where(eq(decisionCatalogueItems.id, itemId));
  return row;
}

export function findAdjustments(db: Queryable, catalogueIds: string[]) {
  if (!catalogueIds.length) return Promise.resolve([]);
  return db.select().from(decisionCatalogueAdjustments).where(inArray(decisionCatalogueAdjustments.catalogueId, catalogueIds)).orderBy(asc(decisionCatalogueAdjustments.seq));
}

export async function nextItemSeq(tx: Tx, catalogueId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`coalesce(max(${decisionCatalogueItems.seq}), 0)::int + 1` }).from(decisionCatalogueItems).where(eq(decisionCatalogueItems.catalogueId, catalogueId));
  return row?.n ?? 1;
}

export async function nextAdjustmentSeq(tx: Tx, catalogueId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${decisionCatalogueAdjustments.seq}), 0)::int + 1` })
    .from(decisionCatalogueAdjustments)
    .where(eq(decisionCatalogueAdjustments.catalogueId, catalogueId));
  return row?.n ?? 1;
}

/** Bumps the catalogue's version (an item or an adjustment changed it). */
export async function touchCatalogue(tx: Tx, id: string, at: Date, by: string | null): Promise<void> {
  await tx.update(decisionCatalogues).set({ version: sql`${decisionCatalogues.version} + 1`, updatedAt: at, updatedBy: by }).where(eq(decisionCatalogues.id, id));
}
