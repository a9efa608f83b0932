import { AxiosError, AxiosHeaders, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios';

/** What a fake endpoint answers: a status and, optionally, a body. */
export type Handler = (config: InternalAxiosRequestConfig) => { status: number; data?: unknown };

export interface FakeServerOptions {
  /** Sees every request before it is answered (to record calls); `key` is the handler key it was matched on. */
  onRequest?: (config: InternalAxiosRequestConfig, key: string) => void;
  /** The handler key of a request; by default `METHOD url` (the url as axios has it, query string included). */
  keyOf?: (config: InternalAxiosRequestConfig) => string;
  /** false: answer a 4xx/5xx like any other response instead of rejecting the way axios does (default true). */
  rejectErrors?: boolean;
}

/** `METHOD url`, e.g. `GET /api/me`: the default handler key. */
export const requestKey = (config: InternalAxiosRequestConfig) => `${config.method?.toUpperCase()} ${config.url}`;

/**
 * An axios adapter for tests (`apiClient.defaults.adapter = fakeServer({...})`): each request goes to the handler of
 * its key; one without a handler gets 404 `not-found`. A status of 400 and above rejects with an AxiosError carrying
 * the response, as a real server's would, unless `rejectErrors` is false.
 */
export function fakeServer(handlers: Record<string, Handler>, options: FakeServerOptions = {}): AxiosAdapter {
  const { onRequest, keyOf = requestKey, rejectErrors = true } = options;
  return async (config) => {
    const key = keyOf(config);
    onRequest?.(config, key);
    const handler = handlers[key];
    const { status, data } = handler ? handler(config) : { status: 404, data: { status: 404, code: 'not-found' } };
    const response = { status, statusText: '', data, headers: new AxiosHeaders(), config, request: {} };
    if (status < 400 || !rejectErrors) return response;
    throw new AxiosError(`status ${status}`, AxiosError.ERR_BAD_REQUEST, config, {}, response);
  };
}
