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

/**
 * DICOM files sent together in one request, at most this many and this many bytes (ADR 0045): each request costs
 * the server a fixed amount (session, access check, audit record, the study's registration) that a folder of small
 * slices would otherwise pay once per file. bench/imaging-upload.sh sends the same batches.
 */
export const BATCH_FILES = 64;
export const BATCH_BYTES = 16 * 1024 * 1024;

/**
 * The requests for these files, as lists of indices in order: consecutive DICOM files in batches; a zip, a NIfTI
 * volume (`single`) or a file above the batch size alone.
 */
export function planUploads(files: File[], single: (file: File) => boolean): number[][] {
  const plan: number[][] = [];
  let batch: number[] = [];
  let bytes = 0;
  const flush = () => {
    if (batch.length) plan.push(batch);
    batch = [];
    bytes = 0;
  };
  files.forEach((file, i) => {
    if (single(file) || file.name.toLowerCase().endsWith('.zip') || file.size > BATCH_BYTES) {
      flush();
      plan.push([i]);
      return;
    }
    if (batch.length === BATCH_FILES || bytes + file.size > BATCH_BYTES) flush();
    batch.push(i);
    bytes += file.size;
  });
  flush();
  return plan;
}

/**
 * POST /api/imaging/uploads with several DICOM files in one tar, which the server reads entry by entry; the answer
 * has one outcome per file, in the same order. The tar is a Blob of headers and the files themselves: nothing is read
 * into memory here. `onProgress` gets each file's percentage, from the bytes sent so far.
 */
export async function uploadImagingBatch(
  patientId: string,
  files: File[],
  onProgress?: (index: number, percent: number) => void,
): Promise<ImagingUploadResult> {
  const parts: BlobPart[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (const file of files) {
    const header = tarHeader(file.name, file.size);
    parts.push(header as Uint8Array<ArrayBuffer>, file);
    starts.push(offset + TAR_BLOCK);
    const padding = (TAR_BLOCK - (file.size % TAR_BLOCK)) % TAR_BLOCK;
    if (padding) parts.push(new Uint8Array(padding));
    offset += TAR_BLOCK + file.size + padding;
  }
  parts.push(new Uint8Array(2 * TAR_BLOCK));
  const { data } = await apiClient.post<ImagingUploadResult>('/api/imaging/uploads', new Blob(parts), {
    headers: { 'Content-Type': 'application/x-tar' },
    params: { patientId, fileName: 'files.tar' },
    onUploadProgress: (event) => {
      files.forEach((file, i) => {
        const sent = Math.min(Math.max(event.loaded - starts[i], 0), file.size);
        onProgress?.(i, file.size ? Math.round((sent / file.size) * 100) : 100);
      });
    },
  });
  return data;
}

const TAR_BLOCK = 512;

/** A POSIX ustar header of a regular file; the name cut to the field's 100 bytes (the answer's order says which is which). */
export function tarHeader(name: string, size: number): Uint8Array {
  const header = new Uint8Array(TAR_BLOCK);
  const encoder = new TextEncoder();
  let cut = '';
  for (const ch of name) {
    if (encoder.encode(cut + ch).length > 100) break;
    cut += ch;
  }
  header.set(encoder.encode(cut), 0);
  const ascii = (offset: number, text: string) => header.set(encoder.encode(text), offset);
  ascii(100, '0000644');
  ascii(108, '0000000');
  ascii(116, '0000000');
  ascii(124, size.toString(8).padStart(11, '0'));
  ascii(136, '00000000000');
  ascii(148, '        ');
  header[156] = '0'.charCodeAt(0);
  ascii(257, 'ustar');
  ascii(263, '00');
  const sum = header.reduce((total, byte) => total + byte, 0);
  ascii(148, sum.toString(8).padStart(6, '0'));
  header[154] = 0;
  header[155] = ' '.charCodeAt(0);
  return header;
}
