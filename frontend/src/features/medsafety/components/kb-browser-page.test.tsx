import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { fakeServer, type FakeServerOptions, type Handler } from '../../../test/fake-server';
import type { KbIngredient, KbInteraction } from '../../../types/api';
import { KbBrowserPage } from './kb-browser-page';

const calls: { url: string; params: Record<string, unknown> }[] = [];

const recordCalls: FakeServerOptions = { onRequest: (config) => calls.push({ url: config.url ?? '', params: { ...(config.params ?? {}) } }) };

const row = (ruleId: string, severity: KbInteraction['severity'], partnerId: string, partnerName: string, source: string): KbInteraction => ({
  ruleId,
  severity,
  partnerId,
  partnerName,
  source,
  sourceSeverity: source === 'ANSM' ? 'AD' : 'Critical',
  description: `${partnerName} raises the INR`,
  mechanism: '',
  citation: `${source} citation`,
});

const warfarin = (content: KbInteraction[], page = 0, total = content.length): KbIngredient => ({
  id: 'DB00682',
  nameEn: 'Warfarin',
  nameKo: '와파린',
  atc: 'B01AA03',
  product: { brands: 'Coumadin 쿠마딘', strength: '5 mg', form: 'tablet', route: 'PO' },
  ansmClasses: ['ANTIVITAMINES K'],
  allergyGroups: [],
  duplicateGroups: ['ANTICOAGULANTS'],
  interactionCounts: { CONTRAINDICATED: 1, MAJOR: 30 },
  interactions: { content, page: { number: page, size: 20, totalElements: total, totalPages: Math.ceil(total / 20) } },
});

