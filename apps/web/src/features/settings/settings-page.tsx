import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  FieldsetDescription,
  FieldsetLegend,
  Paragraph,
  Radio,
  SelectOption,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  LANGUAGE_CODES,
  MAX_SUPPRESSION_THRESHOLD,
  MFA_POLICIES,
  MIN_SUPPRESSION_THRESHOLD,
  MAX_NOISE_MAX,
  MIN_NOISE_MAX,
  MIN_NOISE_VARIANCE,
  ROUNDING_BASES,
  UpdateMunicipalityBodySchema,
  maxNoiseVariance,
  type MunicipalitySettings,
} from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';
import { hasPermission, useMe } from '../auth/use-me';
import { ContentReviewSection } from './content-review-section';
import { NotificationDeliverySection } from '../notifications/delivery-section';
import { OidcProvidersSection } from '../auth/oidc-providers-section';
import { TileSourceSection } from '../overview/tile-source-section';
import { LogoForm } from './logo-form';
import { updateMunicipalityMutationOptions } from './mutations';
import { municipalityQueryOptions } from './queries';

/** The municipality's settings: name, languages and MFA policy. Read-only without municipality:write. */
export function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const settings = useQuery(municipalityQueryOptions());

  return (
    <div className="narrow-page">
      <PageHeading>{t('settings.title')}</PageHeading>
      <Paragraph>{t('settings.intro')}</Paragraph>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <LoadError error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? <SettingsForm settings={settings.data} canWrite={hasPermission(me, 'municipality:write')} /> : null}
      {hasPermission(me, 'content:review') ? <ContentReviewSection /> : null}
      {settings.data ? <LogoForm settings={settings.data} canWrite={hasPermission(me, 'municipality:write')} /> : null}
      {hasPermission(me, 'municipality:write') ? <NotificationDeliverySection /> : null}
      {hasPermission(me, 'municipality:write') ? <OidcProvidersSection /> : null}
      {hasPermission(me, 'municipality:write') ? <TileSourceSection /> : null}
    </div>
  );
}

