import { Button, Heading, List, Paragraph, SelectOption, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import type { PlanCompare, PlanSummary } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './plans.css';
import { LoadError, Loading } from '../../components/load-state';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { compareQueryOptions, plansQueryOptions } from './queries';

const route = getRouteApi('/signed-in/plans/$planId/compare');

const KNOWN_FIELDS = ['area', 'parentId', 'title', 'description', 'why', 'ownerOrganisationId', 'partnerOrganisationIds', 'responsiblePerson', 'startDate', 'dueDate', 'weight', 'milestones'] as const;
type KnownField = (typeof KNOWN_FIELDS)[number];
const isKnown = (field: string): field is KnownField => (KNOWN_FIELDS as readonly string[]).includes(field);

/** Two versions of a plan side by side: measures added, removed, and what changed in the others. */
export function PlanComparePage() {
  const { t } = useTranslation();
  const { planId } = route.useParams();
  const plans = useQuery(plansQueryOptions());
  if (plans.isPending) return <Loading />;
  if (plans.isError) return <LoadError error={plans.error} onRetry={() => void plans.refetch()} />;
  const plan = plans.data.items.find((item) => item.id === planId);
  if (!plan) return <LoadError error={new Error(t('plans.compare.notFound'))} />;
  return <Compare plan={plan} />;
}

function Compare({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  const numbers = plan.versions.map((version) => version.number);
  const last = numbers.at(-1) ?? 1;
  const [from, setFrom] = useState(String(numbers.at(-2) ?? last));
  const [to, setTo] = useState(String(last));
  const [shown, setShown] = useState<{ from: number; to: number } | null>(numbers.length > 1 ? { from: Number(from), to: Number(to) } : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown({ from: Number(from), to: Number(to) });
  };

  return (
    <div className="page-stack">
      <Breadcrumbs
        trail={[
          { label: t('plans.title'), to: '/plans' },
          { label: plan.title, to: `/plans/${encodeURIComponent(plan.id)}/versions/${plan.currentVersion ?? last}` },
        ]}
        current={t('plans.compare.title', { title: plan.title })}
      />
      <PageHeading>{t('plans.compare.title', { title: plan.title })}</PageHeading>
      {numbers.length < 2 ? <Paragraph>{t('plans.compare.onlyOne')}</Paragraph> : null}
      <form onSubmit={submit} className="form-stack" noValidate>
        <div className="form-row">
          <SelectField label={t('plans.compare.from')} value={from} onChange={(event) => setFrom(event.currentTarget.value)}>
            {plan.versions.map((version) => (
              <SelectOption key={version.number} value={String(version.number)}>
                {t('plans.versionWithStatus', { number: version.number, status: t(`plans.versionStatus.${version.status}`) })}
              </SelectOption>
            ))}
          </SelectField>
          <SelectField label={t('plans.compare.to')} value={to} onChange={(event) => setTo(event.currentTarget.value)}>
            {plan.versions.map((version) => (
              <SelectOption key={version.number} value={String(version.number)}>
                {t('plans.versionWithStatus', { number: version.number, status: t(`plans.versionStatus.${version.status}`) })}
              </SelectOption>
            ))}
          </SelectField>
        </div>
        <div>
          <Button type="submit">{t('plans.compare.submit')}</Button>
        </div>
      </form>
      {shown ? <CompareResult planId={plan.id} from={shown.from} to={shown.to} /> : null}
    </div>
  );
}

function CompareResult({ planId, from, to }: { planId: string; from: number; to: number }) {
  const { t } = useTranslation();
  const result = useQuery(compareQueryOptions(planId, from, to));
  if (result.isPending) return <Loading />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => void result.refetch()} />;
  const data: PlanCompare = result.data;
  const label = (item: { area: string; title: string }) => t('plans.compare.measureLabel', { area: item.area, title: item.title });
  const fieldName = (field: string) => (isKnown(field) ? t(`plans.compare.fields.${field}`) : field);
  const value = (text: string | null) => (text === null || text === '' ? t('common.empty') : text);
  return (
    <section className="page-section" aria-labelledby="compare-result" aria-live="polite">
      <Heading level={2} data-size="sm" id="compare-result">
        {t('plans.compare.resultHeading', { from: data.from, to: data.to })}
      </Heading>
      {data.added.length === 0 && data.removed.length === 0 && data.changed.length === 0 ? <Paragraph>{t('plans.compare.noChanges')}</Paragraph> : null}
      <Heading level={3} data-size="xs">
        {t('plans.compare.added', { count: data.added.length })}
      </Heading>
      {data.added.length > 0 ? (
        <List.Unordered>
          {data.added.map((item) => (
            <List.Item key={item.lineageId}>{label(item)}</List.Item>
          ))}
        </List.Unordered>
      ) : null}
      <Heading level={3} data-size="xs">
        {t('plans.compare.removed', { count: data.removed.length })}
      </Heading>
      {data.removed.length > 0 ? (
        <List.Unordered>
          {data.removed.map((item) => (
            <List.Item key={item.lineageId}>{label(item)}</List.Item>
          ))}
        </List.Unordered>
      ) : null}
      <Heading level={3} data-size="xs">
        {t('plans.compare.changed', { count: data.changed.length })}
      </Heading>
      {data.changed.map((item) => (
        <div className="table-wrapper" key={item.lineageId} tabIndex={0} role="region" aria-label={label(item)}>
          <Table border data-size="sm">
            <caption>{label(item)}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t('plans.compare.field')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plans.compare.before', { number: data.from })}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plans.compare.after', { number: data.to })}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {item.fields.map((field) => (
                <TableRow key={field.field}>
                  <TableHeaderCell scope="row">{fieldName(field.field)}</TableHeaderCell>
                  <TableCell>{value(field.from)}</TableCell>
                  <TableCell>{value(field.to)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ))}
    </section>
  );
}
