import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../lib/time';
import { usePatientBannerAllergies, usePatientBannerPatient, usePatientBannerWeight } from '../../lib/patient-banner-data';
import { ageInYears } from '../../lib/time';
import { cn } from '../../lib/cn';

/** What the banner knows of the allergies: still loading, the active substances (maybe none), or not readable. */
export type BannerAllergies =
  | { state: 'loading' }
  | { state: 'unreadable' }
  | { state: 'known'; names: readonly string[]; noneConfirmed?: { by?: string; at?: string } };

export interface BannerPatient {
  name?: string;
  mrn?: string;
  /** The latest recorded weight, when the reader may see it. */
  weightKg?: number;
  birthDate?: string;
  sex?: string;
}

/**
 * The patient banner (issue 15 item 1): who this page is about, and the allergies, at the top of every
 * patient-context page and sticky while scrolling, just below the app's sticky header (`h-14` and its 1 px border:
 * at `top-0` it slid under the header and was hidden as soon as the page scrolled). Presentational;
 * {@link PatientBanner} fetches its data.
 */
export function PatientBannerView({ patient, allergies, today }: { patient: BannerPatient; allergies: BannerAllergies; today?: Date }) {
  const { t } = useTranslation();
  const age = patient.birthDate ? ageInYears(patient.birthDate, today ?? new Date()) : undefined;
  const sex = patient.sex ? t(`patients.sex.${patient.sex}`, { defaultValue: '' }) : '';
  const ageSex = [age !== undefined ? t('patientBanner.age', { years: age }) : '', sex].filter(Boolean).join(' / ');
  return (
    <section
      data-testid="patient-banner"
      aria-label={t('patientBanner.label')}
      className="sticky top-[calc(3.5rem+1px)] z-20 -mx-1 flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border border-slate-200 bg-white/95 px-3 py-2 text-sm shadow-sm backdrop-blur"
    >
      <span className="text-base font-semibold text-slate-900" data-testid="patient-banner-name">
        {patient.name ?? ''}
      </span>
      {patient.mrn ? (
        <span className="font-mono text-slate-600" data-testid="patient-banner-mrn">
          {t('patientBanner.mrn')} {patient.mrn}
        </span>
      ) : null}
      {ageSex ? (
        <span className="text-slate-700" data-testid="patient-banner-age-sex">
          {ageSex}
        </span>
      ) : null}
      {patient.weightKg != null ? (
        <span className="text-slate-700" data-testid="patient-banner-weight">
          {t('patientBanner.weight', { kg: patient.weightKg })}
        </span>
      ) : null}
      <AllergySummary allergies={allergies} />
    </section>
  );
}

function AllergySummary({ allergies }: { allergies: BannerAllergies }) {
  const { t, i18n } = useTranslation();
  if (allergies.state === 'loading') return null;
  const label = <span className="font-medium">{t('patientBanner.allergies')}:</span>;
  if (allergies.state === 'unreadable') {
    return (
      <span data-testid="patient-banner-allergies" data-state="unreadable" className="rounded bg-amber-100 px-2 py-0.5 text-amber-900">
        ⚠ {t('patientBanner.allergiesNotRecorded')}
      </span>
    );
  }
  if (allergies.names.length === 0 && allergies.noneConfirmed) {
    const { by, at } = allergies.noneConfirmed;
    return (
      <span data-testid="patient-banner-allergies" data-state="none" className="text-slate-700">
        {label} {t('patientBanner.noKnownAllergies')}
        <span className="text-slate-500">
          {' — '}
          {t('patientBanner.confirmedBy', { by: by ?? '', at: at ? formatInstant(at, i18n.language) : '' })}
        </span>
      </span>
    );
  }
  if (allergies.names.length === 0) {
    // an empty list nobody confirmed is not "no allergies": it was never recorded
    return (
      <span data-testid="patient-banner-allergies" data-state="not-recorded" className="rounded bg-amber-100 px-2 py-0.5 text-amber-900">
        ⚠ {t('patientBanner.allergiesNotYetRecorded')}
      </span>
    );
  }
  return (
    <span data-testid="patient-banner-allergies" data-state="known" className={cn('rounded bg-rose-100 px-2 py-0.5 text-rose-900')}>
      {label} {allergies.names.join(', ')}
    </span>
  );
}

/** The banner of one patient, fetched by id; `fallback` names the patient when the caller may not read the chart. */
export function PatientBanner({ patientId, fallback }: { patientId: string | undefined; fallback?: BannerPatient }) {
  const patient = usePatientBannerPatient(patientId);
  const allergyList = usePatientBannerAllergies(patientId);
  const weight = usePatientBannerWeight(patientId);
  if (!patientId) return null;
  const shown: BannerPatient = patient.data
    ? {
        name: patient.data.name,
        mrn: patient.data.mrn,
        birthDate: patient.data.birthDate,
        sex: patient.data.sex,
        weightKg: weight.data?.weightKg ?? undefined,
      }
    : (fallback ?? {});
  if (!shown.name && !shown.mrn) return null;
  const allergies: BannerAllergies = allergyList.isPending
    ? { state: 'loading' }
    : allergyList.isError
      ? { state: 'unreadable' }
      : {
          state: 'known',
          names: (allergyList.data ?? []).filter((a) => a.status !== 'INACTIVE').map((a) => a.substance ?? '').filter(Boolean),
          noneConfirmed: patient.data?.noKnownAllergiesConfirmedAt
            ? { by: patient.data.noKnownAllergiesConfirmedBy, at: patient.data.noKnownAllergiesConfirmedAt }
            : undefined,
        };
  return <PatientBannerView patient={shown} allergies={allergies} />;
}
