import {
  Button,
  Checkbox,
  Details,
  DetailsContent,
  DetailsSummary,
  Fieldset,
  FieldsetLegend,
  Heading,
  Paragraph,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Textfield,
} from '@digdir/designsystemet-react';
import { AGE_BANDS, EXPLOITATION_FORMS, GENDERS, ORGANISATION_KINDS, SITE_LINK_KINDS, type Inspection, type Site } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { hasPermission, useMe } from '../auth/use-me';
import { addInspectionMutationOptions, linkSiteMutationOptions, startConcernMutationOptions } from './mutations';
import { siteQueryOptions } from './queries';
import { formatDate } from '../../lib/format';

const route = getRouteApi('/signed-in/overview/sites/$siteId');

/** One site: what is known (the read is audited), its inspections and links; the coordinator adds to them. */
export function SitePage() {
  const { t } = useTranslation();
  const { siteId } = route.useParams();
  const site = useQuery(siteQueryOptions(siteId));
  if (site.isPending) return <Loading />;
  if (site.isError) return <LoadError error={site.error} onRetry={() => void site.refetch()} />;
  return <SiteView site={site.data} title={t('overview.site.title', { name: site.data.name })} />;
}

function SiteView({ site, title }: { site: Site; title: string }) {
  const { t, i18n } = useTranslation();
  const canWrite = hasPermission(useMe(), 'overview:write');
  return (
    <div className="page-stack">
      <Breadcrumbs trail={[{ label: t('overview.title'), to: '/overview' }]} current={title} />
      <PageHeading>{title}</PageHeading>
      <dl className="details-list">
        <dt>{t('overview.sites.isic')}</dt>
        <dd>{t(`overview.isic.${site.isicSection}`)}</dd>
        <dt>{t('overview.sites.area')}</dt>
        <dd>{site.area}</dd>
        <dt>{t('overview.sites.riskLevel')}</dt>
        <dd>{t(`overview.riskLevels.${site.riskLevel}`)}</dd>
        <dt>{t('overview.site.riskReason')}</dt>
        <dd>{site.riskReason}</dd>
        <dt>{t('overview.site.known')}</dt>
        <dd>{site.known}</dd>
      </dl>
      <section aria-labelledby="inspections-heading" className="page-section">
        <Heading level={2} data-size="sm" id="inspections-heading">
          {t('overview.sites.inspections')}
        </Heading>
        {site.inspectionList.length === 0 ? (
          <Paragraph>{t('overview.empty')}</Paragraph>
        ) : (
          <Table zebra border>
            <caption>{t('overview.sites.inspections')}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t('overview.site.inspectedOn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.site.agencies')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.site.findings')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.site.followUp')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.site.concern')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {site.inspectionList.map((inspection) => (
                <TableRow key={inspection.id}>
                  <TableHeaderCell scope="row">{formatDate(inspection.inspectedOn, i18n.language)}</TableHeaderCell>
                  <TableCell>{inspection.agencies.map((kind) => t(`organisationKinds.${kind}`)).join(', ')}</TableCell>
                  <TableCell>{inspection.findings}</TableCell>
                  <TableCell>{inspection.followUp}</TableCell>
                  <TableCell>{inspection.concernId ? t('overview.site.concernStarted') : canWrite ? <StartConcern siteId={site.id} inspection={inspection} /> : null}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {canWrite ? <InspectionForm siteId={site.id} /> : null}
      </section>
      <section aria-labelledby="links-heading" className="page-section">
        <Heading level={2} data-size="sm" id="links-heading">
          {t('overview.sites.links')}
        </Heading>
        {site.linkList.length === 0 ? (
          <Paragraph>{t('overview.empty')}</Paragraph>
        ) : (
          <ul>
            {site.linkList.map((link) => (
              <li key={link.id}>
                {t(`overview.site.linkKinds.${link.targetKind}`)}: <code>{link.targetId}</code>
              </li>
            ))}
          </ul>
        )}
        {canWrite ? <LinkForm siteId={site.id} /> : null}
      </section>
    </div>
  );
}

function InspectionForm({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation(addInspectionMutationOptions(queryClient, siteId));
  const [inspectedOn, setInspectedOn] = useState('');
  const [agencies, setAgencies] = useState<Array<(typeof ORGANISATION_KINDS)[number]>>([]);
  const [findings, setFindings] = useState('');
  const [followUp, setFollowUp] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ inspectedOn, agencies, findings, followUp }, { onSuccess: () => (setInspectedOn(''), setAgencies([]), setFindings(''), setFollowUp('')) });
  };
  return (
    <Details>
      <DetailsSummary>{t('overview.site.addInspection')}</DetailsSummary>
      <DetailsContent>
        <form className="form-stack" noValidate onSubmit={submit}>
          <MutationError error={mutation.error} />
          <Textfield type="date" label={t('overview.site.inspectedOn')} value={inspectedOn} onChange={(event) => setInspectedOn(event.currentTarget.value)} />
          <Fieldset>
            <FieldsetLegend>{t('overview.site.agencies')}</FieldsetLegend>
            {ORGANISATION_KINDS.map((kind) => (
              <Checkbox
                key={kind}
                label={t(`organisationKinds.${kind}`)}
                value={kind}
                checked={agencies.includes(kind)}
                onChange={(event) => setAgencies(event.currentTarget.checked ? [...agencies, kind] : agencies.filter((value) => value !== kind))}
              />
            ))}
          </Fieldset>
          <Textfield multiline rows={3} label={t('overview.site.findings')} value={findings} onChange={(event) => setFindings(event.currentTarget.value)} />
          <Textfield multiline rows={2} label={t('overview.site.followUp')} value={followUp} onChange={(event) => setFollowUp(event.currentTarget.value)} />
          <Button type="submit" disabled={mutation.isPending}>
            {t('overview.save')}
          </Button>
          <SuccessMessage>{mutation.isSuccess ? t('overview.saved') : null}</SuccessMessage>
        </form>
      </DetailsContent>
    </Details>
  );
}

