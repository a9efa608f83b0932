import { describe, expect, it } from 'vitest';
import i18n from '../../../lib/i18n';
import { TIMELINE_TYPES } from '../api/get-timeline';
import { timelineCodeLabel } from './timeline-labels';

describe('timelineCodeLabel', () => {
  it('says an imaging study without an accession number in words, not as the server\'s "STUDY"', () => {
    expect(timelineCodeLabel('IMAGING', 'STUDY', i18n.getFixedT('ko'))).toBe('검사');
    expect(timelineCodeLabel('IMAGING', 'STUDY', i18n.getFixedT('en'))).toBe('Study');
    // an accession number is the study's own number: shown as it is
    expect(timelineCodeLabel('IMAGING', 'ACC-2026-0001', i18n.getFixedT('ko'))).toBe('ACC-2026-0001');
  });

  it('translates statuses, result flags and report codes; diagnosis codes stay as they are', () => {
    const ko = i18n.getFixedT('ko');
    expect(timelineCodeLabel('RESULT', 'CRITICAL', ko)).toBe('위험 결과');
    expect(timelineCodeLabel('RADIOLOGY_REPORT', 'FINAL', ko)).toBe('서명됨');
    expect(timelineCodeLabel('ORDER', 'IN_PROGRESS', ko)).not.toBe('IN_PROGRESS');
    expect(timelineCodeLabel('DIAGNOSIS', 'J18.9', ko)).toBe('J18.9');
  });

  it.each(['ko', 'en'] as const)('names every entry type in %s, the imaging studies too', (lang) => {
    const t = i18n.getFixedT(lang);
    expect(TIMELINE_TYPES).toContain('IMAGING');
    expect(TIMELINE_TYPES.filter((type) => t(`records.type.${type}`, { defaultValue: '' }) === '')).toEqual([]);
  });
});
