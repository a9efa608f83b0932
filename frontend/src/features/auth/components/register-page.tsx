import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { fieldProps, FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { Spinner } from '../../../components/ui/spinner';
import { problemFieldErrors, toApiProblem } from '../../../lib/api-client';
import { zodFieldErrors } from '../../../lib/form-errors';
import { problemMessage } from '../../../lib/problem-message';
import { useMe } from '../api/get-me';
import { registerRequestSchema, useRegister } from '../api/register';
import { AuthLayout } from './auth-layout';

const EMPTY = { code: '', username: '', displayName: '', password: '' };
type Values = typeof EMPTY;

/** Patient portal registration with the activation code front office issued (shown once there), then signs in. */
export function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const register = useRegister();
  const [values, setValues] = useState<Values>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  if (me.isPending) return <Spinner className="min-h-screen" />;
  if (me.data) return <Navigate to="/" replace />;

  const set = (field: keyof Values) => (event: ChangeEvent<HTMLInputElement>) =>
    setValues((current) => ({ ...current, [field]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = registerRequestSchema.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    register.mutate(parsed.data, {
      onSuccess: () => navigate('/', { replace: true }),
      onError: (error) => setFieldErrors(problemFieldErrors(toApiProblem(error))),
    });
  };

  return (
    <AuthLayout title={t('auth.register.title')}>
      <p className="mb-4 text-sm text-slate-600">{t('auth.register.intro')}</p>
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        <FormField id="code" label={t('auth.fields.code')} error={fieldErrors.code} hint={t('auth.codeHint')}>
          <Input
            {...fieldProps('code', fieldErrors.code)}
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
            className="font-mono uppercase tracking-wider"
            value={values.code}
            onChange={set('code')}
          />
        </FormField>
        <FormField id="username" label={t('auth.fields.username')} error={fieldErrors.username}>
          <Input
            {...fieldProps('username', fieldErrors.username)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={values.username}
            onChange={set('username')}
          />
        </FormField>
        <FormField id="displayName" label={t('auth.fields.displayName')} error={fieldErrors.displayName}>
          <Input
            {...fieldProps('displayName', fieldErrors.displayName)}
            autoComplete="name"
            required
            value={values.displayName}
            onChange={set('displayName')}
          />
        </FormField>
        <FormField
          id="password"
          label={t('auth.fields.password')}
          error={fieldErrors.password}
          hint={t('auth.passwordPolicy')}
        >
          <Input
            {...fieldProps('password', fieldErrors.password)}
            type="password"
            autoComplete="new-password"
            required
            value={values.password}
            onChange={set('password')}
          />
        </FormField>
        {register.isError ? (
          <Alert tone="error" data-testid="register-error">
            {problemMessage(register.error, t)}
          </Alert>
        ) : null}
        <Button type="submit" className="w-full" data-testid="register-submit" disabled={register.isPending}>
          {register.isPending ? t('auth.register.submitting') : t('auth.register.submit')}
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-slate-600">
        <Link
          to="/login"
          className="font-medium text-sky-700 underline-offset-2 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
        >
          {t('auth.register.backToLogin')}
        </Link>
      </p>
    </AuthLayout>
  );
}
