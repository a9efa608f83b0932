import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosProgressEvent, type InternalAxiosRequestConfig } from 'axios';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { fakeServer, type FakeServerOptions, type Handler } from '../../../test/fake-server';
import { DocumentLibrary } from './document-library';
import { FeedReader } from './feed-reader';

const calls: string[] = [];

// this reader's fake answers an error status as a response, without rejecting
const recordCalls: FakeServerOptions = { onRequest: (_config, key) => calls.push(key), rejectErrors: false };

function renderWith(ui: React.ReactNode, handlers: Record<string, Handler>) {
  apiClient.defaults.adapter = fakeServer(handlers, recordCalls);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('FeedReader', () => {
  beforeEach(async () => {
    calls.length = 0;
    await setLanguage('en');
  });
  afterEach(cleanup);

  it('shows unread items and marks one read', async () => {
    let read = false;
    renderWith(<FeedReader />, {
      'GET /api/knowledge/feeds': () => ({ status: 200, data: [{ id: 'f1', title: 'FDA drug recalls', url: 'https://fda', unread: read ? 0 : 1 }] }),
      'GET /api/knowledge/feeds/items': () => ({
        status: 200,
        data: {
          unread: read ? 0 : 1,
          items: [{ id: 'i1', feedId: 'f1', feedTitle: 'FDA drug recalls', title: 'Losartan recall', fetchedAt: '2026-12-01T00:00:00Z', read }],
        },
      }),
      'POST /api/knowledge/feeds/items/i1/read': () => {
        read = true;
        return { status: 204 };
      },
    });
    const item = await screen.findByTestId('feed-item');
    expect(item.getAttribute('data-read')).toBe('false');
    expect(screen.getByLabelText('1 unread')).toBeTruthy();
    fireEvent.click(screen.getByText('Mark as read'));
    await waitFor(() => expect(screen.getByTestId('feed-item').getAttribute('data-read')).toBe('true'));
    expect(calls).toContain('POST /api/knowledge/feeds/items/i1/read');
  });

  it('says that the feeds could not be loaded instead of "No feeds yet"', async () => {
    apiClient.defaults.adapter = (async (config: InternalAxiosRequestConfig) => {
      const data = { status: 503, code: 'internal', detail: 'The knowledge service is unavailable.' };
      const response = { status: 503, statusText: '', data, headers: new AxiosHeaders(), config, request: {} };
      throw new AxiosError('status 503', AxiosError.ERR_BAD_RESPONSE, config, {}, response);
    }) as AxiosAdapter;
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <MemoryRouter>
          <FeedReader />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect((await screen.findByRole('alert')).textContent).toBe('The knowledge service is unavailable.');
    expect(screen.queryByText('No feeds yet.')).toBeNull();
  });
});

describe('DocumentLibrary upload', () => {
  beforeEach(async () => {
    calls.length = 0;
    await setLanguage('ko');
  });
  afterEach(cleanup);

  it('sends the file as the body with its metadata and shows the progress', async () => {
    let sent: InternalAxiosRequestConfig | undefined;
    let finish: (() => void) | undefined;
    renderWith(<DocumentLibrary canUpload />, {
      'GET /api/departments': () => ({ status: 200, data: [] }),
      'GET /api/knowledge/documents': () => ({ status: 200, data: { query: '', total: 0, hits: [] } }),
    });
    apiClient.defaults.adapter = (async (config: InternalAxiosRequestConfig) => {
      if (config.method === 'post') {
        sent = config;
        config.onUploadProgress?.({ loaded: 50, total: 100 } as AxiosProgressEvent);
        await new Promise<void>((resolve) => (finish = resolve));
        return { status: 201, statusText: '', data: { id: 'd1', title: '고혈압 프로토콜' }, headers: new AxiosHeaders(), config, request: {} };
      }
      return { status: 200, statusText: '', data: config.url === '/api/departments' ? [] : { query: '', total: 0, hits: [] }, headers: new AxiosHeaders(), config, request: {} };
    }) as AxiosAdapter;
    const file = new File(['%PDF-1.7'], '고혈압.pdf', { type: 'application/pdf' });
    fireEvent.change(await screen.findByTestId('upload-file'), { target: { files: [file] } });
    fireEvent.change(screen.getByTestId('upload-title'), { target: { value: '고혈압 프로토콜' } });
    fireEvent.click(screen.getByTestId('upload-submit'));
    expect((await screen.findByTestId('upload-progress')).textContent).toContain('50 %');
    expect(sent?.data).toBe(file);
    expect(sent?.params).toMatchObject({ title: '고혈압 프로토콜', type: 'PROTOCOL', fileName: '고혈압.pdf' });
    finish?.();
    expect((await screen.findByTestId('upload-done')).textContent).toContain('고혈압 프로토콜');
  });

  it("offers the author's own departments only (an administrator: every department)", async () => {
    const departments = [
      { id: 'dep-pul', code: 'PUL', nameKo: '호흡기내과', nameEn: 'Pulmonology' },
      { id: 'dep-sur', code: 'SUR', nameKo: '외과', nameEn: 'Surgery' },
    ];
    const handlers = {
      'GET /api/departments': () => ({ status: 200, data: departments }),
      'GET /api/knowledge/documents': () => ({ status: 200, data: { query: '', total: 0, hits: [] } }),
    };
    const options = () =>
      Array.from(document.getElementById('upload-department')?.querySelectorAll('option') ?? []).map((o) => o.textContent);
    renderWith(<DocumentLibrary canUpload uploadDepartments={['dep-pul']} />, handlers);
    await waitFor(() => expect(options()).toEqual(['병원 전체', '호흡기내과']));
    cleanup();
    renderWith(<DocumentLibrary canUpload />, handlers);
    await waitFor(() => expect(options()).toEqual(['병원 전체', '호흡기내과', '외과']));
  });
});
