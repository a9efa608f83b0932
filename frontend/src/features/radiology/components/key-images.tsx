import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import type { KeyImageView, ReportView } from '../../../types/api';

/**
 * The caption of a key image: its series' description and its image number (DICOM Instance Number); a key image
 * marked before it was named by its SOP Instance UID says its position in the series instead (ADR 0041).
 */
export function keyImageCaption(image: KeyImageView, t: (key: string, options?: Record<string, unknown>) => string): string {
  const number =
    image.instanceNumber != null
      ? t('radiology.keyImages.number', { n: image.instanceNumber })
      : image.instanceIndex != null
        ? t('radiology.keyImages.position', { n: image.instanceIndex + 1 })
        : t('radiology.keyImages.noNumber');
  return image.seriesDescription ? `${image.seriesDescription} · ${number}` : number;
}

/**
 * The key images the radiologist marked on a report (ADR 0041), as rendered previews through CDSS (each named by its
 * SOP Instance UID: the image chosen, however the series is ordered); with `onRemove` (the radiologist's draft) each
 * can be removed. None marked: said so, with no stand-in image.
 */
export function KeyImages({ report, onRemove, busy }: { report: ReportView; onRemove?: (keyImageId: string) => void; busy?: boolean }) {
  const { t } = useTranslation();
  const images = report.keyImages ?? [];
  return (
    <section className="space-y-1" data-testid="report-key-images">
      <h3 className="text-sm font-semibold text-slate-700">{t('radiology.keyImages.title')}</h3>
      {images.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="report-no-key-images">
          {t('radiology.keyImages.none')}
        </p>
      ) : (
        <div className="flex flex-wrap gap-3">
          {images.map((image, i) => (
            <figure key={image.id} className="w-40 space-y-1 text-center text-xs text-slate-600" data-testid="report-key-image">
              <img
                src={image.previewUrl}
                alt={t('radiology.keyImages.image', { n: i + 1 })}
                loading="lazy"
                className="h-40 w-40 rounded bg-black object-contain"
              />
              <figcaption data-testid="report-key-image-caption">{keyImageCaption(image, t)}</figcaption>
              {onRemove && image.id ? (
                <Button size="sm" variant="secondary" disabled={busy} onClick={() => onRemove(image.id!)} data-testid="report-key-image-remove">
                  {t('radiology.keyImages.remove')}
                </Button>
              ) : null}
            </figure>
          ))}
        </div>
      )}
    </section>
  );
}
