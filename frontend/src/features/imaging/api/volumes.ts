import { useQuery } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { ImagingUploadResult, VolumeUpload, VolumeView } from '../../../types/api';

export const volumeKeys = {
  patient: (patientId: string) => ['imaging', 'volumes', patientId] as const,
};

/** A research volume (NIfTI) by its file name. */
export function isVolumeFile(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.nii') || lower.endsWith('.nii.gz');
}

/** GET /api/imaging/volumes?patientId=: the patient's research volumes (NIfTI), newest first. */
export function usePatientVolumes(patientId: string) {
  return useQuery({
    queryKey: volumeKeys.patient(patientId),
    queryFn: async () => (await apiClient.get<VolumeView[]>('/api/imaging/volumes', { params: { patientId } })).data,
    enabled: Boolean(patientId),
  });
}

/**
 * POST /api/imaging/volumes: one NIfTI file as the body; its outcome in the shape of a DICOM upload's (one file), so
 * that the upload panel shows both alike.
 */
export async function uploadVolumeFile(
  patientId: string,
  file: File,
  onProgress?: (percent: number) => void,
): Promise<ImagingUploadResult> {
  const { data } = await apiClient.post<VolumeUpload>('/api/imaging/volumes', file, {
    headers: { 'Content-Type': 'application/octet-stream' },
    params: { patientId, fileName: file.name },
    onUploadProgress: (event) => {
      if (event.total) onProgress?.(Math.round((event.loaded / event.total) * 100));
    },
  });
  const status = data.status;
  return {
    stored: status === 'STORED' ? 1 : 0,
    duplicates: status === 'DUPLICATE' ? 1 : 0,
    refused: status === 'REFUSED' ? 1 : 0,
    files: [{ file: data.file, status, reason: data.reason }],
  };
}
