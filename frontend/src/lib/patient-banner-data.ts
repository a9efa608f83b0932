import { useQuery } from '@tanstack/react-query';
import { apiClient } from './api-client';
import type { AllergyView, MedicationView, PatientView } from '../types/api';

// The data of the patient banner (issue 15 item 1), shared by every patient-context page. The query keys are the
// ones the patients feature uses, so the banner and the chart share one cache and an allergy added on the chart
// shows in the banner at once.

export function usePatientBannerPatient(patientId: string | undefined) {
  return useQuery({
    queryKey: ['patients', 'detail', patientId ?? ''],
    queryFn: async () => (await apiClient.get<PatientView>(`/api/patients/${encodeURIComponent(patientId ?? '')}`)).data,
    enabled: Boolean(patientId),
  });
}

export function usePatientBannerAllergies(patientId: string | undefined) {
  return useQuery({
    queryKey: ['patients', 'allergies', patientId ?? ''],
    queryFn: async () =>
      (await apiClient.get<AllergyView[]>(`/api/patients/${encodeURIComponent(patientId ?? '')}/allergies`)).data,
    enabled: Boolean(patientId),
    retry: false,
  });
}

/** The patient's medication list (chart readers), for screens beside the chart: the pharmacist's verification. */
export function usePatientMedications(patientId: string | undefined) {
  return useQuery({
    queryKey: ['patients', 'medications', patientId ?? ''],
    queryFn: async () =>
      (await apiClient.get<MedicationView[]>(`/api/patients/${encodeURIComponent(patientId ?? '')}/medications`)).data,
    enabled: Boolean(patientId),
    retry: false,
  });
}

/** The latest recorded weight (chart readers); the banner leaves it out when it cannot be read. */
export function usePatientBannerWeight(patientId: string | undefined) {
  return useQuery({
    queryKey: ['patients', 'weight', patientId ?? ''],
    queryFn: async () =>
      (await apiClient.get<{ weightKg?: number | null; measuredAt?: string | null }>(`/api/patients/${encodeURIComponent(patientId ?? '')}/weight`)).data,
    enabled: Boolean(patientId),
    retry: false,
  });
}
