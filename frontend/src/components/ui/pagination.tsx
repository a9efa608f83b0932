import { useTranslation } from 'react-i18next';
import type { PageMeta } from '../../types/api';
import { Button } from './button';

/** Previous/next paging for a `PageView` (pages are 0-based on the wire, 1-based on screen). */
export function Pagination({ page, onPageChange }: { page: PageMeta | undefined; onPageChange: (page: number) => void }) {
  const { t } = useTranslation();
  const number = page?.number ?? 0;
  const totalPages = page?.totalPages ?? 0;
  const totalElements = page?.totalElements ?? 0;
  return (
    <nav aria-label={t('pagination.label')} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm text-slate-600">
      <p data-testid="pagination-summary">
        {t('pagination.summary', { page: totalPages === 0 ? 0 : number + 1, pages: totalPages, total: totalElements })}
      </p>
      <div className="flex gap-2">
        <Button
          variant="secondary"
          size="sm"
          data-testid="pagination-prev"
          disabled={number <= 0}
          onClick={() => onPageChange(number - 1)}
        >
          {t('pagination.previous')}
        </Button>
        <Button
          variant="secondary"
          size="sm"
          data-testid="pagination-next"
          disabled={number + 1 >= totalPages}
          onClick={() => onPageChange(number + 1)}
        >
          {t('pagination.next')}
        </Button>
      </div>
    </nav>
  );
}
