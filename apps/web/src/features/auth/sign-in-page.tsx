import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { LoginBodySchema, type LoginBody } from '@lykt/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { PlainTextfield } from '../../components/plain-textfield';
import { fieldErrorText } from '../../lib/error-text';
import { loginMutationOptions } from './mutations';
import { PasskeySignInButton } from './passkey-sign-in-button';
import { oidcSignInOptionsQueryOptions } from './oidc-queries';
import { OidcSignInOptions } from './oidc-sign-in-options';
import { useFinishSignIn } from './use-finish-sign-in';

const route = getRouteApi('/public/sign-in');

/** Step one of signing in: e-mail and password. */
export function SignInPage() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate();
  const finishSignIn = useFinishSignIn();
  const login = useMutation(loginMutationOptions());
  const signInOptions = useQuery(oidcSignInOptionsQueryOptions());
  const breakGlassOnly = signInOptions.data?.passwordSignIn === 'break_glass_only';
  // A plain form, not react-hook-form: two fields do not need it, and the sign-in page is the first
  // page anyone loads (its JavaScript budget is 250 kB gzipped). The shared schema still decides.
  const [values, setValues] = useState<LoginBody>({ email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof LoginBody, { type: string }>>>({});
  const emailField = useRef<HTMLInputElement>(null);
  const passwordField = useRef<HTMLInputElement>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = LoginBodySchema.safeParse(values);
    if (!parsed.success) {
      const found: Partial<Record<keyof LoginBody, { type: string }>> = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === 'email' || field === 'password') && !found[field]) found[field] = { type: issue.code };
      }
      setErrors(found);
      (found.email ? emailField : passwordField).current?.focus();
      return;
    }
    setErrors({});
    login.mutate(parsed.data, {
      onSuccess: ({ state }) => {
        if (state === 'active') {
          void finishSignIn(search.redirect);
          return;
        }
        const to = state === 'mfa_enrolment' ? '/sign-in/mfa-enrolment' : state === 'passkey_enrolment' ? '/sign-in/passkey-enrolment' : '/sign-in/mfa';
        void navigate({ to, search: { redirect: search.redirect } });
      },
    });
  };
  const fieldError = (field: keyof LoginBody, kind: 'email' | 'password') => {
    const error = errors[field];
    return error ? fieldErrorText(t, { type: error.type }, kind) : undefined;
  };

  const passwordForm = (
    <>
      <MutationError error={login.error} />
      <form onSubmit={onSubmit} noValidate className="form-stack">
        <PlainTextfield
          ref={emailField}
          label={t('auth.signIn.email')}
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          value={values.email}
          onChange={(event) => setValues({ ...values, email: event.currentTarget.value })}
          error={fieldError('email', 'email')}
        />
        <PlainTextfield
          ref={passwordField}
          label={t('auth.signIn.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={values.password}
          onChange={(event) => setValues({ ...values, password: event.currentTarget.value })}
          error={fieldError('password', 'password')}
        />
        <div className="button-row">
          <Button type="submit" loading={login.isPending} disabled={login.isPending}>
            {t('auth.signIn.submit')}
          </Button>
        </div>
      </form>
    </>
  );

  return (
    <div className="narrow-page">
      <PageHeading>{t('auth.signIn.title')}</PageHeading>
      {search.reason === 'expired' && !login.isSuccess ? (
        <Alert data-color="warning" role="status">
          <Paragraph>{t('auth.signIn.expired')}</Paragraph>
        </Alert>
      ) : null}
      {search.reason === 'signed-out' && !login.isSuccess && !login.isError ? (
        <Alert data-color="info" role="status">
          <Paragraph>{t('auth.signIn.signedOut')}</Paragraph>
        </Alert>
      ) : null}
      <OidcSignInOptions error={search.oidcError} />
      {breakGlassOnly ? (
        <details className="ds-details break-glass">
          <summary>{t('oidc.signIn.breakGlass')}</summary>
          <div className="break-glass-content">
            <Paragraph>{t('oidc.signIn.breakGlassIntro')}</Paragraph>
            {passwordForm}
          </div>
        </details>
      ) : (
        <>
          <Paragraph>{t('auth.signIn.intro')}</Paragraph>
          {passwordForm}
        </>
      )}
      <PasskeySignInButton redirect={search.redirect} />
    </div>
  );
}
