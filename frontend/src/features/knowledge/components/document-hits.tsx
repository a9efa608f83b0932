import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../components/ui/empty-state';
import { formatInstant } from '../../../lib/time';
import type { DocumentHit } from '../../../types/api';
import { Highlighted } from './highlighted';

/** Hospital documents found: title, kind, version, date and the text around the matched words. */
export function DocumentHits({ hits }: { hits: readonly DocumentHit[] }) {
  const { t, i18n } = useTranslation();
  if (hits.length === 0) return <EmptyState title={t('knowledge.documents.none')} />;
  return (
    <ul className="space-y-3" data-testid="document-hits">
      {hits.map((hit) => {
        const doc = hit.document;
        if (!doc) return null;
        return (
          <li key={doc.id} className="rounded-md border border-slate-200 bg-white p-3" data-testid="document-hit">
            <Link to={`/knowledge/documents/${doc.id}`} className="font-medium text-sky-800 hover:underline">
              {doc.title}
            </Link>
            <p className="text-xs text-slate-500">
              {t(`knowledge.documentType.${doc.type}`)} · {t('knowledge.documents.version', { version: doc.version })} ·{' '}
              {formatInstant(doc.updatedAt, i18n.language)} · {doc.fileName}
            </p>
            {(hit.fragments ?? []).map((fragment, i) => (
              <p key={i} className="mt-1 text-sm text-slate-700" data-testid="document-fragment">
                … <Highlighted fragment={fragment} /> …
              </p>
            ))}
          </li>
        );
      })}
    </ul>
  );
}
