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
import { zodResolver } from '@hookform/resolvers/zod';
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
  type PatternBody,
  type RiskGroupBody,
  type ServiceBody,
  type SiteBody,
} from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';
import { formatDateTime } from '../../lib/format';
import {
  createPatternMutationOptions,
  createRiskGroupMutationOptions,
  createServiceMutationOptions,
  createSiteMutationOptions,
  rateMaturityMutationOptions,
  settingsMutationOptions,
} from './mutations';
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
  const by = (name: string, iso: string) =>
    t('overview.addedBy', {
      name,
      date: formatDateTime(iso, i18n.language) ?? '',
    });
  return (
    <>
      {map.canWrite ? <PartnerAccess value={map.partnersMayRead} /> : null}
      <section aria-labelledby="risk-groups-heading" className="page-section">
        <Heading level={2} data-size="sm" id="risk-groups-heading">
          {t('overview.riskGroups.heading')}
        </Heading>
        {map.riskGroups.length === 0 ? (
          <Paragraph>{t('overview.empty')}</Paragraph>
        ) : (
          <Table zebra border>
            <caption>{t('overview.riskGroups.heading')}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t('overview.riskGroups.title')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.riskGroups.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.riskGroups.size')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.riskGroups.sizeSource')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.riskGroups.addedBy')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {map.riskGroups.map((group) => (
                <TableRow key={group.id}>
                  <TableHeaderCell scope="row">{group.title}</TableHeaderCell>
                  <TableCell>{t(`overview.riskGroupKinds.${group.kind}`)}</TableCell>
                  <TableCell>{[group.sizeLow, group.sizeHigh].filter((value) => value !== null).join('–')}</TableCell>
                  <TableCell>{group.sizeSource}</TableCell>
                  <TableCell>{by(group.createdBy, group.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {map.canWrite ? <RiskGroupForm /> : null}
      </section>
      <section aria-labelledby="sites-heading" className="page-section">
        <Heading level={2} data-size="sm" id="sites-heading">
          {t('overview.sites.heading')}
        </Heading>
        {map.sites.length === 0 ? (
          <Paragraph>{t('overview.empty')}</Paragraph>
        ) : (
          <Table zebra border>
            <caption>{t('overview.sites.heading')}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t('overview.sites.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.sites.isic')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.sites.area')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.sites.riskLevel')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.sites.lastInspected')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.sites.links')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.riskGroups.addedBy')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {map.sites.map((site) => (
                <TableRow key={site.id}>
                  <TableHeaderCell scope="row">
                    <DsLink asChild>
                      <Link to="/overview/sites/$siteId" params={{ siteId: site.id }}>
                        {site.name}
                      </Link>
                    </DsLink>
                  </TableHeaderCell>
                  <TableCell>{t(`overview.isic.${site.isicSection}`)}</TableCell>
                  <TableCell>{site.area}</TableCell>
                  <TableCell>{t(`overview.riskLevels.${site.riskLevel}`)}</TableCell>
                  <TableCell>{site.lastInspectedOn ?? t('overview.sites.never')}</TableCell>
                  <TableCell>{site.links}</TableCell>
                  <TableCell>{by(site.createdBy, site.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {map.canWrite ? <SiteForm /> : null}
      </section>
      <section aria-labelledby="services-heading" className="page-section">
        <Heading level={2} data-size="sm" id="services-heading">
          {t('overview.services.heading')}
        </Heading>
        {map.services.length === 0 ? (
          <Paragraph>{t('overview.empty')}</Paragraph>
        ) : (
          <Table zebra border>
            <caption>{t('overview.services.heading')}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t('overview.services.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.services.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.services.capacity')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.services.organisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('overview.services.description')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {map.services.map((service) => (
                <TableRow key={service.id}>
                  <TableHeaderCell scope="row">{service.name}</TableHeaderCell>
                  <TableCell>{t(`overview.serviceKinds.${service.kind}`)}</TableCell>
                  <TableCell>{service.capacity === null ? '' : `${service.capacity} ${service.capacityUnit}`}</TableCell>
                  <TableCell>{service.organisationName ?? ''}</TableCell>
                  <TableCell>{service.description}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {map.canWrite ? <ServiceForm /> : null}
      </section>
      <section aria-labelledby="patterns-heading" className="page-section">
        <Heading level={2} data-size="sm" id="patterns-heading">
          {t('overview.patterns.heading')}
        </Heading>
        {map.patterns.length === 0 ? (
          <Paragraph>{t('overview.empty')}</Paragraph>
        ) : (
          <ul>
            {map.patterns.map((pattern) => (
              <li key={pattern.id}>
                <strong>{pattern.title}</strong> ({t(`overview.patternKinds.${pattern.kind}`)}){pattern.description ? `: ${pattern.description}` : ''} – {by(pattern.createdBy, pattern.createdAt)}
              </li>
            ))}
          </ul>
        )}
        {map.canWrite ? <PatternForm /> : null}
      </section>
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

function RiskGroupForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation(createRiskGroupMutationOptions(queryClient));
  const { register, handleSubmit, reset, formState } = useForm<z.input<typeof RiskGroupBodySchema>, unknown, RiskGroupBody>({
    resolver: zodResolver(RiskGroupBodySchema),
    defaultValues: {
      kind: 'labour_migrants',
      title: '',
      sizeLow: null,
      sizeHigh: null,
      sizeSource: '',
      notes: '',
    },
  });
  const errors = formState.errors;
  return (
    <Details>
      <DetailsSummary>{t('overview.riskGroups.add')}</DetailsSummary>
      <DetailsContent>
        <form className="form-stack" noValidate onSubmit={(event) => void handleSubmit((body) => mutation.mutate(body, { onSuccess: () => reset() }))(event)}>
          <MutationError error={mutation.error} />
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
          <Button type="submit" disabled={mutation.isPending}>
            {t('overview.save')}
          </Button>
          <SuccessMessage>{mutation.isSuccess ? t('overview.saved') : null}</SuccessMessage>
        </form>
      </DetailsContent>
    </Details>
  );
}

function SiteForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation(createSiteMutationOptions(queryClient));
  const { register, handleSubmit, reset, formState } = useForm<z.input<typeof SiteBodySchema>, unknown, SiteBody>({
    resolver: zodResolver(SiteBodySchema),
    defaultValues: {
      name: '',
      isicSection: 'I',
      area: '',
      riskLevel: 'medium',
      riskReason: '',
      known: '',
    },
  });
  const errors = formState.errors;
  return (
    <Details>
      <DetailsSummary>{t('overview.sites.add')}</DetailsSummary>
      <DetailsContent>
        <form className="form-stack" noValidate onSubmit={(event) => void handleSubmit((body) => mutation.mutate(body, { onSuccess: () => reset() }))(event)}>
          <MutationError error={mutation.error} />
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
          <Button type="submit" disabled={mutation.isPending}>
            {t('overview.save')}
          </Button>
          <SuccessMessage>{mutation.isSuccess ? t('overview.saved') : null}</SuccessMessage>
        </form>
      </DetailsContent>
    </Details>
  );
}

function ServiceForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation(createServiceMutationOptions(queryClient));
  const { register, handleSubmit, reset, formState } = useForm<z.input<typeof ServiceBodySchema>, unknown, ServiceBody>({
    resolver: zodResolver(ServiceBodySchema),
    defaultValues: {
      kind: 'shelter',
      name: '',
      organisationId: null,
      capacity: null,
      capacityUnit: '',
      description: '',
    },
  });
  const errors = formState.errors;
  return (
    <Details>
      <DetailsSummary>{t('overview.services.add')}</DetailsSummary>
      <DetailsContent>
        <form className="form-stack" noValidate onSubmit={(event) => void handleSubmit((body) => mutation.mutate(body, { onSuccess: () => reset() }))(event)}>
          <MutationError error={mutation.error} />
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
          <Button type="submit" disabled={mutation.isPending}>
            {t('overview.save')}
          </Button>
          <SuccessMessage>{mutation.isSuccess ? t('overview.saved') : null}</SuccessMessage>
        </form>
      </DetailsContent>
    </Details>
  );
}

function PatternForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation(createPatternMutationOptions(queryClient));
  const { register, handleSubmit, reset, formState } = useForm<z.input<typeof PatternBodySchema>, unknown, PatternBody>({
    resolver: zodResolver(PatternBodySchema),
    defaultValues: { kind: 'recruitment', title: '', description: '' },
  });
  const errors = formState.errors;
  return (
    <Details>
      <DetailsSummary>{t('overview.patterns.add')}</DetailsSummary>
      <DetailsContent>
        <form className="form-stack" noValidate onSubmit={(event) => void handleSubmit((body) => mutation.mutate(body, { onSuccess: () => reset() }))(event)}>
          <MutationError error={mutation.error} />
          <SelectField label={t('overview.patterns.kind')} {...register('kind')}>
            {PATTERN_KINDS.map((kind) => (
              <SelectOption key={kind} value={kind}>
                {t(`overview.patternKinds.${kind}`)}
              </SelectOption>
            ))}
          </SelectField>
          <Textfield label={t('overview.patterns.title')} error={fieldErrorText(t, errors.title)} {...register('title')} />
          <Textfield multiline rows={3} label={t('overview.patterns.description')} error={fieldErrorText(t, errors.description)} {...register('description')} />
          <Button type="submit" disabled={mutation.isPending}>
            {t('overview.save')}
          </Button>
          <SuccessMessage>{mutation.isSuccess ? t('overview.saved') : null}</SuccessMessage>
        </form>
      </DetailsContent>
    </Details>
  );
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
