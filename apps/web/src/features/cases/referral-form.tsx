import { Button, Fieldset, Heading, Paragraph, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  legalBasesFor,
  LEGAL_BASIS_CATEGORIES,
  NEED_KINDS,
  ReferralBodySchema,
  type Case,
  type LegalBasis,
  type NeedKind,
  type ReferralBody,
  type ShareCategory,
} from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { fieldId } from '../../components/form/field-paths';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useFormFeedback } from '../../components/form/use-form-feedback';
import { SuccessMessage } from '../../components/load-state';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';
import { formatDate } from '../../lib/format';
import { CategoryChoice } from './category-choice';
import { sendReferralMutationOptions } from './mutations';
import { caseOrganisationsQueryOptions } from './queries';

const NO_CONSENT = 'none';
const FORM_ID = 'referral';

/** The referral as the form holds it; the shared ReferralBodySchema checks what it becomes. */
interface ReferralFormValues {
  consentId: string;
  organisationId: string;
  needKind: NeedKind;
  dataCategories: ShareCategory[];
  legalBasis: LegalBasis | '';
  legalBasisReason: string;
}

const FIELDS: readonly FieldPath<ReferralFormValues>[] = ['consentId', 'organisationId', 'needKind', 'dataCategories', 'legalBasis', 'legalBasisReason'];

type SharingConsent = Case['consents'][number];

/** A form that starts from the one consent to share, with exactly the categories it covers ticked. */
function startingValues(consents: readonly SharingConsent[]): ReferralFormValues {
  const only = consents.length === 1 ? consents[0] : undefined;
  return { consentId: only?.id ?? '', organisationId: '', needKind: 'housing', dataCategories: only ? [...only.dataCategories] : [], legalBasis: '', legalBasisReason: '' };
}

/**
 * Sends a bounded part of the case to a partner, covered by a consent or a recorded legal basis. It
 * starts from what the consent covers, explains why only what is needed is shared, and shows the
 * server's objections on the fields they concern.
 */
