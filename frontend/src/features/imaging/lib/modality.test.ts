import { describe, expect, it } from 'vitest';
import i18n, { setLanguage } from '../../../lib/i18n';
import { modalityLabel } from './modality';

describe('modalityLabel', () => {
  it('names the modalities the order form knows and keeps the other DICOM codes', async () => {
    await setLanguage('ko');
    expect(modalityLabel('US', i18n.t)).toBe('초음파');
    expect(modalityLabel('MR\\SEG', i18n.t)).toBe('MRI, SEG');
    await setLanguage('en');
    expect(modalityLabel('MG', i18n.t)).toBe('Mammography');
    expect(modalityLabel(undefined, i18n.t)).toBeUndefined();
  });
});
