import type { FastifyRequest } from 'fastify';
import { and, eq, or, type SQL } from 'drizzle-orm';
import { scopeOnOrgId, type Actor } from '../../../kernel/auth/actor.ts';
import type { Queryable } from '../../../kernel/db/db.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { findOrgNames } from '../../../kernel/org/org.repository.ts';
import { searchIndex, snippet, type SearchFilter } from '../../../kernel/search/search.ts';
import { searchEntries } from '../../../kernel/search/search.tables.ts';
import { allSearchables, findSearchable, type Searchable } from '../../../kernel/search/searchables.ts';
import type { PublicSearchQuery, SearchAnswer, SearchHit, SearchQuery } from '../search.schemas.ts';

/**
 * What an actor may read in the index: every public entry, and each kind's entries whose organisation
 * is in the scope of that kind's read permission.
 */
export function readableEntries(actor: Actor, searchables: Searchable[]): SQL {
  const branches = searchables.flatMap((s) => {
    const scope = actor.permissions.get(s.readPermission);
    return scope ? [and(eq(searchEntries.entityType, s.entityType), scopeOnOrgId(actor, scope, { orgId: searchEntries.orgId, regionCode: searchEntries.regionCode }))!] : [];
  });
  return or(eq(searchEntries.public, true), ...branches)!;
}

/** The kinds searched: the one asked for (it must exist) or every kind a page can show. */
function kindsOf(type: string | undefined, offered: Searchable[]): Searchable[] {
  if (!type) return offered;
  const kind = offered.find((s) => s.entityType === type);
  if (!kind) throw new AppError('VALIDATION_FAILED', '类别：没有这种可检索的记录', [{ field: 'type', message: '没有这种可检索的记录' }]);
  return [kind];
}

/** The whole title with every query word marked (snippet's window spans it). */
const markTitle = (title: string, words: string[]) => snippet(title, words, 4 * (title.length + 1));

async function run(db: Queryable, query: SearchQuery, filter: SearchFilter, link: (s: Searchable, id: string) => string | null): Promise<SearchAnswer> {
  const { q, page, pageSize } = query;
  const found = await searchIndex(db, q, filter, { page, pageSize });
  const orgNames = await findOrgNames(db, found.items.map((i) => i.orgId).filter((id): id is string => id !== null));
  const items: SearchHit[] = found.items.map((item) => {
    const kind = findSearchable(item.entityType)!;
    return {
      entityType: item.entityType,
      typeLabel: kind.label,
      entityId: item.entityId,
      title: item.title,
      titleParts: markTitle(item.title, found.words),
      snippet: item.snippet,
      orgId: item.orgId,
      orgName: item.orgId ? (orgNames.get(item.orgId) ?? null) : null,
      year: item.year,
      status: item.status,
      statusLabel: item.status ? (kind.statusLabels?.[item.status] ?? item.status) : null,
      public: item.public,
      link: link(kind, item.entityId),
    };
  });
  return { items, total: found.total, totalExact: found.totalExact, page, pageSize, words: found.words };
}

/** The console's search: the actor's county, what the actor may read, linked to the console's pages. */
export async function searchConsole(request: FastifyRequest, query: SearchQuery): Promise<SearchAnswer> {
  const actor = request.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', '请先登录');
  const kinds = kindsOf(query.type, allSearchables());
  return run(
    request.server.db,
    query,
    { regionCode: actor.regionCode, entityTypes: kinds.map((k) => k.entityType), orgId: query.orgId, year: query.year, status: query.status, where: readableEntries(actor, kinds) },
    (kind, id) => kind.consolePath(id),
  );
}

/** Kinds the portal shows: those with a public page. */
const portalKinds = () => allSearchables().filter((s) => s.portalPath);

/** The portal's search: published entries of the county only, linked to the portal's pages. */
export async function searchPortal(request: FastifyRequest, query: PublicSearchQuery): Promise<SearchAnswer> {
  const kinds = kindsOf(query.type, portalKinds());
  return run(
    request.server.db,
    query,
    { regionCode: query.regionCode, entityTypes: kinds.map((k) => k.entityType), publicOnly: true, orgId: query.orgId, year: query.year, status: query.status },
    (kind, id) => kind.portalPath!(id),
  );
}

const describeKind = (s: Searchable) => ({
  entityType: s.entityType,
  label: s.label,
  statuses: Object.entries(s.statusLabels ?? {}).map(([value, label]) => ({ value, label })),
});

export const consoleKinds = () => allSearchables().map(describeKind);
export const publicKinds = () => portalKinds().map(describeKind);
