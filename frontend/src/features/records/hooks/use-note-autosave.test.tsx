import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import { AxiosHeaders, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { soapOf, type SoapText } from '../lib/note-draft';
import { AUTOSAVE_MS, useNoteAutosave } from './use-note-autosave';

const note = { id: 'n1', version: 2 };
const noteText = soapOf({ subjective: 'cough' });

describe('useNoteAutosave', () => {
  const originalAdapter = apiClient.defaults.adapter;
  let sent: InternalAxiosRequestConfig[];

  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    const adapter: AxiosAdapter = async (config) => {
      sent.push(config);
      const data = config.method === 'put' ? { ...JSON.parse(String(config.data)), savedAt: '2026-12-06T05:00:00Z' } : '';
      return { status: config.method === 'put' ? 200 : 204, statusText: '', data, headers: new AxiosHeaders(), config, request: {} };
    };
    apiClient.defaults.adapter = adapter;
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    apiClient.defaults.adapter = originalAdapter;
  });

  function render(initial: SoapText) {
    const client = new QueryClient({ defaultOptions: { mutations: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    return renderHook(({ form, paused }: { form: SoapText; paused: boolean }) => useNoteAutosave('e1', note, noteText, form, undefined, paused), {
      wrapper,
      initialProps: { form: initial, paused: false },
    });
  }

  it('saves the draft once typing pauses, naming the note and the version it amends', async () => {
    const hook = render(noteText);
    hook.rerender({ form: soapOf({ subjective: 'cough, fever' }), paused: false });
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_MS - 100));
    expect(sent).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(sent).toHaveLength(1);
    expect(sent[0].method).toBe('put');
    expect(JSON.parse(String(sent[0].data))).toMatchObject({ noteId: 'n1', noteVersion: 2, subjective: 'cough, fever' });
    expect(hook.result.current.onServer.subjective).toBe('cough, fever');
  });

  it('sends no autosave that was still waiting when the note is saved', async () => {
    const hook = render(noteText);
    hook.rerender({ form: soapOf({ subjective: 'cough, fever' }), paused: false });
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_MS / 2));
    // the doctor presses save: the debounced autosave is cancelled at once, before the next render pauses it
    act(() => hook.result.current.stop());
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_MS * 3));
    expect(sent).toHaveLength(0);
    // while the note is being saved (and once it is) nothing is autosaved either
    hook.rerender({ form: soapOf({ subjective: 'cough, fever!' }), paused: true });
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_MS * 3));
    expect(sent).toHaveLength(0);
  });

  it('resumes when the note save failed', async () => {
    const hook = render(noteText);
    hook.rerender({ form: soapOf({ subjective: 'cough, fever' }), paused: true });
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_MS * 2));
    expect(sent).toHaveLength(0);
    hook.rerender({ form: soapOf({ subjective: 'cough, fever' }), paused: false });
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_MS + 1));
    expect(sent).toHaveLength(1);
  });
});
