import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { problemMessage } from '../../../lib/problem-message';
import type { ImagingFileResult } from '../../../types/api';
import { planUploads, uploadImagingBatch, uploadImagingFile } from '../api/upload';
import { imagingKeys, useLinkStudy } from '../api/studies';
import { isVolumeFile, uploadVolumeFile, volumeKeys } from '../api/volumes';

interface FileProgress {
  name: string;
  percent: number;
  state: 'waiting' | 'sending' | 'done' | 'failed';
  error?: string;
  results: ImagingFileResult[];
}

/**
 * Upload of DICOM files, a folder or a zip of a study for this patient: DICOM files go in batches (several files per
 * request, ADR 0045), a zip or a NIfTI volume alone, one request at a time; each file has its progress bar, then its
 * outcome (stored, already there, refused with the reason).
 */
export function ImagingUploadPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [files, setFiles] = useState<FileProgress[]>([]);
  const [busy, setBusy] = useState(false);

  async function send(list: File[]) {
    const initial: FileProgress[] = list.map((f) => ({ name: f.name, percent: 0, state: 'waiting', results: [] }));
    setFiles(initial);
    setBusy(true);
    const update = (i: number, change: Partial<FileProgress>) =>
      setFiles((current) => current.map((f, j) => (j === i ? { ...f, ...change } : f)));
    // one request at a time: a batch already pays the request's fixed cost once for many files
    for (const group of planUploads(list, (f) => isVolumeFile(f.name))) {
      group.forEach((i) => update(i, { state: 'sending' }));
      try {
        if (group.length === 1) {
          // a zip, a volume, a large file or a lone DICOM file: as itself
          const i = group[0];
          const upload = isVolumeFile(list[i].name) ? uploadVolumeFile : uploadImagingFile;
          const result = await upload(patientId, list[i], (percent) => update(i, { percent }));
          update(i, { state: 'done', percent: 100, results: result.files ?? [] });
        } else {
          const result = await uploadImagingBatch(
            patientId,
            group.map((i) => list[i]),
            (k, percent) => update(group[k], { percent }),
          );
          // one outcome per file, in the order sent; a file without one was not read (the batch stopped before it)
          group.forEach((i, k) => {
            const outcome = result.files?.[k];
            update(
              i,
              outcome
                ? { state: 'done', percent: 100, results: [outcome] }
                : { state: 'failed', error: t('imaging.reason.batch-broken') },
            );
          });
        }
      } catch (error) {
        group.forEach((i) => update(i, { state: 'failed', error: problemMessage(error, t) }));
      }
    }
    setBusy(false);
    await client.invalidateQueries({ queryKey: imagingKeys.patient(patientId) });
    await client.invalidateQueries({ queryKey: volumeKeys.patient(patientId) });
  }

  return (
    <Card data-testid="imaging-upload">
      <CardHeader>
        <CardTitle>{t('imaging.upload.title')}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        <p className="text-sm text-slate-600">{t('imaging.upload.help')}</p>
        <div className="flex flex-wrap gap-3">
          <label className="text-sm">
            <span className="mr-2 font-medium">{t('imaging.upload.files')}</span>
            <input
              type="file"
              multiple
              accept=".dcm,.zip,.nii,.gz,application/dicom,application/zip"
              disabled={busy}
              data-testid="imaging-upload-input"
              onChange={(e) => {
                const list = Array.from(e.target.files ?? []);
                e.target.value = '';
                if (list.length) void send(list);
              }}
            />
          </label>
          <label className="text-sm">
            <span className="mr-2 font-medium">{t('imaging.upload.folder')}</span>
            <input
              type="file"
              multiple
              disabled={busy}
              data-testid="imaging-upload-folder"
              {...({ webkitdirectory: '' } as Record<string, string>)}
              onChange={(e) => {
                const list = Array.from(e.target.files ?? []);
                e.target.value = '';
                if (list.length) void send(list);
              }}
            />
          </label>
        </div>
        {files.length ? (
          <ul className="space-y-2" data-testid="imaging-upload-files">
            {files.map((f, i) => (
              <li key={`${f.name}-${i}`} className="rounded border border-slate-200 p-2 text-sm" data-testid="imaging-upload-file" data-state={f.state}>
                <div className="flex items-center justify-between gap-2">
                  <span className="truncate font-medium">{f.name}</span>
                  <span className="text-slate-600">{t(`imaging.upload.state.${f.state}`)}</span>
                </div>
                <div
                  role="progressbar"
                  aria-valuenow={f.percent}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-label={f.name}
                  className="mt-1 h-1.5 w-full rounded bg-slate-100"
                >
                  <div className="h-1.5 rounded bg-sky-600" style={{ width: `${f.percent}%` }} />
                </div>
                {f.error ? <p className="mt-1 text-red-700">{f.error}</p> : null}
                {f.results.length ? <ResultSummary results={f.results} patientId={patientId} /> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {!busy && files.length ? (
          <Button variant="secondary" size="sm" onClick={() => setFiles([])}>
            {t('imaging.upload.clear')}
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}

function ResultSummary({ results, patientId }: { results: ImagingFileResult[]; patientId: string }) {
  const { t } = useTranslation();
  const mismatched = [...new Set(results.filter((r) => r.patientLink === 'MISMATCH' && r.studyId).map((r) => r.studyId!))];
  const count = (status: string) => results.filter((r) => r.status === status).length;
  const refused = results.filter((r) => r.status === 'REFUSED');
  const mismatch = results.some((r) => r.patientLink === 'MISMATCH');
  return (
    <div className="mt-1 space-y-1" data-testid="imaging-upload-result">
      <p>
        {t('imaging.upload.summary', { stored: count('STORED'), duplicates: count('DUPLICATE'), refused: refused.length })}
      </p>
      {mismatch ? <p className="text-amber-700">{t('imaging.upload.mismatch')}</p> : null}
      {mismatched.map((studyId) => (
        <LinkAnyway key={studyId} studyId={studyId} patientId={patientId} />
      ))}
      {refused.length ? (
        <ul className="list-disc pl-5 text-red-700">
          {refused.slice(0, 20).map((r, i) => (
            <li key={`${r.file}-${i}`}>
              {r.file}: {t(`imaging.reason.${r.reason ?? 'unknown'}`, { defaultValue: t('imaging.reason.unknown') })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The reconcile decision: link a study whose DICOM patient is not this patient, with a reason (audited). */
function LinkAnyway({ studyId, patientId }: { studyId: string; patientId: string }) {
  const { t } = useTranslation();
  const link = useLinkStudy(patientId);
  const [reason, setReason] = useState('');
  if (link.isSuccess) return <p className="text-emerald-700" data-testid="imaging-linked">{t('imaging.link.done')}</p>;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      data-testid="imaging-link-anyway"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) link.mutate({ studyId, reason: reason.trim() });
      }}
    >
      <input
        className="h-8 min-w-64 flex-1 rounded border border-slate-300 px-2"
        value={reason}
        maxLength={500}
        required
        aria-label={t('imaging.link.reason')}
        placeholder={t('imaging.link.reason')}
        onChange={(e) => setReason(e.target.value)}
      />
      <Button type="submit" size="sm" variant="secondary" disabled={!reason.trim() || link.isPending}>
        {t('imaging.link.action')}
      </Button>
      {link.isError ? <span className="text-red-700">{problemMessage(link.error, t)}</span> : null}
    </form>
  );
}
