import axios, { AxiosError, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import { currentLanguage } from './i18n';

/** One field error of a problem response: `pointer` is a JSON pointer such as `/username`. */
export interface FieldError {
  pointer: string;
  message: string;
}

/**
 * An RFC 9457 problem answered by the server (or made up here for network failures),
 * typed so that screens can show `detail` and field errors.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title?: string;
  readonly detail?: string;
  readonly errors: FieldError[];
  readonly traceId?: string;
  /** Further members of the problem body (e.g. `findings`, `checkId`, `duplicates` of a 422). */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(init: {
    status: number;
    code: string;
    title?: string;
    detail?: string;
    errors?: FieldError[];
    traceId?: string;
    extensions?: Record<string, unknown>;
  }) {
    super(init.detail ?? init.title ?? init.code);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.traceId = init.traceId;
    this.extensions = init.extensions ?? {};
  }
}

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

/** Fallback codes for answers that carry no problem body (a proxy's 502, say). */
function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'malformed-request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload-too-large';
    case 415:
      return 'unsupported-media-type';
    case 423:
      return 'account-locked';
    default:
      return status >= 500 ? 'internal' : 'error';
  }
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function parseFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (entry && typeof entry === 'object') {
      const pointer = asString((entry as Record<string, unknown>).pointer) ?? '';
      const message = asString((entry as Record<string, unknown>).message) ?? '';
      return [{ pointer, message }];
    }
    return [];
  });
}

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'traceId']);

function extensionsOf(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !STANDARD_MEMBERS.has(key)));
}

function parseBody(data: unknown): Record<string, unknown> | undefined {
  if (typeof data === 'string') {
    try {
      const parsed: unknown = JSON.parse(data);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
}

/**
 * Turns anything a request may throw into an {@link ApiProblem}: problem+json bodies keep
 * their status, code, detail and field errors; other failures get a code from the status,
 * or `network` when no answer came.
 */
export function toApiProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (axios.isAxiosError(error)) {
    const response = error.response;
    if (!response) {
      return new ApiProblem({ status: 0, code: error.code === AxiosError.ERR_CANCELED ? 'canceled' : 'network' });
    }
    const body = parseBody(response.data);
    const type = asString(body?.type);
    const code =
      asString(body?.code) ??
      (type?.startsWith('urn:cdss:problem:') ? type.slice('urn:cdss:problem:'.length) : undefined) ??
      codeForStatus(response.status);
    return new ApiProblem({
      status: typeof body?.status === 'number' ? body.status : response.status,
      code,
      title: asString(body?.title),
      detail: asString(body?.detail),
      errors: parseFieldErrors(body?.errors),
      traceId: asString(body?.traceId),
      extensions: body ? extensionsOf(body) : undefined,
    });
  }
  return new ApiProblem({ status: 0, code: 'error', detail: error instanceof Error ? error.message : undefined });
}

/**
 * Field errors of a problem by field name: the pointer `/username` becomes `username`,
 * `/roles/0` becomes `roles`. The first message per field wins.
 */
export function problemFieldErrors(problem: ApiProblem | null | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { pointer, message } of problem?.errors ?? []) {
    const field = pointer.replace(/^#?\//, '').split('/')[0] ?? '';
    if (field && !(field in result)) result[field] = message;
  }
  return result;
}

type UnauthorizedHandler = (problem: ApiProblem) => void;
let unauthorizedHandler: UnauthorizedHandler | undefined;

/** The app registers what to do when the session has ended (401 `unauthenticated`). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | undefined) {
  unauthorizedHandler = handler;
}

interface RetriableConfig extends InternalAxiosRequestConfig {
  _csrfRetried?: boolean;
}

export const CSRF_PATH = '/api/auth/csrf';

function createApiClient(): AxiosInstance {
  const instance = axios.create({
    baseURL: '/',
    withCredentials: true,
    // Spring Security's cookie CSRF: axios copies the cookie into the header on same-origin requests.
    xsrfCookieName: 'XSRF-TOKEN',
    xsrfHeaderName: 'X-XSRF-TOKEN',
    headers: { Accept: 'application/json, application/problem+json' },
  });

  instance.interceptors.request.use((config) => {
    config.headers.set('Accept-Language', currentLanguage());
    return config;
  });

  instance.interceptors.response.use(undefined, async (error: unknown) => {
    const problem = toApiProblem(error);
    const config = axios.isAxiosError(error) ? (error.config as RetriableConfig | undefined) : undefined;

    // A missing or rotated CSRF token: fetch a fresh cookie and try once more.
    if (problem.status === 403 && problem.code === 'csrf' && config && !config._csrfRetried && config.url !== CSRF_PATH) {
      config._csrfRetried = true;
      try {
        await instance.get(CSRF_PATH);
        return await instance.request(config);
      } catch (retryError) {
        throw toApiProblem(retryError);
      }
    }

    if (problem.status === 401 && problem.code === 'unauthenticated') {
      unauthorizedHandler?.(problem);
    }
    throw problem;
  });

  return instance;
}

export const apiClient = createApiClient();

let csrfReady: Promise<void> | undefined;

/** Makes sure the `XSRF-TOKEN` cookie exists (GET /api/auth/csrf once per page load). */
export function ensureCsrfToken(): Promise<void> {
  csrfReady ??= apiClient.get(CSRF_PATH).then(
    () => undefined,
    (error: unknown) => {
      csrfReady = undefined; // try again next time
      throw error;
    },
  );
  return csrfReady;
}

/** Fetches a new CSRF cookie; the token changes when the session does (login, logout). */
export function refreshCsrfToken(): Promise<void> {
  csrfReady = undefined;
  return ensureCsrfToken();
}
