import type { FastifyRequest } from 'fastify';
import { inScope, requirePermission, type Actor } from '../../kernel/auth/actor.ts';
import type { DataScope } from '../../kernel/auth/auth.tables.ts';
import { beijingToday } from '../../kernel/calendar/local-date.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { AppError, fieldRefused, notFound, versionConflict } from '../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../kernel/excel/excel.ts';
import { write } from '../../kernel/http/context.ts';
import { findOrg } from '../../kernel/org/org.repository.ts';
import { checkCreditCode } from '../../kernel/validation/credit-code.ts';
import { enforcementFieldLabels, inspectionResultLabels } from '../../../contracts/enforcement.ts';
import { INSPECTION_ENTITY, INSPECTION_READ, INSPECTION_WRITE } from './inspections.permissions.ts';
import { findInspection, findInspections, findInspectionsForExport, insertInspection, referencesOf, updateInspection, type InspectionRow } from './inspections.repository.ts';
import type { InspectionBody, InspectionFilter, InspectionItem, UpdateInspectionBody } from './inspections.schemas.ts';

/** A county's yearly inspections run to the tens of thousands; this bounds a mistaken "everything" export. */
const EXPORT_LIMIT = 100_000;

export function presentInspection(row: InspectionRow): InspectionItem {
  const { regionCode: _r, ...item } = row;
  return { ...item, fieldLabel: enforcementFieldLabels[row.field] ?? row.field, resultLabel: inspectionResultLabels[row.result] ?? row.result };
}

export async function listInspections(request: FastifyRequest, query: InspectionFilter & { page: number; pageSize: number }) {
  const scope = requirePermission(request.actor, INSPECTION_READ);
  const { page, pageSize, ...filter } = query;
  const { items, total } = await findInspections(request.server.db, request.actor!, scope, filter, { page, pageSize });
  return { items: items.map(presentInspection), total, page, pageSize };
}

const yes = (value: boolean) => (value ? '是' : '否');

/** The export's columns are the import's headers (round trip), with the department named. */
export const inspectionColumns: Column<InspectionItem>[] = [
  { header: '执法部门', width: 24, value: (r) => r.orgName },
  { header: '执法领域', width: 16, value: (r) => r.fieldLabel },
  { header: '检查日期', width: 12, value: (r) => r.inspectedOn },
  { header: '检查对象', width: 28, value: (r) => r.targetName },
  { header: '对象类型', width: 16, value: (r) => r.targetType },
  { header: '统一社会信用代码', width: 22, value: (r) => r.targetCreditCode },
  { header: '检查地点', width: 28, value: (r) => r.place },
  { header: '检查结果', width: 12, value: (r) => r.resultLabel },
  { header: '责令整改', width: 8, value: (r) => yes(r.rectificationOrdered) },
  { header: '发现隐患数', width: 10, value: (r) => r.hazardsFound },
  { header: '关停取缔', width: 8, value: (r) => yes(r.placeClosed) },
  { header: '拆除', width: 8, value: (r) => yes(r.demolished) },
  { header: '出具执法文书数', width: 12, value: (r) => r.documentsIssued },
  { header: '移送司法机关', width: 10, value: (r) => yes(r.transferredToJudiciary) },
  { header: '执法人员', width: 16, value: (r) => r.officerNames },
  { header: '专项整治行动', width: 24, value: (r) => r.campaignTitle },
  { header: '执法主体', width: 24, value: (r) => r.bodyName },
  { header: '备注', width: 30, value: (r) => r.notes },
];

export async function exportInspections(request: FastifyRequest, filter: InspectionFilter): Promise<Buffer> {
  const scope = requirePermission(request.actor, INSPECTION_READ);
  const rows = await findInspectionsForExport(request.server.db, request.actor!, scope, filter, EXPORT_LIMIT);
  return toXlsx('行政检查记录', inspectionColumns, rows.map(presentInspection));
}

/** One inspection the actor may read (not found otherwise: its existence is not disclosed). */
async function getReadable(db: Queryable, actor: Actor, scope: DataScope, id: string): Promise<InspectionRow> {
  const row = await findInspection(db, id);
  if (!row || !inScope(actor, scope, { orgId: row.orgId, orgPath: await orgPathOf(db, row.orgId), regionCode: row.regionCode })) throw notFound('行政检查记录');
  return row;
}

async function orgPathOf(db: Queryable, orgId: string): Promise<string> {
  return (await findOrg(db, orgId))?.path ?? '';
}

export async function getInspection(request: FastifyRequest, id: string): Promise<InspectionItem> {
  const scope = requirePermission(request.actor, INSPECTION_READ);
  return presentInspection(await getReadable(request.server.db, request.actor!, scope, id));
}

