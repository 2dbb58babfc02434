import { SkipLink as DsSkipLink } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** The first focusable element on every page: jumps to <main id="main">. */
export function SkipLink() {
  const { t } = useTranslation();
  return <DsSkipLink href="#main">{t('shell.skipLink')}</DsSkipLink>;
}
