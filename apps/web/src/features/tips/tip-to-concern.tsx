import { Button, Checkbox, Link as DsLink, Fieldset, FieldsetLegend, Heading, Paragraph, SelectOption } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { AGE_BANDS, EXPLOITATION_FORMS, GENDERS, PLACE_KINDS, SCREENING_CONTEXTS, SECTORS, TipToConcernBodySchema, WANTS_HELP, type TipDetail, type TipToConcernBody } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { MutationError } from '../../components/load-state';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';
import { convertTipMutationOptions } from './mutations';

type ConcernFormValues = z.input<typeof TipToConcernBodySchema>;

/** The link to the concern a tip became, or a form to make one (coordinators). */
export function TipToConcern({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const convert = useMutation(convertTipMutationOptions(queryClient, tip.id));
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ConcernFormValues, unknown, TipToConcernBody>({
    resolver: zodResolver(TipToConcernBodySchema),
    defaultValues: {
      context: 'other',
      suspectedForms: [],
      includeContact: false,
      facts: {
        ageBand: 'unknown',
        possibleMinor: tip.minor === 'yes',
        gender: 'unknown',
        nationality: null,
        sector: 'unknown',
        placeKind: tip.placeKind === 'home' ? 'home' : tip.placeKind === 'online' ? 'online' : tip.placeKind === 'street_or_public' ? 'street' : 'workplace',
        immediateDanger: tip.immediateDanger,
        wantsHelp: 'unknown',
      },
    },
  });

  return (
    <section className="page-section" aria-labelledby="tip-concern-heading">
      <Heading level={2} data-size="sm" id="tip-concern-heading">
        {t('tips.concern.heading')}
      </Heading>
      {tip.concernId ? (
        <Paragraph>
          <DsLink asChild>
            <Link to="/concerns/$concernId" params={{ concernId: tip.concernId }}>
              {t('tips.concern.open')}
            </Link>
          </DsLink>
        </Paragraph>
      ) : (
        <form className="form-stack" noValidate onSubmit={(event) => void handleSubmit((body) => convert.mutate(body))(event)}>
          <Paragraph>{t('tips.concern.intro')}</Paragraph>
          <MutationError error={convert.error} />
          <SelectField label={t('tips.concern.context')} error={fieldErrorText(t, errors.context, 'choice')} {...register('context')}>
            {SCREENING_CONTEXTS.map((value) => (
              <SelectOption key={value} value={value}>
                {t(`identification.contexts.${value}`)}
              </SelectOption>
            ))}
          </SelectField>
          <Fieldset>
            <FieldsetLegend>{t('tips.concern.forms')}</FieldsetLegend>
            {EXPLOITATION_FORMS.map((value) => (
              <Checkbox key={value} label={t(`identification.forms.${value}`)} value={value} {...register('suspectedForms')} />
            ))}
          </Fieldset>
          <SelectField label={t('tips.concern.ageBand')} {...register('facts.ageBand')}>
            {AGE_BANDS.map((value) => (
              <SelectOption key={value} value={value}>
                {t(`identification.ageBands.${value}`)}
              </SelectOption>
            ))}
          </SelectField>
          <SelectField label={t('tips.concern.gender')} {...register('facts.gender')}>
            {GENDERS.map((value) => (
              <SelectOption key={value} value={value}>
                {t(`identification.genders.${value}`)}
              </SelectOption>
            ))}
          </SelectField>
          <SelectField label={t('tips.concern.sector')} {...register('facts.sector')}>
            {SECTORS.map((value) => (
              <SelectOption key={value} value={value}>
                {t(`identification.sectors.${value}`)}
              </SelectOption>
            ))}
          </SelectField>
          <SelectField label={t('tips.concern.placeKind')} {...register('facts.placeKind')}>
            {PLACE_KINDS.map((value) => (
              <SelectOption key={value} value={value}>
                {t(`identification.placeKinds.${value}`)}
              </SelectOption>
            ))}
          </SelectField>
          <SelectField label={t('tips.concern.wantsHelp')} {...register('facts.wantsHelp')}>
            {WANTS_HELP.map((value) => (
              <SelectOption key={value} value={value}>
                {t(`identification.wantsHelpOptions.${value}`)}
              </SelectOption>
            ))}
          </SelectField>
          <Checkbox label={t('tips.concern.possibleMinor')} {...register('facts.possibleMinor')} />
          <Checkbox label={t('tips.concern.immediateDanger')} {...register('facts.immediateDanger')} />
          {tip.contact && tip.contactMayBeShared ? (
            <Checkbox label={t('tips.concern.includeContact')} description={t('tips.concern.includeContactDescription')} {...register('includeContact')} />
          ) : (
            <Paragraph data-size="sm">{t('tips.concern.contactStays')}</Paragraph>
          )}
          <div className="button-row">
            <Button type="submit" loading={convert.isPending}>
              {t('tips.concern.submit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
