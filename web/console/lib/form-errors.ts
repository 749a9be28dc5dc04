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
