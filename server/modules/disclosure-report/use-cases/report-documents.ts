import type { FastifyRequest } from 'fastify';
import { requirePermission } from '../../../kernel/auth/actor.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import type { Queryable } from '../../../kernel/db/db.ts';
import { officialReportDocx } from '../../../kernel/documents/official-docx.ts';
import { notFound } from '../../../kernel/errors/app-error.ts';
import { markDates } from '../../../kernel/workflow/marks.ts';
import { reportScopeLabels, type ReportScope, type ReportSection } from '../../../../contracts/disclosure-report.ts';
import { REPORT_READ } from '../disclosure-report.permissions.ts';
import { reportBlocks, reportHtml, type ReportDocument } from '../report.layout.ts';
import { findPublishedReports, findReport, type ReportRow } from '../report.repository.ts';
import { figuresOf, frozenOf, getReadableReport, latestSectionsOf, reportTitle } from './reports.ts';

/** The report as a document: frozen content once published, the current draft before. */
async function documentOf(db: Queryable, row: ReportRow, today: string): Promise<ReportDocument> {
  const frozen = row.status === 'published' ? await frozenOf(db, row.id) : null;
  const { figures } = await figuresOf(db, row, frozen);
  const sections: Partial<Record<ReportSection, string>> = frozen
    ? Object.fromEntries(Object.entries(frozen.sections).map(([k, v]) => [k, v?.body ?? '']))
    : await latestSectionsOf(db, row.id);
  return { title: frozen?.title ?? reportTitle(row.orgName, row.year), orgName: frozen?.orgName ?? row.orgName, figures, sections, date: row.publishedOn ?? today, draft: !frozen };
}

const fileName = (row: ReportRow) => `${reportTitle(row.orgName, row.year)}${row.status === 'published' ? '' : '（草稿）'}.docx`;

const docxOf = async (doc: ReportDocument) => officialReportDocx({ title: doc.title, blocks: reportBlocks(doc), signature: { org: doc.orgName, date: doc.date } });

async function readable(request: FastifyRequest, id: string) {
  const scope = requirePermission(request.actor, REPORT_READ);
  return getReadableReport(request.server.db, request.actor!, scope, id, await markDates(request, request.actor!.regionCode));
}

export async function reportDocx(request: FastifyRequest, id: string) {
  const row = await readable(request, id);
  return { name: fileName(row), content: await docxOf(await documentOf(request.server.db, row, beijingToday(request.server.clock))) };
}

export async function reportPreviewHtml(request: FastifyRequest, id: string) {
  const row = await readable(request, id);
  return reportHtml(await documentOf(request.server.db, row, beijingToday(request.server.clock)));
}

/** The portal: only published reports, as frozen. */
async function published(request: FastifyRequest, id: string): Promise<ReportRow> {
  const row = await findReport(request.server.db, id, { today: beijingToday(request.server.clock), soonLimit: beijingToday(request.server.clock) });
  if (!row || row.status !== 'published') throw notFound('年度报告');
  return row;
}

export async function publicReports(request: FastifyRequest, query: { regionCode: string; year?: number; orgId?: string; page: number; pageSize: number }) {
  const { page, pageSize, ...filter } = query;
  const { items, total } = await findPublishedReports(request.server.db, filter, { page, pageSize });
  return { items: items.map((r) => ({ ...r, scopeLabel: reportScopeLabels[r.scope as ReportScope] ?? r.scope })), total, page, pageSize };
}

export async function publicReportHtml(request: FastifyRequest, id: string) {
  const row = await published(request, id);
  return { title: reportTitle(row.orgName, row.year), html: reportHtml(await documentOf(request.server.db, row, row.publishedOn!)) };
}

/** A published report never changes: its .docx is made once per process (the newest few kept). */
const publishedDocx = new Map<string, Buffer>();
const KEPT_DOCX = 32;

export async function publicReportDocx(request: FastifyRequest, id: string) {
  const row = await published(request, id);
  let content = publishedDocx.get(row.id);
  if (!content) {
    content = await docxOf(await documentOf(request.server.db, row, row.publishedOn!));
    if (publishedDocx.size >= KEPT_DOCX) publishedDocx.delete(publishedDocx.keys().next().value!);
    publishedDocx.set(row.id, content);
  }
  return { name: fileName(row), content };
}
