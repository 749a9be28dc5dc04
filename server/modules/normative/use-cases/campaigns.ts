import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import type { Queryable } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused, versionConflict } from '../../../kernel/errors/app-error.ts';
import { toXlsx } from '../../../kernel/excel/excel.ts';
import { write } from '../../../kernel/http/context.ts';
import { campaignStateLabels, cleanupDecisionLabels, cleanupStatus, inForceStatuses, legalStatusLabels, type CampaignState, type CleanupDecision, type LegalStatus } from '../../../../contracts/normative.ts';
import {
  bumpCampaign,
  decideItem,
  findCampaign,
  findCampaignItems,
  findCampaigns,
  insertCampaignItems,
  itemExists,
  lockCampaign,
  type CampaignRow,
} from '../normative.campaigns.repository.ts';
import { officialDocx } from '../../../kernel/documents/official-docx.ts';
import { MANAGE, READ } from '../normative.permissions.ts';
import { changeStatus, effectiveStatus, indexDocument, lockDocuments } from '../normative.repository.ts';
import type { CampaignBody } from '../normative.schemas.ts';
import { normativeCampaigns } from '../normative.tables.ts';

type Found = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

const present = ({ campaign: c, itemCount, decidedCount }: Found | Awaited<ReturnType<typeof findCampaigns>>[number]) => ({
  id: c.id,
  title: c.title,
  topics: c.topics,
  description: c.description,
  state: c.state as CampaignState,
  stateLabel: campaignStateLabels[c.state as CampaignState],
  startedOn: c.startedOn,
  completedOn: c.completedOn,
  publishedOn: c.publishedOn,
  version: c.version,
  itemCount,
  decidedCount,
});

async function itemsOf(db: Queryable, campaignId: string, today: string) {
  return (await findCampaignItems(db, campaignId, today)).map(({ regionCode: _r, ...i }) => ({
    ...i,
    decision: i.decision as CleanupDecision | null,
    decisionLabel: i.decision ? cleanupDecisionLabels[i.decision as CleanupDecision] : null,
    statusLabel: i.status ? legalStatusLabels[i.status as LegalStatus] : null,
  }));
}

/** A campaign of the actor's county (staff), or a published one of any county (the portal). */
async function detail(db: Queryable, id: string, today: string, regionCode: string | null) {
  const found = await findCampaign(db, id);
  if (!found || (regionCode !== null ? found.campaign.regionCode !== regionCode : found.campaign.state !== 'published')) throw new AppError('NOT_FOUND', '清理活动不存在或无权访问');
  return { ...present(found), items: await itemsOf(db, id, today) };
}

const today = (request: FastifyRequest) => beijingToday(request.server.clock);

export async function listCampaigns(request: FastifyRequest) {
  requirePermission(request.actor, READ);
  return (await findCampaigns(request.server.db, request.actor!.regionCode, false)).map(present);
}

export async function getCampaign(request: FastifyRequest, id: string) {
  requirePermission(request.actor, READ);
  return detail(request.server.db, id, today(request), request.actor!.regionCode);
}

export async function listPublicCampaigns(request: FastifyRequest, regionCode: string | undefined) {
  return (await findCampaigns(request.server.db, regionCode, true)).map(present);
}

export const getPublicCampaign = (request: FastifyRequest, id: string) => detail(request.server.db, id, today(request), null);

/** A county-wide task: clean-ups are decided for the whole county. */
function manager(request: FastifyRequest) {
  const scope = requirePermission(request.actor, MANAGE);
  if (scope !== 'region' && scope !== 'all') throw new AppError('FORBIDDEN', '专项清理对全县适用，须具有本行政区范围的管理权限');
  return request.actor!;
}

export async function createCampaign(request: FastifyRequest, body: CampaignBody) {
  const actor = manager(request);
  if (body.startedOn > today(request)) throw fieldRefused('startedOn', '开始日期不能晚于今天');
  const id = await write(request, async (tx, audit) => {
    const now = request.server.clock.now();
    const [row] = await tx
      .insert(normativeCampaigns)
      .values({ ...body, regionCode: actor.regionCode, state: 'open', createdAt: now, createdBy: actor.userId, updatedAt: now, updatedBy: actor.userId })
      .returning();
    await audit({ action: 'normative.campaign.create', entityType: 'normative_campaign', entityId: row!.id, regionCode: actor.regionCode, after: body });
    return row!.id;
  });
  return getCampaign(request, id);
}

