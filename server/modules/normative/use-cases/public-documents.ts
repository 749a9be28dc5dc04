import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { legalStatusLabels, type LegalStatus } from '../../../../contracts/normative.ts';
import { findPublicDocument, findPublicDocuments, getDocument, type DocumentListRow } from '../normative.repository.ts';
import type { PublicDocumentQuery } from '../normative.schemas.ts';
import { changedOf, statusHistoryOf } from './read-documents.ts';

/** The portal's view of a document: published ones only, without the procedure's internals. */
const presentPublic = (row: DocumentListRow) => ({
  id: row.id,
  title: row.title,
  issuerName: row.issuerName,
  topics: row.topics,
  docNo: row.docNo,
  publishedOn: row.publishedOn,
  effectiveOn: row.effectiveOn,
  validUntil: row.validUntil,
  status: row.status,
  statusLabel: row.status ? legalStatusLabels[row.status as LegalStatus] : null,
});

export async function listPublicDocuments(request: FastifyRequest, query: z.infer<typeof PublicDocumentQuery>) {
  const { page, pageSize, regionCode, ...filter } = query;
  const today = beijingToday(request.server.clock);
  const { items, total } = await findPublicDocuments(request.server.db, regionCode, { ...filter, state: undefined, published: undefined }, today, { page, pageSize });
  return { items: items.map(presentPublic), total, page, pageSize };
}

export async function getPublicDocument(request: FastifyRequest, id: string) {
  const db = request.server.db;
  const row = await findPublicDocument(db, id, beijingToday(request.server.clock));
  if (!row) throw new AppError('NOT_FOUND', '文件不存在或尚未公布');
  const [doc, statusHistory, changed] = await Promise.all([getDocument(db, id), statusHistoryOf(db, row), changedOf(db, id)]);
  return { ...presentPublic(row), body: doc.body, statusHistory, changed };
}
