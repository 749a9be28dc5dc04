import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { inScope, requirePermission } from '../../../kernel/auth/actor.ts';
import { AppError, fieldRefused } from '../../../kernel/errors/app-error.ts';
import { write } from '../../../kernel/http/context.ts';
import { findOrg } from '../../../kernel/org/org.repository.ts';
import { organisations } from '../../../kernel/org/org.tables.ts';
import { getWorkflow } from '../../../kernel/workflow/define-workflow.ts';
import { markDates, markSql, workflowDeps } from '../../../kernel/workflow/marks.ts';
import { readableCondition } from '../../../kernel/workflow/todo.repository.ts';
import { cases } from '../../../kernel/workflow/workflow.tables.ts';
import { enforcementFieldLabels, publicationKindLabels, publicationStateLabels, type EnforcementField, type PublicationKind, type PublicationState } from '../../../../contracts/enforcement.ts';
import { PUBLICITY, PUBLICITY_HANDLE, READ } from '../enforcement-cases.permissions.ts';
import type { EnterPublicationBody, PortalFilter, PublicationFilter } from '../enforcement-cases.schemas.ts';
import { enforcementCases, enforcementPublications } from '../enforcement-cases.tables.ts';
import { maskIds } from '../enforcement-cases.workflow.ts';
import { openPublication } from '../publication.ts';

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/** 执法公示 in the console: every publication the user may read, with its clock's mark. */
export async function listPublications(request: FastifyRequest, query: z.infer<typeof PublicationFilter>) {
  requirePermission(request.actor, READ);
  const actor = request.actor!;
  const dates = await markDates(request, actor.regionCode);
  const where = and(
    eq(cases.caseType, PUBLICITY),
    readableCondition(actor, [getWorkflow(PUBLICITY)]),
    query.id ? eq(cases.id, query.id) : undefined,
    query.state ? eq(cases.state, query.state) : undefined,
    query.kind ? eq(enforcementPublications.kind, query.kind) : undefined,
    query.orgId ? eq(enforcementPublications.orgId, query.orgId) : undefined,
    query.overdue !== undefined ? (query.overdue ? sql`(not ${cases.terminal} and ${cases.dueOn} < ${dates.today})` : sql`not coalesce(not ${cases.terminal} and ${cases.dueOn} < ${dates.today}, false)`) : undefined,
    query.year ? sql`${enforcementPublications.decidedOn} between ${`${query.year}-01-01`} and ${`${query.year}-12-31`}` : undefined,
  );
  const db = request.server.db;
  const select = () =>
    db
      .select({
        id: cases.id,
        sourceCaseId: enforcementPublications.sourceCaseId,
        state: cases.state,
        version: cases.version,
        kind: enforcementPublications.kind,
        title: enforcementPublications.title,
        decisionNo: enforcementPublications.decisionNo,
        decidedOn: enforcementPublications.decidedOn,
        partyMasked: enforcementPublications.partyMasked,
        orgName: organisations.name,
        dueOn: cases.dueOn,
        mark: markSql(cases.dueOn, dates, sql`not ${cases.terminal}`),
        publishedOn: enforcementPublications.publishedOn,
        withdrawnOn: enforcementPublications.withdrawnOn,
        withdrawalReason: enforcementPublications.withdrawalReason,
        content: enforcementPublications.content,
      })
      .from(cases)
      .innerJoin(enforcementPublications, eq(enforcementPublications.caseId, cases.id))
      .innerJoin(organisations, eq(organisations.id, enforcementPublications.orgId))
      .where(where);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    select()
      .orderBy(sql`${cases.dueOn} asc nulls last`, desc(enforcementPublications.decidedOn), asc(cases.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(sql`(${select()}) as matched`),
  ]);
  return { items: items.map((i) => ({ ...i, stateLabel: publicationStateLabels[i.state as PublicationState] ?? i.state })), total, page: query.page, pageSize: query.pageSize };
}

