import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { adjustmentKindLabels, catalogueStateLabels, decisionCategoryLabels, type AdjustmentKind } from '../../../../contracts/decisions.ts';
import { inScope, requirePermission, type Actor } from '../../../kernel/auth/actor.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused, notFound, versionConflict } from '../../../kernel/errors/app-error.ts';
import { write, type Audit } from '../../../kernel/http/context.ts';
import { findOrg } from '../../../kernel/org/org.repository.ts';
import { findAdjustments, findCatalogue, findCatalogues, findItem, findItems, lockCatalogue, nextAdjustmentSeq, nextItemSeq, touchCatalogue, type ItemRow } from '../catalogue.repository.ts';
import { CATALOGUE, READ } from '../decisions.permissions.ts';
import type { AdjustBody, ApproveCatalogueBody, CatalogueDetail, CatalogueFilter, CatalogueItemBody, NewCatalogueBody, PublishCatalogueBody, RemoveItemBody } from '../decisions.schemas.ts';
import { decisionCatalogueAdjustments, decisionCatalogueItems, decisionCatalogues } from '../decisions.tables.ts';

const ENTITY = 'decision_catalogue';

function requireReader(actor: Actor | null): Actor {
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  if (!actor.permissions.has(READ) && !actor.permissions.has(CATALOGUE)) throw new AppError('FORBIDDEN', '没有执行此操作的权限');
  return actor;
}

/** The catalogue locked for a change, if the actor keeps catalogues for its organisation. */
async function catalogueToEdit(tx: Tx, actor: Actor | null, id: string) {
  const scope = requirePermission(actor, CATALOGUE);
  const placed = await findCatalogue(tx, id);
  if (!placed || (placed.catalogue.regionCode !== actor!.regionCode && scope !== 'all')) throw notFound('决策事项目录');
  if (!inScope(actor!, scope, { orgId: placed.catalogue.orgId, orgPath: placed.orgPath, regionCode: placed.catalogue.regionCode })) throw new AppError('FORBIDDEN', '该目录不在您的管理范围内');
  return (await lockCatalogue(tx, id))!;
}

export async function listCatalogues(request: FastifyRequest, filter: CatalogueFilter) {
  const actor = requireReader(request.actor);
  const rows = await findCatalogues(
    request.server.db,
    and(eq(decisionCatalogues.regionCode, actor.regionCode), filter.year ? eq(decisionCatalogues.year, filter.year) : undefined, filter.orgId ? eq(decisionCatalogues.orgId, filter.orgId) : undefined),
  );
  return rows.map((r) => ({ ...present(r.catalogue, r.orgName), itemCount: r.itemCount }));
}

const present = (c: typeof decisionCatalogues.$inferSelect, orgName: string) => ({
  id: c.id,
  orgId: c.orgId,
  orgName,
  year: c.year,
  title: c.title,
  state: c.state,
  stateLabel: catalogueStateLabels[c.state],
  partyConsentOn: c.partyConsentOn,
  partyConsentRef: c.partyConsentRef,
  approvedOn: c.approvedOn,
  publishedOn: c.publishedOn,
  version: c.version,
});

/** A catalogue with its items (removed ones flagged) and its adjustments. */
export async function catalogueDetail(db: FastifyRequest['server']['db'], id: string, options: { publicOnly?: boolean } = {}): Promise<CatalogueDetail | undefined> {
  const placed = await findCatalogue(db, id);
  if (!placed || (options.publicOnly && placed.catalogue.state !== 'published')) return undefined;
  const [items, adjustments] = await Promise.all([findItems(db, [id], !options.publicOnly), findAdjustments(db, [id])]);
  return {
    ...present(placed.catalogue, placed.orgName),
    items: items.map(({ item, hostOrgName, caseId }) => ({
      id: item.id,
      seq: item.seq,
      title: item.title,
      category: item.category,
      categoryLabel: decisionCategoryLabels[item.category],
      hostOrgId: item.hostOrgId,
      hostOrgName,
      plannedTime: item.plannedTime,
      exemptions: item.exemptions,
      removed: item.removed,
      caseId: options.publicOnly ? null : caseId,
      version: item.version,
    })),
    adjustments: adjustments.map((a) => ({ id: a.id, seq: a.seq, kind: a.kind, kindLabel: adjustmentKindLabels[a.kind], itemTitle: a.itemTitle, reason: a.reason, adjustedOn: a.adjustedOn, before: a.before, after: a.after })),
  };
}

