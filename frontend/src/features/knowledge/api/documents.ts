import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../lib/api-client';
import type { DocumentDetailView, DocumentSearchResult, DocumentType, DocumentView } from '../../../types/api';

export interface DocumentFilters {
  q: string;
  type?: DocumentType | '';
  departmentId?: string;
  from?: string;
  to?: string;
}

/** GET /api/knowledge/documents: the newest documents (no `q`) or a full-text search with highlighted fragments. */
export async function searchDocuments(filters: DocumentFilters): Promise<DocumentSearchResult> {
  const { data } = await apiClient.get<DocumentSearchResult>('/api/knowledge/documents', {
    params: {
      q: filters.q || undefined,
      type: filters.type || undefined,
      departmentId: filters.departmentId || undefined,
      from: filters.from || undefined,
      to: filters.to || undefined,
    },
  });
  return data;
}

export function useDocuments(filters: DocumentFilters) {
  return useQuery({
    queryKey: ['knowledge', 'documents', filters],
    queryFn: () => searchDocuments(filters),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/knowledge/documents/{id}: the document, its versions and the start of its text. */
export function useDocument(id: string | undefined) {
  return useQuery({
    queryKey: ['knowledge', 'document', id],
    queryFn: async () => (await apiClient.get<DocumentDetailView>(`/api/knowledge/documents/${id}`)).data,
    enabled: Boolean(id),
  });
}

export interface UploadInput {
  file: File;
  title: string;
  type: DocumentType;
  departmentId?: string;
  audience: string[];
  onProgress?: (percent: number) => void;
}

/** POST /api/knowledge/documents: the file itself as the body (its own content type), metadata in the query. */
export async function uploadDocument(input: UploadInput): Promise<DocumentView> {
  const { data } = await apiClient.post<DocumentView>('/api/knowledge/documents', input.file, {
    headers: { 'Content-Type': input.file.type || 'application/octet-stream' },
    params: {
      title: input.title,
      type: input.type,
      departmentId: input.departmentId || undefined,
      audience: input.audience.length ? input.audience.join(',') : undefined,
      fileName: input.file.name,
    },
    onUploadProgress: (event) => {
      if (event.total) input.onProgress?.(Math.round((event.loaded / event.total) * 100));
    },
  });
  return data;
}

export function useUploadDocument() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: uploadDocument,
    onSuccess: () => client.invalidateQueries({ queryKey: ['knowledge', 'documents'] }),
  });
}
