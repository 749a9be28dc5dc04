import type { FastifyRequest } from 'fastify';
import { inScope, requirePermission } from '../../kernel/auth/actor.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import type { Actor } from '../../kernel/auth/actor.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { fieldRefused, notFound, versionConflict } from '../../kernel/errors/app-error.ts';
import { write } from '../../kernel/http/context.ts';
import { findOrg } from '../../kernel/org/org.repository.ts';
import { enforcementFieldLabels, penaltyStateLabels, type PenaltyState } from '../../../contracts/enforcement.ts';
import { sql, type SQL } from 'drizzle-orm';
import { campaignFigures, findCampaign, findCampaignCases, findCampaigns, insertCampaign, updateCampaign, type CampaignRow } from './campaigns.repository.ts';
import type { CampaignBody, CampaignFigures, CampaignFilter, CampaignItem, UpdateCampaignBody } from './campaigns.schemas.ts';
import { CAMPAIGN_ENTITY, CAMPAIGN_MANAGE, CAMPAIGN_READ, INSPECTION_READ } from './inspections.permissions.ts';
import { inspectionScope } from './inspections.repository.ts';

/**
 * 专项整治 campaigns: read by the whole county (their results are public within the government), managed
 * by the 司法局 or by the lead department. Their figures are counted from the inspections and cases
 * assigned to them, never stored.
 */

const present = (row: CampaignRow, figures: CampaignFigures, figuresScope: string): CampaignItem => {
  const { regionCode: _r, ...item } = row;
  return { ...item, fieldLabel: enforcementFieldLabels[row.field] ?? row.field, figures, figuresScope };
};

/**
 * The inspections a reader's figures count: those the reader may open (so that every figure equals the
 * list it clicks through to); the whole county for a reader without inspection access.
 */
function figuresWithin(actor: Actor): { condition: SQL; label: string } {
  const scope = actor.permissions.get(INSPECTION_READ);
  if (!scope || scope === 'region' || scope === 'all') return { condition: sql`true`, label: '全县' };
  return { condition: inspectionScope(actor, scope), label: scope === 'own_org' ? '本单位' : '本单位及下级' };
}

async function figuresFor(db: Queryable, actor: Actor, ids: string[]) {
  const within = figuresWithin(actor);
  return { figures: await campaignFigures(db, ids, within.condition), label: within.label };
}

export async function listCampaigns(request: FastifyRequest, query: CampaignFilter & { page: number; pageSize: number }) {
  requirePermission(request.actor, CAMPAIGN_READ);
  const { page, pageSize, ...filter } = query;
  const db = request.server.db;
  const { items, total } = await findCampaigns(db, request.actor!.regionCode, filter, { page, pageSize });
  const { figures, label } = await figuresFor(
    db,
    request.actor!,
    items.map((i) => i.id),
  );
  return { items: items.map((row) => present(row, figures.get(row.id)!, label)), total, page, pageSize };
}

async function getReadable(db: Queryable, actor: Actor, id: string): Promise<CampaignRow> {
  const row = await findCampaign(db, id);
  if (!row || row.regionCode !== actor.regionCode) throw notFound('专项整治行动');
  return row;
}

export async function getCampaign(request: FastifyRequest, id: string): Promise<CampaignItem> {
  requirePermission(request.actor, CAMPAIGN_READ);
  const row = await getReadable(request.server.db, request.actor!, id);
  const { figures, label } = await figuresFor(request.server.db, request.actor!, [id]);
  return present(row, figures.get(id)!, label);
}

export async function listCampaignCases(request: FastifyRequest, id: string) {
  requirePermission(request.actor, CAMPAIGN_READ);
  await getReadable(request.server.db, request.actor!, id);
  const rows = await findCampaignCases(request.server.db, id, 1000);
  return rows.map((r) => ({ ...r, state: penaltyStateLabels[r.state as PenaltyState] ?? r.state }));
}

async function checkBody(db: Queryable, actor: Actor, scope: DataScope, body: CampaignBody): Promise<void> {
  const org = await findOrg(db, body.leadOrgId);
  if (!org || org.status !== 'active' || !inScope(actor, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode }))
    throw fieldRefused('leadOrgId', '牵头单位应为本人办理范围内的启用机构', 'FORBIDDEN');
  if (body.endsOn < body.startsOn) throw fieldRefused('endsOn', '结束日期不能早于开始日期');
}

export async function createCampaign(request: FastifyRequest, body: CampaignBody): Promise<CampaignItem> {
  const scope = requirePermission(request.actor, CAMPAIGN_MANAGE);
  const actor = request.actor!;
  return write(request, async (tx, audit) => {
    await checkBody(tx, actor, scope, body);
    const id = await insertCampaign(tx, { ...body, regionCode: actor.regionCode, createdBy: actor.userId, updatedBy: actor.userId });
    await audit({ action: 'campaign.create', entityType: CAMPAIGN_ENTITY, entityId: id, orgId: body.leadOrgId, after: body });
    const { figures, label } = await figuresFor(tx, actor, [id]);
    return present((await findCampaign(tx, id))!, figures.get(id)!, label);
  });
}

export async function editCampaign(request: FastifyRequest, id: string, body: UpdateCampaignBody): Promise<CampaignItem> {
  const scope = requirePermission(request.actor, CAMPAIGN_MANAGE);
  const actor = request.actor!;
  return write(request, async (tx, audit) => {
    const before = await getReadable(tx, actor, id);
    const lead = await findOrg(tx, before.leadOrgId);
    if (!lead || !inScope(actor, scope, { orgId: lead.id, orgPath: lead.path, regionCode: lead.regionCode })) throw notFound('专项整治行动');
    await checkBody(tx, actor, scope, body);
    const { version, ...values } = body;
    if (!(await updateCampaign(tx, id, version, { ...values, updatedBy: actor.userId }))) throw versionConflict('专项整治行动');
    await audit({ action: 'campaign.update', entityType: CAMPAIGN_ENTITY, entityId: id, orgId: body.leadOrgId, before, after: values });
    const { figures, label } = await figuresFor(tx, actor, [id]);
    return present((await findCampaign(tx, id))!, figures.get(id)!, label);
  });
}