export function ReferralForm({ theCase }: { theCase: Case }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const send = useMutation(sendReferralMutationOptions(queryClient, theCase.id));
  const organisations = useQuery(caseOrganisationsQueryOptions());
  const activeConsents = useMemo(() => theCase.consents.filter((consent) => consent.isActive && consent.purpose === 'share_with_organisation'), [theCase.consents]);
  const [sent, setSent] = useState(false);
  const organisationKind = (id: string) => organisations.data?.items.find((organisation) => organisation.id === id)?.kind;

  const schema = useMemo(
    () =>
      z
        .custom<ReferralFormValues>()
        .superRefine((values, context) => {
          if (values.consentId === '') context.addIssue({ code: 'custom', path: ['consentId'], message: 'Choose a basis' });
          // Without consent the legal basis must be named; otherwise the server would fall back to any consent.
          if (values.consentId === NO_CONSENT && values.legalBasis === '') context.addIssue({ code: 'custom', path: ['legalBasis'], message: 'Choose a legal basis' });
        })
        .transform((values): z.input<typeof ReferralBodySchema> => {
          const consent = activeConsents.find((entry) => entry.id === values.consentId);
          const withoutConsent = values.consentId === NO_CONSENT;
          return {
            organisationId: consent?.recipient?.id ?? values.organisationId,
            needKind: values.needKind,
            dataCategories: values.dataCategories,
            consentId: consent ? consent.id : null,
            legalBasis: withoutConsent && values.legalBasis !== '' ? values.legalBasis : null,
            legalBasisReason: withoutConsent ? values.legalBasisReason.trim() || null : null,
          };
        })
        .pipe(ReferralBodySchema),
    [activeConsents],
  );
  const form = useForm<ReferralFormValues, unknown, ReferralBody>({ resolver: zodResolver(schema), defaultValues: startingValues(activeConsents), shouldFocusError: false });
  const {
    control,
    register,
    handleSubmit,
    setError,
    setValue,
    reset,
    formState: { errors, isDirty },
  } = form;
  // A consent recorded while the form is untouched becomes its starting point; typed values are never replaced.
  const consentsKey = activeConsents.map((consent) => consent.id).join(',');
  const startedFrom = useRef(consentsKey);
  useEffect(() => {
    if (startedFrom.current === consentsKey) return;
    startedFrom.current = consentsKey;
    if (!isDirty) reset(startingValues(activeConsents));
  }, [activeConsents, consentsKey, isDirty, reset]);
  const { feedback, onInvalid, onServerError } = useFormFeedback(setError, { fields: FIELDS, texts: { legalBasisReason: t('validation.required') } });

  const consentId = useWatch({ control, name: 'consentId' });
  const organisationId = useWatch({ control, name: 'organisationId' });
  const consent = activeConsents.find((entry) => entry.id === consentId);
  const withoutConsent = consentId === NO_CONSENT;
  // A legal basis is offered only for the recipients it is a duty towards (the server checks the same).
  const bases = legalBasesFor(organisationKind(organisationId));
  const legalBasis = useWatch({ control, name: 'legalBasis' });
  // The same limits the server applies: a consent's categories, or what the legal basis allows.
  const allowed: readonly ShareCategory[] = consent ? consent.dataCategories : withoutConsent && legalBasis !== '' ? LEGAL_BASIS_CATEGORIES[legalBasis] : [];

  const labels: Record<string, string> = {
    consentId: t('cases.referrals.basis'),
    organisationId: t('cases.referrals.organisation'),
    needKind: t('cases.referrals.needKind'),
    dataCategories: t('cases.referrals.categories'),
    legalBasis: t('cases.referrals.legalBasis'),
    legalBasisReason: t('cases.referrals.legalBasisReason'),
  };
  const id = (path: FieldPath<ReferralFormValues>) => fieldId(FORM_ID, path);

  const submit = handleSubmit(
    (body) =>
      new Promise<void>((resolve) => {
        setSent(false);
        send.mutate(body, {
          onSuccess: () => {
            reset(startingValues(activeConsents));
            setSent(true);
          },
          onError: onServerError,
          onSettled: () => resolve(),
        });
      }),
    onInvalid,
  );

  return (
    <form className="case-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${FORM_ID}-heading`}>
      <Heading level={3} data-size="xs" id={`${FORM_ID}-heading`}>
        {t('cases.referrals.send')}
      </Heading>
      <SuccessMessage>{sent ? t('referralForm.sent') : null}</SuccessMessage>
      <FormErrorSummary formId={FORM_ID} errors={errors} feedback={feedback} labels={labels} kinds={{ consentId: 'choice', organisationId: 'choice', dataCategories: 'choice', legalBasis: 'choice' }} />
      <SelectField
        id={id('consentId')}
        label={t('cases.referrals.basis')}
        error={fieldErrorText(t, errors.consentId, 'choice')}
        {...register('consentId', {
          onChange: (event: { target: { value: string } }) => {
            // Start from what the chosen consent covers; a legal basis starts empty, to be chosen one by one.
            const chosen = activeConsents.find((entry) => entry.id === event.target.value);
            setValue('dataCategories', chosen ? [...chosen.dataCategories] : [], { shouldDirty: true });
          },
        })}
      >
        <SelectOption value="">{t('cases.referrals.chooseConsent')}</SelectOption>
        {activeConsents.map((entry) => (
          <SelectOption key={entry.id} value={entry.id}>
            {`${t('cases.referrals.consent')}: ${entry.recipient?.name ?? ''} (${formatDate(entry.givenOn, i18n.language)})`}
          </SelectOption>
        ))}
        <SelectOption value={NO_CONSENT}>{t('cases.referrals.noConsent')}</SelectOption>
      </SelectField>
      {withoutConsent ? (
        <>
          <SelectField
            id={id('organisationId')}
            label={t('cases.referrals.organisation')}
            error={fieldErrorText(t, errors.organisationId, 'choice')}
            {...register('organisationId', {
              // The legal bases depend on the recipient: choose again.
              onChange: () => {
                setValue('legalBasis', '', { shouldDirty: true });
                setValue('dataCategories', [], { shouldDirty: true });
              },
            })}
          >
            <SelectOption value="">{t('cases.team.choose')}</SelectOption>
            {(organisations.data?.items ?? []).map((organisation) => (
              <SelectOption key={organisation.id} value={organisation.id}>
                {organisation.name}
              </SelectOption>
            ))}
          </SelectField>
          <SelectField
            id={id('legalBasis')}
            label={t('cases.referrals.legalBasis')}
            error={fieldErrorText(t, errors.legalBasis, 'choice')}
            {...register('legalBasis', {
              onChange: () => setValue('dataCategories', [], { shouldDirty: true }),
            })}
          >
            <SelectOption value="">{t('cases.team.choose')}</SelectOption>
            {bases.map((value) => (
              <SelectOption key={value} value={value}>
                {t(`cases.values.legalBases.${value}`)}
              </SelectOption>
            ))}
          </SelectField>
          <Textfield id={id('legalBasisReason')} multiline rows={2} label={t('cases.referrals.legalBasisReason')} error={fieldErrorText(t, errors.legalBasisReason)} {...register('legalBasisReason')} />
        </>
      ) : null}
      <SelectField id={id('needKind')} label={t('cases.referrals.needKind')} error={fieldErrorText(t, errors.needKind, 'choice')} {...register('needKind')}>
        {NEED_KINDS.map((value) => (
          <SelectOption key={value} value={value}>
            {t(`cases.values.needKinds.${value}`)}
          </SelectOption>
        ))}
      </SelectField>
      <Controller
        control={control}
        name="dataCategories"
        render={({ field, fieldState }) =>
          allowed.length > 0 ? (
            <CategoryChoice
              id={id('dataCategories')}
              legend={t('cases.referrals.categories')}
              allowed={allowed}
              value={field.value}
              onChange={field.onChange}
              error={fieldErrorText(t, fieldState.error, 'choice')}
              description={
                <Fieldset.Description asChild>
                  <div>
                    <Paragraph data-size="sm">{t('referralForm.why')}</Paragraph>
                    <Paragraph data-size="sm">{consent ? t('referralForm.fromConsent') : t('referralForm.fromLegalBasis')}</Paragraph>
                    <Paragraph data-size="xs">{t('referralForm.source')}</Paragraph>
                  </div>
                </Fieldset.Description>
              }
            />
          ) : (
            <Paragraph id={id('dataCategories')} data-size="sm">
              {t('referralForm.chooseBasisFirst')}
            </Paragraph>
          )
        }
      />
      <div className="case-actions">
        <Button type="submit" disabled={send.isPending} loading={send.isPending}>
          {t('cases.referrals.send')}
        </Button>
      </div>
      <UnsavedChangesGuard when={isDirty} />
    </form>
  );
}
