import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ReportVersionDetail } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './reports.css';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { VersionNav } from '../../components/version-nav';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { useFlash } from '../../lib/flash';
import { formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../auth/use-me';
import { DocumentBody } from './document-view';
import { CaseFieldsForm } from './case-form';
import { finaliseMutationOptions, newVersionMutationOptions } from './mutations';
import { NarrativeForm } from './narrative-form';
import { BackgroundDownload } from '../downloads/background-download';
import { reportVersionQueryOptions } from './queries';

const route = getRouteApi('/signed-in/reports/$reportId/versions/$number');

/** One version of a council report: status, downloads, the narrative (draft) and the report itself. */
export function ReportVersionPage() {
  const { t } = useTranslation();
  const { reportId, number } = route.useParams();
  const version = Number(number);
  const flash = useFlash();
  const me = useMe();
  const detail = useQuery(reportVersionQueryOptions(reportId, version));

  if (detail.isPending) return <Loading />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const data = detail.data;
  const canWrite = hasPermission(me, 'reports:write');
  const isDraft = data.version.status === 'draft';
  return (
    <div className="page-stack">
      <Breadcrumbs trail={[{ label: t('reports.title'), to: '/reports' }]} current={data.document.title} />
      <PageHeading documentTitle={t('reports.versionTitle', { year: data.report.year, number: data.version.number })}>{data.document.title}</PageHeading>
      <SuccessMessage>{flash}</SuccessMessage>
      <VersionStatus data={data} />
      <section className="page-section" aria-labelledby="report-downloads">
        <Heading level={2} data-size="sm" id="report-downloads">
          {t('reports.downloads')}
        </Heading>
        <div className="report-downloads">
          {/* Made in the background (about a second or more): the user can leave and find the file under My downloads. */}
          <BackgroundDownload request={{ kind: 'report', reportId, version, format: 'pdf' }} label={t('reports.downloadPdf')} />
          <BackgroundDownload request={{ kind: 'report', reportId, version, format: 'docx' }} label={t('reports.downloadDocx')} />
        </div>
      </section>
      {canWrite && isDraft ? <CaseFieldsForm key={`case-${reportId}-${version}`} data={data} /> : null}
      {canWrite && isDraft ? <NarrativeForm key={`${reportId}-${version}`} data={data} /> : null}
      {canWrite && isDraft ? <FinaliseAction reportId={reportId} number={version} /> : null}
      {canWrite && !isDraft && data.report.draftVersion === null ? <NewVersionAction reportId={reportId} /> : null}
      <article className="page-section" aria-label={t('reports.documentLabel')}>
        <DocumentBody document={data.document} />
      </article>
    </div>
  );
}

function VersionStatus({ data }: { data: ReportVersionDetail }) {
  const { t, i18n } = useTranslation();
  const when = (iso: string) => formatDateTime(iso, i18n.language) ?? iso;
  const version = data.version;
  return (
    <section className="page-section" aria-labelledby="report-status">
      <Heading level={2} data-size="sm" id="report-status">
        {t('reports.statusHeading')}
      </Heading>
      <Paragraph>
        <Tag data-color={version.status === 'final' ? 'success' : 'warning'}>{t(`reports.status.${version.status}`)}</Tag>{' '}
        {version.status === 'final'
          ? t('reports.finalLine', { when: when(version.finalisedAt ?? data.generatedAt), who: version.finalisedBy ?? t('common.empty') })
          : t('reports.draftLine', { when: when(data.generatedAt) })}
      </Paragraph>
      <VersionNav
        label={t('reports.versionsNav')}
        versions={data.report.versions}
        current={version.number}
        name={(other) => t('reports.versionWithStatus', { number: other.number, status: t(`reports.status.${other.status}`) })}
        link={(other, children) => (
          <Link to="/reports/$reportId/versions/$number" params={{ reportId: data.report.id, number: String(other.number) }}>
            {children}
          </Link>
        )}
      />
    </section>
  );
}

function FinaliseAction({ reportId, number }: { reportId: string; number: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const finalise = useMutation(finaliseMutationOptions(queryClient, reportId, number));
  const [open, setOpen] = useState(false);
  return (
    <section className="page-section" aria-labelledby="report-finalise">
      <Heading level={2} data-size="sm" id="report-finalise">
        {t('reports.finalise.heading')}
      </Heading>
      <Paragraph>{t('reports.finalise.intro')}</Paragraph>
      <div>
        <Button onClick={() => setOpen(true)}>{t('reports.finalise.button')}</Button>
      </div>
      <ConfirmDialog
        open={open}
        title={t('reports.finalise.confirmTitle')}
        text={t('reports.finalise.confirmText')}
        confirmLabel={t('reports.finalise.button')}
        isDanger={false}
        isPending={finalise.isPending}
        error={finalise.error}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          finalise.mutate(undefined, {
            onSuccess: () => {
              setOpen(false);
              void navigate({ to: '/reports/$reportId/versions/$number', params: { reportId, number: String(number) }, state: { flash: t('reports.finalise.done') } });
            },
          })
        }
      />
    </section>
  );
}

function NewVersionAction({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation(newVersionMutationOptions(queryClient, reportId));
  return (
    <section className="page-section" aria-labelledby="report-new-version">
      <Heading level={2} data-size="sm" id="report-new-version">
        {t('reports.newVersion.heading')}
      </Heading>
      <Paragraph>{t('reports.newVersion.intro')}</Paragraph>
      <MutationError error={create.error} />
      <div>
        <Button
          variant="secondary"
          disabled={create.isPending}
          onClick={() =>
            create.mutate(undefined, {
              onSuccess: (detail) => void navigate({ to: '/reports/$reportId/versions/$number', params: { reportId, number: String(detail.version.number) }, state: { flash: t('reports.newVersion.done') } }),
            })
          }
        >
          {t('reports.newVersion.button')}
        </Button>
      </div>
    </section>
  );
}