export async function getCatalogue(request: FastifyRequest, id: string): Promise<CatalogueDetail> {
  const actor = requireReader(request.actor);
  const detail = await catalogueDetail(request.server.db, id);
  if (!detail || (await findCatalogue(request.server.db, id))!.catalogue.regionCode !== actor.regionCode) throw notFound('决策事项目录');
  return detail;
}

export async function createCatalogue(request: FastifyRequest, body: NewCatalogueBody): Promise<CatalogueDetail> {
  const scope = requirePermission(request.actor, CATALOGUE);
  const actor = request.actor!;
  const now = request.server.clock.now();
  const id = await write(request, async (tx, audit) => {
    const org = await findOrg(tx, body.orgId);
    if (!org || org.regionCode !== actor.regionCode) throw fieldRefused('orgId', '决策机关不存在或不属于本行政区', 'NOT_FOUND');
    if (!inScope(actor, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode })) throw fieldRefused('orgId', `「${org.name}」的决策事项目录不在您的管理范围内`, 'FORBIDDEN');
    const [taken] = await tx.select({ id: decisionCatalogues.id }).from(decisionCatalogues).where(and(eq(decisionCatalogues.orgId, org.id), eq(decisionCatalogues.year, body.year)));
    if (taken) throw fieldRefused('year', `${org.name}${body.year}年度的决策事项目录已存在`, 'DUPLICATE');
    const [row] = await tx
      .insert(decisionCatalogues)
      .values({ regionCode: org.regionCode, orgId: org.id, year: body.year, title: body.title ?? `${org.name}${body.year}年度重大行政决策事项目录`, createdAt: now, createdBy: actor.userId, updatedAt: now, updatedBy: actor.userId })
      .returning();
    await audit({ action: 'decisions.catalogue.create', entityType: ENTITY, entityId: row!.id, regionCode: org.regionCode, orgId: org.id, after: { year: body.year, title: row!.title } });
    return row!.id;
  });
  return getCatalogue(request, id);
}

/** The 承办单位 must be an active organisation of the region. */
async function checkHost(tx: Tx, regionCode: string, hostOrgId: string) {
  const org = await findOrg(tx, hostOrgId);
  if (!org || org.regionCode !== regionCode) throw fieldRefused('hostOrgId', '承办单位不存在或不属于本行政区', 'NOT_FOUND');
  if (org.status !== 'active') throw fieldRefused('hostOrgId', `承办单位「${org.name}」已停用`);
}

const itemFields = (item: Pick<ItemRow, 'title' | 'category' | 'hostOrgId' | 'plannedTime' | 'exemptions'>) => ({
  title: item.title,
  category: item.category,
  hostOrgId: item.hostOrgId,
  plannedTime: item.plannedTime,
  exemptions: item.exemptions,
});

/**
 * Once approved with the Party committee's consent, a catalogue changes only by an adjustment with a
 * written reason (条例 第三条第三款), recorded and shown publicly with the catalogue.
 */
async function adjustment(tx: Tx, audit: Audit, catalogue: typeof decisionCatalogues.$inferSelect, kind: AdjustmentKind, item: ItemRow, reason: string | undefined, before: unknown, after: unknown, at: Date, by: string, today: string) {
  if (catalogue.state === 'drafted') return;
  if (!reason?.trim()) throw fieldRefused('reason', '目录已审定，调整事项须书面说明理由');
  const seq = await nextAdjustmentSeq(tx, catalogue.id);
  await tx.insert(decisionCatalogueAdjustments).values({ regionCode: catalogue.regionCode, catalogueId: catalogue.id, seq, kind, itemId: item.id, itemTitle: item.title, reason: reason.trim(), before: before ?? null, after: after ?? null, adjustedOn: today, at, by });
  await audit({ action: 'decisions.catalogue.adjust', entityType: ENTITY, entityId: catalogue.id, regionCode: catalogue.regionCode, orgId: catalogue.orgId, before, after, detail: { kind, itemId: item.id, reason } });
}

