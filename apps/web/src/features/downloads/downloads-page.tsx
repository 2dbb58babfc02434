import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { DOWNLOAD_KEEP_HOURS } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { formatDateTime } from '../../lib/format';
import { DownloadState, useDownloadLabel } from './background-download';
import './downloads.css';
import { deleteDownloadMutationOptions, downloadsQueryOptions, isPending } from './queries';

/** "My downloads": the user's own background downloads, their progress and files (any signed-in user). */
export function DownloadsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const downloads = useQuery(downloadsQueryOptions());
  const remove = useMutation(deleteDownloadMutationOptions(queryClient));
  const label = useDownloadLabel();
  const when = (iso: string | null) => formatDateTime(iso, i18n.language) ?? '';
  if (downloads.isPending) return <Loading />;
  if (downloads.isError) return <LoadError error={downloads.error} onRetry={() => void downloads.refetch()} />;
  const items = downloads.data.items;
  return (
    <div className="page-stack">
      <PageHeading>{t('downloads.title')}</PageHeading>
      <Paragraph>{t('downloads.intro', { hours: DOWNLOAD_KEEP_HOURS })}</Paragraph>
      <MutationError error={remove.error} />
      {items.length === 0 ? (
        <Paragraph>{t('downloads.empty')}</Paragraph>
      ) : (
        <ul className="downloads-list">
          {items.map((item) => (
            <li key={item.id} className="downloads-list__item">
              <Heading level={2} data-size="2xs">
                {label(item.request)}
              </Heading>
              <DownloadState download={item} />
              <Paragraph data-size="xs">
                {t('downloads.askedAt', { when: when(item.createdAt) })}
                {item.expiresAt ? ` · ${t('downloads.expires', { when: when(item.expiresAt) })}` : ''}
                {item.downloadedAt ? ` · ${t('downloads.downloaded', { when: when(item.downloadedAt) })}` : ''}
              </Paragraph>
              {!isPending(item) ? (
                <div>
                  <Button variant="tertiary" data-size="sm" type="button" aria-label={t('downloads.removeLabel', { what: label(item.request) })} onClick={() => remove.mutate(item.id)}>
                    {t('downloads.remove')}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
