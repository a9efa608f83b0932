import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import i18n, { setLanguage } from '../../lib/i18n';
import { PatientBannerView, type BannerAllergies } from './patient-banner';

// Issue 15 item 1: the banner names the patient and always says something about allergies.
const patient = { name: '김민지', mrn: 'MRN-000123', birthDate: '1980-06-15', sex: 'F' };
const weighed = { ...patient, weightKg: 58.5 };
const today = new Date('2026-06-14T03:00:00Z');

function show(allergies: BannerAllergies) {
  render(
    <I18nextProvider i18n={i18n}>
      <PatientBannerView patient={patient} allergies={allergies} today={today} />
    </I18nextProvider>,
  );
  return screen.getByTestId('patient-banner');
}

describe('PatientBannerView', () => {
  afterEach(cleanup);

  it('shows name, MRN, age and sex, and the active allergies', async () => {
    await setLanguage('en');
    const banner = show({ state: 'known', names: ['Penicillin', 'Aspirin'] });
    expect(screen.queryByTestId('patient-banner-weight')).toBeNull(); // none recorded: nothing invented
    expect(banner.textContent).toContain('김민지');
    expect(banner.textContent).toContain('MRN-000123');
    expect(screen.getByTestId('patient-banner-age-sex').textContent).toBe('45 y / Female');
    expect(screen.getByTestId('patient-banner-allergies').textContent).toContain('Penicillin, Aspirin');
    expect(banner.className).toContain('sticky');
  });

  it('says "no known allergies", by whom, for an empty list someone confirmed', async () => {
    await setLanguage('ko');
    show({ state: 'known', names: [], noneConfirmed: { by: '김의사', at: '2026-06-13T01:00:00Z' } });
    const allergies = screen.getByTestId('patient-banner-allergies');
    expect(allergies.dataset.state).toBe('none');
    expect(allergies.textContent).toContain('알려진 알레르기 없음');
    expect(allergies.textContent).toContain('김의사');
    expect(screen.getByTestId('patient-banner-age-sex').textContent).toBe('45세 / 여');
  });

  it('warns that allergies are not yet recorded for an empty list nobody confirmed', async () => {
    await setLanguage('en');
    show({ state: 'known', names: [] });
    const allergies = screen.getByTestId('patient-banner-allergies');
    expect(allergies.dataset.state).toBe('not-recorded');
    expect(allergies.textContent).not.toContain('no known allergies');
    expect(allergies.className).toContain('amber');
  });

  it('shows the latest recorded weight', async () => {
    await setLanguage('ko');
    render(
      <I18nextProvider i18n={i18n}>
        <PatientBannerView patient={weighed} allergies={{ state: 'known', names: [] }} today={today} />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('patient-banner-weight').textContent).toBe('체중 58.5 kg');
  });

  it('warns that allergies are not recorded when the list cannot be read', async () => {
    await setLanguage('en');
    show({ state: 'unreadable' });
    const allergies = screen.getByTestId('patient-banner-allergies');
    expect(allergies.dataset.state).toBe('unreadable');
    expect(allergies.textContent).toContain('Allergies not recorded');
    expect(allergies.className).toContain('amber');
  });
});
