import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../kernel/auth/actor.ts';
import { beijingToday } from '../../kernel/calendar/local-date.ts';
import { findPage } from '../../kernel/db/paging.ts';
import { pageOf, Paging } from '../../kernel/http/schemas.ts';
import * as repo from './enforcement.repository.ts';
import * as matters from './matters.repository.ts';
import { fieldLabel, presentBenchmark, presentBody, presentDelegation, presentLeniency, presentMatter } from './enforcement.present.ts';
import * as S from './enforcement.schemas.ts';
import { likePattern } from './enforcement.sql.ts';
import { enforcementBodies, enforcementCertificates, enforcementOfficers } from './enforcement.tables.ts';

const tags = ['portal'];
const region = z.string().regex(/^\d{6}$/, '应为6位行政区划代码').optional();

/**
 * The portal reads the registry as an anonymous reader of one region (or all): the lists' own queries
 * with a region-wide scope, active entries only.
 */
const publicReader = (regionCode: string | undefined, today: string): repo.ListContext => ({
  actor: { regionCode } as Actor,
  scope: regionCode ? 'region' : 'all',
  today,
});

/** 亮证: who may enforce — name, certificate number, body and field of valid certificates, nothing personal. */
const publicOfficerColumns = {
  name: enforcementOfficers.name,
  certificateNo: enforcementCertificates.certificateNo,
  bodyName: enforcementBodies.name,
  field: enforcementCertificates.field,
  validUntil: enforcementCertificates.validUntil,
};

export const enforcementPortalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/enforcement/officers',
    {
      schema: { tags, summary: '行政执法人员亮证信息（持有效执法证的人员）', querystring: S.PublicOfficerQuery.extend(Paging.shape), response: { 200: pageOf(S.PublicOfficer) } },
    },
    async (request) => {
      const { page, pageSize, q, bodyId, field, regionCode } = request.query;
      const today = beijingToday(request.server.clock);
      const pattern = q ? likePattern(q) : undefined;
      const db = request.server.db;
      const where = and(
        regionCode ? eq(enforcementCertificates.regionCode, regionCode) : undefined,
        eq(enforcementCertificates.status, 'valid'),
        sql`${enforcementCertificates.issuedOn} <= ${today} and ${enforcementCertificates.validUntil} >= ${today}`,
        eq(enforcementOfficers.status, 'active'),
        eq(enforcementBodies.status, 'active'),
        pattern ? or(sql`${enforcementOfficers.name} ilike ${pattern}`, sql`${enforcementCertificates.certificateNo} ilike ${pattern}`) : undefined,
        bodyId ? eq(enforcementOfficers.bodyId, bodyId) : undefined,
        field ? eq(enforcementCertificates.field, field) : undefined,
      );
      const { items, total } = await findPage(
        db,
        () =>
          db
            .select(publicOfficerColumns)
            .from(enforcementCertificates)
            .innerJoin(enforcementOfficers, eq(enforcementOfficers.id, enforcementCertificates.officerId))
            .innerJoin(enforcementBodies, eq(enforcementBodies.id, enforcementOfficers.bodyId))
            .where(where)
            .$dynamic(),
        [asc(enforcementBodies.name), asc(enforcementOfficers.name), asc(enforcementCertificates.certificateNo)],
        { page, pageSize },
      );
      return { items: items.map((o) => ({ ...o, fieldLabel: fieldLabel(o.field) })), total, page, pageSize };
    },
  );

  app.get(
    '/public/enforcement/bodies',
    { schema: { tags, summary: '行政执法主体（事前公示）', querystring: z.object({ regionCode: region, field: S.BodyFilter.shape.field, q: S.BodyFilter.shape.q }).extend(Paging.shape), response: { 200: pageOf(S.PublicBody) } } },
    async (request) => {
      const { page, pageSize, regionCode, ...filter } = request.query;
      const { items, total } = await repo.findBodies(request.server.db, publicReader(regionCode, beijingToday(request.server.clock)), { ...filter, status: 'active', sort: 'name', order: 'asc' }, { page, pageSize });
      return { items: items.map(presentBody), total, page, pageSize };
    },
  );

  app.get(
    '/public/enforcement/matters',
    {
      schema: {
        tags,
        summary: '行政执法事项及依据（事前公示）',
        querystring: z.object({ regionCode: region, q: S.MatterFilter.shape.q, field: S.MatterFilter.shape.field, category: S.MatterFilter.shape.category, delegated: S.MatterFilter.shape.delegated }).extend(Paging.shape),
        response: { 200: pageOf(S.MatterItem) },
      },
    },
    async (request) => {
      const { page, pageSize, regionCode, ...filter } = request.query;
      const { items, total } = await matters.findMatters(request.server.db, publicReader(regionCode, beijingToday(request.server.clock)), { ...filter, status: 'active', sort: 'code', order: 'asc' }, { page, pageSize });
      return { items: items.map(presentMatter), total, page, pageSize };
    },
  );

  app.get(
    '/public/enforcement/benchmarks',
    {
      schema: {
        tags,
        summary: '行政处罚裁量基准（事前公示）',
        querystring: z.object({ regionCode: region, q: S.BenchmarkFilter.shape.q, field: S.BenchmarkFilter.shape.field, matterId: S.BenchmarkFilter.shape.matterId }).extend(Paging.shape),
        response: { 200: pageOf(S.BenchmarkItem) },
      },
    },
    async (request) => {
      const { page, pageSize, regionCode, ...filter } = request.query;
      const { items, total } = await matters.findBenchmarks(request.server.db, publicReader(regionCode, beijingToday(request.server.clock)), { ...filter, sort: 'matterCode', order: 'asc' }, { page, pageSize });
      return { items: items.map(presentBenchmark), total, page, pageSize };
    },
  );

  app.get(
    '/public/enforcement/leniency',
    {
      schema: {
        tags,
        summary: '首违不罚、轻微违法不予处罚和从轻减轻处罚清单（事前公示）',
        querystring: z.object({ regionCode: region, q: S.LeniencyFilter.shape.q, list: S.LeniencyFilter.shape.list, field: S.LeniencyFilter.shape.field }).extend(Paging.shape),
        response: { 200: pageOf(S.LeniencyItem) },
      },
    },
    async (request) => {
      const { page, pageSize, regionCode, ...filter } = request.query;
      const { items, total } = await matters.findLeniency(request.server.db, publicReader(regionCode, beijingToday(request.server.clock)), { ...filter, status: 'active', sort: 'matterCode', order: 'asc' }, { page, pageSize });
      return { items: items.map(presentLeniency), total, page, pageSize };
    },
  );

  app.get(
    '/public/enforcement/delegations',
    {
      schema: {
        tags,
        summary: '赋予乡镇（街道）的行政执法事项（现行）',
        querystring: z.object({ regionCode: region, q: S.DelegationFilter.shape.q, townshipOrgId: S.DelegationFilter.shape.townshipOrgId }).extend(Paging.shape),
        response: { 200: pageOf(S.DelegationItem) },
      },
    },
    async (request) => {
      const { page, pageSize, regionCode, ...filter } = request.query;
      const today = beijingToday(request.server.clock);
      const { items, total } = await matters.findDelegations(request.server.db, publicReader(regionCode, today), { ...filter, inForceOn: today, sort: 'townshipName', order: 'asc' }, { page, pageSize });
      return { items: items.map(presentDelegation), total, page, pageSize };
    },
  );
};
