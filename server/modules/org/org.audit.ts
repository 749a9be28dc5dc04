import type { OrgRow } from '../../kernel/org/org.repository.ts';

/** Audit rows about organisations name this entity type. */
export const ORG_ENTITY = 'organisation';

/** What an audit row records of an organisation before and after a change. */
export function orgSnapshot(row: OrgRow) {
  return {
    regionCode: row.regionCode,
    parentId: row.parentId,
    path: row.path,
    depth: row.depth,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    type: row.type,
    creditCode: row.creditCode,
    contactPerson: row.contactPerson,
    contactPhone: row.contactPhone,
    address: row.address,
    status: row.status,
    sortOrder: row.sortOrder,
    version: row.version,
  };
}
