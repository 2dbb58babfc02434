import { Card, Heading, Link as DsLink, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag } from '@digdir/designsystemet-react';
import type { TrainingModuleSummary, TrainingStatus } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { formatDate, formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../auth/use-me';
import { articleLang } from '../knowledge/queries';
import { certificateHref, completionsQueryOptions, modulesQueryOptions } from './queries';
import '../knowledge/knowledge.css';

const STATUS_COLOR: Record<TrainingStatus, 'neutral' | 'success' | 'warning' | 'danger'> = { not_started: 'neutral', completed: 'success', due_soon: 'warning', expired: 'danger' };

/** A day as the reader writes it. */
export function formatDay(day: string, language: string): string {
  return formatDate(day, language);
}

export function StatusTag({ module }: { module: TrainingModuleSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="knowledge-tags">
      <Tag data-color={STATUS_COLOR[module.status]}>{t(`training.status.${module.status}`)}</Tag>
      {module.lastCompletion ? <Tag data-color="neutral">{t('training.validUntil', { date: formatDay(module.lastCompletion.validUntil, i18n.language) })}</Tag> : null}
    </div>
  );
}

function ModuleCards({ modules, headingId, heading }: { modules: TrainingModuleSummary[]; headingId: string; heading: string }) {
  const { t } = useTranslation();
  if (modules.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="page-section">
      <Heading level={2} data-size="xs" id={headingId}>
        {heading}
      </Heading>
      <ul className="knowledge-list">
        {modules.map((module) => (
          <li key={module.key}>
            <Card data-color="neutral" className="knowledge-card">
              <Heading level={3} data-size="2xs">
                <DsLink asChild>
                  <Link to="/training/$moduleKey" params={{ moduleKey: module.key }}>
                    {module.title}
                  </Link>
                </DsLink>
              </Heading>
              <Paragraph data-size="sm">{module.description}</Paragraph>
              <Paragraph data-size="sm">
                {t('training.lessons', { count: module.lessonCount })} · {t('training.questions', { count: module.questionsPerAttempt, score: module.passScore })}
              </Paragraph>
              <StatusTag module={module} />
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}

const route = getRouteApi('/signed-in/training');

/** The actor's training: the modules meant for them first, then the rest, and their certificates. */
export function TrainingPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const lang = articleLang(i18n.language);
  const { due } = route.useSearch();
  const modules = useQuery(modulesQueryOptions(lang, due));
  const completions = useQuery(completionsQueryOptions(lang));
  return (
    <div className="page-stack">
      <PageHeading>{t('training.title')}</PageHeading>
      <Paragraph>{t('training.intro')}</Paragraph>
      {hasPermission(me, 'training:coverage') ? (
        <Paragraph>
          <DsLink asChild>
            <Link to="/training/coverage">{t('training.coverageLink')}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
      {modules.isPending ? <Loading /> : null}
      {modules.isError ? <LoadError error={modules.error} onRetry={() => void modules.refetch()} /> : null}
      {modules.data ? (
        <>
          {due === 'me' ? (
            <>
              <Paragraph role="status">
                {t('training.dueFilter', { count: modules.data.items.length })}{' '}
                <DsLink asChild>
                  <Link to="/training">{t('training.showAll')}</Link>
                </DsLink>
              </Paragraph>
              <ModuleCards headingId="for-me-heading" heading={t('training.dueHeading')} modules={modules.data.items} />
            </>
          ) : (
            <>
              <ModuleCards headingId="for-me-heading" heading={t('training.forMe')} modules={modules.data.items.filter((module) => module.isForMe)} />
              <ModuleCards headingId="others-heading" heading={t('training.others')} modules={modules.data.items.filter((module) => !module.isForMe)} />
            </>
          )}
        </>
      ) : null}
      <section aria-labelledby="certificates-heading" className="page-section">
        <Heading level={2} data-size="xs" id="certificates-heading">
          {t('training.completions.title')}
        </Heading>
        {completions.isError ? <LoadError error={completions.error} onRetry={() => void completions.refetch()} /> : null}
        {completions.data && completions.data.items.length === 0 ? <Paragraph>{t('training.completions.none')}</Paragraph> : null}
        {completions.data && completions.data.items.length > 0 ? (
          <Table zebra border>
            <caption>{t('training.completions.caption')}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t('training.completions.columns.module')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('training.completions.columns.completedAt')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('training.completions.columns.score')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('training.completions.columns.validUntil')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('training.completions.columns.certificate')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {completions.data.items.map((completion) => (
                <TableRow key={completion.id}>
                  <TableCell>{completion.moduleTitle}</TableCell>
                  <TableCell>{formatDateTime(completion.completedAt, i18n.language)}</TableCell>
                  <TableCell>{`${completion.score} %`}</TableCell>
                  <TableCell>{formatDay(completion.validUntil, i18n.language)}</TableCell>
                  <TableCell>
                    <DsLink href={certificateHref(completion.id, lang)}>{t('training.completions.download', { module: completion.moduleTitle })}</DsLink>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </section>
    </div>
  );
}
