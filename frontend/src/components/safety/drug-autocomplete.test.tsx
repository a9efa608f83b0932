import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import i18n, { setLanguage } from '../../lib/i18n';
import type { DrugSuggestion } from '../../types/api';
import { DrugAutocomplete, drugLabel, formLabel, PRODUCT_FORMS, routeLabel } from './drug-autocomplete';

// A product as GET /api/medsafety/drugs answers it (SafetyEngine: products.tsv's English form and route code).
const simvastatin: DrugSuggestion = { id: 'DB00641', nameEn: 'Simvastatin', nameKo: '심바스타틴', brands: 'Zocor 조코', strength: '20 mg', form: 'tablet', route: 'PO', product: true };

describe('drugLabel', () => {
  it('names the product in the UI language with its form translated, not the English form of the knowledge base', () => {
    expect(drugLabel(simvastatin, 'ko', i18n.getFixedT('ko'))).toBe('심바스타틴 20 mg 정제');
    expect(drugLabel(simvastatin, 'en', i18n.getFixedT('en'))).toBe('Simvastatin 20 mg tablet');
    expect(drugLabel({ ...simvastatin, form: 'capsule' }, 'ko', i18n.getFixedT('ko'))).toBe('심바스타틴 20 mg 캡슐');
  });

  it('keeps a form or route it has no text for as the server wrote it', () => {
    const ko = i18n.getFixedT('ko');
    expect(formLabel('lozenge', ko)).toBe('lozenge');
    expect(routeLabel('XX', ko)).toBe('XX');
    expect(drugLabel({ id: 'DB00001', nameEn: 'Lepirudin' }, 'ko', ko)).toBe('Lepirudin');
  });

  it.each(['ko', 'en'] as const)('has a %s text for every form of the products list', (lang) => {
    const t = i18n.getFixedT(lang);
    expect(PRODUCT_FORMS.filter((form) => typeof i18n.getResource(lang, 'translation', `orders.form.${form}`) !== 'string')).toEqual([]);
    expect(formLabel('Tablet', t)).toBe(lang === 'ko' ? '정제' : 'tablet');
  });
});

describe('DrugAutocomplete', () => {
  beforeEach(async () => {
    await setLanguage('ko');
  });
  afterEach(cleanup);

  it('shows the route of a suggestion by its name, not the bare code', async () => {
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <DrugAutocomplete label="약품" testId="drug-search" search={async () => [simvastatin]} onPick={() => undefined} />
      </QueryClientProvider>,
    );
    fireEvent.change(screen.getByTestId('drug-search'), { target: { value: 'simva' } });
    const option = await screen.findByTestId('drug-option-DB00641');
    expect(option.textContent).toContain('심바스타틴 20 mg 정제');
    expect(option.textContent).toContain('PO (경구)');
    expect(option.textContent).not.toContain('tablet');
  });
});
