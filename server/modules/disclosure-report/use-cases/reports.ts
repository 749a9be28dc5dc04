import type { FastifyRequest } from 'fastify';
import { inScope, requirePermission, type Actor, type RequestMeta } from '../../../kernel/auth/actor.ts';
import type { DataScope } from '../../../kernel/auth/auth.tables.ts';
import type { Queryable, Tx } from '../../../kernel/db/db.ts';
import { AppError, fieldRefused, notFound } from '../../../kernel/errors/app-error.ts';
import { toXlsx } from '../../../kernel/excel/excel.ts';
import { write, type Audit } from '../../../kernel/http/context.ts';
import { findOrg } from '../../../kernel/org/org.repository.ts';
import { markDates, workflowDeps, type MarkDates } from '../../../kernel/workflow/marks.ts';
import { openCase, transition, type WorkflowDeps } from '../../../kernel/workflow/transition.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import {
  reportScopeLabels,
  reportSectionLabels,
  reportSections,
  reportStatusLabels,
  type ReportCheck,
  type ReportFigures,
  type ReportScope,
  type ReportSection,
} from '../../../../contracts/disclosure-report.ts';
import { REPORT_CASE_TYPE, REPORT_ENTITY, REPORT_READ, REPORT_WRITE } from '../disclosure-report.permissions.ts';
import { checkReport } from '../report.checks.ts';
import { computeFigures } from '../report.figures.ts';
import {
  existingReportOrgs,
  findReport,
  findReports,
  findReportsForExport,
  frozenFigures,
  insertReport,
  latestSections,
  lockReportYear,
  previousPublishedFigures,
  reportingOrgs,
  setReportCase,
  type ReportRow,
} from '../report.repository.ts';
import type { CreateReportBody, ReportFilter, ReportItem, ReportView } from '../report.schemas.ts';
import '../report.workflow.ts';

/** What publication freezes in disclosure_annual_reports.figures. */
export interface FrozenReport {
  title: string;
  orgName: string;
  figures: ReportFigures;
  checks: ReportCheck[];
  sections: Partial<Record<ReportSection, { version: number; body: string }>>;
}

/** 第四十九条: 31 January for a department, 31 March for the government, of the following year. */
export const dueOnOf = (scope: ReportScope, year: number) => `${year + 1}-${scope === 'government' ? '03' : '01'}-31`;
export const reportTitle = (orgName: string, year: number) => `${orgName}${year}年政府信息公开工作年度报告`;

export function presentReport(row: ReportRow): ReportItem {
  return {
    id: row.id,
    version: row.version,
    orgId: row.orgId,
    orgName: row.orgName,
    year: row.year,
    scope: row.scope,
    scopeLabel: reportScopeLabels[row.scope as ReportScope] ?? row.scope,
    status: row.status,
    statusLabel: reportStatusLabels[row.status as keyof typeof reportStatusLabels] ?? row.status,
    dueOn: row.dueOn,
    mark: row.mark,
    publishedOn: row.publishedOn,
    caseId: row.caseId,
  };
}

/** A report the actor may read, with its deadline mark; not found otherwise (its existence is not disclosed). */
export async function getReadableReport(db: Queryable, actor: Actor, scope: DataScope, id: string, dates: MarkDates): Promise<ReportRow> {
  const row = await findReport(db, id, dates);
  if (!row || !inScope(actor, scope, row)) throw notFound('年度报告');
  return row;
}

/** The organisation's report of the year with its deadline case, opened in the 待办 list (no permission check). */
export async function openReport(tx: Tx, deps: WorkflowDeps, who: { actor: Actor; meta: RequestMeta }, audit: Audit, org: { id: string; name: string; regionCode: string }, year: number, scope: ReportScope) {
  const dueOn = dueOnOf(scope, year);
  const title = reportTitle(org.name, year);
  const id = await insertReport(tx, { regionCode: org.regionCode, orgId: org.id, year, scope, status: 'draft', dueOn, createdBy: who.actor.userId, updatedBy: who.actor.userId });
  const opened = await openCase(tx, deps, { caseType: REPORT_CASE_TYPE, regionCode: org.regionCode, orgId: org.id, title, data: { reportId: id, year, scope } }, who);
  await transition(tx, deps, { caseId: opened.id, version: opened.version }, 'setDue', who, { data: { dueOn } });
  await setReportCase(tx, id, opened.id);
  await audit({ action: 'disclosureReport.create', entityType: REPORT_ENTITY, entityId: id, orgId: org.id, regionCode: org.regionCode, after: { year, scope, dueOn } });
  return id;
}

function checkYear(request: FastifyRequest, year: number): void {
  if (year > Number(beijingToday(request.server.clock).slice(0, 4))) throw fieldRefused('year', '报告年度不能晚于本年');
}

export async function createReport(request: FastifyRequest, body: CreateReportBody): Promise<ReportView> {
  const scope = requirePermission(request.actor, REPORT_WRITE);
  const actor = request.actor!;
  checkYear(request, body.year);
  const id = await write(request, async (tx, audit) => {
    const org = await findOrg(tx, body.orgId);
    if (!org || org.status !== 'active' || !inScope(actor, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode }))
      throw fieldRefused('orgId', '只能为本人办理范围内的机关起草年度报告', 'FORBIDDEN');
    await lockReportYear(tx, org.regionCode, body.year);
    if ((body.scope === 'government') !== (org.type === 'government')) throw fieldRefused('scope', body.scope === 'government' ? '本级政府汇总报告须以人民政府为报告机关' : '人民政府的年度报告应选择“本级政府（汇总）”');
    if ((await existingReportOrgs(tx, org.regionCode, body.year)).has(org.id)) throw new AppError('DUPLICATE', `${org.name}${body.year}年度的报告已存在`);
    return openReport(tx, workflowDeps(request), { actor, meta: request.meta }, audit, org, body.year, body.scope);
  });
  return getReport(request, id);
}

