import { describe, expect, it } from 'vitest';
import type { OrderView } from '../../../types/api';
import { compareWorklist, isOverdue, nextStep } from './worklist';

const order = (id: string, patch: Partial<OrderView>): OrderView => ({ id, status: 'SENT', priority: 'ROUTINE', overdue: false, version: 0, ...patch });

describe('worklist order', () => {
  it('puts the most urgent first, then the earliest due', () => {
    const rows = [
      order('routine-early', { dueAt: '2026-01-01T01:00:00Z' }),
      order('urgent-late', { priority: 'URGENT', dueAt: '2026-01-01T09:00:00Z' }),
      order('stat', { priority: 'STAT', dueAt: '2026-01-01T10:00:00Z' }),
      order('urgent-early', { priority: 'URGENT', dueAt: '2026-01-01T05:00:00Z' }),
      order('emergency', { priority: 'EMERGENCY', dueAt: '2026-01-01T11:00:00Z' }),
    ];
    expect([...rows].sort(compareWorklist).map((o) => o.id)).toEqual(['emergency', 'stat', 'urgent-early', 'urgent-late', 'routine-early']);
  });

  it('marks open orders past their due time as overdue, final ones never', () => {
    const now = new Date('2026-01-01T12:00:00Z');
    expect(isOverdue(order('a', { dueAt: '2026-01-01T11:59:00Z' }), now)).toBe(true);
    expect(isOverdue(order('b', { dueAt: '2026-01-01T12:01:00Z' }), now)).toBe(false);
    expect(isOverdue(order('c', { overdue: true }), now)).toBe(true);
    expect(isOverdue(order('d', { status: 'COMPLETED', dueAt: '2026-01-01T11:00:00Z', overdue: true }), now)).toBe(false);
  });

  it('offers start for sent orders and complete for started ones', () => {
    expect(nextStep(order('a', { status: 'SENT' }))).toBe('start');
    expect(nextStep(order('b', { status: 'IN_PROGRESS' }))).toBe('complete');
    expect(nextStep(order('c', { status: 'PENDING' }))).toBeUndefined();
  });
});
