import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { Label } from '../../../components/ui/label';
import { PageHeader } from '../../../components/ui/page-header';
import { Pagination } from '../../../components/ui/pagination';
import { Select } from '../../../components/ui/select';
import { departmentName } from '../../../lib/department-name';
import { problemMessage } from '../../../lib/problem-message';
import { pageParam } from '../../../lib/query-params';
import type { DepartmentView, OrderView } from '../../../types/api';
import { useWorklist } from '../api/get-worklist';
import { useDepartments } from '../api/list-departments';
import { newIdempotencyKey } from '../api/order-mutation';
import { useStartOrder } from '../api/start-order';
import { compareWorklist, nextStep } from '../lib/worklist';
import { OrdersTable } from './orders-table';

/** The roles that carry orders out (start, complete). */
export const PERFORMER_ROLES = ['PHARMACIST', 'LAB_TECH', 'RADIOGRAPHER', 'RADIOLOGIST'];
/** Departments that receive orders, preselected for users who belong to none of them. */
const ORDER_DEPARTMENTS = ['PHARMACY', 'LABORATORY', 'RADIOLOGY'];
/** Rows per page: the worklist's as the server defaults it (other lists show PAGE_SIZE). */
const WORKLIST_PAGE_SIZE = 50;

/**
 * /worklist: a department's open orders, most urgent first, then by due time (the server sorts; overdue rows red).
 * Department staff choose among their own departments, the care team and administrators among all. No polling:
 * a pushed `order` event refetches the list. The page lives in the URL (`?page=`, 0-based); another department or
 * the completed-today switch starts again at the first page.
 */
export function WorklistPage({ roles, ownDepartments }: { roles: readonly string[]; ownDepartments: readonly DepartmentView[] }) {
  const { t, i18n } = useTranslation();
  const performer = roles.some((role) => PERFORMER_ROLES.includes(role));
  const all = useDepartments();
  const options = performer ? ownDepartments : (all.data ?? []);
  const preferred = options.find((d) => ORDER_DEPARTMENTS.includes(d.code ?? '')) ?? options[0];
  const [chosen, setChosen] = useState('');
  const department = chosen || preferred?.id || '';
  const [includeCompleted, setIncludeCompleted] = useState(false);
  const [params, setParams] = useSearchParams();
  const page = pageParam(params.get('page'));
  const worklist = useWorklist({ department: department || undefined, includeCompleted, page, size: WORKLIST_PAGE_SIZE });
  const start = useStartOrder();
  const rows = [...(worklist.data?.content ?? [])].sort(compareWorklist);

  const setPage = (next: number) => {
    const search = new URLSearchParams(params);
    if (next > 0) search.set('page', String(next));
    else search.delete('page');
    setParams(search);
  };

  const actions = (order: OrderView) => {
    const step = nextStep(order);
    if (!performer || !step || !order.id) return null;
    if (step === 'start') {
      return (
        <Button
          size="sm"
          data-testid="worklist-start"
          disabled={start.isPending}
          onClick={() => start.mutate({ id: order.id ?? '', version: order.version, key: newIdempotencyKey() })}
        >
          {order.type === 'MEDICATION' ? t('orders.actions.verify') : t('orders.actions.start')}
        </Button>
      );
    }
    return (
      <Button size="sm" variant="secondary" asChild>
        <Link to={`/orders/${order.id}`} data-testid="worklist-complete">
          {t('orders.actions.complete')}
        </Link>
      </Button>
    );
  };

  return (
    <div data-testid="worklist-page">
      <PageHeader title={t('orders.worklist.title')} description={t('orders.worklist.description')} />
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <div className="w-64 space-y-1">
          <Label htmlFor="worklist-department">{t('orders.fields.department')}</Label>
          <Select
            id="worklist-department"
            data-testid="worklist-department"
            value={department}
            onChange={(e) => {
              setChosen(e.target.value);
              setPage(0);
            }}
          >
            {options.map((d) => (
              <option key={d.id} value={d.id}>
                {departmentName(d, i18n.language)}
              </option>
            ))}
          </Select>
        </div>
        <Checkbox
          id="worklist-completed"
          label={t('orders.worklist.includeCompleted')}
          checked={includeCompleted}
          onChange={(e) => {
            setIncludeCompleted(e.target.checked);
            setPage(0);
          }}
        />
      </div>
      {worklist.isError ? (
        <Alert tone="error" className="mb-4">
          {problemMessage(worklist.error, t)}
        </Alert>
      ) : null}
      {start.isError ? (
        <Alert tone="error" className="mb-4" data-testid="worklist-action-error">
          {problemMessage(start.error, t)}
        </Alert>
      ) : null}
      <OrdersTable orders={rows} loading={worklist.isPending && Boolean(department)} emptyTitle={t('orders.worklist.empty')} testId="worklist-table" actions={actions} />
      <Pagination page={worklist.data?.page} onPageChange={setPage} />
    </div>
  );
}
