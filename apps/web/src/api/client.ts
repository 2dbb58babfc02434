import { ERROR_CODES, type ErrorCode } from '@lykt/shared';

/** Error codes the client itself produces, besides the server's catalogue. */
export type ClientErrorCode = 'NETWORK_ERROR';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** A failed API call: the server's stable error code, the HTTP status and any structured details. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ApiErrorCode, status: number, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Whether a value is an ApiError, optionally with one of the given codes. */
export function isApiError(error: unknown, ...codes: ApiErrorCode[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

/** Whether the error means the browser no longer has a signed-in session. */
export function isSessionLost(error: unknown): error is ApiError {
  return isApiError(error, 'SESSION_EXPIRED', 'UNAUTHENTICATED');
}

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

/** Options for reads. */
export interface GetOptions {
  query?: QueryParams | undefined;
  signal?: AbortSignal | undefined;
  /** Do not tell the session-lost handler; the caller deals with a 401 itself. */
  silent?: boolean | undefined;
}

interface RequestOptions extends GetOptions {
  body?: unknown;
}

type SessionLostListener = (error: ApiError) => void;
let sessionLostListener: SessionLostListener | null = null;
let requestLanguage = 'nb';

/** Registers the one handler told when any call finds the session gone (expired, ended or half signed in). */
export function onSessionLost(listener: SessionLostListener): void {
  sessionLostListener = listener;
}

/** Sets the language the server should answer messages in (Accept-Language). */
export function setRequestLanguage(language: string): void {
  requestLanguage = language;
}

const API_BASE = '/api/v1';
/** Codes that mean the browser has no usable session: signed out, expired or half signed in. */
const SESSION_LOST_CODES: readonly ApiErrorCode[] = ['SESSION_EXPIRED', 'UNAUTHENTICATED', 'MFA_REQUIRED'];

function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

function isKnownCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody | null = null;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // A proxy or crash may answer with HTML; the status alone then decides the code.
  }
  const code = body?.error?.code;
  const message = typeof body?.error?.message === 'string' ? body.error.message : response.statusText;
  if (isKnownCode(code)) return new ApiError(code, response.status, message, body?.error?.details);
  const fallback: ErrorCode =
    response.status === 401
      ? 'UNAUTHENTICATED'
      : response.status === 403
        ? 'FORBIDDEN'
        : response.status === 404
          ? 'NOT_FOUND'
          : response.status === 429
            ? 'RATE_LIMITED'
            : 'INTERNAL_ERROR';
  return new ApiError(fallback, response.status, message, body?.error?.details);
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const isRead = method === 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': requestLanguage };
  // The server only accepts state changes with a JSON body, so bodiless writes send {}.
  if (!isRead) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body: isRead ? undefined : JSON.stringify(options.body ?? {}),
      credentials: 'same-origin',
      signal: options.signal,
      cache: 'no-store',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError('NETWORK_ERROR', 0, error instanceof Error ? error.message : 'Network error');
  }

  if (!response.ok) {
    const error = await toApiError(response);
    if (!options.silent && SESSION_LOST_CODES.includes(error.code)) sessionLostListener?.(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  // The server's answers are typed by the contracts in @lykt/shared.
  return (await response.json()) as T;
}

/** A file the server answers with (e.g. a PDF), with the name from its content-disposition. */
export type ApiFile = { blob: Blob; fileName: string };

/** POSTs a JSON body and receives a file; errors are ApiErrors like every other call. */
async function postForFile(path: string, body: unknown): Promise<ApiFile> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path), {
      method: 'POST',
      headers: { accept: 'application/pdf, application/json', 'accept-language': requestLanguage, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (error) {
    throw new ApiError('NETWORK_ERROR', 0, error instanceof Error ? error.message : 'Network error');
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (SESSION_LOST_CODES.includes(error.code)) sessionLostListener?.(error);
    throw error;
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  return { blob: await response.blob(), fileName };
}

/** The one typed client for the Lykt API (same origin, cookie session). */
export const api = {
  get: <T>(path: string, options?: GetOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  postForFile,
};
