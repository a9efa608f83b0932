import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '../../../components/ui/dialog';
import { fieldProps, FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { problemFieldErrors, toApiProblem } from '../../../lib/api-client';
import { zodFieldErrors } from '../../../lib/form-errors';
import { problemMessage } from '../../../lib/problem-message';
import { passwordFreeOfUsername } from '../../../lib/validation';
import { resetPasswordRequestSchema, useResetPassword } from '../api/reset-password';

/** Sets a new password for a user (the administrator tells it to them out of band). */
export function ResetPasswordDialog({ userId, username, onDone }: { userId: string; username: string; onDone: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const [open, setOpen] = useState(false);
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setNewPassword('');
      setConfirm('');
      setFieldErrors({});
      reset.reset();
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = resetPasswordRequestSchema.safeParse({ newPassword });
    const errors: Record<string, string> = parsed.success ? {} : zodFieldErrors(parsed.error);
    if (!errors.newPassword && !passwordFreeOfUsername({ username, password: newPassword })) {
      errors.newPassword = t('validation.passwordContainsUsername');
    }
    if (confirm !== newPassword) errors.confirmPassword = t('validation.passwordMismatch');
    setFieldErrors(errors);
    if (!parsed.success || Object.keys(errors).length > 0) return;
    reset.mutate(
      { id: userId, body: parsed.data },
      {
        onSuccess: () => {
          onOpenChange(false);
          onDone();
        },
        onError: (error) => setFieldErrors(problemFieldErrors(toApiProblem(error))),
      },
    );
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="secondary" data-testid="reset-password">
          {t('admin.users.resetPassword')}
        </Button>
      </DialogTrigger>
      <DialogContent title={t('admin.users.resetPasswordTitle')} description={t('admin.users.resetPasswordDescription', { username })}>
        <form noValidate onSubmit={onSubmit} className="space-y-4">
          <FormField id="newPassword" label={t('account.fields.newPassword')} error={fieldErrors.newPassword} hint={t('auth.passwordPolicy')}>
            <Input
              {...fieldProps('newPassword', fieldErrors.newPassword)}
              type="password"
              autoComplete="new-password"
              value={newPassword}
              onChange={(event) => setNewPassword(event.target.value)}
            />
          </FormField>
          <FormField id="confirmPassword" label={t('account.fields.confirmPassword')} error={fieldErrors.confirmPassword}>
            <Input
              {...fieldProps('confirmPassword', fieldErrors.confirmPassword)}
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(event) => setConfirm(event.target.value)}
            />
          </FormField>
          {reset.isError ? <Alert tone="error">{problemMessage(reset.error, t)}</Alert> : null}
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">{t('common.cancel')}</Button>
            </DialogClose>
            <Button type="submit" data-testid="reset-password-submit" disabled={reset.isPending}>
              {t('admin.users.resetPassword')}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
