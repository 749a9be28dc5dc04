import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Actor } from '../../kernel/auth/actor.ts';
import { rolePermissions, userRoles, users } from '../../kernel/auth/auth.tables.ts';
import type { Queryable } from '../../kernel/db/db.ts';
import { findPage, type Paging } from '../../kernel/db/paging.ts';
import { organisations, type OrgType } from '../../kernel/org/org.tables.ts';
import { getWorkflow } from '../../kernel/workflow/define-workflow.ts';
import { markFilter, markSql, type MarkDates } from '../../kernel/workflow/marks.ts';
import { readableCondition } from '../../kernel/workflow/todo.repository.ts';
import { cases } from '../../kernel/workflow/workflow.tables.ts';
import { opinionWorkflow, reviewWorkflow } from './reconsideration.follow-ups.workflow.ts';
import type { CaseFilter } from './reconsideration.schemas.ts';
import { reconsiderationCases, reconsiderationFollowUps } from './reconsideration.tables.ts';
import { HANDLE, reconsiderationWorkflow } from './reconsideration.workflow.ts';

const respondent = alias(organisations, 'respondent');

/** A 复议 case as lists and the detail show it (before labels). */
const caseColumns = {
  id: cases.id,
  caseNo: cases.caseNo,
  title: cases.title,
  state: cases.state,
  terminal: cases.terminal,
  orgId: cases.orgId,
  orgName: organisations.name,
  dueOn: cases.dueOn,
  dueProvisional: cases.dueProvisional,
  version: cases.version,
  channel: reconsiderationCases.channel,
  receivedOn: reconsiderationCases.receivedOn,
  applicantType: reconsiderationCases.applicantType,
  applicantName: reconsiderationCases.applicantName,
  respondentOrgId: reconsiderationCases.respondentOrgId,
  respondentName: respondent.name,
  actCategory: reconsiderationCases.actCategory,
  procedure: reconsiderationCases.procedure,
  acceptedOn: reconsiderationCases.acceptedOn,
  deemedAccepted: reconsiderationCases.deemedAccepted,
  outcome: reconsiderationCases.outcome,
  decidedOn: reconsiderationCases.decidedOn,
  decisionNo: reconsiderationCases.decisionNo,
};

const sortColumns = { receivedOn: reconsiderationCases.receivedOn, dueOn: cases.dueOn, decidedOn: reconsiderationCases.decidedOn };

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

const markOf = (dates: MarkDates) => markSql(cases.dueOn, dates, sql`not ${cases.terminal}`);

function listConditions(actor: Actor, filter: CaseFilter, dates: MarkDates): SQL {
  const q = filter.q ? likePattern(filter.q) : undefined;
  return and(
    eq(cases.caseType, reconsiderationWorkflow.caseType),
    readableCondition(actor, [getWorkflow(reconsiderationWorkflow.caseType)]),
    filter.state ? eq(cases.state, filter.state) : undefined,
    filter.outcome ? eq(reconsiderationCases.outcome, filter.outcome) : undefined,
    filter.respondentOrgId ? eq(reconsiderationCases.respondentOrgId, filter.respondentOrgId) : undefined,
    filter.channel ? eq(reconsiderationCases.channel, filter.channel) : undefined,
    filter.actCategory ? eq(reconsiderationCases.actCategory, filter.actCategory) : undefined,
    filter.year ? sql`${reconsiderationCases.receivedOn} between ${`${filter.year}-01-01`} and ${`${filter.year}-12-31`}` : undefined,
    q ? or(sql`${cases.title} ilike ${q}`, sql`${reconsiderationCases.applicantName} ilike ${q}`, sql`${cases.caseNo} ilike ${q}`) : undefined,
    markFilter(cases.dueOn, filter.mark, dates, sql`not ${cases.terminal}`),
  )!;
}

const orderOf = (filter: CaseFilter): SQL[] => [
  sql`${sortColumns[filter.sort]} ${filter.order === 'asc' ? sql`asc` : sql`desc`} nulls last`,
  desc(cases.openedAt),
  asc(cases.id),
];

