import { Alert, Button, Details, DetailsContent, DetailsSummary, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { LoginBodySchema } from '@lykt/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
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
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(LoginBodySchema), defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit((values) => {
    login.mutate(values, {
      onSuccess: ({ state }) => {
        if (state === 'active') {
          void finishSignIn(search.redirect);
          return;
        }
        const to = state === 'mfa_enrolment' ? '/sign-in/mfa-enrolment' : state === 'passkey_enrolment' ? '/sign-in/passkey-enrolment' : '/sign-in/mfa';
        void navigate({ to, search: { redirect: search.redirect } });
      },
    });
  });

  const passwordForm = (
    <>
      <MutationError error={login.error} />
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="form-stack">
        <Textfield
          label={t('auth.signIn.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          error={fieldErrorText(t, errors.email, 'email')}
          {...register('email')}
        />
        <Textfield
          label={t('auth.signIn.password')}
          type="password"
          autoComplete="current-password"
          error={fieldErrorText(t, errors.password, 'password')}
          {...register('password')}
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
        <Details>
          <DetailsSummary>{t('oidc.signIn.breakGlass')}</DetailsSummary>
          <DetailsContent>
            <Paragraph>{t('oidc.signIn.breakGlassIntro')}</Paragraph>
            {passwordForm}
          </DetailsContent>
        </Details>
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
