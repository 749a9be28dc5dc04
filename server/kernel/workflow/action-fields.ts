import { z } from 'zod';

/**
 * The form a step's input needs, derived from the action's zod schema so that the console renders it
 * without a page per action. Labels and widgets come from `.meta()`: { title, widget, optionLabels,
 * optionsFrom, showWhen }. A module describes its input once, the server validates it and the console asks for it.
 */
export interface ActionField {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'date' | 'number' | 'boolean' | 'select' | 'multiselect' | 'org';
  required: boolean;
  options?: { value: string; label: string }[];
  /**
   * Options read from the server when the form opens: an /api path with `:caseId` for the case, answering
   * { value, label }[] (e.g. the discretion benchmark rows of the case's matter).
   */
  optionsFrom?: string;
  /** Shown only while another field has one of these values, e.g. the 简易程序 ground. */
  showWhen?: { field: string; values: string[] };
  help?: string;
  max?: number;
  min?: number;
}

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  title?: string;
  description?: string;
  widget?: ActionField['type'];
  optionLabels?: Record<string, string>;
  optionsFrom?: string;
  showWhen?: { field: string; values: string[] };
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
}

function options(schema: JsonSchema): ActionField['options'] {
  const values = (schema.enum ?? []).filter((v): v is string => typeof v === 'string');
  return values.map((value) => ({ value, label: schema.optionLabels?.[value] ?? value }));
}

function fieldOf(name: string, raw: JsonSchema, required: boolean): ActionField {
  // .nullable() and .optional() wrap the real schema in anyOf with null.
  const schema = raw.anyOf?.find((s) => s.type !== 'null') ?? raw;
  const meta = { ...schema, ...raw };
  const base = { name, label: meta.title ?? name, required, ...(meta.description ? { help: meta.description } : {}), ...(meta.showWhen ? { showWhen: meta.showWhen } : {}) };
  if (meta.optionsFrom) return { ...base, type: 'select', optionsFrom: meta.optionsFrom };
  if (meta.widget) return { ...base, type: meta.widget, ...(schema.enum ? { options: options({ ...schema, optionLabels: meta.optionLabels }) } : {}), ...(schema.maxLength ? { max: schema.maxLength } : {}) };
  if (schema.enum) return { ...base, type: 'select', options: options({ ...schema, optionLabels: meta.optionLabels }) };
  if (schema.type === 'array' && schema.items?.enum) return { ...base, type: 'multiselect', options: options({ ...schema.items, optionLabels: meta.optionLabels ?? schema.items.optionLabels }) };
  if (schema.type === 'boolean') return { ...base, type: 'boolean' };
  if (schema.type === 'integer' || schema.type === 'number') {
    return { ...base, type: 'number', ...(schema.minimum !== undefined ? { min: schema.minimum } : {}), ...(schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? { max: schema.maximum } : {}) };
  }
  if (schema.format === 'date') return { ...base, type: 'date' };
  return { ...base, type: (schema.maxLength ?? 0) > 200 ? 'textarea' : 'text', ...(schema.maxLength ? { max: schema.maxLength } : {}) };
}

const cache = new WeakMap<z.ZodType, ActionField[]>();

/** The fields of an object-shaped input; an action without input has none. */
export function actionFields(input: z.ZodType | undefined): ActionField[] {
  if (!input) return [];
  const cached = cache.get(input);
  if (cached) return cached;
  const schema = z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, property]) => fieldOf(name, property, required.has(name)));
  cache.set(input, fields);
  return fields;
}
