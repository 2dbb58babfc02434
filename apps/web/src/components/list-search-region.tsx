import { Spinner } from '@digdir/designsystemet-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** How long a search may take before "Searching …" shows, so a quick answer does not flicker. */
export const SEARCHING_DELAY_MS = 400;

interface ListSearchRegionProps {
  /** True while the list shows the previous results and fetches the ones for a new search, filter, sort or page. */
  searching: boolean;
  children: ReactNode;
}

/**
 * The results of every list: marked aria-busy while a new search is fetched (the previous rows
 * stay in place, so nothing jumps), and after SEARCHING_DELAY_MS a polite status "Searching …"
 * that screen readers announce. The search itself lives in the address, so leaving the page and
 * coming back (or sharing the link) runs it again.
 */
export function ListSearchRegion({ searching, children }: ListSearchRegionProps) {
  const { t } = useTranslation();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!searching) return undefined;
    const timer = window.setTimeout(() => setSlow(true), SEARCHING_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      setSlow(false);
    };
  }, [searching]);
  const shown = searching && slow;
  return (
    <div className="list-search-region" aria-busy={searching}>
      <div role="status" className="list-search-region__status">
        {shown ? (
          <>
            <Spinner aria-hidden data-size="sm" />
            <span>{t('lists.searching')}</span>
          </>
        ) : null}
      </div>
      {children}
    </div>
  );
}
