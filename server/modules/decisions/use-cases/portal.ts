import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { decisionCategoryLabels, decisionStateLabels, meetingKindLabels, type DecisionState } from '../../../../contracts/decisions.ts';
import { notFound } from '../../../kernel/errors/app-error.ts';
import { findCatalogues } from '../catalogue.repository.ts';
import { findMeetingOf, findPublishedDecision, findPublishedDecisions } from '../decisions.repository.ts';
import { decisionCatalogues } from '../decisions.tables.ts';
import { catalogueDetail } from './catalogue.ts';
import { gateViews } from './decisions.ts';

/** The portal: published catalogues with their adjustments, published decisions with their statements. */

export async function publicCatalogues(request: FastifyRequest, query: { regionCode: string; year?: number }) {
  const rows = await findCatalogues(
    request.server.db,
    and(eq(decisionCatalogues.regionCode, query.regionCode), eq(decisionCatalogues.state, 'published'), query.year ? eq(decisionCatalogues.year, query.year) : undefined),
  );
  return Promise.all(rows.map(async (r) => (await catalogueDetail(request.server.db, r.catalogue.id, { publicOnly: true }))!));
}

export async function publicCatalogue(request: FastifyRequest, id: string) {
  const detail = await catalogueDetail(request.server.db, id, { publicOnly: true });
  if (!detail) throw notFound('决策事项目录');
  return detail;
}

type Published = NonNullable<Awaited<ReturnType<typeof findPublishedDecision>>>;

const item = (r: Published) => ({
  id: r.id,
  title: r.title,
  orgName: r.orgName,
  deciderOrgName: r.deciderOrgName,
  categoryLabel: decisionCategoryLabels[r.d.category],
  decidedOn: r.d.decidedOn,
  publishedOn: r.d.publishedOn!,
  documentNo: r.d.documentNo,
  stateLabel: decisionStateLabels[r.state as DecisionState] ?? r.state,
});

export async function publicDecisions(request: FastifyRequest, query: { regionCode: string; year?: number; page: number; pageSize: number }) {
  const { items, total } = await findPublishedDecisions(request.server.db, query.regionCode, query.year, query);
  return { items: items.map(item), total, page: query.page, pageSize: query.pageSize };
}

export async function publicDecision(request: FastifyRequest, id: string) {
  const row = await findPublishedDecision(request.server.db, id);
  if (!row) throw notFound('重大行政决策');
  const meeting = await findMeetingOf(request.server.db, row.d.meetingItemId);
  return {
    ...item(row),
    summary: row.d.summary,
    decisionText: row.d.decisionText,
    adoptionStatement: row.d.adoptionStatement,
    shortenedReason: row.d.shortenedReason,
    meetingName: meeting ? `${meeting.orgName}${meeting.meeting.year}年第${meeting.meeting.seq}次${meetingKindLabels[meeting.meeting.kind]}` : null,
    gates: gateViews(row.d.gates),
  };
}