/** The checks beyond the schema: the organisation within the writer's scope, references of the same region, a valid credit code. */
async function checkEntry(db: Queryable, actor: Actor, scope: DataScope, body: InspectionBody): Promise<string> {
  const org = await findOrg(db, body.orgId);
  if (!org || org.status !== 'active' || !inScope(actor, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode }))
    throw fieldRefused('orgId', '只能登记本单位（本人办理范围内）的行政检查', 'FORBIDDEN');
  if (body.targetCreditCode) {
    const check = checkCreditCode(body.targetCreditCode.toUpperCase());
    if (!check.ok) throw fieldRefused('targetCreditCode', check.reason, 'INVALID_CREDIT_CODE');
  }
  const refs = await referencesOf(db, body);
  if (body.bodyId && (!refs.body || refs.body.regionCode !== org.regionCode)) throw fieldRefused('bodyId', '执法主体不存在');
  if (body.bodyId && refs.body && refs.body.orgId !== org.id) throw fieldRefused('bodyId', '执法主体不属于检查部门');
  if (body.matterId && (!refs.matter || refs.matter.regionCode !== org.regionCode)) throw fieldRefused('matterId', '检查事项不存在');
  if (body.campaignId && (!refs.campaign || refs.campaign.regionCode !== org.regionCode)) throw fieldRefused('campaignId', '专项整治行动不存在');
  if (body.caseId && (!refs.case || refs.case.orgId !== org.id)) throw fieldRefused('caseId', '立案案件不存在或不是检查部门办理的案件');
  if (body.result === 'rectification' && !body.rectificationOrdered) throw fieldRefused('rectificationOrdered', '检查结果为“责令整改”时应勾选“责令整改”');
  return org.regionCode;
}

const columnsOf = (body: InspectionBody) => ({
  orgId: body.orgId,
  bodyId: body.bodyId ?? null,
  matterId: body.matterId ?? null,
  field: body.field,
  campaignId: body.campaignId ?? null,
  inspectedOn: body.inspectedOn,
  targetName: body.targetName,
  targetType: body.targetType || null,
  targetCreditCode: body.targetCreditCode?.toUpperCase() || null,
  place: body.place || null,
  result: body.result,
  rectificationOrdered: body.rectificationOrdered,
  hazardsFound: body.hazardsFound,
  placeClosed: body.placeClosed,
  demolished: body.demolished,
  documentsIssued: body.documentsIssued,
  transferredToJudiciary: body.transferredToJudiciary,
  officerNames: body.officerNames || null,
  notes: body.notes || null,
  caseId: body.caseId ?? null,
});

function checkNotFuture(request: FastifyRequest, day: string): void {
  if (day > beijingToday(request.server.clock)) throw fieldRefused('inspectedOn', '检查日期不能晚于今天');
}

export async function createInspection(request: FastifyRequest, body: InspectionBody): Promise<InspectionItem> {
  const scope = requirePermission(request.actor, INSPECTION_WRITE);
  checkNotFuture(request, body.inspectedOn);
  return write(request, async (tx, audit) => {
    const regionCode = await checkEntry(tx, request.actor!, scope, body);
    const values = columnsOf(body);
    const id = await insertInspection(tx, { ...values, regionCode, createdBy: request.actor!.userId, updatedBy: request.actor!.userId });
    await audit({ action: 'inspection.create', entityType: INSPECTION_ENTITY, entityId: id, orgId: body.orgId, regionCode, after: values });
    return presentInspection((await findInspection(tx, id))!);
  });
}

export async function editInspection(request: FastifyRequest, id: string, body: UpdateInspectionBody): Promise<InspectionItem> {
  const scope = requirePermission(request.actor, INSPECTION_WRITE);
  checkNotFuture(request, body.inspectedOn);
  return write(request, async (tx, audit) => {
    const before = await getReadable(tx, request.actor!, scope, id);
    if (before.version !== body.version) throw versionConflict('行政检查记录');
    const regionCode = await checkEntry(tx, request.actor!, scope, body);
    if (regionCode !== before.regionCode) throw new AppError('BAD_REQUEST', '不能把检查记录改到其他行政区');
    const values = columnsOf(body);
    if (!(await updateInspection(tx, id, body.version, { ...values, updatedBy: request.actor!.userId }))) throw versionConflict('行政检查记录');
    await audit({ action: 'inspection.update', entityType: INSPECTION_ENTITY, entityId: id, orgId: body.orgId, regionCode, before: presentInspection(before), after: values });
    return presentInspection((await findInspection(tx, id))!);
  });
}
