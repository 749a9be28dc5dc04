import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AppError, fieldRefused, versionConflict } from '../../kernel/errors/app-error.ts';
import { beijingToday } from '../../kernel/calendar/local-date.ts';
import { toXlsx } from '../../kernel/excel/excel.ts';
import { write } from '../../kernel/http/context.ts';
import { EVALUATION_CAMPAIGN_ENTITY, EVALUATION_MANAGE, EVALUATION_RECTIFY, EVALUATION_SCORE } from './evaluations.permissions.ts';
import { drawSample, findCampaign, findCampaigns, findDraws, insertCampaign, lockCampaign, lockSheet, rollUp, updateCampaign } from './evaluations.repository.ts';
import type { CampaignBody, ResultRow, UpdateCampaignBody } from './evaluations.schemas.ts';
import { manager } from './evaluations.sheets.ts';

type Found = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

const present = ({ campaign: c, sheetName, fileCount, scoredCount, rectifyingCount }: Found) => ({
  id: c.id,
  title: c.title,
  year: c.year,
  sheetId: c.sheetId,
  sheetName,
  samplePerOrg: c.samplePerOrg,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  version: c.version,
  fileCount,
  scoredCount,
  rectifyingCount,
});

const today = (request: FastifyRequest) => beijingToday(request.server.clock);

/** Campaigns are listed to whoever works on evaluations (a department needs the title of its files' campaign). */
function reader(request: FastifyRequest) {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  if (![EVALUATION_MANAGE, EVALUATION_SCORE, EVALUATION_RECTIFY].some((p) => actor.permissions.has(p))) throw new AppError('FORBIDDEN', '没有执行此操作的权限');
  return actor;
}

export async function listCampaigns(request: FastifyRequest) {
  const actor = reader(request);
  return (await findCampaigns(request.server.db, actor.regionCode)).map(present);
}

async function campaignOf(request: FastifyRequest, id: string) {
  const actor = reader(request);
  const found = await findCampaign(request.server.db, id);
  if (!found || found.campaign.regionCode !== actor.regionCode) throw new AppError('NOT_FOUND', '评查活动不存在或无权访问');
  return found;
}

export async function getCampaign(request: FastifyRequest, id: string) {
  const found = await campaignOf(request, id);
  return { ...present(found), draws: await findDraws(request.server.db, id) };
}

function checkDates(body: CampaignBody): void {
  if (body.endsOn < body.startsOn) throw fieldRefused('endsOn', '结束日期不能早于开始日期');
  if (Number(body.startsOn.slice(0, 4)) < body.year) throw fieldRefused('startsOn', `评查 ${body.year} 年度的案卷，开始日期不能早于该年度`);
}

async function usableSheet(tx: Parameters<typeof lockSheet>[0], regionCode: string, sheetId: string) {
  const sheet = await lockSheet(tx, sheetId);
  if (!sheet || sheet.regionCode !== regionCode) throw fieldRefused('sheetId', '评查表不存在或不属于本行政区');
  return sheet;
}

export async function createCampaign(request: FastifyRequest, body: CampaignBody) {
  const actor = manager(request);
  checkDates(body);
  const id = await write(request, async (tx, audit) => {
    await usableSheet(tx, actor.regionCode, body.sheetId);
    const now = request.server.clock.now();
    const row = await insertCampaign(tx, { ...body, regionCode: actor.regionCode, createdAt: now, createdBy: actor.userId, updatedAt: now, updatedBy: actor.userId });
    await audit({ action: 'enforcement.evaluation.campaign.create', entityType: EVALUATION_CAMPAIGN_ENTITY, entityId: row.id, after: body });
    return row.id;
  });
  return getCampaign(request, id);
}

/** Title and window may change at any time; year, sheet and sample size only before the first draw. */
export async function editCampaign(request: FastifyRequest, id: string, body: UpdateCampaignBody) {
  const actor = manager(request);
  checkDates(body);
  await write(request, async (tx, audit) => {
    const campaign = await lockCampaign(tx, id);
    if (!campaign || campaign.regionCode !== actor.regionCode) throw new AppError('NOT_FOUND', '评查活动不存在或无权访问');
    if (campaign.version !== body.version) throw versionConflict('评查活动');
    const { version: _v, ...values } = body;
    const drawn = (await findCampaign(tx, id))!.fileCount > 0;
    if (drawn && (values.year !== campaign.year || values.sheetId !== campaign.sheetId || values.samplePerOrg !== campaign.samplePerOrg))
      throw new AppError('CONFLICT', '已抽取案卷，不能再修改年度、评查表或抽取件数');
    await usableSheet(tx, actor.regionCode, values.sheetId);
    await updateCampaign(tx, id, values, request.server.clock.now(), actor.userId);
    await audit({ action: 'enforcement.evaluation.campaign.update', entityType: EVALUATION_CAMPAIGN_ENTITY, entityId: id, before: campaign, after: values });
  });
  return getCampaign(request, id);
}