function renderAt(path: string, handlers: Record<string, Handler>) {
  apiClient.defaults.adapter = fakeServer({
    'GET /api/medsafety/kb': () => ({ status: 200, data: { version: 'kb-1', sources: [{ code: 'ANSM' }, { code: 'NDF-RT' }] } }),
    ...handlers,
  }, recordCalls);
  const router = createMemoryRouter([{ path: '/kb/browser', element: <KbBrowserPage /> }], { initialEntries: [path] });
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

describe('KbBrowserPage', () => {
  const originalAdapter = apiClient.defaults.adapter;

  beforeEach(async () => {
    calls.length = 0;
    await setLanguage('ko');
  });

  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it('asks for a search before anything is chosen', async () => {
    renderAt('/kb/browser', {});
    expect((await screen.findByTestId('empty-state')).textContent).toContain('위에서 성분을 검색하세요');
    expect(calls.some((c) => c.url.startsWith('/api/medsafety/ingredients/'))).toBe(false);
  });

  it('searches, opens an ingredient and shows chips and interactions with severity and source', async () => {
    const router = renderAt('/kb/browser', {
      'GET /api/medsafety/ingredients': () => ({ status: 200, data: [{ id: 'DB00682', nameEn: 'Warfarin', nameKo: '와파린', product: true }] }),
      'GET /api/medsafety/ingredients/DB00682': () => ({
        status: 200,
        data: warfarin([row('ONC-HIGH:1', 'CONTRAINDICATED', 'DB00001', 'Lepirudin', 'ONC-HIGH'), row('ANSM:2', 'MAJOR', 'DB00945', 'Aspirin', 'ANSM')]),
      }),
    });
    fireEvent.change(screen.getByTestId('kb-browser-search'), { target: { value: 'warf' } });
    fireEvent.click(await screen.findByTestId('drug-option-DB00682'));
    expect(router.state.location.search).toBe('?id=DB00682');
    expect((await screen.findByTestId('kb-ingredient-name')).textContent).toBe('와파린');
    expect(within(screen.getByTestId('kb-chips-ansm')).getByText('ANTIVITAMINES K')).toBeDefined();
    expect(within(screen.getByTestId('kb-chips-allergy')).getByText('없음')).toBeDefined();
    const rows = screen.getAllByTestId('kb-interaction');
    expect(rows.map((r) => r.dataset.severity)).toEqual(['CONTRAINDICATED', 'MAJOR']);
    expect(rows[0].textContent).toContain('금기');
    expect(within(rows[1]).getByTestId('kb-interaction-source').textContent).toContain('ANSM');
    expect(rows[1].textContent).toContain('ANSM citation');
  });

  it('names sources, grades, the route and the form in words and keeps DrugBank and rule ids in tooltips', async () => {
    renderAt('/kb/browser?id=DB00682', {
      'GET /api/medsafety/ingredients/DB00682': () => ({
        status: 200,
        data: warfarin([row('ONC-HIGH:1', 'CONTRAINDICATED', 'DB00001', 'Lepirudin', 'NDF-RT'), row('ANSM:2', 'MAJOR', 'DB00945', 'Aspirin', 'ANSM')]),
      }),
    });
    const rows = await screen.findAllByTestId('kb-interaction');
    const source = (i: number) => within(rows[i]).getByTestId('kb-interaction-source');
    expect(source(0).textContent).toBe('NDF-RT (미국 보훈부)치명적');
    expect(source(1).textContent).toBe('ANSM (프랑스 상호작용 목록)병용 비권장');
    expect(source(1).getAttribute('title')).toBe('ANSM · AD');
    const partner = screen.getByTestId('kb-partner-DB00945');
    expect(partner.textContent).toBe('Aspirin');
    expect(partner.getAttribute('title')).toBe('DB00945');
    expect(within(rows[1]).getByTestId('kb-interaction-text').getAttribute('title')).toBe('ANSM:2');
    expect(rows.map((r) => r.textContent).join(' ')).not.toMatch(/DB00945|DB00001|ANSM:2|ONC-HIGH:1/);
    expect(screen.getByTestId('kb-ingredient-product').textContent).toBe('Coumadin 쿠마딘 · 5 mg · 정제 · PO (경구)');
    const sourceOptions = () => [...screen.getByTestId<HTMLSelectElement>('kb-filter-source').options].map((o) => [o.value, o.textContent]);
    await waitFor(() =>
      expect(sourceOptions()).toEqual([
        ['', '전체'],
        ['ANSM', 'ANSM (프랑스 상호작용 목록)'],
        ['NDF-RT', 'NDF-RT (미국 보훈부)'],
      ]),
    );
  });

  it('sends the severity and source filters and the page, and says when nothing matches', async () => {
    renderAt('/kb/browser?id=DB00682', {
      'GET /api/medsafety/ingredients/DB00682': (config) => ({
        status: 200,
        data: config.params?.severity === 'MINOR' ? warfarin([], 0, 0) : warfarin([row('ANSM:2', 'MAJOR', 'DB00945', 'Aspirin', 'ANSM')], 0, 31),
      }),
    });
    await screen.findAllByTestId('kb-interaction');
    fireEvent.click(screen.getByTestId('pagination-next'));
    await screen.findByTestId('kb-interactions');
    expect(calls.some((c) => c.url === '/api/medsafety/ingredients/DB00682' && c.params.page === 1)).toBe(true);
    fireEvent.change(screen.getByTestId('kb-filter-source'), { target: { value: 'NDF-RT' } });
    fireEvent.change(screen.getByTestId('kb-filter-severity'), { target: { value: 'MINOR' } });
    expect((await screen.findByText('조건에 맞는 상호작용이 없습니다.')).textContent).toBeTruthy();
    expect(calls.at(-1)?.params).toMatchObject({ severity: 'MINOR', source: 'NDF-RT', page: 0 });
  });

  it('says when the knowledge base has no such ingredient, in English too', async () => {
    await setLanguage('en');
    renderAt('/kb/browser?id=DB99999', {});
    expect((await screen.findByTestId('kb-browser-not-found')).textContent).toContain('no ingredient DB99999');
  });
});
