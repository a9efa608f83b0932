import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { HomeView } from '../../../types/api';

/** GET /api/home: greeting, role-specific counters and the user's recent activity. */
export async function getHome(): Promise<HomeView> {
  const { data } = await apiClient.get<HomeView>('/api/home');
  return data;
}

export const homeQueryOptions = () => queryOptions({ queryKey: ['home'], queryFn: getHome });

export function useHome() {
  return useQuery(homeQueryOptions());
}
