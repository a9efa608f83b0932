import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { cancelText, transitionNote } from './cancel-cause';

const t = ((key: string) => `text of ${key}`) as unknown as TFunction;

describe('cancelText', () => {
  it("shows the orderer's own reason as written", () => {
    expect(cancelText({ cancelCause: 'REQUESTED', cancelReason: '환자 거부' }, t)).toBe('환자 거부');
  });

  it("says what the system did in the reader's language, not the stored English sentence", () => {
    expect(cancelText({ cancelCause: 'WITHDRAWN', cancelReason: 'Withdrawn before sending' }, t)).toBe('text of orders.cancelCause.WITHDRAWN');
    expect(cancelText({ cancelCause: 'REPLACED', cancelReason: 'Revised: replaced by O-1' }, t)).toBe('text of orders.cancelCause.REPLACED');
  });

  it('falls back to the reason of an order cancelled before causes were recorded, and to nothing', () => {
    expect(cancelText({ cancelReason: 'late' }, t)).toBe('late');
    expect(cancelText({}, t)).toBeUndefined();
  });
});

describe('transitionNote', () => {
  it("says what the system did in the reader's language: a cancellation, a study received in the PACS", () => {
    expect(transitionNote({ to: 'CANCELLED', note: 'Withdrawn before sending' }, { cancelCause: 'WITHDRAWN' }, t)).toBe('text of orders.cancelCause.WITHDRAWN');
    // ImagingOrderAcquisition.studyArrived writes this English note as the system actor
    expect(transitionNote({ to: 'IN_PROGRESS', note: 'Study received in the PACS' }, {}, t)).toBe('text of orders.detail.studyReceived');
  });

  it("shows a person's note as written, and nothing for no note", () => {
    expect(transitionNote({ to: 'IN_PROGRESS', note: '환자 도착' }, {}, t)).toBe('환자 도착');
    expect(transitionNote({ to: 'CANCELLED', note: '환자 거부' }, { cancelCause: 'REQUESTED', cancelReason: '환자 거부' }, t)).toBe('환자 거부');
    expect(transitionNote({ to: 'SENT' }, {}, t)).toBeUndefined();
  });
});
