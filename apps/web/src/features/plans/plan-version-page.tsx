import { Button, Heading, Link as DsLink, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag, Textfield } from '@digdir/designsystemet-react';
import type { Measure, PlanAreaCode, PlanVersionDetail } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './plans.css';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { VersionNav } from '../../components/version-nav';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { useFlash } from '../../lib/flash';
import { hasPermission, useMe } from '../auth/use-me';
import { adoptMutationOptions, reviseMutationOptions } from './mutations';
import { ProgressBar } from './progress-bar';
import { planVersionQueryOptions } from './queries';
import { formatDate, todayInputValue } from '../../lib/format';

const route = getRouteApi('/signed-in/plans/$planId/versions/$version');

/** Measures in display order: each top-level measure followed by its sub-measures (depth-first). */
export function orderMeasures(measures: Measure[]): { measure: Measure; depth: number }[] {
  const visible = new Set(measures.map((measure) => measure.id));
  const out: { measure: Measure; depth: number }[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const measure of measures.filter((candidate) => (parentId === null ? candidate.parentId === null || !visible.has(candidate.parentId) : candidate.parentId === parentId))) {
      out.push({ measure, depth });
      walk(measure.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** One version of a plan: progress per area, measures per area, and the lifecycle actions. */
export function PlanVersionPage() {
  const { t } = useTranslation();
  const { planId, version } = route.useParams();
  const number = Number(version);
  const flash = useFlash();
  const detail = useQuery(planVersionQueryOptions(planId, number));

  if (detail.isPending) return <Loading />;
  if (detail.isError) return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  const data = detail.data;
  return (
    <div className="page-stack">
      <Breadcrumbs trail={[{ label: t('plans.title'), to: '/plans' }]} current={t('plans.versionHeading', { title: data.plan.title, number: data.version.number })} />
      <PageHeading>{t('plans.versionHeading', { title: data.plan.title, number: data.version.number })}</PageHeading>
      <SuccessMessage>{flash}</SuccessMessage>
      <VersionStatus data={data} />
      <AreaProgress data={data} />
      {data.editable ? (
        <div>
          <Button asChild variant="secondary">
            <Link to="/plans/$planId/versions/$version/measures/new" params={{ planId, version }}>
              {t('plans.addMeasure')}
            </Link>
          </Button>
        </div>
      ) : null}
      {data.areas
        .filter((area) => area.measureCount > 0)
        .map((area) => (
          <AreaMeasures key={area.code} code={area.code} measures={data.measures.filter((measure) => measure.area === area.code)} />
        ))}
      {data.measures.length === 0 ? <Paragraph>{t('plans.noMeasures')}</Paragraph> : null}
      {data.editable ? <AdoptForm planId={planId} number={number} /> : null}
      <ReviseAction data={data} />
    </div>
  );
}

function VersionStatus({ data }: { data: PlanVersionDetail }) {
  const { t, i18n } = useTranslation();
  const version = data.version;
  return (
    <section className="page-section" aria-labelledby="plan-status">
      <Heading level={2} data-size="sm" id="plan-status">
        {t('plans.statusHeading')}
      </Heading>
      <Paragraph>
        <Tag data-color={version.status === 'adopted' ? 'success' : 'neutral'}>{t(`plans.versionStatus.${version.status}`)}</Tag>{' '}
        {version.decisionRef ? t('plans.adoptedLine', { ref: version.decisionRef, date: formatDate(version.decisionDate, i18n.language) }) : null}
      </Paragraph>
      <Paragraph>{t('plans.period', { start: data.plan.periodStart, end: data.plan.periodEnd })}</Paragraph>
      {data.versions.length > 1 ? (
        <Paragraph>
          <DsLink asChild>
            <Link to="/plans/$planId/compare" params={{ planId: data.plan.id }}>
              {t('plans.compare.link')}
            </Link>
          </DsLink>
        </Paragraph>
      ) : null}
      <VersionNav
        label={t('plans.versionsNav')}
        versions={data.versions}
        current={version.number}
        name={(other) => t('plans.versionWithStatus', { number: other.number, status: t(`plans.versionStatus.${other.status}`) })}
        link={(other, children) => (
          <Link to="/plans/$planId/versions/$version" params={{ planId: data.plan.id, version: String(other.number) }}>
            {children}
          </Link>
        )}
      />
    </section>
  );
}

function AreaProgress({ data }: { data: PlanVersionDetail }) {
  const { t } = useTranslation();
  return (
    <Table border>
      <caption>{t('plans.progressCaption')}</caption>
      <TableHead>
        <TableRow>
          <TableHeaderCell scope="col">{t('plans.columns.area')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('plans.columns.measures')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('plans.columns.progress')}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {data.areas.map((area) => (
          <TableRow key={area.code}>
            <TableHeaderCell scope="row">{t('plans.areaLabel', { code: area.code, name: t(`plans.areas.${area.code}`) })}</TableHeaderCell>
            <TableCell>{area.measureCount}</TableCell>
            <TableCell>
              <ProgressBar value={area.progress} />
            </TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableHeaderCell scope="row">{t('plans.total')}</TableHeaderCell>
          <TableCell>{data.measures.length}</TableCell>
          <TableCell>
            <ProgressBar value={data.totalProgress} />
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}

function AreaMeasures({ code, measures }: { code: PlanAreaCode; measures: Measure[] }) {
  const { t } = useTranslation();
  const headingId = `area-${code}`;
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('plans.areaLabel', { code, name: t(`plans.areas.${code}`) })}
      </Heading>
      <Table zebra border>
        <caption className="visually-hidden">{t('plans.measuresIn', { area: t(`plans.areas.${code}`) })}</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell scope="col">{t('plans.columns.measure')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.columns.owner')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.columns.due')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.columns.status')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('plans.columns.progress')}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {orderMeasures(measures).map(({ measure, depth }) => (
            <TableRow key={measure.id}>
              <TableCell>
                <span style={{ paddingInlineStart: `${depth * 1.5}rem` }}>
                  {depth > 0 ? <span className="visually-hidden">{t('plans.subMeasure')}</span> : null}
                  <DsLink asChild>
                    <Link to="/measures/$measureId" params={{ measureId: measure.id }}>
                      {measure.title}
                    </Link>
                  </DsLink>
                </span>
              </TableCell>
              <TableCell>{measure.ownerOrganisation?.name ?? t('plans.noOwner')}</TableCell>
              <TableCell>{measure.dueDate ?? t('common.empty')}</TableCell>
              <TableCell>{t(`plans.status.${measure.status}`)}</TableCell>
              <TableCell>
                <ProgressBar value={measure.rolledProgress} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function AdoptForm({ planId, number }: { planId: string; number: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const adopt = useMutation(adoptMutationOptions(queryClient, planId, number));
  const [decisionRef, setDecisionRef] = useState('');
  const [decisionDate, setDecisionDate] = useState(todayInputValue);
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (decisionRef.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    adopt.mutate({ decisionRef, decisionDate });
  };
  return (
    <section className="page-section" aria-labelledby="adopt-plan">
      <Heading level={2} data-size="sm" id="adopt-plan">
        {t('plans.adopt.heading')}
      </Heading>
      <Paragraph>{t('plans.adopt.intro')}</Paragraph>
      <form onSubmit={submit} noValidate className="form-stack">
        <MutationError error={adopt.error} />
        <Textfield label={t('plans.adopt.decisionRef')} description={t('plans.adopt.decisionRefDescription')} value={decisionRef} onChange={(event) => setDecisionRef(event.currentTarget.value)} error={missing ? t('validation.required') : undefined} />
        <Textfield type="date" label={t('plans.adopt.decisionDate')} value={decisionDate} onChange={(event) => setDecisionDate(event.currentTarget.value)} />
        <div>
          <Button type="submit" disabled={adopt.isPending}>
            {t('plans.adopt.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function ReviseAction({ data }: { data: PlanVersionDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const revise = useMutation(reviseMutationOptions(queryClient, data.plan.id));
  if (!hasPermission(me, 'plans:write') || data.version.status !== 'adopted' || data.versions.some((version) => version.status === 'draft')) return null;
  return (
    <section className="page-section" aria-labelledby="revise-plan">
      <Heading level={2} data-size="sm" id="revise-plan">
        {t('plans.revise.heading')}
      </Heading>
      <Paragraph>{t('plans.revise.intro')}</Paragraph>
      <MutationError error={revise.error} />
      <div>
        <Button
          variant="secondary"
          disabled={revise.isPending}
          onClick={() =>
            revise.mutate(undefined, {
              onSuccess: (draft) => void navigate({ to: '/plans/$planId/versions/$version', params: { planId: data.plan.id, version: String(draft.version.number) }, state: { flash: t('plans.revise.started') } }),
            })
          }
        >
          {t('plans.revise.submit')}
        </Button>
      </div>
    </section>
  );
}
