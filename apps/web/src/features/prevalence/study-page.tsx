import { Alert, Button, Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Textfield } from '@digdir/designsystemet-react';
import type { OverlapTableBody, PrevalenceResult, PrevalenceStudy } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { formatDateTime, formatNumber } from '../../lib/format';
import { addCasesListMutationOptions, addListMutationOptions, enterTableMutationOptions, estimateMutationOptions } from './mutations';
import { studyQueryOptions } from './queries';

/** Reads an overlap table typed or pasted as CSV; null when it is not one. The server checks it again. */
function parseTableCsv(text: string): OverlapTableBody | null {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0);
  const header = lines[0]?.split(/[;,]/).map((cell) => cell.trim());
  if (!header || header.length < 2 || header[header.length - 1]?.toLowerCase() !== 'count') return null;
  const rows = lines.slice(1).map((line) => line.split(/[;,]/).map((cell) => Number(cell.trim())));
  if (rows.length === 0 || rows.some((row) => row.length !== header.length || row.some((v) => !Number.isInteger(v) || v < 0))) return null;
  return { lists: header.slice(0, -1), rows: rows.map((row) => ({ pattern: row.slice(0, -1).map((v) => (v === 1 ? 1 : 0)), count: row[row.length - 1] ?? 0 })) };
}

/**
 * One study: its lists, the exact overlap table (coordinator only), the estimate and its history.
 * Shown within the prevalence page (one route keeps the router's types within TypeScript's limits).
 */
