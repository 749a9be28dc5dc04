import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { inScope, requirePermission, scopeOnOrgId } from '../../../kernel/auth/actor.ts';
import { calendarService } from '../../../kernel/calendar/calendar.service.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { AppError, fieldRefused, versionConflict } from '../../../kernel/errors/app-error.ts';
import { toXlsx, type Column } from '../../../kernel/excel/excel.ts';
import { write } from '../../../kernel/http/context.ts';
import { findOrg } from '../../../kernel/org/org.repository.ts';
import { organisations } from '../../../kernel/org/org.tables.ts';
import { markDates, markSql } from '../../../kernel/workflow/marks.ts';
import { cases } from '../../../kernel/workflow/workflow.tables.ts';
import { coercionKindLabels, type CoercionKind } from '../../../../contracts/enforcement.ts';
import { officerEligibility } from '../../enforcement/eligibility.ts';
import { enforcementBodies } from '../../enforcement/enforcement.tables.ts';
import { APPROVE, HANDLE, PENALTY, READ } from '../enforcement-cases.permissions.ts';
import { findBody } from '../enforcement-cases.repository.ts';
import type { CoerciveBody, CoerciveFilter, CoerciveStepBody } from '../enforcement-cases.schemas.ts';
import { coerciveMeasures, enforcementCases } from '../enforcement-cases.tables.ts';

/** 查封、扣押 (行政强制法 第二十五条): 30 days, extendable once by at most 30 with the head's approval. */
const TERM = { unit: 'days' as const, n: 30 };
const timed = (kind: CoercionKind) => kind === 'seal' || kind === 'seize';
const ENTITY = 'coercive_measure';

export async function createCoercive(request: FastifyRequest, body: z.infer<typeof CoerciveBody>) {
  const scope = requirePermission(request.actor, HANDLE);
  const actor = request.actor!;
  const { db, clock } = request.server;
  if (body.startedOn > beijingToday(clock)) throw fieldRefused('startedOn', '实施日期不能晚于今天');
  const dueOn = timed(body.kind) ? (await calendarService(db).due(actor.regionCode, body.startedOn, TERM)).due : null;
  return write(request, async (tx, audit) => {
    const executor = await findBody(tx, actor.regionCode, body.bodyId);
    if (!executor || executor.status !== 'active') throw fieldRefused('bodyId', '执法主体不存在、已停用或不属于本行政区', 'NOT_FOUND');
    const org = await findOrg(tx, executor.orgId);
    if (!org || !inScope(actor, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode })) throw fieldRefused('bodyId', '该执法主体不在您的办案范围内', 'FORBIDDEN');
    if (body.caseId) {
      const [linked] = await tx.select({ bodyId: enforcementCases.bodyId }).from(enforcementCases).innerJoin(cases, eq(cases.id, enforcementCases.caseId)).where(and(eq(cases.id, body.caseId), eq(cases.caseType, PENALTY)));
      if (!linked || linked.bodyId !== executor.id) throw fieldRefused('caseId', '关联案件不存在或不是本执法主体的行政处罚案件');
    }
    // 行政强制法 第十八条: 由两名以上行政执法人员实施.
    const fields = executor.fields;
    const checks = await Promise.all(fields.map((f) => officerEligibility(tx, actor.regionCode, body.officerIds, f, body.startedOn)));
    const eligible = body.officerIds.filter((id) => checks.some((c) => c.find((x) => x.officerId === id)?.certificateId));
    if (new Set(eligible).size < 2) {
      const reasons = checks[0]?.filter((c) => !eligible.includes(c.officerId)).map((c) => c.reason) ?? [];
      throw fieldRefused('officerIds', `行政强制措施应当由两名以上具有执法资格的行政执法人员实施（行政强制法第十八条）${reasons.length ? `：${reasons.join('；')}` : ''}`, 'CONFLICT');
    }
    const now = clock.now();
    const [row] = await tx
      .insert(coerciveMeasures)
      .values({ regionCode: actor.regionCode, orgId: org.id, bodyId: executor.id, caseId: body.caseId ?? null, kind: body.kind, partyName: body.partyName, subject: body.subject, basis: body.basis, startedOn: body.startedOn, dueOn, officerIds: body.officerIds, createdAt: now, createdBy: actor.userId, updatedAt: now, updatedBy: actor.userId })
      .returning({ id: coerciveMeasures.id });
    await audit({ action: 'enforcement.coercive.create', entityType: ENTITY, entityId: row!.id, regionCode: actor.regionCode, orgId: org.id, after: { kind: body.kind, startedOn: body.startedOn, dueOn } });
    return { id: row!.id };
  });
}

