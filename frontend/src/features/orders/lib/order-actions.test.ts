import { describe, expect, it } from 'vitest';
import type { OrderDetailView, OrderStatus } from '../../../types/api';
import { doctorActions } from './order-actions';

const ME = '00000000-0000-0000-0000-000000000009';
const detail = (status: OrderStatus, patch: Partial<OrderDetailView> = {}): OrderDetailView => ({
  order: {
    id: 'o1',
    orderNumber: 'O-1',
    status,
    orderedBy: ME,
    version: 0,
    overdue: false,
    prescriberMayCancel: status !== 'COMPLETED' && status !== 'CANCELLED',
  },
  replacedBy: [],
  ...patch,
});
const allowed = (d: OrderDetailView | undefined, userId: string | undefined = ME, roles: readonly string[] = ['DOCTOR']) =>
  Object.entries(doctorActions(d, userId, roles))
    .filter(([action, yes]) => yes && action !== 'mine')
    .map(([action]) => action)
    .sort();

describe('doctorActions', () => {
  it.each<[OrderStatus, string[]]>([
    ['PENDING', ['edit', 'revise', 'send', 'withdraw']],
    ['SENT', ['cancel', 'revise']],
    ['IN_PROGRESS', ['cancel', 'revise']],
    ['COMPLETED', ['revise']],
    ['CANCELLED', ['revise']],
  ])('lets the ordering doctor act on a %s order: %j', (status, actions) => {
    expect(allowed(detail(status))).toEqual(actions);
  });

  it('offers neither cancel nor revise when the server says the prescriber may no longer cancel (acquired imaging)', () => {
    const acquired = detail('IN_PROGRESS');
    expect(allowed({ ...acquired, order: { ...acquired.order, type: 'IMAGING', prescriberMayCancel: false } })).toEqual([]);
  });

  it('offers no second revision of an order already replaced', () => {
    expect(allowed(detail('CANCELLED', { replacedBy: [{ id: 'o2', orderNumber: 'O-2', status: 'PENDING' }] }))).toEqual([]);
  });

  it("leaves another doctor's order and other roles alone", () => {
    expect(allowed(detail('PENDING'), 'someone-else')).toEqual([]);
    expect(doctorActions(detail('PENDING'), 'someone-else', ['DOCTOR']).mine).toBe(false);
    expect(allowed(detail('PENDING'), ME, ['NURSE'])).toEqual([]);
    expect(doctorActions(detail('PENDING'), undefined, ['DOCTOR']).edit).toBe(false);
    expect(allowed(undefined)).toEqual([]);
  });
});