export function StudyView({ studyId, onBack }: { studyId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const study = useQuery(studyQueryOptions(studyId));
  if (study.isPending) return <Loading />;
  if (study.isError) return <LoadError error={study.error} onRetry={() => void study.refetch()} />;
  const data = study.data;
  const latest = data.estimates[0];
  return (
    <>
      <PageHeading>{data.title}</PageHeading>
      <Paragraph>{t('prevalence.period', { from: data.periodFrom, to: data.periodTo })}</Paragraph>
      <Button type="button" variant="tertiary" data-size="sm" onClick={onBack}>
        {t('prevalence.back')}
      </Button>
      <ListsSection study={data} />
      {data.source !== 'lists' && data.status === 'open' ? <TableEntry studyId={data.id} /> : null}
      {data.table ? <OverlapTableView table={data.table} /> : null}
      <EstimateSection study={data} />
      {latest ? <ResultView result={latest.result} /> : null}
      <Explanation />
      {data.estimates.length > 1 ? <History study={data} /> : null}
    </>
  );
}

function ListsSection({ study }: { study: PrevalenceStudy }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const addList = useMutation(addListMutationOptions(queryClient, study.id));
  const addCases = useMutation(addCasesListMutationOptions(queryClient, study.id));
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const csv = await file.text();
    addList.mutate({ name, csv }, { onSuccess: () => setName('') });
  };
  const added = addList.data ?? addCases.data;
  return (
    <section aria-labelledby="prevalence-lists" className="page-section">
      <Heading level={2} data-size="sm" id="prevalence-lists">
        {t('prevalence.lists')}
      </Heading>
      {study.lists.length > 0 ? (
        <Table zebra border>
          <caption className="visually-hidden">{t('prevalence.lists')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t('prevalence.listName')}</TableHeaderCell>
              <TableHeaderCell>{t('prevalence.origin')}</TableHeaderCell>
              <TableHeaderCell>{t('prevalence.people')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {study.lists.map((list) => (
              <TableRow key={list.id}>
                <TableHeaderCell scope="row">{list.name}</TableHeaderCell>
                <TableCell>{list.origin === 'lykt_cases' ? t('prevalence.originCases') : t('prevalence.originUpload')}</TableCell>
                <TableCell>{formatNumber(list.personCount, i18n.language)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <SuccessMessage>
        {added ? `${t('prevalence.listAdded', { count: added.list.personCount })}${added.skipped > 0 ? ` ${t('prevalence.listSkipped', { count: added.skipped })}` : ''}` : null}
      </SuccessMessage>
      {study.status === 'open' && study.source !== 'table' ? (
        <>
          <form onSubmit={(event) => void onSubmit(event)} className="form-stack">
            <Textfield label={t('prevalence.listName')} value={name} onChange={(event) => setName(event.currentTarget.value)} required />
            <Textfield
              type="file"
              accept=".csv,text/csv"
              label={t('prevalence.listFile')}
              description={t('prevalence.listFileDescription')}
              onChange={(event) => {
                addList.reset();
                setFile(event.currentTarget.files?.[0] ?? null);
              }}
              required
            />
            <MutationError error={addList.error ?? addCases.error} />
            <div className="button-row">
              <Button type="submit" loading={addList.isPending} disabled={addList.isPending || file === null}>
                {t('prevalence.addList')}
              </Button>
              <Button type="button" variant="secondary" loading={addCases.isPending} disabled={addCases.isPending} onClick={() => addCases.mutate({ name: t('prevalence.casesListName') })}>
                {t('prevalence.addCases')}
              </Button>
            </div>
          </form>
        </>
      ) : null}
    </section>
  );
}

function TableEntry({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const enter = useMutation(enterTableMutationOptions(queryClient, studyId));
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const table = parseTableCsv(text);
    setInvalid(table === null);
    if (table) enter.mutate(table);
  };
  return (
    <section aria-labelledby="prevalence-table-entry" className="page-section">
      <Heading level={2} data-size="sm" id="prevalence-table-entry">
        {t('prevalence.enterTable')}
      </Heading>
      <form onSubmit={onSubmit} className="form-stack">
        <Textfield multiline rows={6} label={t('prevalence.tableCsv')} description={t('prevalence.tableCsvDescription')} value={text} onChange={(event) => setText(event.currentTarget.value)} error={invalid ? t('prevalence.tableInvalid') : undefined} />
        <MutationError error={enter.error} />
        <div className="button-row">
          <Button type="submit" variant="secondary" loading={enter.isPending} disabled={enter.isPending}>
            {t('prevalence.saveTable')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function OverlapTableView({ table }: { table: OverlapTableBody }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="prevalence-table" className="page-section">
      <Heading level={2} data-size="sm" id="prevalence-table">
        {t('prevalence.table')}
      </Heading>
      <Paragraph data-size="sm">{t('prevalence.tableNote')}</Paragraph>
      <Table zebra border>
        <caption className="visually-hidden">{t('prevalence.table')}</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t('prevalence.pattern')}</TableHeaderCell>
            <TableHeaderCell>{t('prevalence.count')}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {table.rows.map((row) => {
            const label = table.lists.filter((_, i) => row.pattern[i] === 1).join(' + ');
            return (
              <TableRow key={row.pattern.join('')}>
                <TableHeaderCell scope="row">{label}</TableHeaderCell>
                <TableCell>{formatNumber(row.count, i18n.language)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}

function EstimateSection({ study }: { study: PrevalenceStudy }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const estimate = useMutation(estimateMutationOptions(queryClient, study.id));
  if (study.table === null) return null;
  return (
    <div className="button-row page-section">
      <Button type="button" loading={estimate.isPending} disabled={estimate.isPending} onClick={() => estimate.mutate()}>
        {t('prevalence.estimate')}
      </Button>
      <MutationError error={estimate.error} />
    </div>
  );
}

function ResultView({ result }: { result: PrevalenceResult }) {
  const { t, i18n } = useTranslation();
  const n = (value: number | null) => formatNumber(value ?? 0, i18n.language);
  return (
    <section aria-labelledby="prevalence-result" className="page-section">
      <Heading level={2} data-size="sm" id="prevalence-result">
        {t('prevalence.result')}
      </Heading>
      {result.kind === 'refusal' ? (
        <Alert data-color="warning">
          <Paragraph>{t('prevalence.refusal', { message: t(`prevalence.reasons.${result.reason ?? 'estimate_not_finite'}`, { defaultValue: result.message ?? '' }) })}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph data-size="lg">{t('prevalence.estimateLine', { estimate: n(result.estimate), lower: n(result.lower), upper: n(result.upper) })}</Paragraph>
          <Paragraph>{t('prevalence.observedLine', { observed: n(result.observed), unseen: n((result.estimate ?? 0) - result.observed) })}</Paragraph>
          <Paragraph>{t('prevalence.model', { model: result.model ?? '' })}</Paragraph>
          {result.spread ? <Paragraph>{t('prevalence.alternatives', { lowest: n(result.spread.lowest), highest: n(result.spread.highest) })}</Paragraph> : null}
        </>
      )}
    </section>
  );
}

function Explanation() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="prevalence-meaning" className="page-section">
      <Heading level={2} data-size="sm" id="prevalence-meaning">
        {t('prevalence.meaningHeading')}
      </Heading>
      <Paragraph>{t('prevalence.meaning')}</Paragraph>
      <Heading level={3} data-size="xs">
        {t('prevalence.assumptionsHeading')}
      </Heading>
      <ul>
        <li>{t('prevalence.assumptionClosed')}</li>
        <li>{t('prevalence.assumptionDependence')}</li>
        <li>{t('prevalence.assumptionHeterogeneity')}</li>
        <li>{t('prevalence.assumptionLinkage')}</li>
      </ul>
    </section>
  );
}

function History({ study }: { study: PrevalenceStudy }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="prevalence-history" className="page-section">
      <Heading level={2} data-size="sm" id="prevalence-history">
        {t('prevalence.history')}
      </Heading>
      <Table zebra border>
        <caption className="visually-hidden">{t('prevalence.history')}</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t('prevalence.madeAt')}</TableHeaderCell>
            <TableHeaderCell>{t('prevalence.result')}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {study.estimates.map((record) => (
            <TableRow key={record.id}>
              <TableHeaderCell scope="row">{formatDateTime(record.createdAt, i18n.language)}</TableHeaderCell>
              <TableCell>
                {record.result.kind === 'estimate'
                  ? `${formatNumber(record.result.estimate ?? 0, i18n.language)} (${formatNumber(record.result.lower ?? 0, i18n.language)}–${formatNumber(record.result.upper ?? 0, i18n.language)})`
                  : t('prevalence.noEstimate')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
