import { Button, Checkbox, Fieldset, FieldsetLegend, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { TipPublicSettingsSchema, type TipPublicSettings } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { fieldErrorText } from '../../lib/error-text';
import { PublicPlanSettingSection } from '../reports/public-plan-setting';
import { saveTipSettingsMutationOptions } from './mutations';
import { tipSettingsQueryOptions } from './queries';

type SettingsFormValues = z.input<typeof TipPublicSettingsSchema>;

/** Switches for the public pages and the tip form, and the municipality's own contact texts. */
export function TipSettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(tipSettingsQueryOptions());
  return (
    <div className="narrow-page">
      <PageHeading>{t('tips.settings.title')}</PageHeading>
      <Paragraph>{t('tips.settings.intro')}</Paragraph>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <LoadError error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data ? <SettingsForm settings={settings.data} /> : null}
      <PublicPlanSettingSection />
    </div>
  );
}

function SettingsForm({ settings }: { settings: TipPublicSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation(saveTipSettingsMutationOptions(queryClient));
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SettingsFormValues, unknown, TipPublicSettings>({ resolver: zodResolver(TipPublicSettingsSchema), defaultValues: settings });

  return (
    <form className="form-stack" noValidate onSubmit={(event) => void handleSubmit((body) => save.mutate(body))(event)}>
      <SuccessMessage>{save.isSuccess ? t('common.saved') : null}</SuccessMessage>
      <MutationError error={save.error} />
      <Fieldset>
        <FieldsetLegend>{t('tips.settings.switches')}</FieldsetLegend>
        <Checkbox label={t('tips.settings.publicPagesEnabled')} description={t('tips.settings.publicPagesDescription')} {...register('publicPagesEnabled')} />
        <Checkbox label={t('tips.settings.tipFormEnabled')} description={t('tips.settings.tipFormDescription')} {...register('tipFormEnabled')} />
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t('tips.settings.contactLegend')}</FieldsetLegend>
        <Textfield label={t('tips.settings.contactName')} error={fieldErrorText(t, errors.contactName)} {...register('contactName')} />
        <Textfield label={t('tips.settings.contactPhone')} type="tel" error={fieldErrorText(t, errors.contactPhone, 'phone')} {...register('contactPhone')} />
        <Textfield label={t('tips.settings.contactEmail')} type="email" error={fieldErrorText(t, errors.contactEmail, 'email')} {...register('contactEmail')} />
        <Textfield label={t('tips.settings.openingHours')} error={fieldErrorText(t, errors.openingHours)} {...register('openingHours')} />
      </Fieldset>
      <Textfield
        label={t('tips.settings.retentionMonths')}
        description={t('tips.settings.retentionDescription')}
        type="number"
        min={1}
        max={120}
        error={fieldErrorText(t, errors.retentionMonths)}
        {...register('retentionMonths', { valueAsNumber: true })}
      />
      <div className="button-row">
        <Button type="submit" loading={save.isPending}>
          {t('common.saveChanges')}
        </Button>
      </div>
    </form>
  );
}
