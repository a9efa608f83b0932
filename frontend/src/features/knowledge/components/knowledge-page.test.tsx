import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { fakeServer, type FakeServerOptions, type Handler } from '../../../test/fake-server';
import type { PubmedSearchResult } from '../../../types/api';
import { EvidencePage } from './evidence-page';
import { KnowledgePage } from './knowledge-page';

const calls: { url: string; params: Record<string, unknown> }[] = [];

const recordCalls: FakeServerOptions = { onRequest: (config) => calls.push({ url: config.url ?? '', params: { ...(config.params ?? {}) } }) };

const result: PubmedSearchResult = {
  query: 'warfarin aspirin interaction',
  total: 63,
  page: 0,
  size: 10,
  articles: [
    {
      pmid: '12091962',
      title: 'The treatment of AIDS behind the walls of correctional facilities.',
      authors: ['Olivero JM'],
      journal: 'Social justice',
      published: '1990 Spring',
      meshTerms: [],
      pubmedUrl: 'https://pubmed.ncbi.nlm.nih.gov/12091962/',
    },
  ],
};

function renderAt(path: string, handlers: Record<string, Handler>) {
  apiClient.defaults.adapter = fakeServer(handlers, recordCalls);
  const router = createMemoryRouter(
    [
      { path: '/knowledge', element: <KnowledgePage canUpload={false} /> },
      { path: '/knowledge/evidence', element: <EvidencePage /> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
}

describe('KnowledgePage', () => {
  beforeEach(async () => {
    calls.length = 0;
    await setLanguage('en');
  });
  afterEach(cleanup);

  it('searches PubMed and lists the articles with links to their details', async () => {
    renderAt('/knowledge', { 'GET /api/knowledge/pubmed/search': () => ({ status: 200, data: result }) });
    fireEvent.change(screen.getByTestId('pubmed-query'), { target: { value: 'warfarin aspirin interaction' } });
    fireEvent.click(screen.getByTestId('pubmed-search'));
    const link = await screen.findByTestId('pubmed-article-link');
    expect(link.textContent).toContain('correctional facilities');
    expect(link.getAttribute('href')).toBe('/knowledge/articles/12091962');
    expect(screen.getByText('PubMed results: 63')).toBeTruthy();
    expect(calls.find((c) => c.url === '/api/knowledge/pubmed/search')?.params).toMatchObject({ q: 'warfarin aspirin interaction', page: 0 });
  });

  it('says PubMed is unreachable when the server answers 503', async () => {
    renderAt('/knowledge?tab=pubmed&q=aspirin', {
      'GET /api/knowledge/pubmed/search': () => ({
        status: 503,
        data: { status: 503, code: 'knowledge.pubmed-unavailable', detail: 'PubMed (NCBI) does not answer right now.' },
      }),
    });
    const error = await screen.findByTestId('pubmed-error');
    expect(error.textContent).toContain('PubMed unreachable');
    expect(error.textContent).toContain('does not answer');
  });

  it('shows highlighted document fragments in Korean', async () => {
    await setLanguage('ko');
    renderAt('/knowledge?tab=documents', {
      'GET /api/departments': () => ({ status: 200, data: [] }),
      'GET /api/knowledge/documents': () => ({
        status: 200,
        data: {
          query: '',
          total: 1,
          hits: [
            {
              document: { id: 'd1', title: '고혈압 응급 프로토콜', type: 'PROTOCOL', version: 1, fileName: 'p.pdf', updatedAt: '2026-12-01T00:00:00Z' },
              fragments: ['수축기 \uE000혈압\uE001이 180 이상'],
              score: 1,
            },
          ],
        },
      }),
    });
    expect((await screen.findByTestId('document-fragment')).querySelector('mark')?.textContent).toBe('혈압');
    expect(screen.getByText(/프로토콜 · 버전 1/)).toBeTruthy();
  });

  it('opens evidence for a drug pair: the ready query, its PubMed results and the hospital documents', async () => {
    renderAt('/knowledge/evidence?context=INTERACTION&terms=Warfarin&terms=Aspirin', {
      'GET /api/knowledge/evidence': () => ({
        status: 200,
        data: {
          context: 'INTERACTION',
          terms: ['Warfarin', 'Aspirin'],
          pubmedQuery: 'warfarin AND aspirin AND interaction',
          documents: { query: '', total: 0, hits: [] },
        },
      }),
      'GET /api/knowledge/pubmed/search': () => ({ status: 200, data: result }),
    });
    expect((await screen.findByTestId('evidence-query')).textContent).toBe('warfarin AND aspirin AND interaction');
    expect(await screen.findByTestId('pubmed-article')).toBeTruthy();
    expect(screen.getByText('Interaction of Warfarin + Aspirin')).toBeTruthy();
  });
});
