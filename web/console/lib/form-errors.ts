import type { FormInstance } from 'antd';
import { ApiError, showError } from '../api/client.ts';

interface FieldError {
  field: string;
  message: string;
}

/** The field errors an error names: VALIDATION_FAILED gives a list, domain checks may give one field. */
function fieldErrors(error: ApiError): FieldError[] {
  const details = error.details;
  if (Array.isArray(details)) {
    return details.filter((d): d is FieldError => typeof d?.field === 'string' && typeof d?.message === 'string');
  }
  if (details && typeof details === 'object' && 'field' in details && typeof details.field === 'string') {
    const message = 'message' in details && typeof details.message === 'string' ? details.message : error.message;
    return [{ field: details.field, message }];
  }
  return [];
}

/**
 * Shows a failed save where the user looks: on the form fields the server named, otherwise as a
 * message. Returns true when the error was a version conflict, so that the caller reloads.
 */
export function reportSaveError<T>(form: FormInstance<T> | undefined, error: unknown): { conflict: boolean } {
  if (!(error instanceof ApiError)) {
    showError(error);
    return { conflict: false };
  }
  if (error.status === 401 || error.code === 'PASSWORD_CHANGE_REQUIRED') return { conflict: false };
  const known = new Set(Object.keys(form?.getFieldsValue(true) ?? {}));
  const onFields = fieldErrors(error).filter((f) => known.has(f.field));
  if (form && onFields.length) {
    form.setFields(onFields.map((f) => ({ name: f.field as never, errors: [f.message] })));
    if (onFields.length < fieldErrors(error).length) showError(error);
  } else {
    showError(error);
  }
  return { conflict: error.code === 'VERSION_CONFLICT' };
}

/** "收到起诉状副本日期：不能晚于今天" under the field of that label reads better without the label. */
const withoutLabel = (message: string) => message.replace(/^[^：]{1,16}：/, '');

/**
 * Shows a refused save where it belongs: on the fields the server named (the schema's errors and the
 * use-case's own checks both name theirs). Returns what is left for the form as a whole — an error with
 * no field, or one about a field the form does not show now — or undefined when everything was placed
 * (or the session rules took over).
 */
export function placeFieldErrors<T>(form: FormInstance<T>, error: unknown, fallback: string): string | undefined {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : fallback;
  if (error.status === 401 || error.code === 'PASSWORD_CHANGE_REQUIRED') return undefined;
  // The fields the form shows now (getFieldsError lists every mounted one).
  const shown = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const named = fieldErrors(error);
  const placed = named.filter((f) => shown.has(f.field));
  if (placed.length === 0) return error.message;
  form.setFields(placed.map((f) => ({ name: f.field as never, errors: [withoutLabel(f.message)] })));
  form.scrollToField(placed[0]!.field as never, { block: 'center' });
  return placed.length < named.length ? error.message : undefined;
}
