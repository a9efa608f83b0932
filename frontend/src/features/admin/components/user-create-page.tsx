import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardContent } from '../../../components/ui/card';
import { fieldProps, FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { problemFieldErrors, toApiProblem } from '../../../lib/api-client';
import { zodFieldErrors } from '../../../lib/form-errors';
import { problemMessage } from '../../../lib/problem-message';
import type { Role } from '../../../types/api';
import { createUserRequestSchema, useCreateUser } from '../api/create-user';
import { DepartmentCheckboxes } from './department-checkboxes';
import { RoleCheckboxes } from './role-checkboxes';
import { AuditPatientPick, type PickedPatient } from './audit-patient-pick';

/** /admin/users/new */
export function UserCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [patient, setPatient] = useState<PickedPatient | undefined>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = createUserRequestSchema.safeParse({
      username,
      displayName,
      password,
      roles,
      departmentIds,
      patientId: patient?.id,
    });
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    create.mutate(parsed.data, {
      onSuccess: (user) => navigate(user.id ? `/admin/users/${user.id}` : '/admin/users', { state: { created: true } }),
      onError: (error) => setFieldErrors(problemFieldErrors(toApiProblem(error))),
    });
  };

  return (
    <div data-testid="admin-user-new-page" className="max-w-3xl">
      <Link to="/admin/users" className="mb-4 inline-block text-sm text-sky-700 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500">
        ← {t('admin.users.backToList')}
      </Link>
      <PageHeader title={t('admin.users.newTitle')} />
      <Card>
        <CardContent>
          <form noValidate onSubmit={onSubmit} className="space-y-5">
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
              <FormField id="username" label={t('admin.users.fields.username')} error={fieldErrors.username}>
                <Input
                  {...fieldProps('username', fieldErrors.username)}
                  autoComplete="off"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  value={username}
                  onChange={(event) => setUsername(event.target.value)}
                />
              </FormField>
              <FormField id="displayName" label={t('admin.users.fields.displayName')} error={fieldErrors.displayName}>
                <Input
                  {...fieldProps('displayName', fieldErrors.displayName)}
                  autoComplete="off"
                  required
                  value={displayName}
                  onChange={(event) => setDisplayName(event.target.value)}
                />
              </FormField>
              <FormField
                id="password"
                label={t('admin.users.fields.initialPassword')}
                error={fieldErrors.password}
                hint={t('auth.passwordPolicy')}
              >
                <Input
                  {...fieldProps('password', fieldErrors.password)}
                  type="password"
                  autoComplete="new-password"
                  required
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                />
              </FormField>
              <FormField
                id="patientId"
                label={t('admin.users.fields.patientId')}
                error={fieldErrors.patientId}
                hint={t('admin.users.patientIdHint')}
              >
                <AuditPatientPick id="patientId" value={patient} onChange={setPatient} testId="user-patient-pick" />
              </FormField>
            </div>
            <RoleCheckboxes value={roles} onChange={setRoles} error={fieldErrors.roles} />
            <DepartmentCheckboxes value={departmentIds} onChange={setDepartmentIds} error={fieldErrors.departmentIds} />
            {create.isError ? (
              <Alert tone="error" data-testid="user-form-error">
                {problemMessage(create.error, t)}
              </Alert>
            ) : null}
            <div className="flex gap-2">
              <Button type="submit" data-testid="user-save" disabled={create.isPending}>
                {t('admin.users.create')}
              </Button>
              <Button asChild variant="secondary">
                <Link to="/admin/users">{t('common.cancel')}</Link>
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
