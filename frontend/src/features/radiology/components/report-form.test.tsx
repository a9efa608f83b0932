import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AxiosError, AxiosHeaders, type AxiosAdapter } from 'axios';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../../../lib/api-client';
import { setLanguage } from '../../../lib/i18n';
import { emptyReportForm, signSchema, toDraftPayload } from '../lib/report-form';
import { AddendumForm } from './addendum-form';
import { ReportForm } from './report-form';
import { StudyImages } from './study-images';

describe('report form rules', () => {
  it('lets a draft be incomplete but refuses a BI-RADS category outside 0-6', () => {
    expect(signSchema(false).safeParse({ ...emptyReportForm }).success).toBe(false);
    expect(signSchema(false).safeParse({ ...emptyReportForm, findings: 'f', impression: 'i' }).success).toBe(true);
    expect(signSchema(true).safeParse({ ...emptyReportForm, findings: 'f', impression: 'i' }).success).toBe(false);
    expect(signSchema(true).safeParse({ ...emptyReportForm, findings: 'f', impression: 'i', birads: '4' }).success).toBe(true);
    expect(signSchema(true).safeParse({ ...emptyReportForm, findings: 'f', impression: 'i', birads: '7' }).success).toBe(false);
  });

  it('sends the category only for breast imaging and leaves blank texts out', () => {
    const values = { ...emptyReportForm, findings: ' Mass ', impression: '', birads: '3', critical: true };
    expect(toDraftPayload('o1', 2, values, true)).toEqual({
      orderId: 'o1',
      version: 2,
      findings: 'Mass',
      impression: undefined,
      recommendation: undefined,
      biradsCategory: 3,
      critical: true,
    });
    expect(toDraftPayload('o1', undefined, values, false).biradsCategory).toBeUndefined();
  });
});

