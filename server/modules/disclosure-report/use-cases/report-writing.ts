import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { inScope, requirePermission, type Actor, type RequestMeta } from '../../../kernel/auth/actor.ts';
import type { Tx } from '../../../kernel/db/db.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { AppError, fieldRefused, notFound, versionConflict } from '../../../kernel/errors/app-error.ts';
import { write, type Audit } from '../../../kernel/http/context.ts';
import { findOrg } from '../../../kernel/org/org.repository.ts';
import { markDates, workflowDeps } from '../../../kernel/workflow/marks.ts';
import { transition, type WorkflowDeps } from '../../../kernel/workflow/transition.ts';
import { cases } from '../../../kernel/workflow/workflow.tables.ts';
import { reportSectionLabels, type ReportSection } from '../../../../contracts/disclosure-report.ts';
import { FIGURE_ENTRY_ENTITY, REPORT_ENTITY, REPORT_PUBLISH, REPORT_READ, REPORT_WRITE } from '../disclosure-report.permissions.ts';
import {
  findFigureEntries,
  findFigureEntry,
  findReportOf,
  insertFigureEntry,
  insertSection,
  latestSections,
  latestSectionVersion,
  lockReport,
  lockReportYear,
  markPublished,
  sectionBody,
  sectionVersions,
  updateFigureEntry,
  type ReportRow,
} from '../report.repository.ts';
import { figureItemLabels, type FigureEntryBody } from '../report.schemas.ts';
import { figuresOf, getReadableReport, getReport, reportTitle, type FrozenReport } from './reports.ts';

/**
 * Writing a report: its narrative sections (each save a new version, any old one restorable as the
 * newest), the figures entered by hand, and publication — which runs the checks, freezes everything in
 * the report row and closes the deadline case, in one transaction.
 */

const PUBLISHED = () => new AppError('CONFLICT', '年度报告已发布，不能再修改');

/** The report in the actor's write scope, locked, still a draft. */
async function lockDraft(request: FastifyRequest, tx: Tx, id: string, permission: string) {
  const scope = requirePermission(request.actor, permission);
  // The deadline mark is not needed here; the calendar is not read inside the transaction.
  const today = beijingToday(request.server.clock);
  const row = await getReadableReport(tx, request.actor!, scope, id, { today, soonLimit: today });
  const locked = (await lockReport(tx, id))!;
  if (locked.status !== 'draft') throw PUBLISHED();
  return { ...row, version: locked.version };
}

async function saveVersion(request: FastifyRequest, id: string, section: ReportSection, body: string, baseVersion: number, restoredFrom?: number) {
  await write(request, async (tx, audit) => {
    const row = await lockDraft(request, tx, id, REPORT_WRITE);
    const latest = await latestSectionVersion(tx, id, section);
    if (latest !== baseVersion) throw versionConflict(`“${reportSectionLabels[section]}”`);
    const text = restoredFrom ? await sectionBody(tx, id, section, restoredFrom) : body;
    if (text === undefined) throw notFound('该版本');
    await insertSection(tx, { regionCode: row.regionCode, reportId: id, section, version: latest + 1, body: text, savedAt: request.server.clock.now(), savedBy: request.actor!.userId });
    await audit({
      action: restoredFrom ? 'disclosureReport.section.restore' : 'disclosureReport.section.save',
      entityType: REPORT_ENTITY,
      entityId: id,
      orgId: row.orgId,
      regionCode: row.regionCode,
      detail: { section, version: latest + 1, restoredFrom, length: text.length },
    });
  });
  return getReport(request, id);
}

export const saveSection = (request: FastifyRequest, id: string, section: ReportSection, input: { body: string; baseVersion: number }) =>
  saveVersion(request, id, section, input.body, input.baseVersion);

/** An older version becomes the newest, as it was (nothing is merged). */
export const restoreSection = (request: FastifyRequest, id: string, section: ReportSection, input: { version: number; baseVersion: number }) =>
  saveVersion(request, id, section, '', input.baseVersion, input.version);

export async function sectionHistory(request: FastifyRequest, id: string, section: ReportSection) {
  const scope = requirePermission(request.actor, REPORT_READ);
  await getReadableReport(request.server.db, request.actor!, scope, id, await markDates(request, request.actor!.regionCode));
  return sectionVersions(request.server.db, id, section);
}

