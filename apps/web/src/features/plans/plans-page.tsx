import { Button, Checkbox, Heading, Link as DsLink, Paragraph, SelectOption, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './plans.css';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { hasPermission, useMe } from '../auth/use-me';
import { createPlanMutationOptions } from './mutations';
import { PlanDeadlines } from './plan-deadlines';
import { plansQueryOptions } from './queries';

const route = getRouteApi('/signed-in/plans');

/** The municipality's action plans, and (for coordinators) a form to start a new one. */
export function PlansPage() {
  const { t } = useTranslation();
  const me = useMe();
  const plans = useQuery(plansQueryOptions());
  const { due } = route.useSearch();
  return (
    <div className="page-stack">
      <PageHeading>{t('plans.title')}</PageHeading>
      <Paragraph>{t('plans.intro')}</Paragraph>
      {due ? <PlanDeadlines only={due} /> : null}
      {plans.isPending ? <Loading /> : null}
      {plans.isError ? <LoadError error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      {plans.data ? (
        plans.data.items.length === 0 ? (
          <Paragraph>{t('plans.none')}</Paragraph>
        ) : (
          <Table zebra border>
            <caption>{t('plans.tableCaption', { total: plans.data.items.length })}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t('plans.columns.title')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plans.columns.period')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plans.columns.current')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plans.columns.draft')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {plans.data.items.map((plan) => {
                const shown = plan.currentVersion ?? plan.draftVersion ?? plan.versions[plan.versions.length - 1]?.number ?? 1;
                return (
                  <TableRow key={plan.id}>
                    <TableCell>
                      <DsLink asChild>
                        <Link to="/plans/$planId/versions/$version" params={{ planId: plan.id, version: String(shown) }}>
                          {plan.title}
                        </Link>
                      </DsLink>
                    </TableCell>
                    <TableCell>{t('plans.period', { start: plan.periodStart, end: plan.periodEnd })}</TableCell>
                    <TableCell>{plan.currentVersion === null ? t('plans.notAdopted') : t('plans.versionNumber', { number: plan.currentVersion })}</TableCell>
                    <TableCell>
                      {plan.draftVersion === null ? (
                        t('common.empty')
                      ) : (
                        <DsLink asChild>
                          <Link to="/plans/$planId/versions/$version" params={{ planId: plan.id, version: String(plan.draftVersion) }}>
                            {t('plans.draftVersion', { number: plan.draftVersion })}
                          </Link>
                        </DsLink>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )
      ) : null}
      {hasPermission(me, 'plans:write') ? <NewPlanForm /> : null}
    </div>
  );
}

function NewPlanForm() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation(createPlanMutationOptions(queryClient));
  const year = new Date().getFullYear();
  const [title, setTitle] = useState('');
  const [periodStart, setPeriodStart] = useState(`${year}-01-01`);
  const [periodEnd, setPeriodEnd] = useState(`${year + 3}-12-31`);
  const [fromTemplate, setFromTemplate] = useState(true);
  const [language, setLanguage] = useState<'nb' | 'en'>(i18n.resolvedLanguage === 'en' ? 'en' : 'nb');
  const [missingTitle, setMissingTitle] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setMissingTitle(true);
      return;
    }
    setMissingTitle(false);
    create.mutate(
      { title, periodStart, periodEnd, template: fromTemplate ? { language } : null },
      { onSuccess: (plan) => void navigate({ to: '/plans/$planId/versions/$version', params: { planId: plan.id, version: '1' }, state: { flash: t('plans.created') } }) },
    );
  };

  return (
    <section className="page-section" aria-labelledby="new-plan">
      <Heading level={2} data-size="sm" id="new-plan">
        {t('plans.newPlan')}
      </Heading>
      <form onSubmit={submit} noValidate className="form-stack">
        <MutationError error={create.error} />
        <Textfield label={t('plans.form.planTitle')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} error={missingTitle ? t('validation.required') : undefined} />
        <div className="form-row">
          <Textfield type="date" label={t('plans.form.periodStart')} value={periodStart} onChange={(event) => setPeriodStart(event.currentTarget.value)} />
          <Textfield type="date" label={t('plans.form.periodEnd')} value={periodEnd} onChange={(event) => setPeriodEnd(event.currentTarget.value)} />
        </div>
        <Checkbox label={t('plans.form.fromTemplate')} description={t('plans.form.fromTemplateDescription')} checked={fromTemplate} onChange={(event) => setFromTemplate(event.currentTarget.checked)} />
        {fromTemplate ? (
          <SelectField label={t('plans.form.templateLanguage')} value={language} onChange={(event) => setLanguage(event.currentTarget.value === 'en' ? 'en' : 'nb')}>
            <SelectOption value="nb">{t('language.nb')}</SelectOption>
            <SelectOption value="en">{t('language.en')}</SelectOption>
          </SelectField>
        ) : null}
        <div>
          <Button type="submit" disabled={create.isPending}>
            {t('plans.createPlan')}
          </Button>
        </div>
      </form>
    </section>
  );
}