/**
 * 抽取案卷: the seed given, or a new random one, is recorded in the audit row with the cases drawn, so
 * anyone can check the draw by repeating it.
 */
export async function drawCampaignSample(request: FastifyRequest, id: string, body: { version: number; seed?: string }) {
  const actor = manager(request);
  const seed = body.seed ?? randomBytes(8).toString('hex');
  const added = await write(request, async (tx, audit) => {
    const campaign = await lockCampaign(tx, id);
    if (!campaign || campaign.regionCode !== actor.regionCode) throw new AppError('NOT_FOUND', '评查活动不存在或无权访问');
    if (campaign.version !== body.version) throw versionConflict('评查活动');
    if (campaign.endsOn < today(request)) throw new AppError('CONFLICT', '评查活动已结束，不能再抽取案卷');
    const now = request.server.clock.now();
    const caseIds = await drawSample(tx, campaign, seed, now, actor.userId);
    await updateCampaign(tx, id, {}, now, actor.userId);
    await audit({ action: 'enforcement.evaluation.draw', entityType: EVALUATION_CAMPAIGN_ENTITY, entityId: id, after: { seed, added: caseIds.length, caseIds, year: campaign.year, samplePerOrg: campaign.samplePerOrg } });
    return caseIds.length;
  });
  return { ...(await getCampaign(request, id)), added };
}

const resultRow = (r: Record<string, unknown>): ResultRow => ({
  orgId: (r.orgId as string | null) ?? null,
  orgName: (r.orgName as string | null) ?? '合计',
  files: Number(r.files),
  scored: Number(r.scored),
  averageScore: r.averageScore === null ? null : Number(r.averageScore),
  excellent: Number(r.excellent),
  qualified: Number(r.qualified),
  unqualified: Number(r.unqualified),
  withProblems: Number(r.withProblems),
  sentBack: Number(r.sentBack),
  rectifiedOnTime: Number(r.rectifiedOnTime),
  rectifiedLate: Number(r.rectifiedLate),
  overdueOpen: Number(r.overdueOpen),
});

/** The roll-up per department of the files the actor may see (a department sees its own row). */
export async function campaignResults(request: FastifyRequest, id: string) {
  const found = await campaignOf(request, id);
  const asOf = today(request);
  const rows = await rollUp(request.server.db, request.actor!, id, asOf);
  const total = rows.find((r) => Number(r.isTotal) === 1);
  const empty = { orgId: null, orgName: '合计', files: 0, scored: 0, averageScore: null, excellent: 0, qualified: 0, unqualified: 0, withProblems: 0, sentBack: 0, rectifiedOnTime: 0, rectifiedLate: 0, overdueOpen: 0 };
  return { campaign: present(found), asOf, rows: rows.filter((r) => Number(r.isTotal) === 0).map(resultRow), total: total ? { ...resultRow(total), orgId: null, orgName: '合计' } : empty };
}

export async function exportResults(request: FastifyRequest, id: string): Promise<Buffer> {
  const { rows, total } = await campaignResults(request, id);
  return toXlsx(
    '评查结果',
    [
      { header: '执法部门', width: 28, value: (r: ResultRow) => r.orgName },
      { header: '抽查案卷', width: 10, value: (r) => r.files },
      { header: '已评查', width: 10, value: (r) => r.scored },
      { header: '平均分', width: 10, value: (r) => r.averageScore },
      { header: '优秀', width: 8, value: (r) => r.excellent },
      { header: '合格', width: 8, value: (r) => r.qualified },
      { header: '不合格', width: 8, value: (r) => r.unqualified },
      { header: '存在问题案卷', width: 12, value: (r) => r.withProblems },
      { header: '退回整改', width: 10, value: (r) => r.sentBack },
      { header: '按期整改', width: 10, value: (r) => r.rectifiedOnTime },
      { header: '逾期整改', width: 10, value: (r) => r.rectifiedLate },
      { header: '逾期未整改', width: 10, value: (r) => r.overdueOpen },
    ],
    [...rows, total],
  );
}
