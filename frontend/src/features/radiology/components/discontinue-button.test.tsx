import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { AxiosError, AxiosHeaders, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../../app/providers';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { createQueryClient } from '../../../lib/query-client';
import { DiscontinueButton } from './discontinue-button';

const sent: InternalAxiosRequestConfig[] = [];

function renderButton(onDone = vi.fn()) {
  render(
    <AppProviders queryClient={createQueryClient()}>
      <MemoryRouter>
        <DiscontinueButton orderId="o1" version={3} onDone={onDone} />
      </MemoryRouter>
    </AppProviders>,
  );
  return onDone;
}

// ADR 0041: an acquired imaging order is stopped by radiology, with a reason, through the order's return.
describe('DiscontinueButton', () => {
  const original = apiClient.defaults.adapter;
  beforeEach(() => {
    sent.length = 0;
    apiClient.defaults.adapter = (async (config) => {
      sent.push(config);
      return { status: 200, statusText: '', data: {}, headers: new AxiosHeaders(), config, request: {} };
    }) as AxiosAdapter;
  });
  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = original;
  });

  it('asks for a reason, returns the order with it at the version seen, and says so in Korean', async () => {
    await setLanguage('ko');
    const onDone = renderButton();
    fireEvent.click(screen.getByTestId('ris-discontinue'));
    expect(await screen.findByRole('dialog', { name: '이 영상 오더를 중단할까요?' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('ris-discontinue-confirm'));
    expect(await screen.findByText('필수 입력 항목입니다.')).toBeTruthy();
    expect(sent).toHaveLength(0);

    fireEvent.change(screen.getByTestId('ris-discontinue-reason'), { target: { value: ' 환자 검사 거부 ' } });
    fireEvent.click(screen.getByTestId('ris-discontinue-confirm'));
    expect(await screen.findByText('영상 오더를 중단했고 오더한 의사에게 알렸습니다.')).toBeTruthy();
    const request = sent.find((c) => c.method === 'post');
    expect(request?.url).toBe('/api/ocs/orders/o1/return');
    expect(JSON.parse(String(request?.data))).toEqual({ reason: '환자 검사 거부', version: 3 });
    expect(request?.headers['Idempotency-Key']).toBeTruthy();
    expect(onDone).toHaveBeenCalled();
  });

  it('shows the server refusal in words and stays open', async () => {
    await setLanguage('en');
    apiClient.defaults.adapter = (async (config) => {
      const data = { status: 409, code: 'stale-version', title: 'Changed meanwhile' };
      const response = { status: 409, statusText: '', data, headers: new AxiosHeaders(), config, request: {} };
      throw new AxiosError('status 409', AxiosError.ERR_BAD_REQUEST, config, {}, response);
    }) as AxiosAdapter;
    const onDone = renderButton();
    fireEvent.click(screen.getByTestId('ris-discontinue'));
    expect(await screen.findByRole('dialog', { name: 'Discontinue this imaging order?' })).toBeTruthy();
    fireEvent.change(screen.getByTestId('ris-discontinue-reason'), { target: { value: 'Patient declined' } });
    fireEvent.click(screen.getByTestId('ris-discontinue-confirm'));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });
});
