import { Button, Link as DsLink, Paragraph } from '@digdir/designsystemet-react';
import type { Download, DownloadRequest } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../../components/load-state';
import './downloads.css';
import { downloadFileUrl, downloadsQueryOptions, isPending, requestDownloadMutationOptions, sameRequest } from './queries';

/** What a download is, in words ("Council report, version 2 (PDF)"). */
export function useDownloadLabel(): (request: DownloadRequest) => string {
  const { t } = useTranslation();
  return (request) =>
    request.kind === 'report'
      ? t('downloads.what.report', { version: request.version, format: request.format.toUpperCase() })
      : t('downloads.what.statistics', { year: request.query.year, format: request.query.format.toUpperCase() });
}

/**
 * One download's state: the step in words (a polite live region, so a screen reader hears each
 * step), a progress bar while it is being made, and the file link when it is ready.
 */
export function DownloadState({ download }: { download: Download }) {
  const { t } = useTranslation();
  const label = useDownloadLabel();
  const what = label(download.request);
  const code = KNOWN_ERRORS.find((known) => known === download.errorCode);
  const step = download.status === 'failed' ? [t('downloads.failed'), code ? t(`downloads.errors.${code}`) : ''].join(' ').trim() : t(`downloads.steps.${download.step}`);
  return (
    <div className="download-state">
      <Paragraph data-size="sm" role="status">
        {t('downloads.statusLine', { what, step })}
      </Paragraph>
      {isPending(download) ? (
        <progress className="download-state__bar" max={100} value={download.progress} aria-label={t('downloads.progressLabel', { what })}>
          {download.progress} %
        </progress>
      ) : null}
      {download.status === 'ready' && download.fileName ? (
        <DsLink href={downloadFileUrl(download.id)} download={download.fileName}>
          {t('downloads.download', { file: download.fileName })}
        </DsLink>
      ) : null}
    </div>
  );
}

const KNOWN_ERRORS = ['NOT_FOUND', 'FORBIDDEN', 'INTERRUPTED', 'PERIOD_OPEN', 'RENDER_LIMIT', 'RENDER_FAILED', 'RENDER_BUSY'] as const;

/**
 * A button that asks for a long download in the background, and below it the state of the
 * newest download of the same thing: it is still there when the user comes back to the page.
 */
export function BackgroundDownload({ request, label }: { request: DownloadRequest; label: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const downloads = useQuery(downloadsQueryOptions());
  const ask = useMutation(requestDownloadMutationOptions(queryClient));
  // The task just asked for (as soon as the server took it), else the newest for the same thing.
  const asked = ask.data ? (downloads.data?.items.find((item) => item.id === ask.data.id) ?? ask.data) : undefined;
  const latest = asked ?? downloads.data?.items.find((item) => sameRequest(item.request, request)) ?? null;
  const busy = ask.isPending || (latest !== null && isPending(latest));
  return (
    <div className="background-download">
      <Button variant="secondary" type="button" aria-disabled={busy || undefined} onClick={() => (busy ? undefined : ask.mutate(request))}>
        {label}
      </Button>
      <MutationError error={ask.error} />
      {latest ? <DownloadState download={latest} /> : null}
      {ask.isSuccess ? (
        <Paragraph data-size="sm">
          {t('downloads.asked')}{' '}
          <DsLink asChild>
            <Link to="/downloads">{t('downloads.seeAll')}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
    </div>
  );
}
