import type { TFunction } from 'i18next';

/**
 * A study's DICOM modality (or modalities, "MR\SEG" / "MR,SEG") in the reader's language where the order form has a
 * name for it (MR → MRI, US → 초음파, MG → 유방촬영); codes without one (SEG, SR, OT) as DICOM writes them.
 */
export function modalityLabel(modality: string | undefined, t: TFunction): string | undefined {
  if (!modality) return undefined;
  return modality
    .split(/[\\,]/)
    .map((m) => m.trim())
    .filter(Boolean)
    .map((m) => t(`orders.modality.${m}`, { defaultValue: m }))
    .join(', ');
}