const select = (request: FastifyRequest, dates: { today: string; soonLimit: string }) =>
  request.server.db
    .select({
      id: coerciveMeasures.id,
      version: coerciveMeasures.version,
      kind: coerciveMeasures.kind,
      orgName: organisations.name,
      bodyName: enforcementBodies.name,
      caseId: coerciveMeasures.caseId,
      partyName: coerciveMeasures.partyName,
      subject: coerciveMeasures.subject,
      basis: coerciveMeasures.basis,
      startedOn: coerciveMeasures.startedOn,
      dueOn: coerciveMeasures.dueOn,
      extended: coerciveMeasures.extended,
      releasedOn: coerciveMeasures.releasedOn,
      mark: markSql(coerciveMeasures.dueOn, dates, sql`${coerciveMeasures.releasedOn} is null`),
    })
    .from(coerciveMeasures)
    .innerJoin(organisations, eq(organisations.id, coerciveMeasures.orgId))
    .innerJoin(enforcementBodies, eq(enforcementBodies.id, coerciveMeasures.bodyId));

function where(request: FastifyRequest, query: Partial<z.infer<typeof CoerciveFilter>>) {
  const actor = request.actor!;
  const scope = requirePermission(actor, READ);
  return and(
    scopeOnOrgId(actor, scope, { orgId: coerciveMeasures.orgId, regionCode: coerciveMeasures.regionCode }),
    query.kind ? eq(coerciveMeasures.kind, query.kind) : undefined,
    query.open !== undefined ? (query.open ? isNull(coerciveMeasures.releasedOn) : sql`${coerciveMeasures.releasedOn} is not null`) : undefined,
    query.caseId ? eq(coerciveMeasures.caseId, query.caseId) : undefined,
  );
}

const present = <T extends { kind: string }>(r: T) => ({ ...r, kindLabel: coercionKindLabels[r.kind as CoercionKind] });

export async function listCoercive(request: FastifyRequest, query: z.infer<typeof CoerciveFilter>) {
  const dates = await markDates(request, request.actor?.regionCode ?? '');
  const condition = where(request, query);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    select(request, dates)
      .where(condition)
      .orderBy(desc(coerciveMeasures.startedOn), asc(coerciveMeasures.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    request.server.db.select({ total: sql<number>`count(*)::int` }).from(sql`(${select(request, dates).where(condition)}) as matched`),
  ]);
  return { items: items.map(present), total, page: query.page, pageSize: query.pageSize };
}

const columns: Column<ReturnType<typeof present<{ kind: string; orgName: string; bodyName: string; partyName: string; subject: string; startedOn: string; dueOn: string | null; extended: boolean; releasedOn: string | null }>>>[] = [
  { header: '措施种类', width: 24, value: (r) => r.kindLabel },
  { header: '执法主体', width: 24, value: (r) => r.bodyName },
  { header: '当事人', width: 20, value: (r) => r.partyName },
  { header: '对象', width: 40, value: (r) => r.subject },
  { header: '实施日期', width: 12, value: (r) => r.startedOn },
  { header: '期限', width: 12, value: (r) => r.dueOn },
  { header: '已延长', width: 8, value: (r) => (r.extended ? '是' : '') },
  { header: '解除日期', width: 12, value: (r) => r.releasedOn },
];