export async function listFigureEntries(request: FastifyRequest, year: number, orgId?: string) {
  const scope = requirePermission(request.actor, REPORT_READ);
  const rows = await findFigureEntries(request.server.db, request.actor!, scope, year, orgId);
  return rows.map((row) => ({ ...row, itemLabel: figureItemLabels[row.item as keyof typeof figureItemLabels] ?? row.item }));
}

/** Enters (or, from its version, changes) one figure of table 二 that no module records. */
export async function enterFigure(request: FastifyRequest, body: FigureEntryBody) {
  const scope = requirePermission(request.actor, REPORT_WRITE);
  const actor = request.actor!;
  await write(request, async (tx, audit) => {
    const org = await findOrg(tx, body.orgId);
    if (!org || !inScope(actor, scope, { orgId: org.id, orgPath: org.path, regionCode: org.regionCode })) throw fieldRefused('orgId', '只能填报本人办理范围内机关的数据', 'FORBIDDEN');
    if ((await findReportOf(tx, org.id, body.year))?.status === 'published') throw new AppError('CONFLICT', `${org.name}${body.year}年度报告已发布，不能再修改其数据`);
    await lockReportYear(tx, org.regionCode, body.year, `figure:${org.id}:${body.item}`);
    const existing = await findFigureEntry(tx, org.id, body.year, body.item);
    const value = String(body.value);
    const note = body.note || null;
    if (existing) {
      if (body.version !== existing.version || !(await updateFigureEntry(tx, existing.id, existing.version, { value, note, by: actor.userId }))) throw versionConflict('该项数据');
    } else if (body.version) throw versionConflict('该项数据');
    const id = existing?.id ?? (await insertFigureEntry(tx, { regionCode: org.regionCode, orgId: org.id, year: body.year, item: body.item, value, note, createdBy: actor.userId, updatedBy: actor.userId }));
    await audit({ action: existing ? 'disclosureFigure.update' : 'disclosureFigure.create', entityType: FIGURE_ENTRY_ENTITY, entityId: id, orgId: org.id, regionCode: org.regionCode, after: { year: body.year, item: body.item, value, note } });
  });
  return listFigureEntries(request, body.year, body.orgId);
}

/**
 * Publication (条例 第四十九条) of a locked draft: refused while any check fails; otherwise the figures,
 * the checks and the sections' latest versions are frozen in the report, and the deadline case closed.
 */
export async function publishDraft(tx: Tx, ctx: { deps: WorkflowDeps; who: { actor: Actor; meta: RequestMeta }; audit: Audit }, row: ReportRow, publishedUrl: string | null) {
  const { figures, checks } = await figuresOf(tx, row, null);
  const failed = checks.filter((c) => !c.ok);
  if (failed.length) throw new AppError('CONFLICT', `年度报告未通过一致性校验，不能发布：${failed.map((c) => c.name).join('；')}`, { checks });
  const sections = Object.fromEntries((await latestSections(tx, row.id)).map((s) => [s.section, { version: s.version, body: s.body }]));
  if (!sections.overview?.body.trim()) throw new AppError('CONFLICT', '请先填写“一、总体情况”再发布');
  const frozen: FrozenReport = { title: reportTitle(row.orgName, row.year), orgName: row.orgName, figures, checks, sections };
  const publishedOn = beijingToday(ctx.deps.clock);
  if (!(await markPublished(tx, row.id, row.version, { publishedOn, publishedUrl, figures: frozen as unknown as Record<string, unknown>, by: ctx.who.actor.userId }))) throw versionConflict('年度报告');
  if (row.caseId) {
    const [kase] = await tx.select({ version: cases.version }).from(cases).where(eq(cases.id, row.caseId));
    await transition(tx, ctx.deps, { caseId: row.caseId, version: kase!.version }, 'publish', ctx.who);
  }
  await ctx.audit({ action: 'disclosureReport.publish', entityType: REPORT_ENTITY, entityId: row.id, orgId: row.orgId, regionCode: row.regionCode, after: { publishedOn, year: row.year, late: publishedOn > row.dueOn } });
}

export async function publishReport(request: FastifyRequest, id: string, input: { version: number; publishedUrl?: string | null }) {
  await write(request, async (tx, audit) => {
    const row = await lockDraft(request, tx, id, REPORT_PUBLISH);
    if (row.version !== input.version) throw versionConflict('年度报告');
    await publishDraft(tx, { deps: workflowDeps(request), who: { actor: request.actor!, meta: request.meta }, audit }, row, input.publishedUrl || null);
  });
  return getReport(request, id);
}
