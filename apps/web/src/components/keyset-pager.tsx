import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

interface KeysetPagerProps {
  /** What is being paged, e.g. "Cases"; names the navigation landmark. */
  listName: string;
  /** The whole list's size when the server could count it cheaply; otherwise null. */
  total: number | null;
  nextCursor: string | null;
  /** Whether this is a later page (the address holds a cursor). */
  isLaterPage: boolean;
  onNext: (cursor: string) => void;
  onFirst: () => void;
  /** The total in the list's own words, e.g. "12 cases"; by default "Results: 12". */
  totalText?: ((total: number) => string) | undefined;
}

/** Paging for a keyset-paged list: a total where the server gives one, "first page" and "next page". */
export function KeysetPager({ listName, total, nextCursor, isLaterPage, onNext, onFirst, totalText }: KeysetPagerProps) {
  const { t, i18n } = useTranslation();
  return (
    <nav className="filters__actions" aria-label={t('pagination.label', { list: listName })}>
      {total !== null ? (
        <Paragraph data-size="sm" role="status">
          {totalText ? totalText(total) : t('pagination.total', { total: formatNumber(total, i18n.resolvedLanguage ?? 'nb') })}
        </Paragraph>
      ) : null}
      {isLaterPage ? (
        <Button variant="tertiary" onClick={onFirst}>
          {t('pagination.firstPage')}
        </Button>
      ) : null}
      {nextCursor ? (
        <Button variant="tertiary" onClick={() => onNext(nextCursor)}>
          {t('pagination.nextPage')}
        </Button>
      ) : null}
    </nav>
  );
}
