import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { NotificationPage } from '../../../types/api';

export interface NotificationSearch {
  unreadOnly?: boolean;
  page?: number;
  size?: number;
}

/**
 * GET /api/notifications: the caller's own and their departments' notifications, newest first, with the unread
 * count. Refetched when the server pushes a `notification` event (lib/live-updates.ts); never polled.
 */
export async function listNotifications(search: NotificationSearch = {}): Promise<NotificationPage> {
  const { data } = await apiClient.get<NotificationPage>('/api/notifications', {
    params: { unreadOnly: search.unreadOnly ?? false, page: search.page ?? 0, size: search.size ?? 10 },
  });
  return data;
}

export const notificationsQueryOptions = (search: NotificationSearch = {}) =>
  queryOptions({ queryKey: ['notifications', search], queryFn: () => listNotifications(search) });

export function useNotifications(search: NotificationSearch = {}, enabled = true) {
  return useQuery({ ...notificationsQueryOptions(search), enabled });
}
