import { Alert, Button, Heading, Link, Paragraph, SelectOption, Tag } from '@digdir/designsystemet-react';
import { STATISTICS_SOURCES, type ChartDefinition, type StatisticsPage as Page, type StatisticsSource, type StatisticsTable } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartFigure } from '../../components/chart-figure';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { hasPermission, useMe } from '../auth/use-me';
import { BackgroundDownload } from '../downloads/background-download';
import { exportHref, htcdsHref, komHref, publishStatisticsMutationOptions, statisticsQueryOptions } from './queries';
import './statistics.css';
import { formatDate, formatMonth, formatRegion } from '../../lib/format';

type View = 'month' | 'quarter';
type Lang = 'nb' | 'en';

/** The disclosure-controlled statistics: for the coordinator and viewers (statistics:read). */
export function StatisticsPage() {
  return <StatisticsView internal={false} />;
}

/** Exact figures for the case team, clearly marked internal (statistics:internal). */
export function InternalStatisticsPage() {
  return <StatisticsView internal />;
}

function useCategoryLabel() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const language = i18n.language;
    return (dimension: string, key: string): string => {
      if (dimension === 'month') return formatMonth(key, language, 'name');
      if (dimension === 'quarter') return key.slice(-2);
      if (key.startsWith('region:')) return t(`statistics.regions.${key.slice(7)}`, { defaultValue: key });
      if (dimension === 'nationality' && /^[A-Z]{2}$/.test(key)) return formatRegion(key, language);
      return t(`statistics.values.${key}`, { defaultValue: key });
    };
  }, [t, i18n.language]);
}

function StatisticsView({ internal }: { internal: boolean }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const thisYear = new Date().getFullYear();
  // The published page opens on the last closed year; the internal page on this year.
  const [year, setYear] = useState(internal ? thisYear : thisYear - 1);
  const [pool, setPool] = useState(1);
  const [source, setSource] = useState<StatisticsSource>('case');
  const [view, setView] = useState<View>('month');
  const page = useQuery(statisticsQueryOptions(year, internal, internal ? 1 : pool));
  const lang: Lang = i18n.language.startsWith('en') ? 'en' : 'nb';
  const title = internal ? t('statistics.internalTitle') : t('statistics.title');
  return (
    <div className={internal ? 'page-stack statistics statistics--internal' : 'page-stack statistics'}>
      <PageHeading>{title}</PageHeading>
      {internal ? (
        <Alert data-color="warning">
          <Tag data-color="warning">{t('statistics.internalBadge')}</Tag> {t('statistics.internalWarning')}
        </Alert>
      ) : (
        <Paragraph>{t('statistics.intro')}</Paragraph>
      )}
      <Paragraph>
        {internal ? (
          <Link asChild>
            <RouterLink to="/statistics">{t('statistics.protectedLink')}</RouterLink>
          </Link>
        ) : hasPermission(me, 'statistics:internal') ? (
          <Link asChild>
            <RouterLink to="/statistics/internal">{t('statistics.internalLink')}</RouterLink>
          </Link>
        ) : null}
      </Paragraph>
      <div className="statistics__filters">
        <SelectField label={t('statistics.year')} value={String(year)} onChange={(event) => setYear(Number(event.currentTarget.value))}>
          {[0, 1, 2, 3, 4].map((back) => (
            <SelectOption key={back} value={String(thisYear - back)}>
              {String(thisYear - back)}
            </SelectOption>
          ))}
        </SelectField>
        {!internal ? (
          <SelectField label={t('statistics.pool')} value={String(pool)} onChange={(event) => setPool(Number(event.currentTarget.value))}>
            <SelectOption value="1">{t('statistics.pools.one')}</SelectOption>
            <SelectOption value="3">{t('statistics.pools.three')}</SelectOption>
            <SelectOption value="5">{t('statistics.pools.five')}</SelectOption>
          </SelectField>
        ) : null}
        <SelectField label={t('statistics.source')} value={source} onChange={(event) => setSource(event.currentTarget.value as StatisticsSource)}>
          {STATISTICS_SOURCES.map((key) => (
            <SelectOption key={key} value={key}>
              {t(`statistics.sources.${key}`)}
            </SelectOption>
          ))}
        </SelectField>
        {internal || pool === 1 ? (
          <SelectField label={t('statistics.view')} value={view} onChange={(event) => setView(event.currentTarget.value as View)}>
            <SelectOption value="month">{t('statistics.month')}</SelectOption>
            <SelectOption value="quarter">{t('statistics.quarter')}</SelectOption>
          </SelectField>
        ) : null}
      </div>
      {page.isPending ? <Loading /> : null}
      {page.isError ? <LoadError error={page.error} onRetry={() => void page.refetch()} /> : null}
      {page.data ? (
        <PageBody page={page.data} source={source} view={view} lang={lang} canExport={hasPermission(me, 'statistics:export')} canHtcds={internal && hasPermission(me, 'statistics:htcds')} />
      ) : null}
      {!internal && page.data && page.data.status === 'released' && hasPermission(me, 'statistics:publish') ? <PublishRelease page={page.data} /> : null}
    </div>
  );
}