export async function addItem(request: FastifyRequest, catalogueId: string, body: CatalogueItemBody & AdjustBody): Promise<CatalogueDetail> {
  const actor = request.actor;
  const now = request.server.clock.now();
  const today = beijingToday(request.server.clock);
  await write(request, async (tx, audit) => {
    const catalogue = await catalogueToEdit(tx, actor, catalogueId);
    if (catalogue.version !== body.version) throw versionConflict('决策事项目录');
    await checkHost(tx, catalogue.regionCode, body.hostOrgId);
    const seq = await nextItemSeq(tx, catalogue.id);
    const [item] = await tx
      .insert(decisionCatalogueItems)
      .values({ regionCode: catalogue.regionCode, catalogueId: catalogue.id, seq, ...itemFields({ ...body, exemptions: body.exemptions ?? {} }), createdAt: now, createdBy: actor!.userId, updatedAt: now, updatedBy: actor!.userId })
      .returning();
    await audit({ action: 'decisions.catalogue.item.create', entityType: ENTITY, entityId: catalogue.id, regionCode: catalogue.regionCode, orgId: catalogue.orgId, after: itemFields(item!) });
    await adjustment(tx, audit, catalogue, 'add', item!, body.reason, null, itemFields(item!), now, actor!.userId, today);
    await touchCatalogue(tx, catalogue.id, now, actor!.userId);
  });
  return getCatalogue(request, catalogueId);
}

export async function updateItem(request: FastifyRequest, itemId: string, body: CatalogueItemBody & AdjustBody): Promise<CatalogueDetail> {
  const actor = request.actor;
  const now = request.server.clock.now();
  const today = beijingToday(request.server.clock);
  const catalogueId = await write(request, async (tx, audit) => {
    const found = await findItem(tx, itemId);
    if (!found) throw notFound('目录事项');
    const catalogue = await catalogueToEdit(tx, actor, found.catalogue.id);
    if (found.item.version !== body.version) throw versionConflict('目录事项');
    if (found.item.removed) throw new AppError('CONFLICT', '该事项已从目录中删除');
    await checkHost(tx, catalogue.regionCode, body.hostOrgId);
    const after = itemFields({ ...body, exemptions: body.exemptions ?? {} });
    const [updated] = await tx
      .update(decisionCatalogueItems)
      .set({ ...after, version: found.item.version + 1, updatedAt: now, updatedBy: actor!.userId })
      .where(and(eq(decisionCatalogueItems.id, itemId), eq(decisionCatalogueItems.version, body.version)))
      .returning();
    if (!updated) throw versionConflict('目录事项');
    await audit({ action: 'decisions.catalogue.item.update', entityType: ENTITY, entityId: catalogue.id, regionCode: catalogue.regionCode, orgId: catalogue.orgId, before: itemFields(found.item), after });
    await adjustment(tx, audit, catalogue, 'change', updated, body.reason, itemFields(found.item), after, now, actor!.userId, today);
    await touchCatalogue(tx, catalogue.id, now, actor!.userId);
    return catalogue.id;
  });
  return getCatalogue(request, catalogueId);
}

