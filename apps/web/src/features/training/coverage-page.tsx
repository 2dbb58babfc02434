import { Button, Heading, Paragraph, SelectOption, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag, Textfield } from '@digdir/designsystemet-react';
import type { ChartDefinition, Coverage, TrainingSettings } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../components/chart-figure';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { formatMonth, formatNumber } from '../../lib/format';
import { articleLang } from '../knowledge/queries';
import { saveSettingsMutationOptions } from './mutations';
import { PlanLinks } from './plan-links';
import { coverageQueryOptions, modulesQueryOptions, settingsQueryOptions } from './queries';
import { formatDay } from './training-page';

const route = getRouteApi('/signed-in/training/coverage');

/** The coordinator's view: coverage per module, over time, who is due, the module requirements and plan targets. */
export function CoveragePage() {
  const { t, i18n } = useTranslation();
  const lang = articleLang(i18n.language);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const modules = useQuery(modulesQueryOptions(lang));
  const moduleKey = search.module ?? modules.data?.items[0]?.key;
  return (
    <div className="page-stack">
      <PageHeading>{t('training.coverage.title')}</PageHeading>
      <Paragraph>{t('training.coverage.intro')}</Paragraph>
      {modules.isError ? <LoadError error={modules.error} onRetry={() => void modules.refetch()} /> : null}
      {modules.data && moduleKey ? (
        <>
          <SelectField label={t('training.coverage.moduleLabel')} value={moduleKey} onChange={(event) => void navigate({ search: { module: event.currentTarget.value } })}>
            {modules.data.items.map((module) => (
              <SelectOption key={module.key} value={module.key}>
                {module.title}
              </SelectOption>
            ))}
          </SelectField>
          <ModuleCoverage key={moduleKey} moduleKey={moduleKey} />
          <ModuleSettings key={`settings-${moduleKey}`} moduleKey={moduleKey} />
        </>
      ) : (
        <Loading />
      )}
      <PlanLinks />
    </div>
  );
}

function shareText(value: number | null, language: string, empty: string): string {
  return value === null ? empty : `${formatNumber(value, language)} %`;
}

function ModuleCoverage({ moduleKey }: { moduleKey: string }) {
  const { i18n } = useTranslation();
  const coverage = useQuery(coverageQueryOptions(moduleKey, articleLang(i18n.language)));
  if (coverage.isPending) return <Loading />;
  if (coverage.isError) return <LoadError error={coverage.error} onRetry={() => void coverage.refetch()} />;
  return <CoverageView coverage={coverage.data} />;
}

