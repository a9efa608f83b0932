import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { ReportView } from '../../../types/api';
import { risQueryKey } from './ris-keys';

/** GET /api/ris/reports/{id}: one report the user may read (audited). */
export async function getReport(id: string): Promise<ReportView> {
  const { data } = await apiClient.get<ReportView>(`/api/ris/reports/${id}`);
  return data;
}

export function useReport(id: string | undefined) {
  return useQuery({ queryKey: [...risQueryKey, 'report', id], queryFn: () => getReport(id ?? ''), enabled: Boolean(id) });
}

/** GET /api/ris/reports?orderId=: the report of an order, when the user may read it (signed, for the orderer). */
export async function getOrderReport(orderId: string): Promise<ReportView | null> {
  const { data } = await apiClient.get<ReportView[]>('/api/ris/reports', { params: { orderId } });
  return data[0] ?? null;
}

export function useOrderReport(orderId: string | undefined) {
  return useQuery({
    queryKey: [...risQueryKey, 'order-report', orderId],
    queryFn: () => getOrderReport(orderId ?? ''),
    enabled: Boolean(orderId),
  });
}

/** GET /api/ris/portal/reports: the signed-in patient's own signed reports. */
export async function getMyReports(): Promise<ReportView[]> {
  const { data } = await apiClient.get<ReportView[]>('/api/ris/portal/reports');
  return data;
}

export function useMyReports() {
  return useQuery({ queryKey: [...risQueryKey, 'mine'], queryFn: getMyReports });
}

/** Where the signed report's PDF is downloaded from (a plain link: the session cookie authenticates it). */
export function reportPdfUrl(id: string): string {
  return `/api/ris/reports/${id}/pdf`;
}