export async function exportCoercive(request: FastifyRequest, query: Omit<z.infer<typeof CoerciveFilter>, 'page' | 'pageSize'>) {
  const dates = await markDates(request, request.actor?.regionCode ?? '');
  const rows = await select(request, dates).where(where(request, query)).orderBy(desc(coerciveMeasures.startedOn)).limit(50_000);
  return toXlsx('行政强制措施', columns, rows.map(present));
}

/** Locks a measure the actor may change (the permission's scope over its organisation). */
async function lockMeasure(request: FastifyRequest, tx: Parameters<Parameters<typeof write>[1]>[0], id: string, permission: string, version: number) {
  const scope = requirePermission(request.actor, permission);
  const [row] = await tx.select({ m: coerciveMeasures, orgPath: organisations.path }).from(coerciveMeasures).innerJoin(organisations, eq(organisations.id, coerciveMeasures.orgId)).where(eq(coerciveMeasures.id, id)).for('update', { of: coerciveMeasures });
  if (!row || !inScope(request.actor!, scope, { orgId: row.m.orgId, orgPath: row.orgPath, regionCode: row.m.regionCode })) throw new AppError('NOT_FOUND', '行政强制措施不存在或无权访问');
  if (row.m.version !== version) throw versionConflict('行政强制措施');
  if (row.m.releasedOn) throw new AppError('CONFLICT', `该措施已于 ${row.m.releasedOn} 解除`);
  return row.m;
}

/** 延长查封、扣押: once, by at most 30 days, approved before the term ends (行政强制法 第二十五条). */
export async function extendCoercive(request: FastifyRequest, id: string, body: z.infer<typeof CoerciveStepBody>) {
  const today = beijingToday(request.server.clock);
  await write(request, async (tx, audit) => {
    const m = await lockMeasure(request, tx, id, APPROVE, body.version);
    if (!timed(m.kind) || !m.dueOn) throw new AppError('CONFLICT', '只有查封、扣押可以延长期限');
    if (m.extended) throw new AppError('CONFLICT', '查封、扣押的期限只能延长一次（行政强制法第二十五条）');
    if (today > m.dueOn) throw new AppError('CONFLICT', `查封、扣押期限已于 ${m.dueOn} 届满，不能再延长`);
    const dueOn = (await calendarService(request.server.db).due(m.regionCode, m.dueOn, TERM, tx)).due;
    await tx.update(coerciveMeasures).set({ dueOn, extended: true, version: m.version + 1, updatedAt: request.server.clock.now(), updatedBy: request.actor!.userId }).where(eq(coerciveMeasures.id, id));
    await audit({ action: 'enforcement.coercive.extend', entityType: ENTITY, entityId: id, regionCode: m.regionCode, orgId: m.orgId, before: { dueOn: m.dueOn }, after: { dueOn }, detail: { reason: body.reason } });
  });
  return { id };
}

export async function releaseCoercive(request: FastifyRequest, id: string, body: z.infer<typeof CoerciveStepBody>) {
  const today = beijingToday(request.server.clock);
  const on = body.on ?? today;
  if (on > today) throw fieldRefused('on', '解除日期不能晚于今天');
  await write(request, async (tx, audit) => {
    const m = await lockMeasure(request, tx, id, HANDLE, body.version);
    if (on < m.startedOn) throw fieldRefused('on', `解除日期不能早于实施日期（${m.startedOn}）`);
    await tx.update(coerciveMeasures).set({ releasedOn: on, version: m.version + 1, updatedAt: request.server.clock.now(), updatedBy: request.actor!.userId }).where(eq(coerciveMeasures.id, id));
    await audit({ action: 'enforcement.coercive.release', entityType: ENTITY, entityId: id, regionCode: m.regionCode, orgId: m.orgId, after: { releasedOn: on }, detail: { reason: body.reason } });
  });
  return { id };
}
