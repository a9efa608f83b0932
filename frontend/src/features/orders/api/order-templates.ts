import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { FavouriteOrder, OrderSet, OrderSetForm, OrderTemplate } from '../../../types/api';

/** Order templates (ADR 0038): the doctor's favourites, the department's order sets, their administration. */
export const favouritesQueryKey = ['ocs-favourites'] as const;
export const orderSetsQueryKey = ['ocs-order-sets'] as const;
export const adminOrderSetsQueryKey = ['ocs-admin-order-sets'] as const;

/** GET /api/ocs/favourites: the logged-in doctor's favourite orders. */
export async function listFavourites(): Promise<FavouriteOrder[]> {
  const { data } = await apiClient.get<FavouriteOrder[]>('/api/ocs/favourites');
  return data;
}

export function useFavourites(enabled = true) {
  return useQuery(queryOptions({ queryKey: favouritesQueryKey, queryFn: listFavourites, enabled }));
}

/** POST /api/ocs/favourites */
export function useAddFavourite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (template: OrderTemplate) => (await apiClient.post<FavouriteOrder>('/api/ocs/favourites', template)).data,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: favouritesQueryKey }),
  });
}

/** PUT /api/ocs/favourites/{id}/label: the doctor's own name for a favourite (blank: the product's name again). */
export function useRenameFavourite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, label }: { id: string; label: string }) =>
      (await apiClient.put<FavouriteOrder>(`/api/ocs/favourites/${encodeURIComponent(id)}/label`, { label })).data,
    meta: { successMessage: 'toast.favouriteRenamed' },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: favouritesQueryKey }),
  });
}

/** DELETE /api/ocs/favourites/{id} */
export function useRemoveFavourite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await apiClient.delete(`/api/ocs/favourites/${id}`);
    },
    meta: { successMessage: 'toast.favouriteRemoved' },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: favouritesQueryKey }),
  });
}

/** GET /api/ocs/order-sets: the order sets of the doctor's departments. */
export function useDepartmentOrderSets(enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: orderSetsQueryKey,
      queryFn: async () => (await apiClient.get<OrderSet[]>('/api/ocs/order-sets')).data,
      enabled,
    }),
  );
}

/** GET /api/admin/ocs/order-sets: every department's order sets. */
export function useAdminOrderSets() {
  return useQuery(
    queryOptions({ queryKey: adminOrderSetsQueryKey, queryFn: async () => (await apiClient.get<OrderSet[]>('/api/admin/ocs/order-sets')).data }),
  );
}

/** POST (no id) or PUT /api/admin/ocs/order-sets/{id}; DELETE with `remove`. */
export function useSaveOrderSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, form }: { id?: string; form: OrderSetForm }) =>
      id
        ? (await apiClient.put<OrderSet>(`/api/admin/ocs/order-sets/${id}`, form)).data
        : (await apiClient.post<OrderSet>('/api/admin/ocs/order-sets', form)).data,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: adminOrderSetsQueryKey });
      void queryClient.invalidateQueries({ queryKey: orderSetsQueryKey });
    },
  });
}

export function useDeleteOrderSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      await apiClient.delete(`/api/admin/ocs/order-sets/${id}`);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: adminOrderSetsQueryKey });
      void queryClient.invalidateQueries({ queryKey: orderSetsQueryKey });
    },
  });
}
