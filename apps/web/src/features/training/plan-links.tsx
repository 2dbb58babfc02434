import { Button, Checkbox, Fieldset, FieldsetLegend, Heading, Paragraph, SelectOption, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Textfield } from '@digdir/designsystemet-react';
import { ORGANISATION_KINDS, type OrganisationKind } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, MutationError, SuccessMessage } from '../../components/load-state';
import { SelectField } from '../../components/select-field';
import { formatNumber } from '../../lib/format';
import { articleLang } from '../knowledge/queries';
import { planVersionQueryOptions, plansQueryOptions } from '../plans/queries';
import { applyPlanLinkMutationOptions, createPlanLinkMutationOptions, deletePlanLinkMutationOptions } from './mutations';
import { modulesQueryOptions, planLinksQueryOptions } from './queries';
import { formatDay } from './training-page';

/** Plan measures linked to training targets: their coverage now, and a button that sets the measure's progress from it. */
export function PlanLinks() {
  const { t, i18n } = useTranslation();
  const lang = articleLang(i18n.language);
  const queryClient = useQueryClient();
  const links = useQuery(planLinksQueryOptions(lang));
  const apply = useMutation(applyPlanLinkMutationOptions(queryClient, lang));
  const remove = useMutation(deletePlanLinkMutationOptions(queryClient));
  const empty = t('common.empty');
  return (
    <section aria-labelledby="links-heading" className="page-section">
      <Heading level={2} data-size="xs" id="links-heading">
        {t('training.links.title')}
      </Heading>
      <Paragraph>{t('training.links.intro')}</Paragraph>
      {links.isError ? <LoadError error={links.error} onRetry={() => void links.refetch()} /> : null}
      <MutationError error={apply.error ?? remove.error} />
      <SuccessMessage>{apply.isSuccess ? t('training.links.applied') : null}</SuccessMessage>
      {links.data && links.data.items.length === 0 ? <Paragraph>{t('training.links.none')}</Paragraph> : null}
      {links.data && links.data.items.length > 0 ? (
        <Table zebra border>
          <caption>{t('training.links.caption')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t('training.links.columns.measure')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('training.links.columns.module')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('training.links.columns.target')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('training.links.columns.coverage')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('training.links.columns.progress')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('training.links.columns.actions')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {links.data.items.map((link) => {
              const measure = link.measureTitle ?? empty;
              return (
                <TableRow key={link.id}>
                  <TableHeaderCell scope="row">{measure}</TableHeaderCell>
                  <TableCell>{link.moduleTitle}</TableCell>
                  <TableCell>
                    {t('training.links.target', { share: link.targetShare, date: formatDay(link.targetDate, i18n.language) })}
                    {' – '}
                    {link.organisationKinds.length === 0 ? t('training.links.allStaff') : link.organisationKinds.map((kind) => t(`organisationKinds.${kind}`)).join(', ')}
                  </TableCell>
                  <TableCell>{link.coverage.share === null ? empty : `${formatNumber(link.coverage.share, i18n.language)} %`}</TableCell>
                  <TableCell>{`${link.progress} %`}</TableCell>
                  <TableCell>
                    <div className="button-row">
                      <Button data-size="sm" variant="secondary" aria-label={t('training.links.applyLabel', { measure })} disabled={apply.isPending} onClick={() => apply.mutate(link.id)}>
                        {t('training.links.apply')}
                      </Button>
                      <Button data-size="sm" variant="tertiary" data-color="danger" aria-label={t('training.links.removeLabel', { measure })} disabled={remove.isPending} onClick={() => remove.mutate(link.id)}>
                        {t('training.links.remove')}
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      ) : null}
      <NewPlanLink />
    </section>
  );
}

function NewPlanLink() {
  const { t, i18n } = useTranslation();
  const lang = articleLang(i18n.language);
  const queryClient = useQueryClient();
  const plans = useQuery(plansQueryOptions());
  const plan = plans.data?.items.find((item) => item.currentVersion !== null) ?? plans.data?.items[0];
  const versionNumber = plan?.currentVersion ?? plan?.draftVersion ?? null;
  const version = useQuery({ ...planVersionQueryOptions(plan?.id ?? '', versionNumber ?? 0), enabled: Boolean(plan && versionNumber) });
  const modules = useQuery(modulesQueryOptions(lang));
  const create = useMutation(createPlanLinkMutationOptions(queryClient, lang));
  const [measureId, setMeasureId] = useState('');
  const [moduleKey, setModuleKey] = useState('');
  const [kinds, setKinds] = useState<OrganisationKind[]>([]);
  const [targetShare, setTargetShare] = useState('80');
  const [targetDate, setTargetDate] = useState('');
  if (plans.data && (!plan || !versionNumber)) return <Paragraph>{t('training.links.noPlan')}</Paragraph>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { measureId, moduleKey: moduleKey || (modules.data?.items[0]?.key ?? ''), organisationKinds: kinds, targetShare: Number(targetShare), targetDate },
      { onSuccess: () => setMeasureId('') },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="form-stack" aria-labelledby="new-link-heading">
      <Heading level={3} data-size="2xs" id="new-link-heading">
        {t('training.links.newTitle')}
      </Heading>
      <MutationError error={create.error} />
      <SuccessMessage>{create.isSuccess ? t('training.links.created') : null}</SuccessMessage>
      <SelectField label={t('training.links.measure')} value={measureId} onChange={(event) => setMeasureId(event.currentTarget.value)}>
        <SelectOption value="">{t('training.links.chooseMeasure')}</SelectOption>
        {(version.data?.measures ?? []).map((measure) => (
          <SelectOption key={measure.id} value={measure.id}>
            {measure.title}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField label={t('training.coverage.moduleLabel')} value={moduleKey} onChange={(event) => setModuleKey(event.currentTarget.value)}>
        {(modules.data?.items ?? []).map((module) => (
          <SelectOption key={module.key} value={module.key}>
            {module.title}
          </SelectOption>
        ))}
      </SelectField>
      <Fieldset>
        <FieldsetLegend>{t('training.links.kinds')}</FieldsetLegend>
        {ORGANISATION_KINDS.map((kind) => (
          <Checkbox
            key={kind}
            label={t(`organisationKinds.${kind}`)}
            value={kind}
            checked={kinds.includes(kind)}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setKinds((previous) => (checked ? [...previous, kind] : previous.filter((value) => value !== kind)));
            }}
          />
        ))}
      </Fieldset>
      <Textfield label={t('training.links.targetShare')} type="number" min={1} max={100} value={targetShare} onChange={(event) => setTargetShare(event.currentTarget.value)} />
      <Textfield label={t('training.links.targetDate')} type="date" value={targetDate} onChange={(event) => setTargetDate(event.currentTarget.value)} />
      <div className="button-row">
        <Button type="submit" disabled={create.isPending}>
          {t('training.links.create')}
        </Button>
      </div>
    </form>
  );
}