/** A draft catalogue's item is deleted; an approved one's is marked removed, with the adjustment kept. */
export async function removeItem(request: FastifyRequest, itemId: string, body: RemoveItemBody): Promise<CatalogueDetail> {
  const actor = request.actor;
  const now = request.server.clock.now();
  const today = beijingToday(request.server.clock);
  const catalogueId = await write(request, async (tx, audit) => {
    const found = await findItem(tx, itemId);
    if (!found) throw notFound('目录事项');
    const catalogue = await catalogueToEdit(tx, actor, found.catalogue.id);
    if (found.item.version !== body.version) throw versionConflict('目录事项');
    if (found.item.removed) throw new AppError('CONFLICT', '该事项已从目录中删除');
    if (found.caseId) throw new AppError('CONFLICT', '该事项已启动决策程序，不能从目录中删除');
    if (catalogue.state === 'drafted') await tx.delete(decisionCatalogueItems).where(eq(decisionCatalogueItems.id, itemId));
    else await tx.update(decisionCatalogueItems).set({ removed: true, version: found.item.version + 1, updatedAt: now, updatedBy: actor!.userId }).where(eq(decisionCatalogueItems.id, itemId));
    await audit({ action: 'decisions.catalogue.item.delete', entityType: ENTITY, entityId: catalogue.id, regionCode: catalogue.regionCode, orgId: catalogue.orgId, before: itemFields(found.item) });
    await adjustment(tx, audit, catalogue, 'remove', found.item, body.reason, itemFields(found.item), null, now, actor!.userId, today);
    await touchCatalogue(tx, catalogue.id, now, actor!.userId);
    return catalogue.id;
  });
  return getCatalogue(request, catalogueId);
}

/** 审定: the government approves the catalogue after the Party committee consented (条例 第三条第三款). */
export async function approveCatalogue(request: FastifyRequest, id: string, body: ApproveCatalogueBody): Promise<CatalogueDetail> {
  const actor = request.actor;
  const now = request.server.clock.now();
  const today = beijingToday(request.server.clock);
  await write(request, async (tx, audit) => {
    const catalogue = await catalogueToEdit(tx, actor, id);
    if (catalogue.version !== body.version) throw versionConflict('决策事项目录');
    if (catalogue.state !== 'drafted') throw new AppError('CONFLICT', `目录当前为「${catalogueStateLabels[catalogue.state]}」，不能再次审定`);
    if (body.partyConsentOn > today) throw fieldRefused('partyConsentOn', '党委同意日期不能晚于今天');
    if ((await findItems(tx, [id], false)).length === 0) throw new AppError('CONFLICT', '目录中还没有决策事项');
    await tx.update(decisionCatalogues).set({ state: 'approved', partyConsentOn: body.partyConsentOn, partyConsentRef: body.partyConsentRef, approvedOn: today, version: catalogue.version + 1, updatedAt: now, updatedBy: actor!.userId }).where(eq(decisionCatalogues.id, id));
    await audit({ action: 'decisions.catalogue.approve', entityType: ENTITY, entityId: id, regionCode: catalogue.regionCode, orgId: catalogue.orgId, before: { state: catalogue.state }, after: { state: 'approved', partyConsentOn: body.partyConsentOn, partyConsentRef: body.partyConsentRef } });
  });
  return getCatalogue(request, id);
}

export async function publishCatalogue(request: FastifyRequest, id: string, body: PublishCatalogueBody): Promise<CatalogueDetail> {
  const actor = request.actor;
  const now = request.server.clock.now();
  const today = beijingToday(request.server.clock);
  await write(request, async (tx, audit) => {
    const catalogue = await catalogueToEdit(tx, actor, id);
    if (catalogue.version !== body.version) throw versionConflict('决策事项目录');
    if (catalogue.state !== 'approved') throw new AppError('CONFLICT', catalogue.state === 'drafted' ? '目录须经审定（党委同意）后方可公布' : '目录已公布');
    await tx.update(decisionCatalogues).set({ state: 'published', publishedOn: today, version: catalogue.version + 1, updatedAt: now, updatedBy: actor!.userId }).where(eq(decisionCatalogues.id, id));
    await audit({ action: 'decisions.catalogue.publish', entityType: ENTITY, entityId: id, regionCode: catalogue.regionCode, orgId: catalogue.orgId, before: { state: catalogue.state }, after: { state: 'published', publishedOn: today } });
  });
  return getCatalogue(request, id);
}
