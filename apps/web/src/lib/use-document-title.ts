import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets document.title to "<page> – Lykt" while the page is shown. */
export function useDocumentTitle(page: string): void {
  const { t } = useTranslation();
  const title = t('common.titleSuffix', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
