import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { Spinner } from '../../../components/ui/spinner';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import { useDocument } from '../api/documents';

/** /knowledge/documents/:id: a hospital document, its versions (each downloadable) and the start of its text. */
export function DocumentPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const detail = useDocument(id);
  const doc = detail.data?.document;
  return (
    <div className="space-y-4" data-testid="document-page">
      <Link to="/knowledge?tab=documents" className="text-sm text-sky-700 hover:underline">
        ← {t('knowledge.back')}
      </Link>
      {detail.isError ? <Alert tone="error">{problemMessage(detail.error, t)}</Alert> : null}
      {detail.isPending ? <Spinner /> : null}
      {doc ? (
        <>
          <h1 className="text-xl font-semibold text-slate-900">{doc.title}</h1>
          <p className="text-sm text-slate-600">
            {t(`knowledge.documentType.${doc.type}`)} · {t('knowledge.documents.version', { version: doc.version })}
          </p>
          <Card>
            <CardHeader>
              <CardTitle>{t('knowledge.documents.versions')}</CardTitle>
            </CardHeader>
            <CardContent>
              <Table>
                <TableHead>
                  <TableRow>
                    <TableHeaderCell>{t('knowledge.documents.versionColumn')}</TableHeaderCell>
                    <TableHeaderCell>{t('knowledge.documents.file')}</TableHeaderCell>
                    <TableHeaderCell>{t('knowledge.documents.uploaded')}</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {(detail.data?.versions ?? []).map((v) => (
                    <TableRow key={v.version}>
                      <TableCell>{v.version}</TableCell>
                      <TableCell>
                        <a href={`/api/knowledge/documents/${doc.id}/versions/${v.version}/content`} className="text-sky-700 underline">
                          {v.fileName}
                        </a>{' '}
                        <span className="text-xs text-slate-500">({Math.max(1, Math.round((v.sizeBytes ?? 0) / 1024))} KB)</span>
                      </TableCell>
                      <TableCell>
                        {formatInstant(v.uploadedAt, i18n.language)} · {v.uploadedBy}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t('knowledge.documents.text')}</CardTitle>
            </CardHeader>
            <CardContent>
              <p className="whitespace-pre-wrap text-sm text-slate-700" data-testid="document-text">
                {detail.data?.textPreview}
              </p>
            </CardContent>
          </Card>
        </>
      ) : null}
    </div>
  );
}
