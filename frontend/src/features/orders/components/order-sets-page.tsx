import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { Card, CardContent } from '../../../components/ui/card';
import { FormField, fieldProps } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { Select } from '../../../components/ui/select';
import { Spinner } from '../../../components/ui/spinner';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '../../../components/ui/table';
import { problemFieldErrors, toApiProblem, type ApiProblem } from '../../../lib/api-client';
import { departmentName } from '../../../lib/department-name';
import { problemMessage } from '../../../lib/problem-message';
import type { OrderSet, OrderTemplate } from '../../../types/api';
import { useDepartments } from '../api/list-departments';
import { useAdminOrderSets, useDeleteOrderSet, useSaveOrderSet } from '../api/order-templates';
import { templateItemName, templateName, templateOf } from '../lib/order-templates';
import { OrderFormCard } from './order-form-card';

/** Order forms need a patient; a template has none, so the editor's form checks against this placeholder. */
const NO_PATIENT = '00000000-0000-4000-8000-000000000000';

/** The server's errors for each item of the set, by its index (pointers `/items/{i}/…`): the first message per item. */
function orderSetItemErrors(problem: ApiProblem | null): Record<number, string> {
  const result: Record<number, string> = {};
  for (const { pointer, message } of problem?.errors ?? []) {
    const match = /^#?\/items\/(\d+)/.exec(pointer);
    if (match && !(Number(match[1]) in result)) result[Number(match[1])] = message;
  }
  return result;
}

