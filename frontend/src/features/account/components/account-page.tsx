import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '../../../components/ui/card';
import { fieldProps, FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { problemFieldErrors, toApiProblem } from '../../../lib/api-client';
import { zodFieldErrors } from '../../../lib/form-errors';
import { problemMessage } from '../../../lib/problem-message';
import { changePasswordRequestSchema, useChangePassword } from '../api/change-password';

/** /account: change one's own password. */
export function AccountPage() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const parsed = changePasswordRequestSchema.safeParse({ currentPassword, newPassword });
    const errors: Record<string, string> = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (confirmPassword !== newPassword) errors.confirmPassword = t('validation.passwordMismatch');
    setFieldErrors(errors);
    if (!parsed.success || Object.keys(errors).length > 0) return;
    change.mutate(parsed.data, {
      onSuccess: () => {
        setDone(true);
        setCurrentPassword('');
        setNewPassword('');
        setConfirmPassword('');
      },
      onError: (error) => setFieldErrors(problemFieldErrors(toApiProblem(error))),
    });
  };

  return (
    <div data-testid="account-page" className="max-w-xl">
      <PageHeader title={t('account.title')} />
      <Card>
        <CardHeader>
          <CardTitle>{t('account.changePassword')}</CardTitle>
        </CardHeader>
        <CardContent>
          <form noValidate onSubmit={onSubmit} className="space-y-4">
            <FormField id="currentPassword" label={t('account.fields.currentPassword')} error={fieldErrors.currentPassword}>
              <Input
                {...fieldProps('currentPassword', fieldErrors.currentPassword)}
                type="password"
                autoComplete="current-password"
                required
                value={currentPassword}
                onChange={(event) => setCurrentPassword(event.target.value)}
              />
            </FormField>
            <FormField
              id="newPassword"
              label={t('account.fields.newPassword')}
              error={fieldErrors.newPassword}
              hint={t('auth.passwordPolicy')}
            >
              <Input
                {...fieldProps('newPassword', fieldErrors.newPassword)}
                type="password"
                autoComplete="new-password"
                required
                value={newPassword}
                onChange={(event) => setNewPassword(event.target.value)}
              />
            </FormField>
            <FormField id="confirmPassword" label={t('account.fields.confirmPassword')} error={fieldErrors.confirmPassword}>
              <Input
                {...fieldProps('confirmPassword', fieldErrors.confirmPassword)}
                type="password"
                autoComplete="new-password"
                required
                value={confirmPassword}
                onChange={(event) => setConfirmPassword(event.target.value)}
              />
            </FormField>
            {change.isError ? (
              <Alert tone="error" data-testid="password-error">
                {problemMessage(change.error, t)}
              </Alert>
            ) : null}
            {done ? (
              <Alert tone="success" data-testid="password-changed">
                {t('account.changed')}
              </Alert>
            ) : null}
            <Button type="submit" data-testid="password-submit" disabled={change.isPending}>
              {t('account.submit')}
            </Button>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
