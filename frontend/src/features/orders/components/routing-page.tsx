import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { Select } from '../../../components/ui/select';
import { Spinner } from '../../../components/ui/spinner';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import { departmentName } from '../../../lib/department-name';
import { problemMessage } from '../../../lib/problem-message';
import { formatInstant } from '../../../lib/time';
import type { OrderType, RoutingView } from '../../../types/api';
import { useDepartments } from '../api/list-departments';
import { useRouting } from '../api/list-routing';
import { useUpdateRouting } from '../api/update-routing';

/** /admin/ocs/routing: which department receives each order type (new orders only; sent ones stay where they are). */
export function RoutingPage() {
  const { t } = useTranslation();
  const routing = useRouting();
  return (
    <div data-testid="routing-page">
      <PageHeader title={t('orders.routing.title')} description={t('orders.routing.description')} />
      {routing.isError ? <Alert tone="error">{problemMessage(routing.error, t)}</Alert> : null}
      {routing.isPending ? <Spinner /> : null}
      {routing.data ? (
        <Table>
          <TableHead>
            <tr>
              <TableHeaderCell>{t('orders.fields.type')}</TableHeaderCell>
              <TableHeaderCell>{t('orders.fields.department')}</TableHeaderCell>
              <TableHeaderCell>{t('orders.routing.updatedAt')}</TableHeaderCell>
              <TableHeaderCell />
            </tr>
          </TableHead>
          <TableBody>
            {routing.data.map((row) => (
              <RoutingRow key={row.type} row={row} />
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}

function RoutingRow({ row }: { row: RoutingView }) {
  const { t, i18n } = useTranslation();
  const departments = useDepartments();
  const update = useUpdateRouting();
  const [departmentId, setDepartmentId] = useState(row.departmentId ?? '');
  const type = row.type as OrderType;
  return (
    <TableRow data-testid={`routing-row-${type}`}>
      <TableCell className="font-medium">{t(`orders.type.${type}`)}</TableCell>
      <TableCell>
        <Select aria-label={t('orders.fields.department')} data-testid={`routing-department-${type}`} value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
          {(departments.data ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {departmentName(d, i18n.language)}
            </option>
          ))}
        </Select>
        {update.isError ? <p className="text-sm text-rose-700">{problemMessage(update.error, t)}</p> : null}
      </TableCell>
      <TableCell className="whitespace-nowrap text-sm">{formatInstant(row.updatedAt, i18n.language)}</TableCell>
      <TableCell>
        <Button size="sm" data-testid={`routing-save-${type}`} disabled={update.isPending || departmentId === row.departmentId} onClick={() => update.mutate({ type, departmentId })}>
          {update.isSuccess && departmentId === row.departmentId ? t('orders.routing.saved') : t('common.save')}
        </Button>
      </TableCell>
    </TableRow>
  );
}
