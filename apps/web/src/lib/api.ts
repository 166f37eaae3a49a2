import type { ErrorBody, FieldError } from '@boai/contracts';
import { acceptLanguage, getLang } from './i18n.tsx';

/** Every failed call becomes this: the server's stable code, its localised message and the fields at fault. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  /** True when the session watcher already took over (sent the user to login or to the password form). */
  sessionHandled = false;
  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? [];
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

type SessionEvent = { kind: 'unauthorized'; path: string } | { kind: 'password-change-required' };
type SessionListener = (event: SessionEvent) => void;
const listeners = new Set<SessionListener>();

/** The shell listens here to send the user to the login page (401) or the password form (403 PASSWORD_CHANGE_REQUIRED). */
export function onSessionEvent(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// A 401 from these is an answer to what the user typed (wrong password, wrong code), not an expired session.
const CREDENTIAL_PATHS = ['/api/auth/login', '/api/auth/totp', '/api/auth/totp/enable', '/api/auth/password'];

export type Query = Record<string, string | number | boolean | null | undefined>;

export function queryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

const networkError = () =>
  new ApiError(0, {
    code: 'NETWORK_ERROR',
    message: getLang() === 'en' ? 'Cannot reach the server, please try again.' : '无法连接服务器，请稍后重试',
    fields: [],
  });

function isErrorBody(x: unknown): x is ErrorBody {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as ErrorBody).code === 'string' &&
    typeof (x as ErrorBody).message === 'string'
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Every change carries a fresh Idempotency-Key. When the network drops after sending, the call is
 * retried once with the same key: if the server had already done it, it answers with the stored
 * result instead of doing it twice.
 */
export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const idempotencyKey = method !== 'GET' && !path.startsWith('/api/auth/') ? crypto.randomUUID() : undefined;
  const send = () =>
    fetch(path + queryString(query), {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': acceptLanguage(),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  let res: Response;
  try {
    res = await send();
  } catch {
    if (!idempotencyKey) throw networkError();
    await sleep(800);
    try {
      res = await send();
    } catch {
      throw networkError();
    }
  }
  const data: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (res.ok) return data as T;

  const error = isErrorBody(data)
    ? new ApiError(res.status, data)
    : new ApiError(res.status, { code: `HTTP_${res.status}`, message: networkError().message, fields: [] });
  if (res.status === 401 && !CREDENTIAL_PATHS.includes(path)) {
    error.sessionHandled = listeners.size > 0;
    listeners.forEach((l) => l({ kind: 'unauthorized', path }));
  } else if (res.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    error.sessionHandled = listeners.size > 0;
    listeners.forEach((l) => l({ kind: 'password-change-required' }));
  }
  throw error;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
};
