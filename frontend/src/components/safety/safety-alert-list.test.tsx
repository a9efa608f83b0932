import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import i18n, { setLanguage } from '../../lib/i18n';
import type { SafetyAlert } from '../../types/api';
import { SafetyAlertList } from './safety-alert-list';

// Issue 14 item 3: an interaction the sources grade differently shows the most severe grading and every source's
// own grading and text, by name, never as a raw code.
const allopurinolAzathioprine: SafetyAlert = {
  type: 'INTERACTION',
  severity: 'CONTRAINDICATED',
  tier: 'HARD_STOP',
  drugs: [
    { id: 'DB00437', name: 'Allopurinol', role: 'PROPOSED' },
    { id: 'DB00993', name: 'Azathioprine', role: 'ACTIVE' },
  ],
  whatHappens: 'Allopurinol + Azathioprine: interaction (ANSM thesaurus, CI).',
  whatToDo: 'Do not combine.',
  source: 'ANSM',
  citation: 'ANSM',
  ruleId: 'ANSM:DB00437:DB00993',
  relatedRuleIds: ['NDF-RT:DB00437:DB00993'],
  sources: [
    { source: 'ANSM', sourceSeverity: 'CI', severity: 'CONTRAINDICATED', ruleId: 'ANSM:DB00437:DB00993', text: 'CONTRE-INDICATION Insuffisance medullaire.' },
    { source: 'NDF-RT', sourceSeverity: 'Critical', severity: 'MAJOR', ruleId: 'NDF-RT:DB00437:DB00993', text: '' },
  ],
  kbVersion: 'test',
};

describe('SafetyAlertList', () => {
  afterEach(cleanup);

  it.each([
    ['en', ['ANSM (French interaction thesaurus): contraindicated', 'NDF-RT (US VA): critical']],
    ['ko', ['ANSM (프랑스 상호작용 목록): 병용 금기', 'NDF-RT (미국 보훈부): 치명적']],
  ] as const)('lists every source with its own grading in %s', async (language, expected) => {
    await setLanguage(language);
    render(
      <I18nextProvider i18n={i18n}>
        <SafetyAlertList alerts={[allopurinolAzathioprine]} />
      </I18nextProvider>,
    );
    const sources = within(screen.getByTestId('alert-sources')).getAllByTestId('alert-source');
    expect(sources).toHaveLength(2);
    expect(sources[0].textContent).toContain(expected[0]);
    expect(sources[0].textContent).toContain('CONTRE-INDICATION');
    expect(sources[1].textContent).toContain(expected[1]);
    expect(screen.getByTestId('alert-sources').textContent).not.toMatch(/\bCI\b|Critical\b/);
  });

  it('shows no source list when a single source grades the pair', async () => {
    await setLanguage('en');
    render(
      <I18nextProvider i18n={i18n}>
        <SafetyAlertList alerts={[{ ...allopurinolAzathioprine, sources: allopurinolAzathioprine.sources?.slice(0, 1) }]} />
      </I18nextProvider>,
    );
    expect(screen.queryByTestId('alert-sources')).toBeNull();
  });
});

// Issue 15 item 3 (ADR 0032): the server's summary and effect in the reader's language come first; the source text
// (French for ANSM) is one click away; rule ids and DrugBank ids only in tooltips.
describe('SafetyAlertList in the reader\'s language', () => {
  afterEach(cleanup);

  it.each([
    ['ko', '원문 보기', 'Allopurinol + Azathioprine: 금기 상호작용.', '중증일 수 있는 골수 기능 부전.'],
    ['en', 'Show source text', 'Allopurinol + Azathioprine: contraindicated interaction.', 'Bone-marrow failure, possibly severe.'],
  ] as const)('shows the summary and effect first and keeps the source text behind a toggle in %s', async (language, toggle, summary, effect) => {
    await setLanguage(language);
    render(
      <I18nextProvider i18n={i18n}>
        <SafetyAlertList alerts={[{ ...allopurinolAzathioprine, summary, effect }]} />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('alert-summary').textContent).toBe(summary);
    expect(screen.getByTestId('alert-effect').textContent).toContain(effect);
    const source = screen.getByTestId('alert-source-text') as HTMLDetailsElement;
    expect(source.open).toBe(false);
    expect(within(source).getByText(toggle)).toBeTruthy();
    expect(source.textContent).toContain('CONTRE-INDICATION');
    const card = screen.getByTestId('safety-alert');
    expect(card.textContent).not.toMatch(/DB\d{5}|ANSM:DB/);
    expect(screen.getByText('Allopurinol').getAttribute('title')).toBe('DB00437');
  });

  it('opens the source text when the server sent no summary', async () => {
    await setLanguage('ko');
    render(
      <I18nextProvider i18n={i18n}>
        <SafetyAlertList alerts={[allopurinolAzathioprine]} />
      </I18nextProvider>,
    );
    expect((screen.getByTestId('alert-source-text') as HTMLDetailsElement).open).toBe(true);
  });
});
