import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { MutationError } from '../../components/load-state';

/**
 * The error of a passkey ceremony: the server's message, or, when the browser's prompt was
 * cancelled or timed out (the browser does not say which), a calm note to try again.
 */
export function PasskeyError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (isApiError(error)) return <MutationError error={error} />;
  const isUnsupported = error instanceof Error && error.name === 'NotSupportedError';
  return (
    <Alert data-color="warning" role="alert">
      <Paragraph>{isUnsupported ? t('passkeys.errors.unsupported') : t('passkeys.errors.cancelled')}</Paragraph>
    </Alert>
  );
}
