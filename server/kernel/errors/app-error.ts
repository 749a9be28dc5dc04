/**
 * One table of error codes. Domain code throws AppError(code, message); the HTTP layer maps the code
 * to a status. Codes are stable for programs; messages are Chinese, for users.
 */
export const errorCodes = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  INVALID_CREDIT_CODE: 400,
  INVALID_ID_NUMBER: 400,
  PASSWORD_POLICY: 400,
  IMPORT_INVALID: 400,
  AUTH_REQUIRED: 401,
  BAD_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  ADMIN_ROLES_SEPARATED: 409,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  CONFLICT: 409,
  CONSULTATION_CLOSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  DATA_DIR_LOCKED: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或无权访问`);
export const forbidden = (message = '没有执行此操作的权限') => new AppError('FORBIDDEN', message);
export const versionConflict = (what: string) =>
  new AppError('VERSION_CONFLICT', `${what}已被他人修改，请刷新后重试`);

/**
 * A refusal that belongs to one field of the form that sent it (a use-case's own check, beyond the
 * schema's): the console shows the message under that field. The code defaults to VALIDATION_FAILED.
 */
export function fieldRefused(field: string, message: string, code: ErrorCode = 'VALIDATION_FAILED'): AppError {
  return new AppError(code, message, [{ field, message } satisfies FieldError]);
}
