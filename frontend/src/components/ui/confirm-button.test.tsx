import { QueryClient, useMutation } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../app/providers';
import { setLanguage } from '../../lib/i18n';
import { createQueryClient } from '../../lib/query-client';
import { TOAST_MS } from '../../lib/toast';
import { ConfirmButton } from './confirm-button';

// Issue 15 item 6: destructive actions ask first; what succeeded says so.
describe('confirmations and success toasts', () => {
  beforeEach(async () => {
    await setLanguage('ko');
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('runs a destructive action only after the dialog confirms it', async () => {
    const onConfirm = vi.fn();
    render(
      <AppProviders queryClient={new QueryClient()}>
        <ConfirmButton title="환자 기록을 비활성화할까요?" confirmLabel="비활성화" onConfirm={onConfirm}>
          비활성화
        </ConfirmButton>
      </AppProviders>,
    );
    fireEvent.click(screen.getByRole('button', { name: '비활성화' }));
    expect(await screen.findByRole('dialog', { name: '환자 기록을 비활성화할까요?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '취소' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '비활성화' }));
    fireEvent.click(await screen.findByTestId('confirm-action'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('shows the success toast a mutation names, and none for one that failed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    function Actions() {
      const ok = useMutation({ mutationFn: async () => 'done', meta: { successMessage: 'toast.orderSent' } });
      const bad = useMutation({
        mutationFn: async () => {
          throw new Error('no');
        },
        meta: { successMessage: 'toast.orderCancelled' },
      });
      return (
        <>
          <button onClick={() => ok.mutate()}>ok</button>
          <button onClick={() => bad.mutate()}>bad</button>
        </>
      );
    }
    render(
      <AppProviders queryClient={createQueryClient()}>
        <Actions />
      </AppProviders>,
    );
    fireEvent.click(screen.getByText('bad'));
    fireEvent.click(screen.getByText('ok'));
    expect((await screen.findByTestId('toast')).textContent).toContain('오더를 전송했습니다.');
    expect(screen.queryByText('오더를 취소했습니다.')).toBeNull();
    expect(screen.getByTestId('toast-region').getAttribute('role')).toBe('status');
    act(() => vi.advanceTimersByTime(TOAST_MS + 10));
    expect(screen.queryByTestId('toast')).toBeNull();
  });
});
