import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AxiosHeaders, type AxiosAdapter } from 'axios';
import { MemoryRouter, Route, Routes, useParams } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import type { PatientSummaryView } from '../../../types/api';
import { HeaderPatientSearch } from './header-patient-search';

const HONG: PatientSummaryView = { id: 'p-1', name: '홍길동', mrn: 'M0001', birthDate: '1958-03-14', sex: 'M', active: true };
const HAN: PatientSummaryView = { id: 'p-2', name: '한지민', mrn: 'M0008', birthDate: '1981-07-05', sex: 'F', active: true };

const requests: { q: unknown; size: unknown }[] = [];

const fakeServer: AxiosAdapter = async (config) => {
  requests.push({ q: config.params?.q, size: config.params?.size });
  const content = config.params?.q === 'ㅎ' ? [HONG, HAN] : [];
  return { status: 200, statusText: '', data: { content, totalElements: content.length }, headers: new AxiosHeaders(), config, request: {} };
};

function PatientPage() {
  return <p data-testid="opened">{useParams().id}</p>;
}

function renderBox() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={['/']}>
        <HeaderPatientSearch />
        <Routes>
          <Route path="/" element={null} />
          <Route path="/patients/:id" element={<PatientPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return screen.getByRole('combobox');
}

describe('HeaderPatientSearch', () => {
  const originalAdapter = apiClient.defaults.adapter;

  beforeEach(async () => {
    requests.length = 0;
    apiClient.defaults.adapter = fakeServer;
    await setLanguage('ko');
  });

  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it('asks once per pause in typing, for eight suggestions, and lists name, MRN, birth date and sex', async () => {
    const box = renderBox();
    fireEvent.change(box, { target: { value: 'ㅎ' } });
    const options = await screen.findAllByRole('option');
    expect(options).toHaveLength(2);
    expect(options[0].textContent).toContain('홍길동');
    expect(options[0].textContent).toContain('M0001');
    expect(options[0].textContent).toContain('1958-03-14');
    expect(options[0].textContent).toContain('남');
    expect(requests).toEqual([{ q: 'ㅎ', size: 8 }]);
    expect(box.getAttribute('aria-expanded')).toBe('true');
  });

  it('moves with the arrow keys and opens the highlighted patient on Enter', async () => {
    const box = renderBox();
    fireEvent.change(box, { target: { value: 'ㅎ' } });
    await screen.findAllByRole('option');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    const second = screen.getAllByRole('option')[1];
    expect(second.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(second.id);
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(screen.getAllByRole('option')[1].getAttribute('aria-selected')).toBe('true'); // wraps around
    fireEvent.keyDown(box, { key: 'Enter' });
    expect((await screen.findByTestId('opened')).textContent).toBe('p-2');
    expect((box as HTMLInputElement).value).toBe('');
  });

  it('closes the list on Escape and says when nothing matches', async () => {
    const box = renderBox();
    fireEvent.change(box, { target: { value: 'ㅎ' } });
    await screen.findAllByRole('option');
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(box.getAttribute('aria-expanded')).toBe('false');
    fireEvent.change(box, { target: { value: 'zz' } });
    expect(await screen.findByTestId('header-search-empty')).toBeDefined();
    await waitFor(() => expect(box.getAttribute('aria-expanded')).toBe('true'));
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(screen.queryByTestId('opened')).toBeNull();
  });
});
