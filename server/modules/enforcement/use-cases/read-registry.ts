import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../../kernel/db/db.ts';
import type { Paging } from '../../../kernel/db/paging.ts';
import { notFound } from '../../../kernel/errors/app-error.ts';
import { toXlsx } from '../../../kernel/excel/excel.ts';
import * as repo from '../enforcement.repository.ts';
import * as matters from '../matters.repository.ts';
import * as xl from '../enforcement.excel.ts';
import { EXPIRY_REMINDER_DAYS, TRAINING_HOURS_PER_YEAR } from '../enforcement.permissions.ts';
import { presentBenchmark, presentBody, presentCertificate, presentDelegation, presentLeniency, presentMatter, presentOfficer } from '../enforcement.present.ts';
import type * as S from '../enforcement.schemas.ts';
import { readContext } from './guards.ts';

/** A registry spreadsheet stays far below this; it bounds a mistaken "everything" export. */
const EXPORT_LIMIT = 50_000;
type Paged<F> = F & { page: number; pageSize: number };

const split = <F extends object>(query: Paged<F>) => {
  const { page, pageSize, ...filter } = query;
  return { paging: { page, pageSize }, filter: filter as unknown as F };
};

async function listOf<F extends object, R, I>(
  request: FastifyRequest,
  query: Paged<F>,
  find: (db: Queryable, ctx: repo.ListContext, f: F, p: Paging) => Promise<{ items: R[]; total: number }>,
  present: (row: R) => I,
) {
  const ctx = readContext(request);
  const { paging, filter } = split(query);
  const { items, total } = await find(request.server.db, ctx, filter, paging);
  return { items: items.map(present), total, ...paging };
}

export const listBodies = (r: FastifyRequest, q: Paged<S.BodyFilter>) => listOf(r, q, repo.findBodies, presentBody);
export const listOfficers = (r: FastifyRequest, q: Paged<S.OfficerFilter>) => listOf(r, q, repo.findOfficers, presentOfficer);
export const listCertificates = (r: FastifyRequest, q: Paged<S.CertificateFilter>) => listOf(r, q, repo.findCertificates, presentCertificate);
export const listMatters = (r: FastifyRequest, q: Paged<S.MatterFilter>) => listOf(r, q, matters.findMatters, presentMatter);
export const listBenchmarks = (r: FastifyRequest, q: Paged<S.BenchmarkFilter>) => listOf(r, q, matters.findBenchmarks, presentBenchmark);
export const listLeniency = (r: FastifyRequest, q: Paged<S.LeniencyFilter>) => listOf(r, q, matters.findLeniency, presentLeniency);
export const listDelegations = (r: FastifyRequest, q: Paged<S.DelegationFilter>) => listOf(r, q, matters.findDelegations, presentDelegation);

export async function exportBodies(r: FastifyRequest, f: S.BodyFilter) {
  return toXlsx('执法主体', xl.bodyColumns, (await repo.findBodiesForExport(r.server.db, readContext(r), f, EXPORT_LIMIT)).map(presentBody));
}
export async function exportOfficers(r: FastifyRequest, f: S.OfficerFilter) {
  return toXlsx('执法人员', xl.officerColumns, (await repo.findOfficersForExport(r.server.db, readContext(r), f, EXPORT_LIMIT)).map(presentOfficer));
}
export async function exportCertificates(r: FastifyRequest, f: S.CertificateFilter) {
  return toXlsx('行政执法证', xl.certificateColumns, (await repo.findCertificatesForExport(r.server.db, readContext(r), f, EXPORT_LIMIT)).map(presentCertificate));
}
export async function exportMatters(r: FastifyRequest, f: S.MatterFilter) {
  return toXlsx('执法事项', xl.matterColumns, (await matters.findMattersForExport(r.server.db, readContext(r), f, EXPORT_LIMIT)).map(presentMatter));
}
export async function exportBenchmarks(r: FastifyRequest, f: S.BenchmarkFilter) {
  return toXlsx('裁量基准', xl.benchmarkColumns, (await matters.findBenchmarksForExport(r.server.db, readContext(r), f, EXPORT_LIMIT)).map(presentBenchmark));
}
export async function exportLeniency(r: FastifyRequest, f: S.LeniencyFilter) {
  return toXlsx('从轻减轻及不予处罚清单', xl.leniencyColumns, (await matters.findLeniencyForExport(r.server.db, readContext(r), f, EXPORT_LIMIT)).map(presentLeniency));
}
export async function exportDelegations(r: FastifyRequest, f: S.DelegationFilter) {
  return toXlsx('乡镇赋权事项', xl.delegationColumns, (await matters.findDelegationsForExport(r.server.db, readContext(r), f, EXPORT_LIMIT)).map(presentDelegation));
}

/** An officer with every certificate (换证 history) and training; outside the reader's scope it does not exist. */
export async function getOfficer(request: FastifyRequest, id: string): Promise<S.OfficerDetail> {
  const ctx = readContext(request);
  const db = request.server.db;
  const row = await repo.findOfficerRow(db, id, ctx.today, repo.officerReadable(ctx));
  if (!row) throw notFound('执法人员');
  const [certificates, trainings] = await Promise.all([repo.findOfficerCertificates(db, id, ctx.today), repo.findTrainings(db, id)]);
  return { ...presentOfficer(row), certificates: certificates.map(presentCertificate), trainings };
}

/** 到期提醒: certificates ending within 90 days, and officers short of this year's 60 training hours. */
export async function reminders(request: FastifyRequest) {
  const ctx = readContext(request);
  const year = Number(ctx.today.slice(0, 4));
  const [expiring, training] = await Promise.all([
    repo.findExpiringCertificates(request.server.db, ctx, EXPIRY_REMINDER_DAYS, 500),
    repo.findTrainingShortfall(request.server.db, ctx, year, TRAINING_HOURS_PER_YEAR, 200),
  ]);
  return { expiring: expiring.map(presentCertificate), training: training.items, trainingTotal: training.total, year, withinDays: EXPIRY_REMINDER_DAYS, requiredHours: TRAINING_HOURS_PER_YEAR };
}