/** Locks the campaign, checks it is the actor's county's, at the version seen and still open. */
async function openCampaign(request: FastifyRequest, tx: Parameters<typeof lockCampaign>[0], id: string, version: number, what: string): Promise<CampaignRow> {
  const campaign = await lockCampaign(tx, id);
  if (!campaign || campaign.regionCode !== request.actor!.regionCode) throw new AppError('NOT_FOUND', '清理活动不存在或无权访问');
  if (campaign.version !== version) throw versionConflict('清理活动');
  if (campaign.state !== 'open') throw new AppError('CONFLICT', `清理活动${campaignStateLabels[campaign.state as CampaignState]}，不能${what}`);
  return campaign;
}

export async function addCampaignItems(request: FastifyRequest, id: string, body: { documentIds: string[]; version: number }) {
  const actor = manager(request);
  await write(request, async (tx, audit) => {
    await openCampaign(request, tx, id, body.version, '再选择文件');
    const docs = await lockDocuments(tx, [...new Set(body.documentIds)]);
    const day = today(request);
    for (const docId of body.documentIds) {
      const d = docs.find((x) => x.id === docId);
      if (!d || d.regionCode !== actor.regionCode) throw fieldRefused('documentIds', '所选文件不存在或不属于本行政区');
      if (!d.docNo || !inForceStatuses.includes(effectiveStatus(d, day) as LegalStatus)) throw fieldRefused('documentIds', `《${d.title}》不是现行有效的已公布文件，不需清理`);
    }
    const now = request.server.clock.now();
    const added = await insertCampaignItems(tx, docs.map((d) => ({ regionCode: actor.regionCode, campaignId: id, documentId: d.id, createdAt: now, createdBy: actor.userId, updatedAt: now, updatedBy: actor.userId })));
    await bumpCampaign(tx, id, {}, now, actor.userId);
    await audit({ action: 'normative.campaign.items', entityType: 'normative_campaign', entityId: id, regionCode: actor.regionCode, after: { documentIds: body.documentIds, added } });
  });
  return getCampaign(request, id);
}

export async function decideCampaignItem(request: FastifyRequest, id: string, itemId: string, body: { decision: CleanupDecision; reason: string; version: number }) {
  const actor = manager(request);
  await write(request, async (tx, audit) => {
    const campaign = await lockCampaign(tx, id);
    if (!campaign || campaign.regionCode !== actor.regionCode) throw new AppError('NOT_FOUND', '清理活动不存在或无权访问');
    if (campaign.state !== 'open') throw new AppError('CONFLICT', `清理活动${campaignStateLabels[campaign.state as CampaignState]}，不能再修改清理意见`);
    const now = request.server.clock.now();
    const row = await decideItem(tx, id, itemId, body.version, { decision: body.decision, reason: body.reason }, now, actor.userId);
    if (!row) throw (await itemExists(tx, id, itemId)) ? versionConflict('清理意见') : new AppError('NOT_FOUND', '清理文件不存在');
    await bumpCampaign(tx, id, {}, now, actor.userId);
    await audit({ action: 'normative.campaign.decide', entityType: 'normative_campaign', entityId: id, regionCode: actor.regionCode, after: { itemId, decision: body.decision, reason: body.reason } });
  });
  return getCampaign(request, id);
}

/**
 * 完成清理: every document must have a decision; the status changes (修改, 废止, 失效) are applied to the
 * documents in this one transaction, each recorded with the campaign that made it.
 */
