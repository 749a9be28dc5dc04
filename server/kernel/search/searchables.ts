/**
 * What each module makes searchable: the console shows an entry to users holding readPermission in
 * scope of the entry's organisation (or to anyone once it is public), and links to it by the paths.
 */
export interface Searchable {
  /** search_entries.entity_type, e.g. normative_document. */
  entityType: string;
  /** Chinese name shown as the result's kind, e.g. 规范性文件. */
  label: string;
  readPermission: string;
  /** The console page of a record, e.g. /normative/<id>. */
  consolePath(entityId: string): string;
  /** The portal page of a published record, when it has one. */
  portalPath?(entityId: string): string;
  /** Chinese names of its search_entries.status values, for the status filter. */
  statusLabels?: Record<string, string>;
}

const searchables = new Map<string, Searchable>();

export function registerSearchable(def: Searchable): Searchable {
  const known = searchables.get(def.entityType);
  if (known && known !== def) throw new Error(`searchable ${def.entityType} registered twice`);
  searchables.set(def.entityType, def);
  return def;
}

export const allSearchables = (): Searchable[] => [...searchables.values()];
export const findSearchable = (entityType: string): Searchable | undefined => searchables.get(entityType);
