import { Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import { Link, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from './load-state';
import { PageHeading } from './page-heading';

/** A short message page with a way home. */
function MessagePage({ page }: { page: 'notFound' | 'forbidden' }) {
  const { t } = useTranslation();
  return (
    <div className="narrow-page">
      <PageHeading>{t(`pages.${page}.title`)}</PageHeading>
      <Paragraph>{t(`pages.${page}.text`)}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/">{t('pages.notFound.home')}</Link>
        </DsLink>
      </Paragraph>
    </div>
  );
}

/** Shown for unknown addresses. */
export function NotFoundPage() {
  return <MessagePage page="notFound" />;
}

/** Shown when the user's role lacks the permission a page needs. */
export function ForbiddenPage() {
  return <MessagePage page="forbidden" />;
}

/** Shown when a page failed to load, with a retry. */
export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  return (
    <div className="narrow-page">
      <PageHeading>{t('pages.error.title')}</PageHeading>
      <Paragraph>{t('pages.error.text')}</Paragraph>
      <LoadError error={error} onRetry={reset} />
    </div>
  );
}