function LinkForm({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation(linkSiteMutationOptions(queryClient, siteId));
  const [targetKind, setTargetKind] = useState<(typeof SITE_LINK_KINDS)[number]>('concern');
  const [targetId, setTargetId] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ targetKind, targetId: targetId.trim() }, { onSuccess: () => setTargetId('') });
  };
  return (
    <Details>
      <DetailsSummary>{t('overview.site.addLink')}</DetailsSummary>
      <DetailsContent>
        <form className="form-stack" noValidate onSubmit={submit}>
          <MutationError error={mutation.error} />
          <SelectField label={t('overview.site.linkKind')} value={targetKind} onChange={(event) => setTargetKind(event.currentTarget.value as (typeof SITE_LINK_KINDS)[number])}>
            {SITE_LINK_KINDS.map((kind) => (
              <SelectOption key={kind} value={kind}>
                {t(`overview.site.linkKinds.${kind}`)}
              </SelectOption>
            ))}
          </SelectField>
          <Textfield label={t('overview.site.linkId')} description={t('overview.site.linkIdDescription')} value={targetId} onChange={(event) => setTargetId(event.currentTarget.value)} />
          <Button type="submit" disabled={mutation.isPending}>
            {t('overview.site.link')}
          </Button>
        </form>
      </DetailsContent>
    </Details>
  );
}

/** Starts a concern from an inspection finding: coded facts only, a note without names. */
function StartConcern({ siteId, inspection }: { siteId: string; inspection: Inspection }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation(startConcernMutationOptions(queryClient, siteId, inspection.id));
  const [forms, setForms] = useState<Array<(typeof EXPLOITATION_FORMS)[number]>>(['labour']);
  const [ageBand, setAgeBand] = useState<(typeof AGE_BANDS)[number]>('unknown');
  const [gender, setGender] = useState<(typeof GENDERS)[number]>('unknown');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({
      screeningId: null,
      context: 'inspection',
      suspectedForms: forms,
      facts: {
        ageBand,
        possibleMinor: ['under_13', '13_15', '16_17'].includes(ageBand),
        gender,
        nationality: null,
        sector: 'unknown',
        placeKind: 'workplace',
        immediateDanger: false,
        wantsHelp: 'unknown',
      },
      note: note.trim() === '' ? null : note,
      reporterContact: null,
      person: null,
    });
  };
  return (
    <Details>
      <DetailsSummary>{t('overview.site.startConcern', { date: formatDate(inspection.inspectedOn, i18n.language) })}</DetailsSummary>
      <DetailsContent>
        <form className="form-stack" noValidate onSubmit={submit}>
          <MutationError error={mutation.error} />
          <Fieldset>
            <FieldsetLegend>{t('overview.site.suspectedForms')}</FieldsetLegend>
            {EXPLOITATION_FORMS.map((form) => (
              <Checkbox
                key={form}
                label={t(`statistics.values.${form}`)}
                value={form}
                checked={forms.includes(form)}
                onChange={(event) => setForms(event.currentTarget.checked ? [...forms, form] : forms.filter((value) => value !== form))}
              />
            ))}
          </Fieldset>
          <SelectField label={t('statistics.dimensions.age_band')} value={ageBand} onChange={(event) => setAgeBand(event.currentTarget.value as (typeof AGE_BANDS)[number])}>
            {AGE_BANDS.map((band) => (
              <SelectOption key={band} value={band}>
                {t(`statistics.values.${band}`)}
              </SelectOption>
            ))}
          </SelectField>
          <SelectField label={t('statistics.dimensions.gender')} value={gender} onChange={(event) => setGender(event.currentTarget.value as (typeof GENDERS)[number])}>
            {GENDERS.map((value) => (
              <SelectOption key={value} value={value}>
                {t(`statistics.values.${value}`)}
              </SelectOption>
            ))}
          </SelectField>
          <Textfield multiline rows={3} label={t('overview.site.concernNote')} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
          <Button type="submit" disabled={mutation.isPending}>
            {t('overview.site.sendConcern')}
          </Button>
        </form>
      </DetailsContent>
    </Details>
  );
}
