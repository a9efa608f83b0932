import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient, isApiProblem } from '../../../lib/api-client';
import { setHospitalTimeZone } from '../../../lib/time';
import type { MeView } from '../../../types/api';

export const meQueryKey = ['me'] as const;

/** GET /api/me: the signed-in user, or null when nobody is signed in. */
export async function getMe(): Promise<MeView | null> {
  try {
    const { data } = await apiClient.get<MeView>('/api/me');
    // the hospital's zone (CDSS_ZONE): every calendar day and wall-clock time of the UI is in it
    setHospitalTimeZone(data.timeZone);
    return data;
  } catch (error) {
    if (isApiProblem(error) && error.status === 401) return null;
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: meQueryKey,
    queryFn: getMe,
    staleTime: 5 * 60_000,
  });

export function useMe() {
  return useQuery(meQueryOptions());
}