function CoverageView({ coverage }: { coverage: Coverage }) {
  const { t, i18n } = useTranslation();
  const empty = t('common.empty');
  const chart: ChartDefinition = {
    id: 'training-coverage-over-time',
    kind: 'line',
    title: t('training.coverage.chartTitle'),
    description: t('training.coverage.chartDescription'),
    categoryLabel: t('training.coverage.chartCategory'),
    valueLabel: t('training.coverage.chartValue'),
    categories: coverage.overTime.map((point) => formatMonth(point.month, i18n.language)),
    series: [{ key: 'share', label: t('training.coverage.chartSeries'), values: coverage.overTime.map((point) => point.share), display: coverage.overTime.map((point) => shareText(point.share, i18n.language, empty)) }],
    max: 100,
  };
  return (
    <>
      <Paragraph data-size="lg" aria-live="polite">
        {coverage.total.staff === 0
          ? t('training.coverage.totalNone')
          : t('training.coverage.total', { staff: coverage.total.staff, trained: coverage.total.trained ?? 0, share: formatNumber(coverage.total.share ?? 0, i18n.language) })}
      </Paragraph>
      <ChartFigure definition={chart} />
      <section aria-labelledby="by-organisation-heading" className="page-section">
        <Heading level={2} data-size="xs" id="by-organisation-heading">
          {t('training.coverage.byOrganisation')}
        </Heading>
        <Table zebra border>
          <caption>{t('training.coverage.byOrganisation')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t('training.coverage.columns.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('training.coverage.columns.kind')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('training.coverage.columns.staff')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('training.coverage.columns.trained')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('training.coverage.columns.share')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {coverage.byOrganisation.map((row) => (
              <TableRow key={row.organisationId}>
                <TableHeaderCell scope="row">{row.name}</TableHeaderCell>
                <TableCell>{t(`organisationKinds.${row.kind}`)}</TableCell>
                <TableCell>{row.staff}</TableCell>
                <TableCell>{row.trained ?? empty}</TableCell>
                <TableCell>{shareText(row.share, i18n.language, empty)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section aria-labelledby="by-kind-heading" className="page-section">
        <Heading level={2} data-size="xs" id="by-kind-heading">
          {t('training.coverage.byKind')}
        </Heading>
        <Table zebra border>
          <caption>{t('training.coverage.byKind')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t('training.coverage.columns.kind')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('training.coverage.columns.staff')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('training.coverage.columns.trained')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('training.coverage.columns.share')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {coverage.byKind.map((row) => (
              <TableRow key={row.kind}>
                <TableHeaderCell scope="row">{t(`organisationKinds.${row.kind}`)}</TableHeaderCell>
                <TableCell>{row.staff}</TableCell>
                <TableCell>{row.trained ?? empty}</TableCell>
                <TableCell>{shareText(row.share, i18n.language, empty)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section aria-labelledby="due-heading" className="page-section">
        <Heading level={2} data-size="xs" id="due-heading">
          {t('training.coverage.due')}
        </Heading>
        {coverage.due.length === 0 ? (
          <Paragraph>{t('training.coverage.dueNone')}</Paragraph>
        ) : (
          <Table zebra border>
            <caption>{t('training.coverage.dueCaption')}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t('training.coverage.dueColumns.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('training.coverage.dueColumns.organisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('training.coverage.dueColumns.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('training.coverage.dueColumns.validUntil')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {coverage.due.map((row) => (
                <TableRow key={row.userId}>
                  <TableCell>{row.name}</TableCell>
                  <TableCell>{row.organisation}</TableCell>
                  <TableCell>
                    <Tag data-color={row.status === 'expired' ? 'danger' : 'warning'}>{t(`training.status.${row.status}`)}</Tag>
                  </TableCell>
                  <TableCell>{formatDay(row.validUntil, i18n.language)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}

function ModuleSettings({ moduleKey }: { moduleKey: string }) {
  const settings = useQuery(settingsQueryOptions());
  const current = settings.data?.items.find((item) => item.moduleKey === moduleKey);
  if (!current) return null;
  return <SettingsForm settings={current} />;
}

function SettingsForm({ settings }: { settings: TrainingSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation(saveSettingsMutationOptions(queryClient, settings.moduleKey));
  const [passScore, setPassScore] = useState(String(settings.passScore));
  const [refreshMonths, setRefreshMonths] = useState(String(settings.refreshMonths));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ passScore: Number(passScore), refreshMonths: Number(refreshMonths) });
  };
  return (
    <section aria-labelledby="settings-heading" className="page-section">
      <Heading level={2} data-size="xs" id="settings-heading">
        {t('training.coverage.settingsTitle')}
      </Heading>
      <form onSubmit={submit} noValidate className="form-stack">
        <MutationError error={save.error} />
        <SuccessMessage>{save.isSuccess ? t('training.coverage.settingsSaved') : null}</SuccessMessage>
        <Textfield label={t('training.coverage.passScore')} type="number" min={50} max={100} value={passScore} onChange={(event) => setPassScore(event.currentTarget.value)} />
        <Textfield label={t('training.coverage.refreshMonths')} type="number" min={1} max={120} value={refreshMonths} onChange={(event) => setRefreshMonths(event.currentTarget.value)} />
        <div className="button-row">
          <Button type="submit" variant="secondary" disabled={save.isPending}>
            {t('training.coverage.saveSettings')}
          </Button>
        </div>
      </form>
    </section>
  );
}
