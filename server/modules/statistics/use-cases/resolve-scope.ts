import type { FastifyRequest } from 'fastify';
import { requirePermission, type Actor } from '../../../kernel/auth/actor.ts';
import type { DataScope } from '../../../kernel/auth/auth.tables.ts';
import { beijingToday } from '../../../kernel/calendar/local-date.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { periodBounds, type IndicatorScope } from '../../../kernel/indicators/define-indicator.ts';
import { findOrg, orgInScope, type OrgRow } from '../../../kernel/org/org.repository.ts';
import { findRegionName, findScopeOrgs } from '../statistics.repository.ts';
import type { ScopeQuery, ScopeView } from '../statistics.schemas.ts';

export const STATISTICS_READ = 'statistics.read';

export interface ResolvedScope {
  scope: IndicatorScope;
  view: ScopeView;
}

/** Another region needs the 'all' scope; asking for it explicitly is refused, never narrowed silently. */
export function readableRegion(actor: Actor, granted: DataScope, regionCode: string | undefined): string {
  const region = regionCode ?? actor.regionCode;
  if (granted !== 'all' && region !== actor.regionCode) throw new AppError('FORBIDDEN', `只能统计本行政区（${actor.regionCode}）的数据`);
  return region;
}

/** The widest part of the tree a narrower reader may count: their own organisation (and its subtree). */
const narrowRoot = (granted: DataScope): boolean => granted === 'own_org' || granted === 'org_subtree';

/**
 * The scope asked for, checked against the reader's statistics.read scope. An organisation outside it
 * is refused (403). Asking for no organisation means "as wide as I may": a reader limited to their
 * own organisation (subtree) is then counted on it, and the answer says so (clamped, with a notice).
 */
export async function resolveScope(request: FastifyRequest, query: ScopeQuery): Promise<ResolvedScope> {
  const actor = request.actor;
  const granted = requirePermission(actor, STATISTICS_READ);
  const today = beijingToday(request.server.clock);
  const year = today.slice(0, 4);
  const from = query.from ?? `${year}-01-01`;
  const to = query.to ?? `${year}-12-31`;
  if (from > to) throw new AppError('VALIDATION_FAILED', '统计期间的开始日期不能晚于结束日期');
  if (from > today) throw new AppError('VALIDATION_FAILED', `统计期间尚未开始（开始日期 ${from} 晚于今日 ${today}）`);
  const regionCode = readableRegion(actor!, granted, query.regionCode);
  const db = request.server.db;

  let org: OrgRow | undefined;
  let notice: string | null = null;
  if (query.orgId) {
    org = await findOrg(db, query.orgId);
    if (!org || org.regionCode !== regionCode) throw new AppError('NOT_FOUND', '机构不存在或不属于所选行政区');
    if (granted !== 'all' && !orgInScope(actor!, granted, org)) {
      throw new AppError('FORBIDDEN', `「${org.name}」不在您的统计范围内`);
    }
  } else if (narrowRoot(granted)) {
    org = await findOrg(db, actor!.orgId);
    if (!org) throw new AppError('FORBIDDEN', '您所在的机构不存在，无法统计');
    notice = `您的统计范围为${granted === 'own_org' ? '本机构' : '本机构及下级机构'}，已按「${org.name}」统计`;
  }

  const orgOnly = granted === 'own_org';
  const scope: IndicatorScope = { regionCode, orgId: org?.id, orgPath: org?.path, orgOnly, period: { from, to }, today };
  return {
    scope,
    view: {
      regionCode,
      regionName: (await findRegionName(db, regionCode)) ?? null,
      orgId: org?.id ?? null,
      orgName: org?.name ?? null,
      orgOnly: orgOnly && !!org,
      from,
      to,
      asOf: periodBounds(scope).asOf,
      clamped: notice !== null,
      notice,
    },
  };
}

/** The organisations the reader may pick on the statistics page, and whether "whole region" is one of the choices. */
export async function scopeOrgs(request: FastifyRequest, regionCode: string | undefined) {
  const actor = request.actor;
  const granted = requirePermission(actor, STATISTICS_READ);
  const region = readableRegion(actor!, granted, regionCode);
  const regionWide = !narrowRoot(granted);
  const own = regionWide ? undefined : await findOrg(request.server.db, actor!.orgId);
  const root = own ? { id: own.id, path: own.path, only: granted === 'own_org' } : undefined;
  if (!regionWide && !root) throw new AppError('FORBIDDEN', '您所在的机构不存在，无法统计');
  return { regionCode: region, scope: granted, regionWide, defaultOrgId: own?.id ?? null, orgs: await findScopeOrgs(request.server.db, region, root) };
}
