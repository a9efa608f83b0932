import type { TFunction } from 'i18next';
import type { LabTestView, OrderItem, OrderView } from '../types/api';

/** A lab catalogue entry's name in the UI language. */
export function labTestName(test: Pick<LabTestView, 'nameEn' | 'nameKo' | 'code'>, lang: string): string {
  return (lang === 'en' ? test.nameEn || test.nameKo : test.nameKo || test.nameEn) || test.code || '';
}

/**
 * What an order asks for, on one line in the reader's language, from the order's fields (the server's `summary` is
 * the English one-liner for notifications and the audit): a drug with its dose, the route and frequency in the
 * clinician's shorthand (PO, TID) and the days; a lab test by its name; an imaging study with its modality, side and
 * contrast in words; a tissue exam's specimen and site as written. Falls back to `summary` for an order without
 * fields (an older client's cache).
 */
export function orderItemText(order: Pick<OrderView, 'item' | 'summary'> | undefined, t: TFunction, lang: string): string {
  const item: OrderItem | undefined = order?.item;
  const medication = item?.medication;
  if (medication) {
    return [
      item.drugName,
      medication.dose !== undefined ? `${medication.dose} ${medication.doseUnit ?? ''}`.trim() : undefined,
      medication.route,
      medication.frequency,
      medication.durationDays ? `× ${t('orders.summary.days', { count: medication.durationDays })}` : undefined,
    ]
      .filter(Boolean)
      .join(' ');
  }
  if (item?.labTest) {
    return labTestName({ code: item.labTest.testCode, nameEn: item.labTestNameEn, nameKo: item.labTestNameKo }, lang);
  }
  const imaging = item?.imaging;
  if (imaging) {
    const side = imaging.laterality && imaging.laterality !== 'NOT_APPLICABLE' ? ` (${t(`orders.laterality.${imaging.laterality}`)})` : '';
    const contrast = imaging.contrast ? ` + ${t('orders.summary.contrast')}` : '';
    return `${t(`orders.modality.${imaging.modality}`, { defaultValue: imaging.modality })} ${imaging.bodyPart ?? ''}`.trim() + side + contrast;
  }
  const tissue = item?.tissueExam;
  if (tissue) return [tissue.specimen, tissue.site].filter(Boolean).join(' — ');
  return order?.summary ?? '';
}
