/** The portal's calls to the public API: no session, errors as { code, message } in Chinese. */
export class PortalError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/public/${path}`, {
      method,
      // A staff session cookie in the same browser must not make the portal's requests session requests (CSRF).
      credentials: 'omit',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new PortalError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  const payload = (await response.json().catch(() => undefined)) as { code?: string; message?: string } | undefined;
  if (!response.ok) throw new PortalError(response.status, payload?.code ?? 'ERROR', payload?.message ?? '服务暂时不可用，请稍后重试');
  return payload as T;
}

export const portalGet = <T>(path: string, query: Record<string, string>) => call<T>('GET', `${path}?${new URLSearchParams(query).toString()}`);
export const portalPost = <T>(path: string, body: unknown) => call<T>('POST', path, body);
