import { describe, expect, it } from 'vitest';
import { defaultStatisticsPeriod } from './order-statistics-page';

// Issue 15 item 6: before 09:00 in Seoul the UTC day is still yesterday; the default period must end on the
// hospital's today, or the page opens on yesterday with all zeros.
describe('defaultStatisticsPeriod', () => {
  it('ends on the hospital day just after midnight in Seoul', () => {
    expect(defaultStatisticsPeriod(new Date('2026-12-04T15:30:00Z'))).toEqual({ from: '2026-11-06', to: '2026-12-05' });
  });
});