function SettingsForm({ settings, canWrite }: { settings: MunicipalitySettings; canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useMutation(updateMunicipalityMutationOptions(queryClient));
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({
    resolver: zodResolver(UpdateMunicipalityBodySchema),
    values: {
      name: settings.name,
      defaultLanguage: settings.defaultLanguage,
      languages: settings.languages,
      mfaPolicy: settings.mfaPolicy,
      requirePasskey: settings.requirePasskey,
      suppressionThreshold: settings.suppressionThreshold,
      roundingBase: ROUNDING_BASES.find((base) => base === settings.roundingBase) ?? 1,
      noiseMax: settings.noiseMax,
      noiseVariance: settings.noiseVariance,
    },
  });
  const bounds = { min: MIN_SUPPRESSION_THRESHOLD, max: MAX_SUPPRESSION_THRESHOLD };
  const noiseBounds = { min: MIN_NOISE_MAX, max: MAX_NOISE_MAX };
  const varianceBounds = { min: MIN_NOISE_VARIANCE, max: maxNoiseVariance(MAX_NOISE_MAX).toFixed(1) };

  const onSubmit = handleSubmit((values) => {
    update.mutate(values);
  });
  const defaultLanguageError =
    errors.defaultLanguage?.type === 'custom'
      ? t('validation.defaultLanguageOffered')
      : fieldErrorText(t, errors.defaultLanguage, 'choice');

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="form-stack">
      {settings.isDemo ? (
        <Alert data-color="warning">
          <Paragraph>{t('settings.demo')}</Paragraph>
        </Alert>
      ) : null}
      {canWrite ? null : (
        <Alert data-color="info">
          <Paragraph>{t('settings.readOnly')}</Paragraph>
        </Alert>
      )}
      <MutationError error={update.error} />
      <SuccessMessage>{update.isSuccess ? t('common.saved') : null}</SuccessMessage>
      <fieldset disabled={!canWrite} className="form-stack plain-fieldset">
        <Textfield label={t('settings.name')} autoComplete="off" error={fieldErrorText(t, errors.name)} {...register('name')} />
        <SelectField
          label={t('settings.defaultLanguage')}
          description={t('settings.defaultLanguageDescription')}
          error={defaultLanguageError}
          {...register('defaultLanguage')}
        >
          {LANGUAGE_CODES.map((code) => (
            <SelectOption key={code} value={code}>
              {t(`languageNames.${code}`)}
            </SelectOption>
          ))}
        </SelectField>
        <Fieldset>
          <FieldsetLegend>{t('settings.languages')}</FieldsetLegend>
          <FieldsetDescription>{t('settings.languagesDescription')}</FieldsetDescription>
          {LANGUAGE_CODES.map((code) => (
            <Checkbox key={code} label={t(`languageNames.${code}`)} value={code} {...register('languages')} />
          ))}
          {errors.languages ? <ValidationMessage>{t('validation.languagesMin')}</ValidationMessage> : null}
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>{t('settings.mfaPolicy')}</FieldsetLegend>
          {MFA_POLICIES.map((policy) => (
            <Radio
              key={policy}
              label={t(`settings.mfaPolicies.${policy}`)}
              description={t(`settings.mfaPolicies.${policy}Description`)}
              value={policy}
              {...register('mfaPolicy')}
            />
          ))}
          {errors.mfaPolicy ? <ValidationMessage>{t('validation.choose')}</ValidationMessage> : null}
          <Checkbox label={t('passkeys.settings.require')} description={t('passkeys.settings.requireDescription')} {...register('requirePasskey')} />
        </Fieldset>
        <Fieldset>
          <FieldsetLegend>{t('settings.disclosureLegend')}</FieldsetLegend>
          <FieldsetDescription>{t('settings.disclosureDescription')}</FieldsetDescription>
          <Textfield
            label={t('settings.suppressionThreshold')}
            description={t('settings.suppressionThresholdDescription', bounds)}
            type="number"
            inputMode="numeric"
            min={MIN_SUPPRESSION_THRESHOLD}
            max={MAX_SUPPRESSION_THRESHOLD}
            error={errors.suppressionThreshold ? t('settings.suppressionThresholdError', bounds) : undefined}
            {...register('suppressionThreshold', { valueAsNumber: true })}
          />
          <SelectField label={t('settings.roundingBase')} error={fieldErrorText(t, errors.roundingBase, 'choice')} {...register('roundingBase', { setValueAs: (value: string | number) => Number(value) })}>
            {ROUNDING_BASES.map((base) => (
              <SelectOption key={base} value={String(base)}>
                {base === 1 ? t('settings.roundingNone') : t('settings.roundingTo', { base })}
              </SelectOption>
            ))}
          </SelectField>
          <Textfield
            label={t('settings.noiseMax')}
            description={t('settings.noiseMaxDescription', noiseBounds)}
            type="number"
            inputMode="numeric"
            min={MIN_NOISE_MAX}
            max={MAX_NOISE_MAX}
            error={errors.noiseMax ? t('settings.noiseMaxError', noiseBounds) : undefined}
            {...register('noiseMax', { valueAsNumber: true })}
          />
          <Textfield
            label={t('settings.noiseVariance')}
            description={t('settings.noiseVarianceDescription', varianceBounds)}
            type="number"
            inputMode="decimal"
            step="0.1"
            min={MIN_NOISE_VARIANCE}
            error={errors.noiseVariance ? t('settings.noiseVarianceError', varianceBounds) : undefined}
            {...register('noiseVariance', { valueAsNumber: true })}
          />
        </Fieldset>
        {canWrite ? (
          <div className="button-row">
            <Button type="submit" loading={update.isPending} disabled={update.isPending}>
              {t('common.save')}
            </Button>
          </div>
        ) : null}
      </fieldset>
    </form>
  );
}
