import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { OidcSignInError } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { oidcSignInOptionsQueryOptions } from './oidc-queries';

/**
 * The municipality's sign-in providers as plain links: the browser leaves for the provider and
 * comes back to the API's callback, which opens the session and returns to this page.
 */
export function OidcSignInOptions({ error }: { error: OidcSignInError | undefined }) {
  const { t } = useTranslation();
  const headingId = useId();
  const options = useQuery(oidcSignInOptionsQueryOptions());
  const providers = options.data?.providers ?? [];
  return (
    <>
      {error ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t(`oidc.signIn.errors.${error}`)}</Paragraph>
        </Alert>
      ) : null}
      {providers.length > 0 ? (
        <section aria-labelledby={headingId} className="form-stack">
          <Heading level={2} data-size="xs" id={headingId}>
            {t('oidc.signIn.heading')}
          </Heading>
          <div className="button-row">
            {providers.map((provider) => (
              <Button key={provider.id} asChild variant="primary">
                <a href={`/api/v1/auth/oidc/${encodeURIComponent(provider.id)}/start`}>{t('oidc.signIn.with', { name: provider.name })}</a>
              </Button>
            ))}
          </div>
          {options.data?.passwordSignIn === 'offered' ? <Paragraph>{t('oidc.signIn.or')}</Paragraph> : null}
        </section>
      ) : null}
    </>
  );
}
