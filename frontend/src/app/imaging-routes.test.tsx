import { QueryClient } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../lib/api-client';
import { setLanguage } from '../lib/i18n';
import { fakeServer, type FakeServerOptions, type Handler } from '../test/fake-server';
import type { MeView, StudyView } from '../types/api';
import { AppProviders } from './providers';
import { routes } from './router';

// Cornerstone needs WebGL or a real canvas: the 2D viewer's engine is replaced here (the Chromium journey runs it)
const viewerCalls: string[] = [];
vi.mock('../features/imaging/lib/stack-viewer', () => ({
  openStack: async (
    _el: HTMLDivElement,
    studyId: string,
    seriesUid: string,
    events: { onIndex: (i: number) => void; onMeasurements: (m: unknown[]) => void },
  ) => {
    viewerCalls.push(`open ${studyId} ${seriesUid}`);
    let index = 1;
    events.onIndex(index);
    return {
      total: 3,
      setTool: (tool: string) => {
        viewerCalls.push(`tool ${tool}`);
        if (tool === 'length') events.onMeasurements([{ uid: 'm1', length: 23.456, unit: 'mm' }]);
      },
      scroll: (delta: number) => {
        index = Math.max(0, Math.min(2, index + delta));
        events.onIndex(index);
      },
      reset: () => viewerCalls.push('reset'),
      destroy: () => viewerCalls.push('destroy'),
    };
  },
}));

const calls: string[] = [];

const recordCalls: FakeServerOptions = { onRequest: (_config, key) => calls.push(key) };

const PATIENT = '11111111-1111-4111-8111-111111111111';
const STUDY = '22222222-2222-4222-8222-222222222222';
const user = (roles: MeView['roles']): MeView => ({ id: '00000000-0000-0000-0000-000000000009', username: 'u', displayName: '사용자', roles, departments: [] });
const study: StudyView = {
  id: STUDY,
  studyInstanceUid: '1.2.3',
  accessionNumber: 'A2612050001',
  modality: 'MR',
  description: 'Breast MRI',
  studyDate: '2026-12-01',
  seriesCount: 1,
  instanceCount: 3,
  patientId: PATIENT,
  patientLink: 'LINKED',
  series: [
    {
      seriesInstanceUid: '1.2.3.4',
      description: 'precontrast',
      modality: 'MR',
      instanceCount: 3,
      previewUrl: `/api/imaging/studies/${STUDY}/series/1.2.3.4/instances/1/preview`,
      instances: [0, 1, 2].map((i) => ({
        index: i,
        sopInstanceUid: `1.2.3.4.${i}`,
        previewUrl: `/api/imaging/studies/${STUDY}/series/1.2.3.4/instances/${i}/preview`,
      })),
    },
  ],
};

function renderAt(path: string, me: MeView, handlers: Record<string, Handler> = {}) {
  apiClient.defaults.adapter = fakeServer({
    'GET /api/auth/csrf': () => ({ status: 204 }),
    'GET /api/me': () => ({ status: 200, data: me }),
    [`GET /api/patients/${PATIENT}`]: () => ({ status: 200, data: { id: PATIENT, name: '김영상', mrn: '00012345', active: true } }),
    ...handlers,
  }, recordCalls);
  render(
    <AppProviders queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <RouterProvider router={createMemoryRouter(routes, { initialEntries: [path] })} />
    </AppProviders>,
  );
}

