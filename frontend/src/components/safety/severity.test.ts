import { describe, expect, it } from 'vitest';
import i18n from '../../lib/i18n';
import type { SafetyAlert } from '../../types/api';
import { groupAlertsBySeverity, mixedGradeParts, overrideNeeds, sourceGrade, sourceName } from './severity';

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

describe('overrideNeeds', () => {
  const requirement = (r: Partial<NonNullable<SafetyAlert['override']>>): SafetyAlert['override'] => ({ blocking: false, acknowledgementRequired: false, reasonRequired: false, reasons: [], commentRequiredFor: [], ...r });
  const withOverride = (ruleId: string, override: SafetyAlert['override']): SafetyAlert => ({ ruleId, override });

  it('asks for nothing when no alert carries a requirement, whatever its tier says', () => {
    expect(overrideNeeds([alert('a', 'CONTRAINDICATED', 'HARD_STOP')])).toMatchObject({ blocking: false, reasonRequired: false, acknowledgementRequired: false, reasons: [] });
  });

  it('puts together what the server says each alert needs', () => {
    const needs = overrideNeeds([
      withOverride('a', requirement({ blocking: true, reasonRequired: true, reasons: ['PATIENT_TOLERATES', 'OTHER'], commentRequiredFor: ['OTHER'] })),
      withOverride('b', requirement({ blocking: true, acknowledgementRequired: true })),
      withOverride('c', requirement({ reasons: ['DOSE_ADJUSTED'], commentRequiredFor: ['DOSE_ADJUSTED'] })),
    ]);
    expect(needs).toEqual({ blocking: true, acknowledgementRequired: true, reasonRequired: true, reasons: ['PATIENT_TOLERATES', 'OTHER'], commentRequiredFor: ['OTHER'], commentAlwaysRequired: false });
  });

  it('needs a comment whatever the reason when every reason of an alert needs one (a hard stop)', () => {
    const all = requirement({ blocking: true, reasonRequired: true, reasons: ['OTHER', 'DOSE_ADJUSTED'], commentRequiredFor: ['OTHER', 'DOSE_ADJUSTED'] });
    expect(overrideNeeds([withOverride('a', all)]).commentAlwaysRequired).toBe(true);
  });

  it('reads an ANSM mixed category as its grades (issue 14 item 2)', () => {
    expect(mixedGradeParts('CI - ASDEC')).toEqual(['CI', 'AD']);
    expect(mixedGradeParts('ASDEC - PE')).toEqual(['AD', 'PE']);
    expect(mixedGradeParts('CI - ASDEC - APEC')).toEqual(['CI', 'AD', 'PC']);
    expect(mixedGradeParts('CI')).toBeNull();
    expect(mixedGradeParts('CI - WHATEVER')).toBeNull();
  });
});

describe('sourceName and sourceGrade', () => {
  const ko = i18n.getFixedT('ko');
  const en = i18n.getFixedT('en');

  it('names interaction and engine sources in words; an unknown source as the fallback or its code', () => {
    expect(sourceName('ANSM', ko)).toBe('ANSM (프랑스 상호작용 목록)');
    expect(sourceName('CDSS-ALLERGY', en)).toContain('CDSS allergy rules');
    expect(sourceName('NEW-SOURCE', ko)).toBe('NEW-SOURCE');
    expect(sourceName('NEW-SOURCE', ko, '기타')).toBe('기타');
    expect(sourceName(undefined, ko)).toBe('');
  });

  it("says a source's grade in words, ANSM's mixed class grades too; undefined for a grade without a text", () => {
    expect(sourceGrade('AD', ko)).toBe('병용 비권장');
    expect(sourceGrade('Critical', en)).toBe('critical');
    expect(sourceGrade('CI - ASDEC', en)).toBe('class rule: contraindicated / avoid the combination');
    expect(sourceGrade('X', ko)).toBeUndefined();
    expect(sourceGrade(undefined, ko)).toBeUndefined();
  });
});
