import {
  Button,
  Details,
  Link as DsLink,
  DetailsContent,
  DetailsSummary,
  Heading,
  Paragraph,
  SelectOption,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Textfield,
} from '@digdir/designsystemet-react';
import {
  ISIC_SECTIONS,
  MATURITY_LEVEL_KEYS,
  PATTERN_KINDS,
  PLAN_AREA_CODES,
  PatternBodySchema,
  RISK_GROUP_KINDS,
  RISK_LEVELS,
  RiskGroupBodySchema,
  SERVICE_KINDS,
  ServiceBodySchema,
  SiteBodySchema,
  type LocalMap,
  type Maturity,
  type Pattern,
  type PatternBody,
  type RiskGroup,
  type RiskGroupBody,
  type Service,
  type ServiceBody,
  type SiteBody,
} from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/format';
import { EntrySection, type EntryColumn, type EntryForm } from './entry-section';
import { MapSection } from './map-section';
import { PositionFields, positionValue } from './position-fields';
import { rateMaturityMutationOptions, settingsMutationOptions } from './mutations';
import { mapQueryOptions, maturityQueryOptions } from './queries';

/** The local situation map: risk groups, sites, services, patterns and the yearly maturity self-assessment. */
export function OverviewPage() {
  const { t } = useTranslation();
  const map = useQuery(mapQueryOptions());
  return (
    <div className="page-stack">
      <PageHeading>{t('overview.title')}</PageHeading>
      <Paragraph>{t('overview.intro')}</Paragraph>
      {map.isPending ? <Loading /> : null}
      {map.isError ? <LoadError error={map.error} onRetry={() => void map.refetch()} /> : null}
      {map.data ? <MapView map={map.data} /> : null}
      <MaturitySection canWrite={map.data?.canWrite ?? false} />
    </div>
  );
}

function MapView({ map }: { map: LocalMap }) {
  const { t, i18n } = useTranslation();
  const by = (row: { createdBy: string; createdAt: string }) =>
    t('overview.addedBy', {
      name: row.createdBy,
      date: formatDateTime(row.createdAt, i18n.language) ?? '',
    });
  const addedBy: EntryColumn<{ createdBy: string; createdAt: string }> = { header: t('overview.riskGroups.addedBy'), cell: by };
  return (
    <>
      {map.canWrite ? <PartnerAccess value={map.partnersMayRead} /> : null}
      <MapSection map={map} />
      <EntrySection
        id="risk-groups"
        heading={t('overview.riskGroups.heading')}
        rows={map.riskGroups}
        canWrite={map.canWrite}
        form={riskGroupForm(t)}
        columns={[
          { header: t('overview.riskGroups.title'), cell: (group) => group.title },
          { header: t('overview.riskGroups.kind'), cell: (group) => t(`overview.riskGroupKinds.${group.kind}`) },
          { header: t('overview.riskGroups.size'), cell: (group) => [group.sizeLow, group.sizeHigh].filter((value) => value !== null).join('–') },
          { header: t('overview.riskGroups.sizeSource'), cell: (group) => group.sizeSource },
          addedBy,
        ]}
      />
      <EntrySection
        id="sites"
        heading={t('overview.sites.heading')}
        rows={map.sites}
        canWrite={map.canWrite}
        form={siteForm(t)}
        columns={[
          {
            header: t('overview.sites.name'),
            cell: (site) => (
              <DsLink asChild>
                <Link to="/overview/sites/$siteId" params={{ siteId: site.id }}>
                  {site.name}
                </Link>
              </DsLink>
            ),
          },
          { header: t('overview.sites.isic'), cell: (site) => t(`overview.isic.${site.isicSection}`) },
          { header: t('overview.sites.area'), cell: (site) => site.area },
          { header: t('overview.sites.riskLevel'), cell: (site) => t(`overview.riskLevels.${site.riskLevel}`) },
          { header: t('overview.sites.lastInspected'), cell: (site) => site.lastInspectedOn ?? t('overview.sites.never') },
          { header: t('overview.sites.links'), cell: (site) => site.links },
          addedBy,
        ]}
      />
      <EntrySection
        id="services"
        heading={t('overview.services.heading')}
        rows={map.services}
        canWrite={map.canWrite}
        form={serviceForm(t)}
        columns={[
          { header: t('overview.services.name'), cell: (service) => service.name },
          { header: t('overview.services.kind'), cell: (service) => t(`overview.serviceKinds.${service.kind}`) },
          { header: t('overview.services.capacity'), cell: (service) => (service.capacity === null ? '' : `${service.capacity} ${service.capacityUnit}`) },
          { header: t('overview.services.organisation'), cell: (service) => service.organisationName ?? '' },
          { header: t('overview.services.description'), cell: (service) => service.description },
        ]}
      />
      <EntrySection
        id="patterns"
        heading={t('overview.patterns.heading')}
        rows={map.patterns}
        canWrite={map.canWrite}
        form={patternForm(t)}
        columns={[
          { header: t('overview.patterns.title'), cell: (pattern) => pattern.title },
          { header: t('overview.patterns.kind'), cell: (pattern) => t(`overview.patternKinds.${pattern.kind}`) },
          { header: t('overview.patterns.description'), cell: (pattern) => pattern.description },
          addedBy,
        ]}
      />
    </>
  );
}

