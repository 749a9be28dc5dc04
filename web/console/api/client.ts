import { message as staticMessage } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';

/** The server's one error shape: { code, message, details }. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  /** Show the server's message with message.error (default true); off when the caller shows it itself. */
  notify?: boolean;
  /** Go to the login page on 401 (default true); off for the login request itself. */
  redirectOn401?: boolean;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

const CSRF_COOKIE = 'fazhi_csrf';
const CSRF_HEADER = 'x-csrf-token';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let messageApi: Pick<MessageInstance, 'error'> = staticMessage;
let navigate: (path: string) => void = (path) => window.location.assign(`/console${path}`);

/** The app registers antd's context-aware message API and the router's navigate once mounted. */
export function connectClient(hooks: { message?: Pick<MessageInstance, 'error'>; navigate?: (path: string) => void }): void {
  if (hooks.message) messageApi = hooks.message;
  if (hooks.navigate) navigate = hooks.navigate;
}

export function showError(error: unknown): void {
  const text = error instanceof ApiError || error instanceof Error ? error.message : '操作失败';
  void messageApi.error(text);
}

function csrfToken(): string | undefined {
  const entry = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return entry ? decodeURIComponent(entry.slice(CSRF_COOKIE.length + 1)) : undefined;
}

export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return `/api/${path}${text ? `?${text}` : ''}`;
}

function headersFor(method: string, contentType?: string): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (contentType) headers['content-type'] = contentType;
  const csrf = csrfToken();
  if (method !== 'GET' && csrf) headers[CSRF_HEADER] = csrf;
  return headers;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as { code?: string; message?: string; details?: unknown } | null;
  return new ApiError(
    response.status,
    body?.code ?? 'HTTP_' + response.status,
    body?.message ?? (response.status >= 500 ? '服务器暂时无法处理请求，请稍后重试' : `请求失败（${response.status}）`),
    body?.details,
  );
}

/** Applies the session rules to an error, tells the user unless asked not to, and returns it for throwing. */
function handleError(error: ApiError, options: RequestOptions): ApiError {
  const here = window.location.pathname.replace(/^\/console/, '') || '/';
  if (error.status === 401 && options.redirectOn401 !== false) {
    // A lapsed session says so; an absent one (first visit) just goes to the login page.
    if (error.code === 'SESSION_EXPIRED') void messageApi.error(error.message);
    if (!here.startsWith('/login')) navigate(`/login?next=${encodeURIComponent(here + window.location.search)}`);
    return error;
  }
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
    if (here !== '/change-password') navigate('/change-password');
    return error;
  }
  if (options.notify !== false) void messageApi.error(error.message);
  return error;
}

async function send(method: string, url: string, body: BodyInit | undefined, contentType: string | undefined, options: RequestOptions): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { method, credentials: 'same-origin', headers: headersFor(method, contentType), body });
  } catch {
    throw handleError(new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试'), options);
  }
  if (!response.ok) throw handleError(await errorFrom(response), options);
  return response;
}

async function json<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json', options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: RequestOptions) => json<T>('GET', withQuery(path, query), undefined, options),
  post: <T = void>(path: string, body?: unknown, options?: RequestOptions) => json<T>('POST', withQuery(path), body ?? {}, options),
  put: <T = void>(path: string, body: unknown, options?: RequestOptions) => json<T>('PUT', withQuery(path), body, options),
  delete: <T = void>(path: string, options?: RequestOptions) => json<T>('DELETE', withQuery(path), undefined, options),
};

/** Saves a response body as a file, named by the server's Content-Disposition when it gives one. */
async function saveResponse(response: Response, fallbackName: string): Promise<void> {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const name = encoded ? decodeURIComponent(encoded) : plain ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** GET an export (e.g. orgs/export.xlsx) with the list's filters and save it. */
export async function download(path: string, query: Query | undefined, fallbackName: string): Promise<void> {
  await saveResponse(await send('GET', withQuery(path, query), undefined, undefined, {}), fallbackName);
}

/** POST a file as the raw body and save the file the server answers with (e.g. an import's error report). */
export async function postFileForDownload(path: string, file: Blob, contentType: string, fallbackName: string): Promise<void> {
  await saveResponse(await send('POST', withQuery(path), file, contentType, {}), fallbackName);
}

/**
 * POST a file as the raw body with upload progress (fetch cannot report it, XMLHttpRequest can).
 * Errors go through the same rules as every other request.
 */
export function uploadFile<T>(
  path: string,
  query: Query | undefined,
  file: Blob,
  contentType: string,
  onProgress: (percent: number) => void,
  options: RequestOptions = {},
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, query));
    xhr.withCredentials = true;
    for (const [key, value] of Object.entries({ ...headersFor('POST', contentType), ...extraHeaders })) xhr.setRequestHeader(key, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(handleError(new ApiError(0, 'NETWORK', '上传失败，请检查网络后重试'), options));
    xhr.onload = () => {
      const body = (() => {
        try {
          return xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
        } catch {
          return undefined;
        }
      })();
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const error = body as { code?: string; message?: string; details?: unknown } | undefined;
      reject(handleError(new ApiError(xhr.status, error?.code ?? `HTTP_${xhr.status}`, error?.message ?? `上传失败（${xhr.status}）`, error?.details), options));
    };
    xhr.send(file);
  });
}
