import { Pagination, PaginationButton, PaginationItem, PaginationList, Paragraph, usePagination } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

interface PaginationNavProps {
  /** What is being paged, e.g. "Users"; names the navigation landmark. */
  listName: string;
  total: number;
  limit: number;
  offset: number;
  onOffsetChange: (offset: number) => void;
}

/** "Showing 1–25 of 120" and page buttons for a server-paginated list. */
export function PaginationNav({ listName, total, limit, offset, onOffsetChange }: PaginationNavProps) {
  const { t, i18n } = useTranslation();
  const totalPages = Math.max(1, Math.ceil(total / limit));
  const currentPage = Math.min(totalPages, Math.floor(offset / limit) + 1);
  const { pages, prevButtonProps, nextButtonProps } = usePagination({
    currentPage,
    totalPages,
    showPages: 7,
    setCurrentPage: (page) => {
      onOffsetChange((page - 1) * limit);
    },
  });
  const language = i18n.resolvedLanguage ?? 'nb';
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);

  return (
    <div className="pagination">
      <Paragraph data-size="sm" aria-live="polite">
        {t('pagination.showing', {
          from: formatNumber(from, language),
          to: formatNumber(to, language),
          total: formatNumber(total, language),
        })}
      </Paragraph>
      {totalPages > 1 ? (
        <Pagination aria-label={t('pagination.label', { list: listName })}>
          <PaginationList>
            <PaginationItem>
              <PaginationButton variant="tertiary" {...prevButtonProps}>
                {t('pagination.previous')}
              </PaginationButton>
            </PaginationItem>
            {pages.map(({ page, itemKey, buttonProps }) => (
              <PaginationItem key={itemKey}>
                {typeof page === 'number' && buttonProps ? (
                  <PaginationButton variant="tertiary" {...buttonProps} aria-label={t('pagination.page', { page })}>
                    {page}
                  </PaginationButton>
                ) : null}
              </PaginationItem>
            ))}
            <PaginationItem>
              <PaginationButton variant="tertiary" {...nextButtonProps}>
                {t('pagination.next')}
              </PaginationButton>
            </PaginationItem>
          </PaginationList>
        </Pagination>
      ) : null}
    </div>
  );
}
