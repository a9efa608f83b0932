import { useQuery } from '@tanstack/react-query';
import { apiClient, toApiProblem } from '../../../lib/api-client';
import type { StudyView } from '../../../types/api';
import { risQueryKey } from './ris-keys';

/** One series of a study, as the imaging module's API lists it (contract of issue 11). */
export interface StudySeries {
  seriesInstanceUid: string;
  description?: string | null;
  modality?: string | null;
  instanceCount?: number | null;
  /** A rendered preview of the series (its middle image); each instance has its own preview URL. */
  previewUrl?: string | null;
}

/** One study linked to an order (GET /api/imaging/studies?orderId=). */
export interface OrderStudy {
  id: string;
  studyInstanceUid?: string | null;
  accessionNumber?: string | null;
  modality?: string | null;
  description?: string | null;
  studyDate?: string | null;
  seriesCount?: number | null;
  instanceCount?: number | null;
  series: StudySeries[];
}

/**
 * The studies linked to an imaging order, from the imaging module (the PACS half). Called by URL with the shared
 * client, never by importing that feature. A 404 (no study linked yet, or the imaging API not deployed) is an
 * empty list; a 503 (PACS unavailable) is an error the screen shows in words.
 */
export async function getOrderStudies(orderId: string): Promise<OrderStudy[]> {
  try {
    const { data } = await apiClient.get<OrderStudy[]>('/api/imaging/studies', { params: { orderId } });
    return Array.isArray(data) ? data.map((s) => ({ ...s, series: Array.isArray(s.series) ? s.series : [] })) : [];
  } catch (error) {
    if (toApiProblem(error).status === 404) return [];
    throw error;
  }
}

export function useOrderStudies(orderId: string | undefined) {
  return useQuery({
    queryKey: [...risQueryKey, 'studies', orderId],
    queryFn: () => getOrderStudies(orderId ?? ''),
    enabled: Boolean(orderId),
    retry: false,
  });
}

/**
 * One study with each series' instances (GET /api/imaging/studies/{id}; audited as the study opened): the reading
 * screen names the image on screen by its SOP Instance UID, so that the key image marked is that image.
 */
export function useStudyInstances(studyId: string | undefined) {
  return useQuery({
    // not under the RIS prefix: marking a key image (which refreshes the RIS queries) need not reopen the study
    queryKey: ['ris-study-instances', studyId],
    queryFn: async () => (await apiClient.get<StudyView>(`/api/imaging/studies/${encodeURIComponent(studyId ?? '')}`)).data,
    enabled: Boolean(studyId),
    retry: false,
  });
}