describe('ReportForm', () => {
  beforeEach(async () => {
    await setLanguage('en');
  });
  afterEach(cleanup);

  it('asks for findings, impression and BI-RADS before signing a breast study, then confirms', async () => {
    const onSign = vi.fn();
    const onSaveDraft = vi.fn();
    render(<ReportForm initial={emptyReportForm} breastImaging onSaveDraft={onSaveDraft} onSign={onSign} />);

    fireEvent.click(screen.getByTestId('report-sign'));
    expect(screen.getByTestId('report-findings-error').textContent).toBe('This field is required.');
    expect(screen.getByTestId('report-birads-error').textContent).toBe('Choose a BI-RADS category before signing a breast study.');
    expect(screen.queryByTestId('report-sign-confirm')).toBeNull();

    // a draft may be incomplete
    fireEvent.change(screen.getByTestId('report-findings-input'), { target: { value: 'Irregular mass, 12 mm.' } });
    fireEvent.click(screen.getByTestId('report-save-draft'));
    expect(onSaveDraft).toHaveBeenCalledWith(expect.objectContaining({ findings: 'Irregular mass, 12 mm.', birads: '' }));

    fireEvent.change(screen.getByTestId('report-impression-input'), { target: { value: 'Suspicious.' } });
    fireEvent.change(screen.getByTestId('report-birads-input'), { target: { value: '4' } });
    expect(screen.getByRole('option', { name: '4 — Suspicious' })).toBeTruthy();
    fireEvent.click(screen.getByTestId('report-critical-input'));
    fireEvent.click(screen.getByTestId('report-sign'));
    await waitFor(() => expect(screen.getByTestId('report-sign-confirm')).toBeTruthy());
    expect(screen.getByText('The critical finding will be sent to the ordering doctor as an urgent notification.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('report-sign-confirm'));
    expect(onSign).toHaveBeenCalledWith({
      findings: 'Irregular mass, 12 mm.',
      impression: 'Suspicious.',
      recommendation: '',
      birads: '4',
      critical: true,
    });
  });

  it('has no BI-RADS field for other studies', () => {
    render(<ReportForm initial={emptyReportForm} breastImaging={false} onSaveDraft={vi.fn()} onSign={vi.fn()} />);
    expect(screen.queryByTestId('report-birads-input')).toBeNull();
  });
});

describe('AddendumForm', () => {
  const originalAdapter = apiClient.defaults.adapter;
  const posted: unknown[] = [];
  beforeEach(async () => {
    posted.length = 0;
    await setLanguage('en');
    apiClient.defaults.adapter = (async (config) => {
      posted.push({ url: config.url, body: JSON.parse(String(config.data)) });
      return { status: 200, statusText: '', data: { id: 'r1' }, headers: new AxiosHeaders(), config, request: {} };
    }) as AxiosAdapter;
  });
  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it('signs an addendum only after the same confirmation as the report, naming a critical finding', async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <AddendumForm reportId="r1" />
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByTestId('addendum-body'), { target: { value: 'New lesion compared with the prior study.' } });
    fireEvent.click(screen.getByTestId('addendum-submit'));
    expect(await screen.findByRole('dialog', { name: 'Sign this addendum?' })).toBeTruthy();
    expect(screen.queryByText('The critical finding will be sent to the ordering doctor as an urgent notification.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posted).toEqual([]);

    fireEvent.click(screen.getByLabelText('Critical finding — notify the ordering doctor urgently'));
    fireEvent.click(screen.getByTestId('addendum-submit'));
    await screen.findByRole('dialog', { name: 'Sign this addendum?' });
    expect(screen.getByText('The critical finding will be sent to the ordering doctor as an urgent notification.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('addendum-sign-confirm'));
    await waitFor(() =>
      expect(posted).toEqual([{ url: '/api/ris/reports/r1/addenda', body: { body: 'New lesion compared with the prior study.', critical: true } }]),
    );
  });
});

describe('StudyImages', () => {
  const originalAdapter = apiClient.defaults.adapter;
  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  function serve(status: number, data: unknown): AxiosAdapter {
    return async (config) => {
      const response = { status, statusText: '', data, headers: new AxiosHeaders(), config, request: {} };
      if (status < 400) return response;
      throw new AxiosError(`status ${status}`, AxiosError.ERR_BAD_REQUEST, config, {}, response);
    };
  }

  function renderImages() {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <StudyImages orderId="o1" />
      </QueryClientProvider>,
    );
  }

  it('says that no images are linked yet when the imaging API answers 404', async () => {
    await setLanguage('en');
    apiClient.defaults.adapter = serve(404, { status: 404, code: 'not-found' });
    renderImages();
    await waitFor(() => expect(screen.getByText('No images linked to this order yet.')).toBeTruthy());
  });

  it('names the image on screen by its SOP Instance UID and marks that image, not a position', async () => {
    await setLanguage('en');
    const studies = [{ id: 's1', series: [{ seriesInstanceUid: '1.2.3', description: 'T1 axial', instanceCount: 3, previewUrl: '/api/imaging/preview/1' }] }];
    // the instances in instance-number order: the third is 1.2.3.9
    const detail = {
      id: 's1',
      series: [
        {
          seriesInstanceUid: '1.2.3',
          instanceCount: 3,
          instances: [
            { index: 0, sopInstanceUid: '1.2.3.7', previewUrl: 'x' },
            { index: 1, sopInstanceUid: '1.2.3.8', previewUrl: 'x' },
            { index: 2, sopInstanceUid: '1.2.3.9', previewUrl: 'x' },
          ],
        },
      ],
    };
    apiClient.defaults.adapter = (async (config) => {
      const data = config.url === '/api/imaging/studies/s1' ? detail : studies;
      return { status: 200, statusText: '', data, headers: new AxiosHeaders(), config, request: {} };
    }) as AxiosAdapter;
    const onMark = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <StudyImages orderId="o1" onMark={onMark} />
      </QueryClientProvider>,
    );
    await waitFor(() =>
      expect(screen.getByTestId('ris-preview').getAttribute('src')).toBe('/api/imaging/studies/s1/series/1.2.3/images/1.2.3.7/preview'),
    );
    fireEvent.change(screen.getByRole('slider'), { target: { value: '2' } });
    expect(screen.getByTestId('ris-preview').getAttribute('src')).toBe('/api/imaging/studies/s1/series/1.2.3/images/1.2.3.9/preview');
    fireEvent.click(screen.getByTestId('ris-mark-key-image'));
    expect(onMark).toHaveBeenCalledWith({ studyId: 's1', seriesInstanceUid: '1.2.3', sopInstanceUid: '1.2.3.9' });
  });

  it('scrolls by position, and marks nothing, while the instances are not known', async () => {
    await setLanguage('en');
    apiClient.defaults.adapter = (async (config) => {
      if (config.url === '/api/imaging/studies/s1') {
        const response = { status: 503, statusText: '', data: { status: 503, code: 'imaging.pacs-unavailable' }, headers: new AxiosHeaders(), config, request: {} };
        throw new AxiosError('status 503', AxiosError.ERR_BAD_RESPONSE, config, {}, response);
      }
      const data = [{ id: 's1', series: [{ seriesInstanceUid: '1.2.3', instanceCount: 3 }] }];
      return { status: 200, statusText: '', data, headers: new AxiosHeaders(), config, request: {} };
    }) as AxiosAdapter;
    const onMark = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <StudyImages orderId="o1" onMark={onMark} />
      </QueryClientProvider>,
    );
    const preview = await screen.findByTestId('ris-preview');
    expect(preview.getAttribute('src')).toBe('/api/imaging/studies/s1/series/1.2.3/instances/0/preview');
    fireEvent.change(screen.getByRole('slider'), { target: { value: '2' } });
    expect(screen.getByTestId('ris-preview').getAttribute('src')).toBe('/api/imaging/studies/s1/series/1.2.3/instances/2/preview');
    expect((screen.getByTestId('ris-mark-key-image') as HTMLButtonElement).disabled).toBe(true);
  });
});