export async function completeCampaign(request: FastifyRequest, id: string, body: { version: number; on?: string }) {
  const actor = manager(request);
  const on = body.on ?? today(request);
  if (on > today(request)) throw fieldRefused('on', '完成日期不能晚于今天');
  await write(request, async (tx, audit) => {
    const campaign = await openCampaign(request, tx, id, body.version, '完成');
    const items = await findCampaignItems(tx, id, on);
    if (!items.length) throw new AppError('CONFLICT', '清理活动尚未选择文件，不能完成清理');
    const undecided = items.filter((i) => !i.decision).length;
    if (undecided) throw new AppError('CONFLICT', `还有 ${undecided} 件文件未提出清理意见，不能完成清理`);
    if (on < campaign.startedOn) throw fieldRefused('on', `完成日期不能早于开始日期（${campaign.startedOn}）`);
    const now = request.server.clock.now();
    const changing = items.filter((i) => cleanupStatus[i.decision as CleanupDecision] !== null);
    const locked = await lockDocuments(tx, changing.map((i) => i.documentId));
    for (const item of changing) {
      const doc = locked.find((l) => l.id === item.documentId)!;
      if (!inForceStatuses.includes(effectiveStatus(doc, on) as LegalStatus)) throw new AppError('CONFLICT', `《${doc.title}》已不是现行有效的文件，请重新提出清理意见`);
      await changeStatus(tx, { regionCode: campaign.regionCode, documentId: item.documentId, status: cleanupStatus[item.decision as CleanupDecision]!, changedOn: on, byText: campaign.title, campaignId: id, reason: item.reason }, now, actor.userId);
      await indexDocument(tx, item.documentId, now);
    }
    await bumpCampaign(tx, id, { state: 'completed', completedOn: on }, now, actor.userId);
    await audit({ action: 'normative.campaign.complete', entityType: 'normative_campaign', entityId: id, regionCode: campaign.regionCode, after: { completedOn: on, changed: changing.length, kept: items.length - changing.length } });
  });
  return getCampaign(request, id);
}

/** 公布清理结果: the lists go on the portal. */
export async function publishCampaign(request: FastifyRequest, id: string, body: { version: number; on?: string }) {
  const actor = manager(request);
  const on = body.on ?? today(request);
  await write(request, async (tx, audit) => {
    const campaign = await lockCampaign(tx, id);
    if (!campaign || campaign.regionCode !== actor.regionCode) throw new AppError('NOT_FOUND', '清理活动不存在或无权访问');
    if (campaign.version !== body.version) throw versionConflict('清理活动');
    if (campaign.state !== 'completed') throw new AppError('CONFLICT', campaign.state === 'open' ? '尚未完成清理，不能公布清理结果' : '清理结果已公布');
    if (on > today(request) || on < campaign.completedOn!) throw fieldRefused('on', `公布日期应在完成日期（${campaign.completedOn}）至今天之间`);
    await bumpCampaign(tx, id, { state: 'published', publishedOn: on }, request.server.clock.now(), actor.userId);
    await audit({ action: 'normative.campaign.publish', entityType: 'normative_campaign', entityId: id, regionCode: campaign.regionCode, after: { publishedOn: on } });
  });
  return getCampaign(request, id);
}

type Detail = Awaited<ReturnType<typeof detail>>;

/** The result lists, one per decision: 继续有效, 修改, 废止, 宣布失效. */
const groups = (d: Detail) => (Object.keys(cleanupDecisionLabels) as CleanupDecision[]).map((decision) => ({ decision, items: d.items.filter((i) => i.decision === decision) }));

export function campaignXlsx(d: Detail): Promise<Buffer> {
  return toXlsx(
    '清理结果',
    [
      { header: '序号', width: 6, value: (r: Detail['items'][number] & { n: number }) => r.n },
      { header: '文件名称', width: 48, value: (r) => r.title },
      { header: '文号', width: 22, value: (r) => r.docNo },
      { header: '制定机关', width: 22, value: (r) => r.issuerName },
      { header: '清理意见', width: 12, value: (r) => r.decisionLabel },
      { header: '理由', width: 48, value: (r) => r.reason },
    ],
    d.items.map((r, i) => ({ ...r, n: i + 1 })),
  );
}

export function campaignDocx(d: Detail): Promise<Buffer> {
  const paragraphs = [`${d.description || ''}`.trim(), ...groups(d).flatMap(({ decision, items }) => [
    `${cleanupDecisionLabels[decision]}的规范性文件目录（${items.length}件）`,
    ...(items.length ? items.map((i, n) => `${n + 1}. 《${i.title}》（${i.docNo ?? '无文号'}）${i.reason ? `：${i.reason}` : ''}`) : ['（无）']),
  ])].filter(Boolean);
  return officialDocx({ title: `${d.title}结果`, paragraphs: d.publishedOn ? [...paragraphs, `（${d.publishedOn}公布）`] : paragraphs });
}

export async function exportCampaign(request: FastifyRequest, id: string, format: 'xlsx' | 'docx', publicOnly: boolean) {
  const d = publicOnly ? await getPublicCampaign(request, id) : await getCampaign(request, id);
  return format === 'xlsx' ? campaignXlsx(d) : campaignDocx(d);
}