function PageBody({ page, source, view, lang, canExport, canHtcds }: { page: Page; source: StatisticsSource; view: View; lang: Lang; canExport: boolean; canHtcds: boolean }) {
  const { t, i18n } = useTranslation();
  const label = useCategoryLabel();
  const withheld = t('statistics.withheld', { k: page.suppressionThreshold });
  const note =
    page.internal || !page.release
      ? undefined
      : t('statistics.withheldNote', { k: page.suppressionThreshold, d: page.noiseMax, number: page.release.number, period: periodLabel(page), date: formatDate(page.release.publishedAt, i18n.language) });
  const show = (value: number | null) => (value === null ? withheld : String(value));
  const tables = page.tables.filter((table) => table.source === source && table.dimension !== (view === 'month' ? 'quarter' : 'month'));
  const dropped = page.dropped.filter((id) => id.startsWith(`${source}.`) && !id.endsWith(view === 'month' ? '.quarter' : '.month'));
  const droppedList = dropped.map((id) => t(`statistics.dimensions.${id.split('.')[1] ?? ''}`, { defaultValue: id }).toLocaleLowerCase()).join(', ');
  const hasData = page.internal ? page.sources.includes(source) : tables.length > 0;
  const trend: ChartDefinition = {
    id: 'statistics-trend',
    kind: 'line',
    title: t('statistics.trendTitle'),
    description: t('statistics.trendDescription'),
    categoryLabel: t('statistics.year'),
    valueLabel: t('statistics.count'),
    categories: [...new Set(page.trend.map((entry) => String(entry.year)))],
    series: STATISTICS_SOURCES.map((key) => {
      const entries = page.trend.filter((entry) => entry.source === key);
      return {
        key,
        label: t(`statistics.sources.${key}`),
        values: entries.map((entry) => entry.total),
        display: entries.map((entry) => (entry.released ? show(entry.total) : t('statistics.notPublished'))),
      };
    }),
    ...(note ? { note } : {}),
  };
  return (
    <>
      {page.status === 'open' ? <Alert data-color="info">{t('statistics.open', { year: page.year })}</Alert> : null}
      {!page.internal && page.pool > 1 ? <Paragraph data-size="sm">{t('statistics.pooledNote')}</Paragraph> : null}
      {!page.internal && page.withheld > 0 ? <Paragraph data-size="sm">{t('statistics.withheldCount', { count: page.withheld })}</Paragraph> : null}
      <ChartFigure definition={trend} />
      {page.status !== 'open' ? (
        <section aria-labelledby="statistics-source-heading" className="page-section">
          <Heading level={2} data-size="sm" id="statistics-source-heading">
            {t(`statistics.sources.${source}`)} {periodLabel(page)}
          </Heading>
          {hasData ? (
            tables.map((table) => <TableFigure key={table.id} table={table} page={page} label={label} show={show} note={note} lang={lang} canExport={canExport} />)
          ) : page.internal ? (
            <Paragraph>{t('statistics.noData', { year: page.year })}</Paragraph>
          ) : (
            <Paragraph>{t('statistics.fewerInPeriod', { k: page.suppressionThreshold })}</Paragraph>
          )}
          {hasData && dropped.length > 0 ? <Paragraph data-size="sm">{t('statistics.dropped', { k: page.suppressionThreshold, list: droppedList })}</Paragraph> : null}
        </section>
      ) : null}
      {canExport && page.status !== 'open' ? (
        <section aria-labelledby="statistics-downloads-heading" className="page-section">
          <Heading level={2} data-size="xs" id="statistics-downloads-heading">
            {t('statistics.exports.heading')}
          </Heading>
          <ul className="statistics__downloads">
            {!page.internal ? (
              <>
                <li>
                  {/* Every table in one workbook is made in the background; the user can leave and find it under My downloads. */}
                  <BackgroundDownload request={{ kind: 'statistics', query: { year: page.year, ...(page.pool > 1 ? { pool: page.pool } : {}), format: 'xlsx', lang } }} label={t('statistics.exports.allXlsx', { year: periodLabel(page) })} />
                </li>
                <li>
                  <Link href={komHref(page.year, 'csv', lang, page.pool)} download>
                    {t('statistics.exports.komCsv')}
                  </Link>
                </li>
                <li>
                  <Link href={komHref(page.year, 'xlsx', lang, page.pool)} download>
                    {t('statistics.exports.komXlsx')}
                  </Link>
                </li>
              </>
            ) : null}
          </ul>
        </section>
      ) : null}
      {canHtcds ? (
        <section aria-labelledby="statistics-htcds-heading" className="page-section">
          <Heading level={2} data-size="xs" id="statistics-htcds-heading">
            {t('statistics.exports.htcdsHeading')}
          </Heading>
          <Paragraph>{t('statistics.exports.htcdsIntro')}</Paragraph>
          <ul className="statistics__downloads">
            <li>
              <Link href={htcdsHref(page.year, 'k_anonymised')} download>
                {t('statistics.exports.htcdsAnon')}
              </Link>
            </li>
            <li>
              <Link href={htcdsHref(page.year, 'coded')} download>
                {t('statistics.exports.htcdsCoded')}
              </Link>
            </li>
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** "2025", or "2023–2025" for pooled years. */
function periodLabel(page: Page): string {
  return page.pool > 1 ? `${page.year - page.pool + 1}–${page.year}` : String(page.year);
}

/** The coordinator publishes a new release of the shown closed period (late registrations); unchanged figures make none. */
function PublishRelease({ page }: { page: Page }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const publish = useMutation(publishStatisticsMutationOptions(queryClient));
  const period = periodLabel(page);
  return (
    <section aria-labelledby="statistics-publish-heading" className="page-section">
      <Heading level={2} data-size="xs" id="statistics-publish-heading">
        {t('statistics.publish.button', { period })}
      </Heading>
      <Paragraph data-size="sm">{t('statistics.publish.intro')}</Paragraph>
      <Button variant="secondary" onClick={() => publish.mutate({ year: page.year, pool: page.pool })} disabled={publish.isPending}>
        {t('statistics.publish.button', { period })}
      </Button>
      <div aria-live="polite">
        {publish.data ? <Paragraph>{publish.data.created ? t('statistics.publish.created', { number: publish.data.release.number }) : t('statistics.publish.unchanged', { number: publish.data.release.number })}</Paragraph> : null}
      </div>
      <MutationError error={publish.error} />
    </section>
  );
}

interface TableFigureProps {
  table: StatisticsTable;
  page: Page;
  label: (dimension: string, key: string) => string;
  show: (value: number | null) => string;
  note: string | undefined;
  lang: Lang;
  canExport: boolean;
}

/** One table as a chart with its data table, its total and (on the protected page) its downloads. */
function TableFigure({ table, page, label, show, note, lang, canExport }: TableFigureProps) {
  const { t } = useTranslation();
  const title = t('statistics.tableTitle', {
    source: t(`statistics.sources.${table.source}`),
    dimension: t(`statistics.dimensions.${table.dimension}`).toLocaleLowerCase(),
  });
  const twoWay = table.columnDimension !== null;
  const notes = [note, table.multiValued ? t('statistics.multiValued') : undefined].filter((text): text is string => Boolean(text)).join(' ');
  const definition: ChartDefinition = {
    id: `statistics-${table.id.replace(/[^a-z0-9]+/g, '-')}`,
    kind: twoWay ? 'stacked_bar' : 'bar',
    title,
    description: t('statistics.chartDescription'),
    categoryLabel: t(`statistics.dimensions.${table.dimension}`),
    valueLabel: t('statistics.count'),
    categories: table.rows.map((row) => label(table.dimension, row.key)),
    series: twoWay
      ? table.columns.map((column, index) => ({
          key: column,
          label: label(table.columnDimension ?? '', column),
          values: table.rows.map((row) => row.values[index] ?? null),
          display: table.rows.map((row) => show(row.values[index] ?? null)),
        }))
      : [
          {
            key: 'count',
            label: t('statistics.count'),
            values: table.rows.map((row) => row.total),
            display: table.rows.map((row) => show(row.total)),
          },
        ],
    ...(notes ? { note: notes } : {}),
  };
  return (
    <div className="statistics__table" data-table={table.id}>
      <ChartFigure definition={definition} beside />
      <Paragraph data-size="sm">{t('statistics.total', { value: show(table.total) })}</Paragraph>
      {canExport && !page.internal ? (
        <Paragraph data-size="sm" className="statistics__table-downloads">
          <Link href={exportHref(page.year, 'csv', lang, table.id, page.pool)} download>
            {t('statistics.exports.csv', { title })}
          </Link>{' '}
          <Link href={exportHref(page.year, 'xlsx', lang, table.id, page.pool)} download>
            {t('statistics.exports.xlsx', { title })}
          </Link>
        </Paragraph>
      ) : null}
    </div>
  );
}
