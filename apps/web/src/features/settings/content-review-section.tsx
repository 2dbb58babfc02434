import { Heading, Link, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import type { ContentSourceReview, ContentSourceReviewItem } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/load-state';
import { contentSourcesQueryOptions } from './queries';

const UPCOMING_SHOWN = 10;

/** The sources behind the shipped content, with those due for review (administrator and coordinator). */
export function ContentReviewSection() {
  const { t } = useTranslation();
  const review = useQuery(contentSourcesQueryOptions());
  return (
    <section aria-labelledby="content-review-heading" className="page-section">
      <Heading level={2} data-size="sm" id="content-review-heading">
        {t('settings.contentReview.heading')}
      </Heading>
      {review.isPending ? <Loading /> : null}
      {review.isError ? <LoadError error={review.error} onRetry={() => void review.refetch()} /> : null}
      {review.data ? <ReviewBody review={review.data} /> : null}
    </section>
  );
}

function ReviewBody({ review }: { review: ContentSourceReview }) {
  const { t } = useTranslation();
  const due = review.items.filter((item) => item.isDue);
  const upcoming = review.items.filter((item) => !item.isDue).slice(0, UPCOMING_SHOWN);
  return (
    <>
      <Paragraph>{t('settings.contentReview.intro', { months: review.reviewIntervalMonths })}</Paragraph>
      <Paragraph data-testid="content-review-summary">{t('settings.contentReview.summary', { due: review.due, total: review.total, claims: review.sourcedClaims })}</Paragraph>
      {due.length > 0 ? <SourceTable caption={t('settings.contentReview.dueCaption')} items={due} /> : <Paragraph>{t('settings.contentReview.noneDue')}</Paragraph>}
      {upcoming.length > 0 ? <SourceTable caption={t('settings.contentReview.upcomingCaption')} items={upcoming} /> : null}
      <Paragraph data-size="sm">{t('settings.contentReview.howTo')}</Paragraph>
    </>
  );
}

function SourceTable({ caption, items }: { caption: string; items: readonly ContentSourceReviewItem[] }) {
  const { t } = useTranslation();
  return (
    <Table zebra border>
      <caption>{caption}</caption>
      <TableHead>
        <TableRow>
          <TableHeaderCell scope="col">{t('settings.contentReview.source')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('settings.contentReview.where')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('settings.contentReview.checked')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('settings.contentReview.reviewDue')}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((item) => (
          <TableRow key={`${item.file}|${item.location}|${item.label}`}>
            <TableCell>{item.url ? <Link href={item.url}>{item.label}</Link> : item.label}</TableCell>
            <TableCell>
              {item.file} ({item.location})
            </TableCell>
            <TableCell>{item.checked}</TableCell>
            <TableCell>{item.reviewDue}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
