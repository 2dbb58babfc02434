import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/load-state';
import { formatDateTime } from '../../lib/format';
import { notificationDeliveryQueryOptions } from './queries';

/** Settings section for the administrator: the e-mail outbox and the latest failures. */
export function NotificationDeliverySection() {
  const { t, i18n } = useTranslation();
  const delivery = useQuery(notificationDeliveryQueryOptions());
  return (
    <section className="page-section" aria-labelledby="settings-notification-delivery">
      <Heading level={2} data-size="sm" id="settings-notification-delivery">
        {t('notifications.delivery.heading')}
      </Heading>
      <Paragraph>{t('notifications.delivery.intro')}</Paragraph>
      {delivery.isPending ? <Loading /> : null}
      {delivery.isError ? <LoadError error={delivery.error} onRetry={() => void delivery.refetch()} /> : null}
      {delivery.data ? (
        <>
          {delivery.data.emailConfigured ? null : <Paragraph>{t('notifications.delivery.notConfigured')}</Paragraph>}
          <Paragraph>{t('notifications.delivery.counts', delivery.data.counts)}</Paragraph>
          {delivery.data.failures.length === 0 ? (
            <Paragraph>{t('notifications.delivery.none')}</Paragraph>
          ) : (
            <Table zebra border>
              <caption>{t('notifications.delivery.caption')}</caption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell scope="col">{t('notifications.delivery.kind')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('notifications.delivery.status')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('notifications.delivery.attempts')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('notifications.delivery.error')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('notifications.delivery.next')}</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {delivery.data.failures.map((failure) => (
                  <TableRow key={failure.id}>
                    <TableCell>{failure.kind ? t(`notifications.kinds.${failure.kind}`) : t('notifications.delivery.digest')}</TableCell>
                    <TableCell>{failure.status === 'failed' ? t('notifications.delivery.statusFailed') : t('notifications.delivery.statusPending')}</TableCell>
                    <TableCell>{String(failure.attempts)}</TableCell>
                    <TableCell>{failure.lastError ?? ''}</TableCell>
                    <TableCell>{formatDateTime(failure.nextAttemptAt, i18n.language) ?? ''}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      ) : null}
    </section>
  );
}
