import { apiClient } from '../../../lib/api-client';
import type { ImagingUploadResult } from '../../../types/api';

/**
 * POST /api/imaging/uploads: one file (a .dcm, or a .zip of a study) as the body, the patient and the file name in
 * the query; the answer has one outcome per DICOM file.
 */
export async function uploadImagingFile(
  patientId: string,
  file: File,
  onProgress?: (percent: number) => void,
): Promise<ImagingUploadResult> {
  const zip = file.name.toLowerCase().endsWith('.zip');
  const { data } = await apiClient.post<ImagingUploadResult>('/api/imaging/uploads', file, {
    headers: { 'Content-Type': zip ? 'application/zip' : 'application/dicom' },
    params: { patientId, fileName: file.name },
    onUploadProgress: (event) => {
      if (event.total) onProgress?.(Math.round((event.loaded / event.total) * 100));
    },
  });
  return data;
}