/**
 * The yearly opening: a draft report, with its deadline in the 待办 list, for every department,
 * township and street of the actor's region and for its government — those that have none yet.
 */
export async function openReportsForYear(request: FastifyRequest, year: number) {
  const scope = requirePermission(request.actor, REPORT_WRITE);
  const actor = request.actor!;
  if (scope !== 'region' && scope !== 'all') throw new AppError('FORBIDDEN', '只有统筹全县政务公开工作的人员可以批量开启年度报告');
  checkYear(request, year);
  return write(request, async (tx, audit) => {
    await lockReportYear(tx, actor.regionCode, year);
    const orgs = await reportingOrgs(tx, actor.regionCode);
    const existing = await existingReportOrgs(tx, actor.regionCode, year);
    const deps = workflowDeps(request);
    let opened = 0;
    for (const org of orgs) {
      if (existing.has(org.id)) continue;
      await openReport(tx, deps, { actor, meta: request.meta }, audit, { ...org, regionCode: actor.regionCode }, year, org.type === 'government' ? 'government' : 'organisation');
      opened++;
    }
    return { opened, existing: existing.size };
  });
}

export async function listReports(request: FastifyRequest, query: ReportFilter & { page: number; pageSize: number }) {
  const scope = requirePermission(request.actor, REPORT_READ);
  const { page, pageSize, ...filter } = query;
  const dates = await markDates(request, request.actor!.regionCode);
  const { items, total } = await findReports(request.server.db, request.actor!, scope, filter, { page, pageSize }, dates);
  return { items: items.map(presentReport), total, page, pageSize };
}

export async function exportReports(request: FastifyRequest, filter: ReportFilter): Promise<Buffer> {
  const scope = requirePermission(request.actor, REPORT_READ);
  const dates = await markDates(request, request.actor!.regionCode);
  const rows = (await findReportsForExport(request.server.db, request.actor!, scope, filter, dates)).map(presentReport);
  const markText = { overdue: '已逾期', dueSoon: '即将到期' } as const;
  return toXlsx(
    '政府信息公开年度报告',
    [
      { header: '报告年度', width: 10, value: (r) => r.year },
      { header: '报告机关', width: 28, value: (r) => r.orgName },
      { header: '报告范围', width: 16, value: (r) => r.scopeLabel },
      { header: '状态', width: 10, value: (r) => r.statusLabel },
      { header: '公布期限', width: 12, value: (r) => r.dueOn },
      { header: '期限提示', width: 10, value: (r) => (r.mark ? markText[r.mark] : '') },
      { header: '发布日期', width: 12, value: (r) => r.publishedOn },
    ],
    rows,
  );
}

const figureScopeOf = (row: ReportRow) => ({ regionCode: row.regionCode, orgId: row.scope === 'government' ? null : row.orgId, year: row.year });

/** Figures and checks as they stand: computed while drafting, the frozen ones once published. */
export async function figuresOf(db: Queryable, row: ReportRow, frozen: FrozenReport | null) {
  if (frozen) return { figures: frozen.figures, checks: frozen.checks, previous: true };
  const figures = await computeFigures(db, figureScopeOf(row), row.scope as ReportScope);
  const previous = await previousPublishedFigures(db, row.orgId, row.year);
  return { figures, checks: checkReport(figures, previous), previous: previous !== null };
}

export const frozenOf = async (db: Queryable, id: string) => (await frozenFigures(db, id)) as unknown as FrozenReport | null;

export async function reportView(db: Queryable, row: ReportRow): Promise<ReportView> {
  const frozen = row.status === 'published' ? await frozenOf(db, row.id) : null;
  const { figures, checks, previous } = await figuresOf(db, row, frozen);
  const latest = new Map((await latestSections(db, row.id)).map((s) => [s.section, s]));
  return {
    ...presentReport(row),
    title: reportTitle(row.orgName, row.year),
    figures: figures as unknown as Record<string, unknown>,
    checks,
    previousPublished: previous,
    sections: reportSections.map((section) => {
      const saved = latest.get(section);
      return {
        section,
        label: reportSectionLabels[section],
        version: saved?.version ?? 0,
        body: saved?.body ?? '',
        savedAt: saved ? saved.savedAt.toISOString() : null,
        savedBy: saved?.savedBy ?? null,
      };
    }),
  };
}

export async function latestSectionsOf(db: Queryable, reportId: string): Promise<Partial<Record<ReportSection, string>>> {
  return Object.fromEntries((await latestSections(db, reportId)).map((s) => [s.section, s.body]));
}

export async function getReport(request: FastifyRequest, id: string): Promise<ReportView> {
  const scope = requirePermission(request.actor, REPORT_READ);
  const dates = await markDates(request, request.actor!.regionCode);
  const row = await getReadableReport(request.server.db, request.actor!, scope, id, dates);
  return reportView(request.server.db, row);
}
