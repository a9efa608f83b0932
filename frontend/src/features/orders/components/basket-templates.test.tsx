import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { AxiosHeaders, type AxiosAdapter } from 'axios';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../app/providers';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { createQueryClient } from '../../../lib/query-client';
import { BasketTemplates } from './basket-templates';

const TEMPLATE = {
  type: 'MEDICATION',
  priority: 'ROUTINE',
  medication: { drugId: 'DB00641', dose: 20, doseUnit: 'mg', route: 'PO', frequency: 'QD', durationDays: 7, quantity: 7 },
};
let label: string | null = null;
const puts: unknown[] = [];
const fake: AxiosAdapter = async (config) => {
  const url = config.url ?? '';
  let data: unknown = [];
  if (config.method === 'put' && url === '/api/ocs/favourites/f1/label') {
    const body = JSON.parse(config.data as string) as { label: string };
    puts.push(body);
    label = body.label || null;
  }
  if (url.startsWith('/api/ocs/favourites')) {
    const favourite = { id: 'f1', itemName: 'Simvastatin', label, template: TEMPLATE, createdAt: '2026-12-05T01:00:00Z' };
    data = config.method === 'put' ? favourite : [favourite];
  }
  return { status: 200, statusText: '', data, headers: new AxiosHeaders(), config, request: {} };
};

// Issue 15 (favourites): a doctor names a favourite; the list shows the name beside the product.
describe('basket favourites', () => {
  const original = apiClient.defaults.adapter;
  beforeEach(async () => {
    label = null;
    puts.length = 0;
    await setLanguage('ko');
    apiClient.defaults.adapter = fake;
  });
  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = original;
  });

  it('renames a favourite, shows the new name with the product, and says so', async () => {
    render(
      <AppProviders queryClient={createQueryClient()}>
        <BasketTemplates patientId="p1" disabled={false} onAdd={vi.fn()} />
      </AppProviders>,
    );
    const select = screen.getByTestId('basket-favourite-select');
    await within(select).findByText(/Simvastatin/);
    fireEvent.change(select, { target: { value: 'f1' } });
    fireEvent.click(screen.getByTestId('basket-favourite-rename'));
    const name = screen.getByTestId('basket-favourite-name') as HTMLInputElement;
    expect(name.value).toBe('Simvastatin');
    fireEvent.change(name, { target: { value: '고지혈증 기본 ' } });
    fireEvent.click(screen.getByTestId('basket-favourite-name-save'));
    expect(await screen.findByText('즐겨찾기 이름을 바꿨습니다.')).toBeTruthy();
    expect(puts).toEqual([{ label: '고지혈증 기본' }]);
    expect(await within(select).findByText(/고지혈증 기본 \(Simvastatin\)/)).toBeTruthy();
    expect(screen.queryByTestId('basket-favourite-name')).toBeNull();
  });

  it('removes a favourite only after the dialog confirms it', async () => {
    render(
      <AppProviders queryClient={createQueryClient()}>
        <BasketTemplates patientId="p1" disabled={false} onAdd={vi.fn()} />
      </AppProviders>,
    );
    const select = screen.getByTestId('basket-favourite-select');
    await within(select).findByText(/Simvastatin/);
    fireEvent.change(select, { target: { value: 'f1' } });
    fireEvent.click(screen.getByTestId('basket-favourite-remove'));
    expect(await screen.findByRole('dialog', { name: '이 오더를 즐겨찾기에서 삭제할까요?' })).toBeTruthy();
  });
});