/** A licence or other decision made outside Fazhi, entered for publication: its clock counts from its decision day. */
export async function enterPublication(request: FastifyRequest, body: z.infer<typeof EnterPublicationBody>) {
  const scope = requirePermission(request.actor, PUBLICITY_HANDLE);
  const actor = request.actor!;
  if (/\d{17}[\dXx]|\d{15}/.test(body.content)) throw fieldRefused('content', '公示内容不得含有身份证号码');
  return write(request, async (tx, audit) => {
    const org = await findOrg(tx, body.orgId ?? actor.orgId);
    if (!org || !inScope(actor, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode })) throw fieldRefused('orgId', '作出决定的机关不在您的办理范围内', 'FORBIDDEN');
    const opened = await openPublication(
      tx,
      workflowDeps(request),
      { regionCode: org.regionCode, orgId: org.id, sourceCaseId: null, kind: body.kind, title: body.title, decisionNo: body.decisionNo ?? null, decidedOn: body.decidedOn, partyType: body.partyType, partyName: body.partyName, content: body.content },
      { actor, meta: request.meta },
    );
    await audit({ action: 'enforcement.publication.enter', entityType: PUBLICITY, entityId: opened.id, regionCode: org.regionCode, orgId: org.id, after: { kind: body.kind, title: body.title } });
    return { id: opened.id };
  });
}

/** What the portal shows: published and not withdrawn; the field from the decision's case. */
function portalWhere(filter: Partial<z.infer<typeof PortalFilter>>): SQL {
  const pattern = filter.q ? likePattern(filter.q) : undefined;
  return and(
    eq(cases.caseType, PUBLICITY),
    eq(cases.state, 'published'),
    filter.region ? eq(enforcementPublications.regionCode, filter.region) : undefined,
    filter.orgId ? eq(enforcementPublications.orgId, filter.orgId) : undefined,
    filter.field ? eq(enforcementCases.field, filter.field) : undefined,
    filter.kind ? eq(enforcementPublications.kind, filter.kind) : undefined,
    filter.year ? sql`${enforcementPublications.decidedOn} between ${`${filter.year}-01-01`} and ${`${filter.year}-12-31`}` : undefined,
    pattern ? or(sql`${enforcementPublications.title} ilike ${pattern}`, sql`${enforcementPublications.decisionNo} ilike ${pattern}`, sql`${enforcementPublications.partyMasked} ilike ${pattern}`) : undefined,
  )!;
}

const portalSelect = (request: FastifyRequest) =>
  request.server.db
    .select({
      id: cases.id,
      kind: enforcementPublications.kind,
      title: enforcementPublications.title,
      decisionNo: enforcementPublications.decisionNo,
      decidedOn: enforcementPublications.decidedOn,
      publishedOn: enforcementPublications.publishedOn,
      partyMasked: enforcementPublications.partyMasked,
      orgName: organisations.name,
      field: enforcementCases.field,
      content: enforcementPublications.content,
    })
    .from(cases)
    .innerJoin(enforcementPublications, eq(enforcementPublications.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, enforcementPublications.orgId))
    .leftJoin(enforcementCases, eq(enforcementCases.caseId, enforcementPublications.sourceCaseId));

const presentPortal = (r: Awaited<ReturnType<ReturnType<typeof portalSelect>['execute']>>[number]) => ({
  ...r,
  // Belt and braces: content entered before the rule, or a case's facts, never show an ID number.
  content: maskIds(r.content),
  kindLabel: publicationKindLabels[r.kind as PublicationKind],
  fieldLabel: r.field ? enforcementFieldLabels[r.field as EnforcementField] : null,
});

export async function listPortalDecisions(request: FastifyRequest, query: z.infer<typeof PortalFilter>) {
  const where = portalWhere(query);
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    portalSelect(request)
      .where(where)
      .orderBy(desc(enforcementPublications.publishedOn), asc(cases.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    request.server.db.select({ total: sql<number>`count(*)::int` }).from(sql`(${portalSelect(request).where(where)}) as matched`),
  ]);
  return { items: items.map(presentPortal), total, page: query.page, pageSize: query.pageSize };
}

export async function getPortalDecision(request: FastifyRequest, id: string) {
  const [row] = await portalSelect(request).where(and(eq(cases.id, id), portalWhere({})));
  if (!row) throw new AppError('NOT_FOUND', '该执法决定未公示或已撤回');
  return presentPortal(row);
}

/** The departments with published decisions: the portal's department filter. */
export async function listPortalDepartments(request: FastifyRequest, region?: string) {
  return request.server.db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(cases)
    .innerJoin(enforcementPublications, eq(enforcementPublications.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, enforcementPublications.orgId))
    .where(and(eq(cases.caseType, PUBLICITY), eq(cases.state, 'published'), region ? eq(enforcementPublications.regionCode, region) : undefined))
    .orderBy(organisations.name);
}
