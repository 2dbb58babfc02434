import { Alert, Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/error-text';

/** A spinner with an accessible name, for content that is still loading. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="loading" role="status">
      <Spinner aria-hidden data-size="md" />
      <span>{t('common.loading')}</span>
    </div>
  );
}

interface LoadErrorProps {
  error: unknown;
  onRetry?: (() => void) | undefined;
}

/** A translated error for content that could not be loaded, with an optional retry. */
export function LoadError({ error, onRetry }: LoadErrorProps) {
  const { t } = useTranslation();
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{errorText(t, error)}</Paragraph>
      {onRetry ? (
        <Button variant="secondary" data-size="sm" onClick={onRetry} className="alert-action">
          {t('common.retry')}
        </Button>
      ) : null}
    </Alert>
  );
}

/** A translated error after a failed change, announced to screen readers. */
export function MutationError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{errorText(t, error)}</Paragraph>
    </Alert>
  );
}

/** A short success message, announced politely. */
export function SuccessMessage({ children }: { children: string | null | undefined }) {
  if (!children) return null;
  return (
    <Alert data-color="success" role="status">
      <Paragraph>{children}</Paragraph>
    </Alert>
  );
}
