import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { RoleBadges } from '../../../components/role-badges';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { Input } from '../../../components/ui/input';
import { Label } from '../../../components/ui/label';
import { PageHeader } from '../../../components/ui/page-header';
import { Pagination } from '../../../components/ui/pagination';
import { Select } from '../../../components/ui/select';
import { SortHeader } from '../../../components/ui/sort-header';
import { Spinner } from '../../../components/ui/spinner';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableMessageRow,
  TableRow,
} from '../../../components/ui/table';
import { departmentName } from '../../../lib/department-name';
import { PAGE_SIZE, pageParam } from '../../../lib/query-params';
import { problemMessage } from '../../../lib/problem-message';
import { ALL_ROLES } from '../../../lib/roles';
import { useDepartments } from '../api/list-departments';
import { useUsers } from '../api/list-users';

const COLUMNS = 6;
const DEFAULT_SORT = 'username,asc';

interface Filters {
  q: string;
  role: string;
  departmentId: string;
  active: string;
}

/** /admin/users: find, page and open user accounts. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const applied: Filters = {
    q: params.get('q') ?? '',
    role: params.get('role') ?? '',
    departmentId: params.get('departmentId') ?? '',
    active: params.get('active') ?? '',
  };
  const page = pageParam(params.get('page'));
  const sort = params.get('sort') ?? DEFAULT_SORT;
  const [draft, setDraft] = useState<Filters>(applied);
  const appliedKey = params.toString();
  useEffect(() => setDraft(applied), [appliedKey]);

  const departments = useDepartments();
  const users = useUsers({
    q: applied.q || undefined,
    role: applied.role || undefined,
    departmentId: applied.departmentId || undefined,
    active: applied.active === '' ? undefined : applied.active === 'true',
    page,
    size: PAGE_SIZE,
    sort,
  });

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    update({ ...draft, q: draft.q.trim(), page: undefined });
  };
  const onReset = () => update({ q: undefined, role: undefined, departmentId: undefined, active: undefined, page: undefined });
  const onSort = (s: string) => update({ sort: s, page: undefined });

  const rows = users.data?.content ?? [];
  const lang = i18n.language;

  return (
    <div data-testid="admin-users-page">
      <PageHeader
        title={t('admin.users.title')}
        actions={
          <Button asChild>
            <Link to="/admin/users/new" data-testid="new-user">
              {t('admin.users.new')}
            </Link>
          </Button>
        }
      />
      <form
        role="search"
        onSubmit={onFilter}
        className="mb-4 grid grid-cols-1 items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto]"
      >
        <div className="space-y-1">
          <Label htmlFor="filter-q">{t('admin.users.filters.q')}</Label>
          <Input
            id="filter-q"
            type="search"
            data-testid="filter-q"
            value={draft.q}
            onChange={(event) => setDraft({ ...draft, q: event.target.value })}
          />
        </div>
        <div className="space-y-1">
          <Label htmlFor="filter-role">{t('admin.users.filters.role')}</Label>
          <Select
            id="filter-role"
            data-testid="filter-role"
            value={draft.role}
            onChange={(event) => setDraft({ ...draft, role: event.target.value })}
          >
            <option value="">{t('common.all')}</option>
            {ALL_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="filter-department">{t('admin.users.filters.department')}</Label>
          <Select
            id="filter-department"
            data-testid="filter-department"
            value={draft.departmentId}
            onChange={(event) => setDraft({ ...draft, departmentId: event.target.value })}
          >
            <option value="">{t('common.all')}</option>
            {(departments.data ?? []).map((department) => (
              <option key={department.id} value={department.id}>
                {departmentName(department, lang)}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="filter-active">{t('admin.users.filters.active')}</Label>
          <Select
            id="filter-active"
            data-testid="filter-active"
            value={draft.active}
            onChange={(event) => setDraft({ ...draft, active: event.target.value })}
          >
            <option value="">{t('common.all')}</option>
            <option value="true">{t('common.active')}</option>
            <option value="false">{t('common.inactive')}</option>
          </Select>
        </div>
        <div className="flex gap-2">
          <Button type="submit" data-testid="filter-apply">
            {t('common.search')}
          </Button>
          <Button type="button" variant="ghost" onClick={onReset}>
            {t('common.reset')}
          </Button>
        </div>
      </form>

      {users.isError ? (
        <Alert tone="error" className="mb-4">
          {problemMessage(users.error, t)}
        </Alert>
      ) : null}

      <Table data-testid="users-table" aria-busy={users.isFetching}>
        <caption className="sr-only">{t('admin.users.title')}</caption>
        <TableHead>
          <TableRow>
            <SortHeader field="username" sort={sort} onSort={onSort}>
              {t('admin.users.columns.username')}
            </SortHeader>
            <SortHeader field="displayName" sort={sort} onSort={onSort}>
              {t('admin.users.columns.displayName')}
            </SortHeader>
            <TableHeaderCell>{t('admin.users.columns.roles')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.users.columns.departments')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.users.columns.active')}</TableHeaderCell>
            <TableHeaderCell>{t('admin.users.columns.locked')}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {users.isPending ? (
            <TableMessageRow colSpan={COLUMNS}>
              <Spinner />
            </TableMessageRow>
          ) : rows.length === 0 ? (
            <TableMessageRow colSpan={COLUMNS}>
              <EmptyState title={t('admin.users.empty')} />
            </TableMessageRow>
          ) : (
            rows.map((user) => (
              <TableRow
                key={user.id}
                data-testid="user-row"
                className="cursor-pointer hover:bg-sky-50/60"
                onClick={() => navigate(`/admin/users/${user.id}`)}
              >
                <TableCell className="font-mono">
                  <Link
                    to={`/admin/users/${user.id}`}
                    className="text-sky-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
                    onClick={(event) => event.stopPropagation()}
                  >
                    {user.username}
                  </Link>
                </TableCell>
                <TableCell>{user.displayName}</TableCell>
                <TableCell>
                  <RoleBadges roles={user.roles} />
                </TableCell>
                <TableCell>{(user.departments ?? []).map((d) => departmentName(d, lang)).join(', ')}</TableCell>
                <TableCell>
                  <Badge tone={user.active ? 'success' : 'neutral'}>
                    {user.active ? t('common.active') : t('common.inactive')}
                  </Badge>
                </TableCell>
                <TableCell>{user.locked ? <Badge tone="danger">{t('admin.users.locked')}</Badge> : null}</TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
      <Pagination page={users.data?.page} onPageChange={(p) => update({ page: p > 0 ? String(p) : undefined })} />
    </div>
  );
}