function PartnerAccess({ value }: { value: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation(settingsMutationOptions(queryClient));
  return (
    <div>
      <MutationError error={mutation.error} />
      <Switch label={t('overview.partnerAccess.label')} checked={value} disabled={mutation.isPending} onChange={(event) => mutation.mutate(event.currentTarget.checked)} />
      <Paragraph data-size="sm" aria-live="polite">
        {value ? t('overview.partnerAccess.on') : t('overview.partnerAccess.off')}
      </Paragraph>
    </div>
  );
}

const emptyNumber = (value: unknown) => (value === '' || value === null || value === undefined || Number.isNaN(value) ? null : Number(value));

type T = TFunction;

function riskGroupForm(t: T): EntryForm<RiskGroup, z.input<typeof RiskGroupBodySchema>, RiskGroupBody> {
  return {
    path: 'risk-groups',
    schema: RiskGroupBodySchema,
    addLabel: t('overview.riskGroups.add'),
    empty: { kind: 'labour_migrants', title: '', sizeLow: null, sizeHigh: null, sizeSource: '', notes: '' },
    valuesOf: (group) => ({ kind: group.kind, title: group.title, sizeLow: group.sizeLow, sizeHigh: group.sizeHigh, sizeSource: group.sizeSource, notes: group.notes }),
    nameOf: (group) => group.title,
    fields: ({ register, errors }) => (
      <>
        <SelectField label={t('overview.riskGroups.kind')} {...register('kind')}>
          {RISK_GROUP_KINDS.map((kind) => (
            <SelectOption key={kind} value={kind}>
              {t(`overview.riskGroupKinds.${kind}`)}
            </SelectOption>
          ))}
        </SelectField>
        <Textfield label={t('overview.riskGroups.title')} error={fieldErrorText(t, errors.title)} {...register('title')} />
        <Textfield type="number" inputMode="numeric" label={t('overview.riskGroups.sizeLow')} error={fieldErrorText(t, errors.sizeLow)} {...register('sizeLow', { setValueAs: emptyNumber })} />
        <Textfield type="number" inputMode="numeric" label={t('overview.riskGroups.sizeHigh')} error={fieldErrorText(t, errors.sizeHigh)} {...register('sizeHigh', { setValueAs: emptyNumber })} />
        <Textfield label={t('overview.riskGroups.sizeSource')} error={fieldErrorText(t, errors.sizeSource)} {...register('sizeSource')} />
        <Textfield multiline rows={3} label={t('overview.riskGroups.notes')} error={fieldErrorText(t, errors.notes)} {...register('notes')} />
      </>
    ),
  };
}

/** Sites are changed on their own page; here they are only added. */
function siteForm(t: T): EntryForm<LocalMap['sites'][number], z.input<typeof SiteBodySchema>, SiteBody> {
  return {
    path: 'sites',
    schema: SiteBodySchema,
    addLabel: t('overview.sites.add'),
    empty: { name: '', isicSection: 'I', area: '', riskLevel: 'medium', riskReason: '', known: '', latitude: null, longitude: null },
    nameOf: (site) => site.name,
    fields: ({ register, errors }) => (
      <>
        <Textfield label={t('overview.sites.name')} error={fieldErrorText(t, errors.name)} {...register('name')} />
        <SelectField label={t('overview.sites.isic')} {...register('isicSection')}>
          {ISIC_SECTIONS.map((code) => (
            <SelectOption key={code} value={code}>
              {t(`overview.isic.${code}`)}
            </SelectOption>
          ))}
        </SelectField>
        <Textfield label={t('overview.sites.area')} error={fieldErrorText(t, errors.area)} {...register('area')} />
        <SelectField label={t('overview.sites.riskLevel')} {...register('riskLevel')}>
          {RISK_LEVELS.map((level) => (
            <SelectOption key={level} value={level}>
              {t(`overview.riskLevels.${level}`)}
            </SelectOption>
          ))}
        </SelectField>
        <Textfield multiline rows={2} label={t('overview.sites.riskReason')} error={fieldErrorText(t, errors.riskReason)} {...register('riskReason')} />
        <Textfield multiline rows={3} label={t('overview.sites.known')} error={fieldErrorText(t, errors.known)} {...register('known')} />
        <PositionFields latitude={register('latitude', { setValueAs: positionValue })} longitude={register('longitude', { setValueAs: positionValue })} errors={errors} />
      </>
    ),
  };
}

function serviceForm(t: T): EntryForm<Service, z.input<typeof ServiceBodySchema>, ServiceBody> {
  return {
    path: 'services',
    schema: ServiceBodySchema,
    addLabel: t('overview.services.add'),
    empty: { kind: 'shelter', name: '', organisationId: null, capacity: null, capacityUnit: '', description: '', latitude: null, longitude: null },
    valuesOf: (service) => ({
      kind: service.kind,
      name: service.name,
      organisationId: service.organisationId,
      capacity: service.capacity,
      capacityUnit: service.capacityUnit,
      description: service.description,
      latitude: service.latitude,
      longitude: service.longitude,
    }),
    nameOf: (service) => service.name,
    fields: ({ register, errors }) => (
      <>
        <SelectField label={t('overview.services.kind')} {...register('kind')}>
          {SERVICE_KINDS.map((kind) => (
            <SelectOption key={kind} value={kind}>
              {t(`overview.serviceKinds.${kind}`)}
            </SelectOption>
          ))}
        </SelectField>
        <Textfield label={t('overview.services.name')} error={fieldErrorText(t, errors.name)} {...register('name')} />
        <Textfield type="number" inputMode="numeric" label={t('overview.services.capacity')} error={fieldErrorText(t, errors.capacity)} {...register('capacity', { setValueAs: emptyNumber })} />
        <Textfield label={t('overview.services.capacityUnit')} error={fieldErrorText(t, errors.capacityUnit)} {...register('capacityUnit')} />
        <Textfield multiline rows={2} label={t('overview.services.description')} error={fieldErrorText(t, errors.description)} {...register('description')} />
        <PositionFields latitude={register('latitude', { setValueAs: positionValue })} longitude={register('longitude', { setValueAs: positionValue })} errors={errors} />
      </>
    ),
  };
}

function patternForm(t: T): EntryForm<Pattern, z.input<typeof PatternBodySchema>, PatternBody> {
  return {
    path: 'patterns',
    schema: PatternBodySchema,
    addLabel: t('overview.patterns.add'),
    empty: { kind: 'recruitment', title: '', description: '' },
    valuesOf: (pattern) => ({ kind: pattern.kind, title: pattern.title, description: pattern.description }),
    nameOf: (pattern) => pattern.title,
    fields: ({ register, errors }) => (
      <>
        <SelectField label={t('overview.patterns.kind')} {...register('kind')}>
          {PATTERN_KINDS.map((kind) => (
            <SelectOption key={kind} value={kind}>
              {t(`overview.patternKinds.${kind}`)}
            </SelectOption>
          ))}
        </SelectField>
        <Textfield label={t('overview.patterns.title')} error={fieldErrorText(t, errors.title)} {...register('title')} />
        <Textfield multiline rows={3} label={t('overview.patterns.description')} error={fieldErrorText(t, errors.description)} {...register('description')} />
      </>
    ),
  };
}

type Level = (typeof MATURITY_LEVEL_KEYS)[number];

function MaturitySection({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const maturity = useQuery(maturityQueryOptions());
  return (
    <section aria-labelledby="maturity-heading" className="page-section">
      <Heading level={2} data-size="sm" id="maturity-heading">
        {t('overview.maturity.heading')}
      </Heading>
      <Paragraph>{t('overview.maturity.intro')}</Paragraph>
      {maturity.isPending ? <Loading /> : null}
      {maturity.isError ? <LoadError error={maturity.error} onRetry={() => void maturity.refetch()} /> : null}
      {maturity.data ? <MaturityTable maturity={maturity.data} /> : null}
      {canWrite && maturity.data ? <MaturityForm maturity={maturity.data} /> : null}
    </section>
  );
}

function MaturityTable({ maturity }: { maturity: Maturity }) {
  const { t } = useTranslation();
  const years = [...maturity.years].reverse();
  if (years.length === 0) return <Paragraph>{t('overview.empty')}</Paragraph>;
  return (
    <Table zebra border>
      <caption>{t('overview.maturity.caption')}</caption>
      <TableHead>
        <TableRow>
          <TableHeaderCell scope="col">{t('overview.maturity.area')}</TableHeaderCell>
          {years.map((year) => (
            <TableHeaderCell key={year.year} scope="col">
              {String(year.year)}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {PLAN_AREA_CODES.map((code) => (
          <TableRow key={code}>
            <TableHeaderCell scope="row">{t(`overview.areas.${code}`)}</TableHeaderCell>
            {years.map((year) => {
              const rating = year.ratings.find((candidate) => candidate.areaCode === code);
              return <TableCell key={year.year}>{rating ? t(`overview.maturityLevels.${rating.level}`) : t('overview.maturity.notRated')}</TableCell>;
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function MaturityForm({ maturity }: { maturity: Maturity }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation(rateMaturityMutationOptions(queryClient));
  const year = new Date().getFullYear();
  const current = maturity.years.find((entry) => entry.year === year);
  const [levels, setLevels] = useState<Record<string, Level>>(() =>
    Object.fromEntries(PLAN_AREA_CODES.map((code) => [code, current?.ratings.find((rating) => rating.areaCode === code)?.level ?? 'first_steps'])),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({
      year,
      ratings: PLAN_AREA_CODES.map((code) => ({
        areaCode: code,
        level: levels[code] ?? 'first_steps',
        note: '',
      })),
    });
  };
  return (
    <Details>
      <DetailsSummary>{t('overview.maturity.rate', { year })}</DetailsSummary>
      <DetailsContent>
        <form className="form-stack" noValidate onSubmit={submit}>
          <MutationError error={mutation.error} />
          {PLAN_AREA_CODES.map((code) => (
            <SelectField
              key={code}
              label={t('overview.maturity.levelFor', {
                area: t(`overview.areas.${code}`),
              })}
              value={levels[code]}
              onChange={(event) =>
                setLevels({
                  ...levels,
                  [code]: event.currentTarget.value as Level,
                })
              }
            >
              {MATURITY_LEVEL_KEYS.map((level) => (
                <SelectOption key={level} value={level}>
                  {t(`overview.maturityLevels.${level}`)}
                </SelectOption>
              ))}
            </SelectField>
          ))}
          <Button type="submit" disabled={mutation.isPending}>
            {t('overview.save')}
          </Button>
          <SuccessMessage>{mutation.isSuccess ? t('overview.saved') : null}</SuccessMessage>
        </form>
      </DetailsContent>
    </Details>
  );
}