describe('imaging routes', () => {
  const originalAdapter = apiClient.defaults.adapter;
  beforeEach(async () => {
    calls.length = 0;
    await setLanguage('en');
  });
  afterEach(() => {
    cleanup();
    apiClient.defaults.adapter = originalAdapter;
  });

  it('lists the patient\u2019s studies with series thumbnails under the banner; a nurse gets no upload', async () => {
    renderAt(`/patients/${PATIENT}/imaging`, user(['NURSE']), {
      'GET /api/imaging/studies': () => ({ status: 200, data: [study] }),
    });
    const item = await screen.findByTestId('imaging-study');
    expect(within(item).getByText('Breast MRI')).toBeTruthy();
    expect(within(item).getByText('1 series, 3 images', { exact: false })).toBeTruthy();
    const thumb = within(item).getByRole('img');
    expect(thumb.getAttribute('src')).toBe(study.series![0].previewUrl);
    expect(screen.getByTestId('patient-banner')).toBeTruthy();
    expect(screen.queryByTestId('imaging-upload')).toBeNull();
  });

  it('says "PACS unavailable" in words when the archive is down, and shows an empty state', async () => {
    renderAt(`/patients/${PATIENT}/imaging`, user(['DOCTOR']), {
      'GET /api/imaging/studies': () => ({
        status: 503,
        data: { status: 503, code: 'imaging.pacs-unavailable', title: 'PACS unavailable', detail: 'The image archive (PACS) does not answer right now.' },
      }),
    });
    expect((await screen.findByTestId('imaging-error')).textContent).toContain('PACS');
    expect(screen.getByTestId('imaging-upload')).toBeTruthy();
  });

  it('uploads each file with its outcome and offers the audited link for another patient\u2019s images', async () => {
    let linked: unknown;
    renderAt(`/patients/${PATIENT}/imaging`, user(['DOCTOR']), {
      'GET /api/imaging/studies': () => ({ status: 200, data: [] }),
      'POST /api/imaging/uploads': () => ({
        status: 200,
        data: {
          stored: 1,
          duplicates: 0,
          refused: 1,
          files: [
            { file: 'a.dcm', status: 'STORED', reason: 'patient-mismatch', studyId: STUDY, patientLink: 'MISMATCH' },
            { file: 'notes.dcm', status: 'REFUSED', reason: 'not-dicom' },
          ],
        },
      }),
      [`POST /api/imaging/studies/${STUDY}/link`]: (config) => {
        linked = JSON.parse(String(config.data));
        return { status: 200, data: { ...study } };
      },
    });
    expect(await screen.findByTestId('empty-state')).toBeTruthy();
    const input = screen.getByTestId('imaging-upload-input') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'study.zip')] } });
    const result = await screen.findByTestId('imaging-upload-result');
    expect(result.textContent).toContain('1 stored, 0 already there, 1 refused');
    expect(result.textContent).toContain('notes.dcm: not a DICOM file, or a broken one');
    const form = screen.getByTestId('imaging-link-anyway');
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: 'Outside images for this patient' } });
    fireEvent.click(within(form).getByRole('button'));
    await waitFor(() => expect(linked).toEqual({ patientId: PATIENT, reason: 'Outside images for this patient' }));
    expect(await screen.findByTestId('imaging-linked')).toBeTruthy();
  });

  it('sends a folder\u2019s DICOM files together in one request (a tar) and shows each file\u2019s outcome; a zip goes alone', async () => {
    const sent: { fileName: unknown; type: unknown; body: unknown }[] = [];
    renderAt(`/patients/${PATIENT}/imaging`, user(['DOCTOR']), {
      'GET /api/imaging/studies': () => ({ status: 200, data: [] }),
      'POST /api/imaging/uploads': (config) => {
        sent.push({ fileName: config.params?.fileName, type: config.headers['Content-Type'], body: config.data });
        return config.params?.fileName === 'files.tar'
          ? {
              status: 200,
              data: {
                stored: 2,
                duplicates: 0,
                refused: 1,
                files: [
                  { file: 'IM0001.dcm', status: 'STORED', studyId: STUDY, patientLink: 'LINKED' },
                  { file: 'notes.dcm', status: 'REFUSED', reason: 'not-dicom' },
                  { file: 'IM0002.dcm', status: 'STORED', studyId: STUDY, patientLink: 'LINKED' },
                ],
              },
            }
          : { status: 200, data: { stored: 0, duplicates: 1, refused: 0, files: [{ file: 'IM0001.dcm', status: 'DUPLICATE', studyId: STUDY, patientLink: 'LINKED' }] } };
      },
    });
    expect(await screen.findByTestId('empty-state')).toBeTruthy();
    const files = [new File(['a'.repeat(600)], 'IM0001.dcm'), new File(['x'], 'notes.dcm'), new File(['b'], 'IM0002.dcm'), new File(['z'], 'study.zip')];
    fireEvent.change(screen.getByTestId('imaging-upload-folder'), { target: { files } });
    await waitFor(() => expect(screen.getAllByTestId('imaging-upload-result')).toHaveLength(4));
    expect(calls.filter((c) => c === 'POST /api/imaging/uploads')).toHaveLength(2);
    expect(sent.map((s) => [s.fileName, s.type])).toEqual([
      ['files.tar', 'application/x-tar'],
      ['study.zip', 'application/zip'],
    ]);
    // a tar: each file a 512-byte header, its bytes padded to 512, then two zero blocks
    const tar = new Uint8Array(await (sent[0].body as Blob).arrayBuffer());
    expect(tar.length).toBe(512 + 1024 + 512 + 512 + 512 + 512 + 1024);
    const text = (from: number, length: number) => new TextDecoder().decode(tar.slice(from, from + length)).replace(/\0+$/, '');
    expect(text(0, 100)).toBe('IM0001.dcm');
    expect(text(124, 11)).toBe((600).toString(8).padStart(11, '0'));
    expect(text(257, 5)).toBe('ustar');
    expect(text(1536, 100)).toBe('notes.dcm');
    expect(text(2560, 100)).toBe('IM0002.dcm');
    const rows = screen.getAllByTestId('imaging-upload-file');
    expect(rows.map((r) => r.getAttribute('data-state'))).toEqual(['done', 'done', 'done', 'done']);
    expect(within(rows[0]).getByTestId('imaging-upload-result').textContent).toContain('1 stored, 0 already there, 0 refused');
    expect(within(rows[1]).getByTestId('imaging-upload-result').textContent).toContain('notes.dcm: not a DICOM file, or a broken one');
    expect(within(rows[3]).getByTestId('imaging-upload-result').textContent).toContain('0 stored, 1 already there');
  });

  it('scrolls through a series with the slider', async () => {
    renderAt(`/imaging/studies/${STUDY}`, user(['RADIOLOGIST']), {
      [`GET /api/imaging/studies/${STUDY}`]: () => ({ status: 200, data: study }),
    });
    const image = (await screen.findByTestId('study-viewer-image')) as HTMLImageElement;
    expect(image.getAttribute('src')).toContain('/instances/1/preview');
    fireEvent.change(screen.getByTestId('study-viewer-slider'), { target: { value: '3' } });
    expect(screen.getByTestId('study-viewer-image').getAttribute('src')).toContain('/instances/2/preview');
    expect(screen.getByText('Image 3 of 3')).toBeTruthy();
  });

  it('opens the series in the 2D viewer with its tools, scrolling and measurements', async () => {
    viewerCalls.length = 0;
    renderAt(`/imaging/studies/${STUDY}`, user(['DOCTOR']), {
      [`GET /api/imaging/studies/${STUDY}`]: () => ({ status: 200, data: study }),
    });
    fireEvent.click(await screen.findByTestId('open-2d-viewer'));
    expect(await screen.findByTestId('dicom-viewer')).toBeTruthy();
    expect(await screen.findByTestId('patient-banner')).toBeTruthy();
    expect((await screen.findByTestId('viewer-position')).textContent).toBe('Image 2 of 3');
    expect(viewerCalls).toContain(`open ${STUDY} 1.2.3.4`);
    fireEvent.keyDown(screen.getByTestId('viewer-viewport'), { key: 'ArrowDown' });
    expect(screen.getByTestId('viewer-position').textContent).toBe('Image 3 of 3');
    fireEvent.click(screen.getByTestId('viewer-previous'));
    expect(screen.getByTestId('viewer-position').textContent).toBe('Image 2 of 3');
    fireEvent.click(screen.getByTestId('viewer-tool-zoom'));
    expect(screen.getByTestId('viewer-tool-zoom').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByTestId('viewer-tool-length'));
    expect((await screen.findByTestId('viewer-measurements')).textContent).toContain('Length 1: 23.5 mm');
    expect(viewerCalls).toEqual(expect.arrayContaining(['tool zoom', 'tool length']));
  });

  it('uploads a NIfTI volume to the volumes endpoint and lists the patient\u2019s volumes', async () => {
    let volumeUploads = 0;
    renderAt(`/patients/${PATIENT}/imaging`, user(['DOCTOR']), {
      'GET /api/imaging/studies': () => ({ status: 200, data: [] }),
      'GET /api/imaging/volumes': () => ({
        status: 200,
        data: volumeUploads
          ? [
              {
                id: '33333333-3333-4333-8333-333333333333',
                patientId: PATIENT,
                fileName: 'mask.nii.gz',
                sizeBytes: 41129,
                sha256: 'abcdef0123456789'.repeat(4),
                niftiVersion: 1,
                dimensions: '256×256×134',
                voxelSize: '0.6641×0.6641×1.200',
                datatype: 'uint8',
                uploadedAt: '2026-12-06T01:00:00Z',
              },
            ]
          : [],
      }),
      'POST /api/imaging/volumes': () => {
        volumeUploads += 1;
        return { status: 200, data: { file: 'mask.nii.gz', status: 'STORED' } };
      },
      'POST /api/imaging/uploads': () => ({ status: 200, data: { stored: 0, duplicates: 0, refused: 1, files: [{ file: 'bad.nii', status: 'REFUSED', reason: 'nifti-bad-header' }] } }),
    });
    expect(await screen.findByTestId('empty-state')).toBeTruthy();
    fireEvent.change(screen.getByTestId('imaging-upload-input'), {
      target: { files: [new File(['x'], 'mask.nii.gz')] },
    });
    expect((await screen.findByTestId('imaging-upload-result')).textContent).toContain('1 stored');
    expect(calls).toContain('POST /api/imaging/volumes');
    expect(calls).not.toContain('POST /api/imaging/uploads');
    const volume = await screen.findByTestId('imaging-volume');
    expect(volume.textContent).toContain('256×256×134');
    expect(volume.textContent).toContain('uint8');
    expect(volume.textContent).toContain('abcdef012345…');
  });

  it('shows a refused NIfTI with its reason', async () => {
    renderAt(`/patients/${PATIENT}/imaging`, user(['DOCTOR']), {
      'GET /api/imaging/studies': () => ({ status: 200, data: [] }),
      'GET /api/imaging/volumes': () => ({ status: 200, data: [] }),
      'POST /api/imaging/volumes': () => ({ status: 200, data: { file: 'bad.nii', status: 'REFUSED', reason: 'nifti-bad-header' } }),
    });
    expect(await screen.findByTestId('empty-state')).toBeTruthy();
    fireEvent.change(screen.getByTestId('imaging-upload-input'), { target: { files: [new File(['x'], 'bad.nii')] } });
    expect((await screen.findByTestId('imaging-upload-result')).textContent).toContain('bad.nii: not a valid NIfTI header');
  });

  it('lists overdue imaging orders and studies without an order for the radiographer', async () => {
    renderAt('/imaging/reconciliation', user(['RADIOGRAPHER']), {
      'GET /api/imaging/reconciliation': () => ({
        status: 200,
        data: {
          overdueOrders: [
            {
              orderId: '44444444-4444-4444-8444-444444444444',
              orderNumber: 'O-20261206-0001',
              accessionNumber: 'A20261206ABC123',
              procedure: 'MR Breast',
              patientId: PATIENT,
              patientName: '김영상',
              patientMrn: '00012345',
              dueAt: '2026-12-05T01:00:00Z',
              overdueMinutes: 1500,
            },
          ],
          studiesWithoutOrder: [
            { studyId: STUDY, description: 'Outside MRI', patientLink: 'UNMATCHED', receivedAt: '2026-12-05T02:00:00Z' },
          ],
        },
      }),
    });
    const overdue = await screen.findByTestId('reconciliation-overdue-row');
    expect(overdue.textContent).toContain('김영상');
    expect(overdue.textContent).toContain('A20261206ABC123');
    expect(overdue.textContent).toContain('25 h');
    const study = screen.getByTestId('reconciliation-study-row');
    expect(study.textContent).toContain('Not linked to a patient');
    expect(study.textContent).toContain('Outside MRI');
  });

  it('keeps a doctor out of the reconciliation page', async () => {
    renderAt('/imaging/reconciliation', user(['DOCTOR']));
    expect(await screen.findByTestId('forbidden-page')).toBeDefined();
  });

  it('keeps a pharmacist out of the imaging pages', async () => {
    renderAt(`/patients/${PATIENT}/imaging`, user(['PHARMACIST']));
    expect(await screen.findByTestId('forbidden-page')).toBeDefined();
  });
});
