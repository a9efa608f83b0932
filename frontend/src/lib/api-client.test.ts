import { AxiosError, AxiosHeaders, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiProblem, apiClient, problemFieldErrors, setUnauthorizedHandler, toApiProblem } from './api-client';
import i18n, { setLanguage } from './i18n';

const PROBLEM_JSON = 'application/problem+json';

/** An adapter answering with the given status and body, as axios's own adapters do. */
function answer(status: number, data: unknown, contentType = PROBLEM_JSON, seen?: InternalAxiosRequestConfig[]): AxiosAdapter {
  return async (config) => {
    seen?.push(config);
    const response = {
      status,
      statusText: String(status),
      data,
      headers: new AxiosHeaders({ 'content-type': contentType }),
      config,
      request: {},
    };
    if (status >= 200 && status < 300) return response;
    throw new AxiosError(`Request failed with status code ${status}`, AxiosError.ERR_BAD_REQUEST, config, {}, response);
  };
}

describe('api client', () => {
  const originalAdapter = apiClient.defaults.adapter;

  beforeEach(async () => {
    await setLanguage('ko');
  });

  afterEach(() => {
    apiClient.defaults.adapter = originalAdapter;
    setUnauthorizedHandler(undefined);
  });

  it('turns a validation problem into an ApiProblem with status, code, detail and field errors', async () => {
    apiClient.defaults.adapter = answer(400, {
      type: 'urn:cdss:problem:validation',
      title: 'Bad Request',
      status: 400,
      detail: '입력값을 확인해 주세요.',
      instance: '/api/admin/users',
      code: 'validation',
      errors: [
        { pointer: '/username', message: '필수 입력 항목입니다.' },
        { pointer: '/roles/0', message: '알 수 없는 역할입니다.' },
      ],
      traceId: 'abc123',
    });

    const error = await apiClient.post('/api/admin/users', {}).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiProblem);
    const problem = error as ApiProblem;
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('validation');
    expect(problem.detail).toBe('입력값을 확인해 주세요.');
    expect(problem.traceId).toBe('abc123');
    expect(problem.errors).toEqual([
      { pointer: '/username', message: '필수 입력 항목입니다.' },
      { pointer: '/roles/0', message: '알 수 없는 역할입니다.' },
    ]);
    expect(problemFieldErrors(problem)).toEqual({ username: '필수 입력 항목입니다.', roles: '알 수 없는 역할입니다.' });
  });

  it('keeps the code of bad credentials and a locked account', async () => {
    apiClient.defaults.adapter = answer(401, { status: 401, code: 'bad-credentials', detail: 'Wrong username or password.' });
    const badCredentials = await apiClient.post('/api/auth/login', {}).catch(toApiProblem);
    expect(badCredentials).toMatchObject({ status: 401, code: 'bad-credentials', detail: 'Wrong username or password.', errors: [] });

    apiClient.defaults.adapter = answer(423, { status: 423, code: 'account-locked', detail: 'Locked.' });
    const locked = await apiClient.post('/api/auth/login', {}).catch(toApiProblem);
    expect(locked).toMatchObject({ status: 423, code: 'account-locked' });
  });

  it('reads a problem body that arrives as text', async () => {
    apiClient.defaults.adapter = answer(409, JSON.stringify({ status: 409, code: 'conflict', detail: 'stale' }));
    const problem = await apiClient.put('/api/admin/users/1', {}).catch(toApiProblem);
    expect(problem).toMatchObject({ status: 409, code: 'conflict', detail: 'stale' });
  });

  it('takes the code from the problem type when the code member is missing', async () => {
    apiClient.defaults.adapter = answer(404, { type: 'urn:cdss:problem:not-found', status: 404 });
    const problem = await apiClient.get('/api/patients/x').catch(toApiProblem);
    expect(problem).toMatchObject({ status: 404, code: 'not-found', detail: undefined });
  });

  it('makes a problem from the status when the body is not a problem', async () => {
    apiClient.defaults.adapter = answer(502, '<html>Bad gateway</html>', 'text/html');
    const problem = await apiClient.get('/api/home').catch(toApiProblem);
    expect(problem).toMatchObject({ status: 502, code: 'internal', errors: [] });
  });

  it('reports a request that got no answer as a network problem', () => {
    const config = { headers: new AxiosHeaders() } as InternalAxiosRequestConfig;
    const problem = toApiProblem(new AxiosError('Network Error', AxiosError.ERR_NETWORK, config, {}));
    expect(problem).toMatchObject({ status: 0, code: 'network' });
  });

  it('sends the UI language as Accept-Language', async () => {
    const seen: InternalAxiosRequestConfig[] = [];
    apiClient.defaults.adapter = answer(200, {}, 'application/json', seen);

    await apiClient.get('/api/me');
    await setLanguage('en');
    await apiClient.get('/api/me');

    expect(seen.map((config) => config.headers.get('Accept-Language'))).toEqual(['ko', 'en']);
    expect(i18n.language).toBe('en');
  });

  it('is configured for Spring Security cookie CSRF and session cookies', () => {
    expect(apiClient.defaults.withCredentials).toBe(true);
    expect(apiClient.defaults.xsrfCookieName).toBe('XSRF-TOKEN');
    expect(apiClient.defaults.xsrfHeaderName).toBe('X-XSRF-TOKEN');
  });

  it('copies the XSRF-TOKEN cookie into the X-XSRF-TOKEN header of a POST', async () => {
    document.cookie = 'XSRF-TOKEN=token-123; path=/';
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response(null, { status: 204 }));

    // axios's own fetch adapter; Node's Request wants an absolute URL, so spell out this page's origin
    await apiClient.post('/api/auth/logout', undefined, {
      baseURL: window.location.origin,
      adapter: 'fetch',
      env: { fetch: fetchMock },
    });

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [input, init] = fetchMock.mock.calls[0] ?? [];
    const headers = new Headers(input instanceof Request ? input.headers : init?.headers);
    expect(headers.get('X-XSRF-TOKEN')).toBe('token-123');
    document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('fetches a new CSRF cookie and retries once when the token was refused', async () => {
    const seen: string[] = [];
    let posts = 0;
    apiClient.defaults.adapter = async (config) => {
      seen.push(`${config.method} ${config.url}`);
      if (config.url === '/api/auth/csrf') return answer(204, '', 'text/plain')(config);
      posts += 1;
      return posts === 1 ? answer(403, { status: 403, code: 'csrf' })(config) : answer(200, { ok: true }, 'application/json')(config);
    };

    const response = await apiClient.post('/api/me/password', {});

    expect(response.data).toEqual({ ok: true });
    expect(seen).toEqual(['post /api/me/password', 'get /api/auth/csrf', 'post /api/me/password']);
  });

  it('tells the app when the session ended, but not for wrong credentials', async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);

    apiClient.defaults.adapter = answer(401, { status: 401, code: 'bad-credentials' });
    await apiClient.post('/api/auth/login', {}).catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();

    apiClient.defaults.adapter = answer(401, { status: 401, code: 'unauthenticated' });
    await apiClient.get('/api/home').catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]?.[0]).toMatchObject({ status: 401, code: 'unauthenticated' });
  });
});
