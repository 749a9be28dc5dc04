import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';

/** "收到起诉状副本日期：不能晚于今天" under the field of that label reads better without the label. */
const withoutLabel = (message: string) => message.replace(/^[^：]{1,16}：/, '');

/**
 * Shows a refused save where it belongs: the schema's errors on the fields they name, the use-case's
 * checks (one message, no field) on the field its text is about (`messageFields`, first match wins).
 * Returns what is left for the form as a whole, or undefined when everything was placed (or the
 * session rules took over).
 */
export function placeError<T>(form: FormInstance<T>, error: unknown, messageFields: [RegExp, string][], fallback: string): string | undefined {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : fallback;
  if (error.status === 401 || error.code === 'PASSWORD_CHANGE_REQUIRED') return undefined;
  // The fields the form shows now (getFieldsError lists every mounted one).
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  let placed: { name: string; errors: string[] }[] = [];
  if (Array.isArray(error.details)) {
    placed = (error.details as { field?: unknown; message?: unknown }[])
      .filter((d): d is { field: string; message: string } => typeof d.field === 'string' && typeof d.message === 'string')
      .map((d) => ({ name: d.field, errors: [withoutLabel(d.message)] }));
  } else {
    const field = messageFields.find(([pattern]) => pattern.test(error.message))?.[1];
    if (field) placed = [{ name: field, errors: [withoutLabel(error.message)] }];
  }
  // A field the form does not show (hidden by another choice) cannot carry its error.
  const shown = placed.filter((p) => known.has(p.name));
  if (shown.length === 0) return error.message;
  form.setFields(shown.map((p) => ({ name: p.name as never, errors: p.errors })));
  form.scrollToField(shown[0]!.name as never);
  return shown.length < placed.length ? error.message : undefined;
}
