import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { fieldProps, FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { Spinner } from '../../../components/ui/spinner';
import { problemFieldErrors, toApiProblem } from '../../../lib/api-client';
import { zodFieldErrors } from '../../../lib/form-errors';
import { problemMessage } from '../../../lib/problem-message';
import { useMe } from '../api/get-me';
import { loginRequestSchema, useLogin } from '../api/login';
import { AuthLayout } from './auth-layout';

interface LoginLocationState {
  from?: string;
  expired?: boolean;
}

/** Only paths inside this app are followed after signing in. */
function safeTarget(from: unknown): string {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')
    ? from
    : '/';
}

/**
 * A SMART app's authorization request (ADR 0048) the server sent here to sign in first: followed back as a full page
 * load once signed in, and nothing else from the query (no open redirect).
 */
export function authorizeTarget(search: string): string | null {
  const next = new URLSearchParams(search).get('next');
  return next !== null && next.startsWith('/oauth2/authorize?') ? next : null;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const target = safeTarget(state.from);
  const authorize = authorizeTarget(location.search);
  const me = useMe();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  if (me.isPending) return <Spinner className="min-h-screen" />;
  if (me.data && authorize) {
    window.location.replace(authorize);
    return <Spinner className="min-h-screen" />;
  }
  if (me.data) return <Navigate to={target} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = loginRequestSchema.safeParse({ username, password });
    if (!parsed.success) {
      setFieldErrors(zodFieldErrors(parsed.error));
      return;
    }
    setFieldErrors({});
    login.mutate(parsed.data, {
      onSuccess: () => (authorize ? window.location.assign(authorize) : navigate(target, { replace: true })),
      onError: (error) => setFieldErrors(problemFieldErrors(toApiProblem(error))),
    });
  };

  const errorText = login.isError ? problemMessage(login.error, t) : '';

  return (
    <AuthLayout title={t('auth.login.title')}>
      {state.expired && !login.isError ? (
        <Alert tone="warning" className="mb-4" data-testid="session-expired">
          {t('auth.login.sessionExpired')}
        </Alert>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        <FormField id="username" label={t('auth.fields.username')} error={fieldErrors.username}>
          <Input
            {...fieldProps('username', fieldErrors.username)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
        </FormField>
        <FormField id="password" label={t('auth.fields.password')} error={fieldErrors.password}>
          <Input
            {...fieldProps('password', fieldErrors.password)}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </FormField>
        <div
          data-testid="login-error"
          role="alert"
          aria-live="assertive"
          className={errorText ? 'rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-900' : undefined}
        >
          {errorText}
        </div>
        <Button type="submit" className="w-full" data-testid="login-submit" disabled={login.isPending}>
          {login.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-slate-600">
        {t('auth.login.noAccount')}{' '}
        <Link
          to="/register"
          data-testid="register-link"
          className="font-medium text-sky-700 underline-offset-2 hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
        >
          {t('auth.login.registerLink')}
        </Link>
      </p>
    </AuthLayout>
  );
}
