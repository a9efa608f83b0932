import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import { compactParams } from '../../../lib/query-params';
import type { PageViewPatientSummaryView } from '../../../types/api';

export interface PatientSearch {
  q?: string;
  page?: number;
  size?: number;
  /** `field,asc|desc` */
  sort?: string;
}

/** GET /api/patients: a page of the registry (clinical staff, ADMIN_STAFF). */
export async function searchPatients(search: PatientSearch): Promise<PageViewPatientSummaryView> {
  const { data } = await apiClient.get<PageViewPatientSummaryView>('/api/patients', { params: compactParams({ ...search }) });
  return data;
}

export const patientSearchQueryOptions = (search: PatientSearch) =>
  queryOptions({
    queryKey: ['patients', 'search', search],
    queryFn: () => searchPatients(search),
    placeholderData: keepPreviousData,
  });

export function useSearchPatients(search: PatientSearch) {
  return useQuery(patientSearchQueryOptions(search));
}
