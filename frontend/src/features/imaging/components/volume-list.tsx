import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import { usePatientVolumes } from '../api/volumes';

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** The patient's research volumes (NIfTI): what each header says, size, checksum and a download; hidden when none. */
export function VolumeList({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const volumes = usePatientVolumes(patientId);
  if (volumes.isError) {
    return <Alert tone="error">{problemMessage(volumes.error, t)}</Alert>;
  }
  if (!volumes.data?.length) return null;
  return (
    <Card data-testid="imaging-volumes">
      <CardHeader>
        <CardTitle>{t('imaging.volumes.title')}</CardTitle>
      </CardHeader>
      <CardContent>
        <p className="mb-2 text-sm text-slate-600">{t('imaging.volumes.help')}</p>
        <ul className="space-y-2 text-sm">
          {volumes.data.map((v) => (
            <li key={v.id} className="rounded border border-slate-200 p-2" data-testid="imaging-volume">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <a href={`/api/imaging/volumes/${v.id}/file`} className="font-medium text-sky-700 hover:underline" download>
                  {v.fileName}
                </a>
                <span className="text-slate-600">{formatInstant(v.uploadedAt, i18n.language)}</span>
              </div>
              <p className="text-slate-700">
                {t('imaging.volumes.summary', {
                  dimensions: v.dimensions,
                  voxel: v.voxelSize,
                  datatype: v.datatype,
                  size: megabytes(v.sizeBytes ?? 0),
                })}
              </p>
              <p className="text-xs text-slate-500" title={v.sha256}>
                {t('imaging.volumes.checksum', { value: `${(v.sha256 ?? '').slice(0, 12)}…` })}
              </p>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
