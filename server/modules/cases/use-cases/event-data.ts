import type { ActionField } from '../../../kernel/workflow/action-fields.ts';

/** One entry of a step's recorded data, as the 全过程记录 shows it. */
export interface DataEntry {
  name: string;
  label: string;
  value: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The organisations a step's data names ('org' fields store ids), to look their names up at once. */
export function orgIdsIn(fields: ActionField[], data: unknown): string[] {
  if (!isRecord(data)) return [];
  return fields.filter((f) => f.type === 'org' && typeof data[f.name] === 'string').map((f) => data[f.name] as string);
}

function textOf(field: ActionField, value: unknown, orgNames: Map<string, string>): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const label = (v: unknown) => field.options?.find((o) => o.value === v)?.label ?? String(v);
  switch (field.type) {
    case 'boolean':
      return value ? '是' : '否';
    case 'select':
      return label(value);
    case 'multiselect':
      return Array.isArray(value) && value.length ? value.map(label).join('、') : undefined;
    case 'org':
      return orgNames.get(String(value)) ?? String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

/**
 * A step's data labelled by the fields of the form it was entered in, in the form's order: option
 * values become their Chinese labels, organisation ids their names. Keys the form does not know
 * (a module's own record on opening a case) are left to the module's panel.
 */
export function describeData(fields: ActionField[], data: unknown, orgNames: Map<string, string>): DataEntry[] {
  if (!isRecord(data)) return [];
  return fields.flatMap((field) => {
    const value = textOf(field, data[field.name], orgNames);
    return value === undefined ? [] : [{ name: field.name, label: field.label, value }];
  });
}
