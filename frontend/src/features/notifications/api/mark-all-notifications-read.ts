import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';

/** POST /api/notifications/read-all: everything addressed to the caller becomes read (for the caller). */
export async function markAllNotificationsRead(): Promise<number> {
  const { data } = await apiClient.post<{ marked: number }>('/api/notifications/read-all');
  return data.marked;
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