/** /admin/ocs/order-sets: the departments' order sets (ADR 0038), listed, created, edited and deleted. */
export function OrderSetsPage() {
  const { t, i18n } = useTranslation();
  const sets = useAdminOrderSets();
  const departments = useDepartments();
  const remove = useDeleteOrderSet();
  const [editing, setEditing] = useState<OrderSet | 'new' | undefined>();
  const department = (id?: string) => {
    const d = (departments.data ?? []).find((x) => x.id === id);
    return d ? departmentName(d, i18n.language) : '';
  };
  return (
    <div data-testid="order-sets-page" className="space-y-4">
      <PageHeader title={t('orders.templates.admin.title')} description={t('orders.templates.admin.description')} />
      {sets.isError ? <Alert tone="error">{problemMessage(sets.error, t)}</Alert> : null}
      {remove.isError ? <Alert tone="error">{problemMessage(remove.error, t)}</Alert> : null}
      {sets.isPending ? <Spinner /> : null}
      {editing ? (
        <OrderSetEditor key={editing === 'new' ? 'new' : editing.id} set={editing === 'new' ? undefined : editing} onDone={() => setEditing(undefined)} />
      ) : (
        <Button data-testid="order-set-new" onClick={() => setEditing('new')}>
          {t('orders.templates.admin.new')}
        </Button>
      )}
      {sets.data && sets.data.length === 0 ? <p className="text-sm text-slate-500">{t('orders.templates.admin.empty')}</p> : null}
      {sets.data && sets.data.length > 0 ? (
        <Table>
          <TableHead>
            <tr>
              <TableHeaderCell>{t('orders.templates.admin.name')}</TableHeaderCell>
              <TableHeaderCell>{t('orders.templates.admin.department')}</TableHeaderCell>
              <TableHeaderCell>{t('orders.templates.admin.items')}</TableHeaderCell>
              <TableHeaderCell />
            </tr>
          </TableHead>
          <TableBody>
            {sets.data.map((set) => (
              <TableRow key={set.id} data-testid="order-set-row">
                <TableCell className="font-medium">{set.name}</TableCell>
                <TableCell>{department(set.departmentId)}</TableCell>
                <TableCell className="text-sm">{(set.items ?? []).map((i) => templateName(i, i18n.language)).join(', ')}</TableCell>
                <TableCell className="whitespace-nowrap">
                  <Button size="sm" variant="ghost" data-testid="order-set-edit" onClick={() => setEditing(set)}>
                    {t('orders.templates.admin.edit')}
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    data-testid="order-set-delete"
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(t('orders.templates.admin.deleteConfirm', { name: set.name }))) remove.mutate(set.id ?? '');
                    }}
                  >
                    {t('orders.templates.admin.delete')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </div>
  );
}

function OrderSetEditor({ set, onDone }: { set?: OrderSet; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const departments = useDepartments();
  const save = useSaveOrderSet();
  const [name, setName] = useState(set?.name ?? '');
  const [departmentId, setDepartmentId] = useState(set?.departmentId ?? '');
  const [items, setItems] = useState<{ itemName: string; itemNameKo?: string; template: OrderTemplate }[]>(
    (set?.items ?? []).flatMap((i) => (i.template ? [{ itemName: i.itemName ?? '', itemNameKo: i.itemNameKo, template: i.template }] : [])),
  );
  const [formKey, setFormKey] = useState(0);
  const problem = save.error ? toApiProblem(save.error) : null;
  const fieldErrors = problemFieldErrors(problem);
  const itemErrors = orderSetItemErrors(problem);
  const submit = () =>
    save.mutate(
      { id: set?.id, form: { name: name.trim(), departmentId, items: items.map((i) => i.template), version: set?.version } },
      { onSuccess: onDone },
    );
  return (
    <Card data-testid="order-set-editor">
      <CardContent className="space-y-3 pt-4">
        <div className="grid gap-3 sm:grid-cols-2">
          <FormField id="order-set-name" label={t('orders.templates.admin.name')} error={fieldErrors.name}>
            <Input
              {...fieldProps('order-set-name', fieldErrors.name)}
              data-testid="order-set-name"
              value={name}
              maxLength={120}
              onChange={(e) => setName(e.target.value)}
            />
          </FormField>
          <FormField id="order-set-department" label={t('orders.templates.admin.department')} error={fieldErrors.departmentId}>
            <Select
              {...fieldProps('order-set-department', fieldErrors.departmentId)}
              data-testid="order-set-department"
              value={departmentId}
              onChange={(e) => setDepartmentId(e.target.value)}
            >
              <option value="">{t('orders.templates.admin.chooseDepartment')}</option>
              {(departments.data ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {departmentName(d, i18n.language)}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
        <ul className="divide-y divide-slate-100 text-sm" aria-label={t('orders.templates.admin.items')}>
          {items.map((item, index) => (
            <li key={index} className="flex flex-wrap items-center gap-2 py-1" data-testid="order-set-item">
              <Badge>{t(`orders.type.${item.template.type}`)}</Badge>
              <span>{templateName(item, i18n.language)}</span>
              <Button size="sm" variant="ghost" className="ml-auto" onClick={() => setItems((all) => all.filter((_, i) => i !== index))}>
                {t('orders.templates.admin.removeItem')}
              </Button>
              {itemErrors[index] ? (
                <p className="w-full text-sm text-rose-700" data-testid="order-set-item-error">
                  {itemErrors[index]}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        {items.length === 0 ? <p className="text-sm text-slate-500">{t('orders.templates.admin.noItems')}</p> : null}
        {fieldErrors.items && Object.keys(itemErrors).length === 0 ? (
          <p className="text-sm text-rose-700" data-testid="order-set-items-error">
            {fieldErrors.items}
          </p>
        ) : null}
        <OrderFormCard
          key={formKey}
          patientId={NO_PATIENT}
          submitLabel={t('orders.templates.admin.addItem')}
          submitTestId="order-set-add-item"
          pending={save.isPending}
          onSave={(form, _onError, values) => {
            setItems((all) => [...all, { itemName: templateItemName(values), template: templateOf(form) }]);
            setFormKey((k) => k + 1);
          }}
        />
        {save.isError ? <Alert tone="error">{problemMessage(save.error, t)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onDone}>
            {t('orders.templates.admin.cancel')}
          </Button>
          <Button data-testid="order-set-save" disabled={save.isPending || !name.trim() || !departmentId || items.length === 0} onClick={submit}>
            {t('orders.templates.admin.save')}
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
