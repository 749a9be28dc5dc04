import type { FastifyRequest } from 'fastify';
import { inScope, requirePermission, type Actor } from '../../../kernel/auth/actor.ts';
import type { DataScope } from '../../../kernel/auth/auth.tables.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import type { Queryable } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused, notFound, versionConflict } from '../../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import { write } from '../../../kernel/http/context.ts';
import { findOrg } from '../../../kernel/org/org.repository.ts';
import { interpretationFormLabels, proactiveCategoryLabels, proactiveKindLabels } from '../../../../contracts/disclosure.ts';
import { PROACTIVE_ENTITY, PROACTIVE_READ, PROACTIVE_WRITE } from '../disclosure-report.permissions.ts';
import { proactiveFigures } from '../report.figures.ts';
import {
  deleteProactive,
  findProactive,
  findProactiveForExport,
  findProactiveItem,
  insertProactive,
  updateProactive,
  type ProactiveRow,
} from '../proactive.repository.ts';
import type { ProactiveBody, ProactiveFilter, ProactiveItem, UpdateProactiveBody } from '../proactive.schemas.ts';

/** A mistaken "everything" export stays bounded; a county publishes a few thousand items a year. */
const EXPORT_LIMIT = 100_000;

const label = <K extends string>(labels: Record<K, string>, value: string | null) => (value === null ? null : (labels[value as K] ?? value));

export function presentProactive(row: ProactiveRow): ProactiveItem {
  const { regionCode: _r, orgPath: _p, ...item } = row;
  return {
    ...item,
    categoryLabel: label(proactiveCategoryLabels, row.category)!,
    kindLabel: label(proactiveKindLabels, row.kind)!,
    formLabel: label(interpretationFormLabels, row.form),
  };
}

export async function listProactive(request: FastifyRequest, query: ProactiveFilter & { page: number; pageSize: number }) {
  const scope = requirePermission(request.actor, PROACTIVE_READ);
  const { page, pageSize, ...filter } = query;
  const { items, total } = await findProactive(request.server.db, request.actor!, scope, filter, { page, pageSize });
  return { items: items.map(presentProactive), total, page, pageSize };
}

/** The export's columns are the import's headers, so an exported sheet imports again. */
export const proactiveColumns: Column<ProactiveItem>[] = [
  { header: '公开机关', width: 26, value: (r) => r.orgName },
  { header: '公开日期', width: 12, value: (r) => r.publishedOn },
  { header: '标题', width: 50, value: (r) => r.title },
  { header: '类别', width: 14, value: (r) => r.categoryLabel },
  { header: '信息类型', width: 10, value: (r) => r.kindLabel },
  { header: '解读形式', width: 10, value: (r) => r.formLabel },
  { header: '公开渠道', width: 16, value: (r) => r.channel },
  { header: '网址', width: 40, value: (r) => r.url },
];

export async function exportProactive(request: FastifyRequest, filter: ProactiveFilter): Promise<Buffer> {
  const scope = requirePermission(request.actor, PROACTIVE_READ);
  const rows = await findProactiveForExport(request.server.db, request.actor!, scope, filter, EXPORT_LIMIT);
  return toXlsx('主动公开信息', proactiveColumns, rows.map(presentProactive));
}

async function getReadable(db: Queryable, actor: Actor, scope: DataScope, id: string): Promise<ProactiveRow> {
  const row = await findProactiveItem(db, id);
  if (!row || !inScope(actor, scope, row)) throw notFound('主动公开信息');
  return row;
}

export async function getProactive(request: FastifyRequest, id: string): Promise<ProactiveItem> {
  const scope = requirePermission(request.actor, PROACTIVE_READ);
  return presentProactive(await getReadable(request.server.db, request.actor!, scope, id));
}

/** The organisation within the writer's scope, the day not in the future; answers the row's region. */
async function checkEntry(request: FastifyRequest, db: Queryable, scope: DataScope, body: ProactiveBody): Promise<string> {
  const org = await findOrg(db, body.orgId);
  if (!org || org.status !== 'active' || !inScope(request.actor!, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode }))
    throw fieldRefused('orgId', '只能登记本单位（本人办理范围内）的主动公开信息', 'FORBIDDEN');
  if (body.publishedOn > beijingToday(request.server.clock)) throw fieldRefused('publishedOn', '公开日期不能晚于今天');
  return org.regionCode;
}

const columnsOf = (body: ProactiveBody) => ({
  orgId: body.orgId,
  publishedOn: body.publishedOn,
  title: body.title,
  category: body.category,
  kind: body.kind,
  // Only a 政策解读 has a form.
  form: body.kind === 'interpretation' ? (body.form ?? null) : null,
  channel: body.channel || null,
  url: body.url || null,
});

export async function createProactive(request: FastifyRequest, body: ProactiveBody): Promise<ProactiveItem> {
  const scope = requirePermission(request.actor, PROACTIVE_WRITE);
  return write(request, async (tx, audit) => {
    const regionCode = await checkEntry(request, tx, scope, body);
    const values = columnsOf(body);
    const id = await insertProactive(tx, { ...values, regionCode, createdBy: request.actor!.userId, updatedBy: request.actor!.userId });
    await audit({ action: 'proactive.create', entityType: PROACTIVE_ENTITY, entityId: id, orgId: body.orgId, regionCode, after: values });
    return presentProactive((await findProactiveItem(tx, id))!);
  });
}

export async function editProactive(request: FastifyRequest, id: string, body: UpdateProactiveBody): Promise<ProactiveItem> {
  const scope = requirePermission(request.actor, PROACTIVE_WRITE);
  return write(request, async (tx, audit) => {
    const before = await getReadable(tx, request.actor!, scope, id);
    if (before.version !== body.version) throw versionConflict('主动公开信息');
    const regionCode = await checkEntry(request, tx, scope, body);
    if (regionCode !== before.regionCode) throw new AppError('BAD_REQUEST', '不能把主动公开信息改到其他行政区');
    const values = columnsOf(body);
    if (!(await updateProactive(tx, id, body.version, { ...values, updatedBy: request.actor!.userId }))) throw versionConflict('主动公开信息');
    await audit({ action: 'proactive.update', entityType: PROACTIVE_ENTITY, entityId: id, orgId: body.orgId, regionCode, before: presentProactive(before), after: values });
    return presentProactive((await findProactiveItem(tx, id))!);
  });
}

export async function removeProactive(request: FastifyRequest, id: string, version: number): Promise<void> {
  const scope = requirePermission(request.actor, PROACTIVE_WRITE);
  await write(request, async (tx, audit) => {
    const before = await getReadable(tx, request.actor!, scope, id);
    if (before.version !== version || !(await deleteProactive(tx, id, version))) throw versionConflict('主动公开信息');
    await audit({ action: 'proactive.delete', entityType: PROACTIVE_ENTITY, entityId: id, orgId: before.orgId, regionCode: before.regionCode, before: presentProactive(before) });
  });
}

/** 主动公开 figures of a year, for the actor's own organisation unless the actor reads the region. */
export async function proactiveYearFigures(request: FastifyRequest, year: number, orgId?: string) {
  const scope = requirePermission(request.actor, PROACTIVE_READ);
  const actor = request.actor!;
  const target = orgId ?? (scope === 'region' || scope === 'all' ? null : actor.orgId);
  if (target) {
    const org = await findOrg(request.server.db, target);
    if (!org || !inScope(actor, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode })) throw notFound('机构');
  }
  return proactiveFigures(request.server.db, { regionCode: actor.regionCode, orgId: target, year });
}