const selectCases = (db: Queryable, dates: MarkDates) =>
  db
    .select({ ...caseColumns, mark: markOf(dates) })
    .from(cases)
    .innerJoin(reconsiderationCases, eq(reconsiderationCases.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .innerJoin(respondent, eq(respondent.id, reconsiderationCases.respondentOrgId));

export function findCases(db: Queryable, actor: Actor, filter: CaseFilter, paging: Paging, dates: MarkDates) {
  return findPage(db, () => selectCases(db, dates).where(listConditions(actor, filter, dates)).$dynamic(), orderOf(filter), paging);
}
export type CaseRowView = Awaited<ReturnType<typeof findCases>>['items'][number];

/** The export: the list's filters and order without paging, up to a limit a workbook holds. */
export function findCasesForExport(db: Queryable, actor: Actor, filter: CaseFilter, dates: MarkDates, limit: number) {
  return selectCases(db, dates).where(listConditions(actor, filter, dates)).orderBy(...orderOf(filter)).limit(limit);
}

const assignee = alias(users, 'assignee');

/** One 复议 case the actor may read, with every field of its own; undefined when not readable. */
export async function findCase(db: Queryable, actor: Actor, caseId: string, dates: MarkDates) {
  const [row] = await db
    .select({
      ...caseColumns,
      mark: markOf(dates),
      orgPath: organisations.path,
      regionCode: cases.regionCode,
      trackingCode: cases.trackingCode,
      assigneeId: cases.assigneeId,
      assigneeName: assignee.displayName,
      applicantIdMask: reconsiderationCases.applicantIdMask,
      applicantPhoneMask: reconsiderationCases.applicantPhoneMask,
      applicantAddress: reconsiderationCases.applicantAddress,
      actDescription: reconsiderationCases.actDescription,
      requests: reconsiderationCases.requests,
      facts: reconsiderationCases.facts,
      simpleGround: reconsiderationCases.simpleGround,
      ground: reconsiderationCases.terminationGround,
      reDecisionOrdered: reconsiderationCases.reDecisionOrdered,
      extra: reconsiderationCases.extra,
    })
    .from(cases)
    .innerJoin(reconsiderationCases, eq(reconsiderationCases.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .innerJoin(respondent, eq(respondent.id, reconsiderationCases.respondentOrgId))
    .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
    .where(and(eq(cases.id, caseId), eq(cases.caseType, reconsiderationWorkflow.caseType), readableCondition(actor, [getWorkflow(reconsiderationWorkflow.caseType)])));
  return row;
}
export type CaseDetailRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export async function findSealedApplicant(db: Queryable, caseId: string) {
  const [row] = await db
    .select({ idEnc: reconsiderationCases.applicantIdEnc, phoneEnc: reconsiderationCases.applicantPhoneEnc })
    .from(reconsiderationCases)
    .where(eq(reconsiderationCases.caseId, caseId));
  return row;
}

const target = alias(organisations, 'target');
const parent = alias(cases, 'parent');

const followUpSelect = (db: Queryable) =>
  db
    .select({
      id: cases.id,
      kind: reconsiderationFollowUps.kind,
      parentId: parent.id,
      parentTitle: parent.title,
      parentCaseNo: parent.caseNo,
      caseNo: cases.caseNo,
      title: cases.title,
      caseType: cases.caseType,
      state: cases.state,
      terminal: cases.terminal,
      orgId: cases.orgId,
      orgName: organisations.name,
      targetOrgId: reconsiderationFollowUps.targetOrgId,
      targetOrgName: target.name,
      documentTitle: reconsiderationFollowUps.documentTitle,
      documentNo: reconsiderationFollowUps.documentNo,
      normativeDocumentId: reconsiderationFollowUps.normativeDocumentId,
      content: reconsiderationFollowUps.content,
      result: reconsiderationFollowUps.result,
      resultText: reconsiderationFollowUps.resultText,
      dueOn: cases.dueOn,
      openedAt: cases.openedAt,
      version: cases.version,
    })
    .from(cases)
    .innerJoin(reconsiderationFollowUps, eq(reconsiderationFollowUps.caseId, cases.id))
    .innerJoin(parent, eq(parent.id, cases.parentId))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .leftJoin(target, eq(target.id, reconsiderationFollowUps.targetOrgId));

/** The 意见书 and 附带审查 cases of a 复议 case, oldest first. */
export function findFollowUps(db: Queryable, parentId: string) {
  return followUpSelect(db).where(eq(cases.parentId, parentId)).orderBy(asc(cases.openedAt), asc(cases.id));
}
export type FollowUpRow = Awaited<ReturnType<typeof findFollowUps>>[number];

export async function findReadableFollowUp(db: Queryable, actor: Actor, id: string): Promise<FollowUpRow | undefined> {
  const [row] = await followUpSelect(db).where(and(eq(cases.id, id), readableCondition(actor, [getWorkflow(opinionWorkflow.caseType), getWorkflow(reviewWorkflow.caseType)])));
  return row;
}

/** The active organisation of the region (of these types, when given), e.g. a 被申请人. */
export async function findActiveOrg(db: Queryable, regionCode: string, orgId: string, types?: readonly OrgType[]) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, orgId),
        eq(organisations.regionCode, regionCode),
        eq(organisations.status, 'active'),
        types ? inArray(organisations.type, [...types]) : undefined,
      ),
    );
  return row;
}

const handlers = (regionCode: string) =>
  and(eq(users.regionCode, regionCode), eq(users.status, 'active'), eq(rolePermissions.permission, HANDLE));

/** An active user of the region who may handle 复议 cases (a possible 承办人). */
export async function isHandler(db: Queryable, regionCode: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, userRoles.roleId))
    .where(and(eq(users.id, userId), handlers(regionCode)))
    .limit(1);
  return row !== undefined;
}

/**
 * The region's 复议机构 for applications arriving online: the organisation where the region's
 * handlers of the whole county work (the 司法局's 行政复议 office), the one with the most of them.
 */
export async function findReconsiderationOffice(db: Queryable, regionCode: string): Promise<string | undefined> {
  const [row] = await db
    .select({ orgId: users.orgId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, eq(rolePermissions.roleId, userRoles.roleId))
    .innerJoin(organisations, eq(organisations.id, users.orgId))
    .where(and(handlers(regionCode), eq(users.isService, false), inArray(rolePermissions.scope, ['region', 'all']), eq(organisations.status, 'active')))
    .groupBy(users.orgId)
    .orderBy(sql`count(distinct ${users.id}) desc`, asc(users.orgId))
    .limit(1);
  return row?.orgId;
}

/** A 复议 case the actor may read, with its organisation's path (for scope checks) and its respondent. */
export async function findParentCase(db: Queryable, actor: Actor, caseId: string) {
  const [row] = await db
    .select({
      id: cases.id,
      title: cases.title,
      caseNo: cases.caseNo,
      state: cases.state,
      regionCode: cases.regionCode,
      orgId: cases.orgId,
      orgPath: organisations.path,
      respondentOrgId: reconsiderationCases.respondentOrgId,
    })
    .from(cases)
    .innerJoin(reconsiderationCases, eq(reconsiderationCases.caseId, cases.id))
    .innerJoin(organisations, eq(organisations.id, cases.orgId))
    .where(and(eq(cases.id, caseId), eq(cases.caseType, reconsiderationWorkflow.caseType), readableCondition(actor, [getWorkflow(reconsiderationWorkflow.caseType)])));
  return row;
}
