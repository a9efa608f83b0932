import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { Select } from '../../../components/ui/select';
import { Spinner } from '../../../components/ui/spinner';
import { departmentName } from '../../../lib/department-name';
import { problemMessage } from '../../../lib/problem-message';
import type { DocumentType } from '../../../types/api';
import { useDepartments } from '../api/departments';
import { useDocuments, useUploadDocument, type DocumentFilters } from '../api/documents';
import { DocumentHits } from './document-hits';

export const DOCUMENT_TYPES: readonly DocumentType[] = ['PROTOCOL', 'GUIDELINE', 'POLICY', 'FORM', 'OTHER'];

/** The hospital's documents: full-text search (Korean and English) with filters, and upload for authors. */
export function DocumentLibrary({
  canUpload,
  uploadDepartments,
}: {
  canUpload: boolean;
  uploadDepartments?: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const departments = useDepartments();
  const [draft, setDraft] = useState('');
  const [filters, setFilters] = useState<DocumentFilters>({ q: '' });
  const documents = useDocuments(filters);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters((f) => ({ ...f, q: draft.trim() }));
  };
  return (
    <div className="space-y-4">
      {canUpload ? <UploadForm allowedDepartments={uploadDepartments} /> : null}
      <form onSubmit={submit} className="flex flex-wrap items-end gap-2" role="search">
        <div className="min-w-64 flex-1">
          <Label htmlFor="document-query">{t('knowledge.documents.query')}</Label>
          <Input id="document-query" value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="document-query" />
        </div>
        <div>
          <Label htmlFor="document-type">{t('knowledge.documents.type')}</Label>
          <Select
            id="document-type"
            value={filters.type ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, type: e.target.value as DocumentType | '' }))}
          >
            <option value="">{t('knowledge.documents.anyType')}</option>
            {DOCUMENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`knowledge.documentType.${type}`)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="document-department">{t('knowledge.documents.department')}</Label>
          <Select
            id="document-department"
            value={filters.departmentId ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, departmentId: e.target.value }))}
          >
            <option value="">{t('knowledge.documents.anyDepartment')}</option>
            {(departments.data ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {departmentName(d, i18n.language)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor="document-from">{t('knowledge.documents.from')}</Label>
          <Input id="document-from" type="date" value={filters.from ?? ''} onChange={(e) => setFilters((f) => ({ ...f, from: e.target.value }))} />
        </div>
        <div>
          <Label htmlFor="document-to">{t('knowledge.documents.to')}</Label>
          <Input id="document-to" type="date" value={filters.to ?? ''} onChange={(e) => setFilters((f) => ({ ...f, to: e.target.value }))} />
        </div>
        <Button type="submit" data-testid="document-search">
          {t('knowledge.search')}
        </Button>
      </form>
      {documents.isError ? <Alert tone="error">{problemMessage(documents.error, t)}</Alert> : null}
      {documents.isPending ? <Spinner /> : null}
      {documents.data ? <DocumentHits hits={documents.data.hits ?? []} /> : null}
    </div>
  );
}

function UploadForm({ allowedDepartments }: { allowedDepartments?: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const departments = useDepartments();
  const upload = useUploadDocument();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [type, setType] = useState<DocumentType>('PROTOCOL');
  const [departmentId, setDepartmentId] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setProgress(0);
    upload.mutate(
      { file, title: title.trim() || file.name, type, departmentId, audience: [], onProgress: setProgress },
      {
        onSuccess: () => {
          setFile(null);
          setTitle('');
        },
        onSettled: () => setProgress(null),
      },
    );
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('knowledge.upload.title')}</CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2" data-testid="document-upload">
          <div>
            <Label htmlFor="upload-file">{t('knowledge.upload.file')}</Label>
            <input
              id="upload-file"
              type="file"
              accept=".pdf,.docx,.html,.htm,.txt,.md,application/pdf,text/html,text/plain"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              className="block text-sm"
              data-testid="upload-file"
            />
          </div>
          <div className="min-w-56 flex-1">
            <Label htmlFor="upload-title">{t('knowledge.upload.docTitle')}</Label>
            <Input id="upload-title" value={title} onChange={(e) => setTitle(e.target.value)} data-testid="upload-title" />
          </div>
          <div>
            <Label htmlFor="upload-type">{t('knowledge.documents.type')}</Label>
            <Select id="upload-type" value={type} onChange={(e) => setType(e.target.value as DocumentType)}>
              {DOCUMENT_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`knowledge.documentType.${value}`)}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <Label htmlFor="upload-department">{t('knowledge.documents.department')}</Label>
            <Select id="upload-department" value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
              <option value="">{t('knowledge.upload.wholeHospital')}</option>
              {(departments.data ?? [])
                .filter((d) => !allowedDepartments || allowedDepartments.includes(d.id ?? ''))
                .map((d) => (
                  <option key={d.id} value={d.id}>
                    {departmentName(d, i18n.language)}
                  </option>
                ))}
            </Select>
          </div>
          <Button type="submit" disabled={!file || upload.isPending} data-testid="upload-submit">
            {t('knowledge.upload.submit')}
          </Button>
        </form>
        {progress !== null ? (
          <div className="mt-3" data-testid="upload-progress">
            <div className="h-2 w-full rounded bg-slate-200" role="progressbar" aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100}>
              <div className="h-2 rounded bg-sky-600" style={{ width: `${progress}%` }} />
            </div>
            <p className="mt-1 text-xs text-slate-600">{t('knowledge.upload.progress', { percent: progress })}</p>
          </div>
        ) : null}
        {upload.isError ? (
          <Alert tone="error" className="mt-3" data-testid="upload-error">
            {problemMessage(upload.error, t)}
          </Alert>
        ) : null}
        {upload.isSuccess ? (
          <Alert tone="success" className="mt-3" data-testid="upload-done">
            {t('knowledge.upload.done', { title: upload.data.title })}
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}
