import { describe, expect, it } from 'vitest';
import type { SafetyAlert } from '../../types/api';
import { groupAlertsBySeverity, needsOverrideReason } from './severity';

const alert = (ruleId: string, severity?: SafetyAlert['severity'], tier?: SafetyAlert['tier']): SafetyAlert => ({ ruleId, severity, tier });

describe('groupAlertsBySeverity', () => {
  it('orders the groups from contraindicated to info and leaves empty groups out', () => {
    const groups = groupAlertsBySeverity([alert('a', 'MINOR'), alert('b', 'CONTRAINDICATED'), alert('c', 'MODERATE'), alert('d', 'MINOR')]);
    expect(groups.map((g) => g.severity)).toEqual(['CONTRAINDICATED', 'MODERATE', 'MINOR']);
    expect(groups[2]?.alerts.map((a) => a.ruleId)).toEqual(['a', 'd']);
  });

  it('puts the more interruptive tier first within a group, keeping server order otherwise', () => {
    const groups = groupAlertsBySeverity([
      alert('shown1', 'MAJOR', 'SHOWN'),
      alert('hard', 'MAJOR', 'HARD_STOP'),
      alert('shown2', 'MAJOR', 'SHOWN'),
      alert('int', 'MAJOR', 'INTERRUPTIVE'),
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.alerts.map((a) => a.ruleId)).toEqual(['hard', 'int', 'shown1', 'shown2']);
  });

  it('never drops an alert without a severity: it counts as info', () => {
    const groups = groupAlertsBySeverity([alert('x'), alert('y', 'MAJOR')]);
    expect(groups.map((g) => [g.severity, g.alerts.map((a) => a.ruleId)])).toEqual([
      ['MAJOR', ['y']],
      ['INFO', ['x']],
    ]);
  });

  it('gives no groups for no alerts', () => {
    expect(groupAlertsBySeverity([])).toEqual([]);
    expect(groupAlertsBySeverity(undefined)).toEqual([]);
  });
});

describe('needsOverrideReason', () => {
  it('asks for a reason on hard stops and interruptive alerts only', () => {
    expect(needsOverrideReason([alert('a', 'MAJOR', 'HARD_STOP')])).toBe(true);
    expect(needsOverrideReason([alert('a', 'MODERATE', 'INTERRUPTIVE')])).toBe(true);
    expect(needsOverrideReason([alert('a', 'MINOR', 'SHOWN'), alert('b', 'INFO', 'INFORMATIONAL')])).toBe(false);
  });
});
