import { Alert, Button, Details, Heading, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { ConcernBodySchema, type Concern, type ConcernBody, type ExploitationForm, type ScreeningContext, type ScreeningFacts } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useForm, type FieldError, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { fieldId } from '../../components/form/field-paths';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useFormFeedback } from '../../components/form/use-form-feedback';
import { createConcernMutationOptions } from './mutations';

const PERSON_FIELDS = ['name', 'dateOfBirth', 'phone', 'address', 'other'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];
const FORM_ID = 'concern-form';

/** The concern as the form holds it (paths as the server names them); the shared ConcernBodySchema checks what it becomes. */
interface ConcernFormValues {
  note: string;
  reporterContact: { phone: string; email: string };
  person: Record<PersonField, string>;
}

const EMPTY: ConcernFormValues = { note: '', reporterContact: { phone: '', email: '' }, person: { name: '', dateOfBirth: '', phone: '', address: '', other: '' } };
const FIELDS: readonly FieldPath<ConcernFormValues>[] = ['note', 'reporterContact.phone', 'reporterContact.email', ...PERSON_FIELDS.map((field) => `person.${field}` as const)];

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Where the coded facts come from: a saved screening, or the form itself (a concern sent directly). */
export type ConcernSource = { screeningId: string } | { context: ScreeningContext; suspectedForms: readonly ExploitationForm[]; facts: ScreeningFacts };

interface ConcernFormProps {
  source: ConcernSource;
  /** 2 when the form is the page's main content, 3 when it follows a screening. */
  headingLevel?: 2 | 3;
  /** Fields shown before the optional ones (the coded facts, for a direct concern). */
  children?: ReactNode;
}

/** Sends a concern to the coordinator, from a saved screening or directly; identifying details are optional and encrypted. */
export function ConcernForm({ source, headingLevel = 3, children }: ConcernFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useMutation(createConcernMutationOptions(queryClient));
  const [sent, setSent] = useState<Concern | null>(null);
  const sentHeading = useRef<HTMLHeadingElement>(null);
  const direct = !('screeningId' in source);

  const schema = useMemo(
    () =>
      z
        .custom<ConcernFormValues>()
        .transform((values): z.input<typeof ConcernBodySchema> => {
          const { person, reporterContact } = values;
          const hasPerson = PERSON_FIELDS.some((field) => person[field].trim() !== '');
          const phone = orNull(reporterContact.phone);
          const email = orNull(reporterContact.email);
          return {
            ...('screeningId' in source ? { screeningId: source.screeningId } : { context: source.context, suspectedForms: [...source.suspectedForms], facts: source.facts }),
            note: orNull(values.note),
            reporterContact: phone || email ? { phone, email } : null,
            person: hasPerson ? (Object.fromEntries(PERSON_FIELDS.map((field) => [field, orNull(person[field])]))) : null,
          };
        })
        .pipe(ConcernBodySchema),
    [source],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isDirty },
  } = useForm<ConcernFormValues, unknown, ConcernBody>({ resolver: zodResolver(schema), defaultValues: EMPTY, shouldFocusError: false });
  const invalid = t('identification.concernForm.invalid');
  const texts = useMemo(() => Object.fromEntries(FIELDS.map((field) => [field, invalid])) as Partial<Record<FieldPath<ConcernFormValues>, string>>, [invalid]);
  const { feedback, onInvalid, onServerError } = useFormFeedback(setError, { fields: FIELDS, texts });

  useEffect(() => {
    if (sent) sentHeading.current?.focus();
  }, [sent]);

  // The form's own text for every field, by the browser's check or the server's.
  const fieldError = (error: FieldError | undefined) => (error ? invalid : undefined);
  const id = (path: FieldPath<ConcernFormValues>) => fieldId(FORM_ID, path);
  const labels: Record<string, string> = {
    note: t('identification.concernForm.note'),
    'reporterContact.phone': t('identification.concernForm.reporterPhone'),
    'reporterContact.email': t('identification.concernForm.reporterEmail'),
    ...Object.fromEntries(PERSON_FIELDS.map((field) => [`person.${field}`, t(`identification.person.${field}`)])),
  };

  const submit = handleSubmit(
    (body) =>
      new Promise<void>((resolve) => {
        create.mutate(body, { onSuccess: (concern) => setSent(concern), onError: onServerError, onSettled: () => resolve() });
      }),
    onInvalid,
  );

  if (sent) {
    return (
      <Alert data-color="success" role="status">
        <Heading level={headingLevel} data-size="xs" ref={sentHeading} tabIndex={-1}>
          {t('identification.concernForm.sent')}
        </Heading>
        <Paragraph>
          <DsLink asChild>
            <Link to="/concerns/$concernId" params={{ concernId: sent.id }}>
              {t('identification.concernForm.follow')}
            </Link>
          </DsLink>
        </Paragraph>
      </Alert>
    );
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="screening-fields" aria-labelledby="concern-form-heading" noValidate>
      <Heading level={headingLevel} data-size="xs" id="concern-form-heading">
        {t(direct ? 'identification.concernForm.directHeading' : 'identification.concernForm.heading')}
      </Heading>
      <Paragraph data-size="sm">{t(direct ? 'identification.concernForm.directIntro' : 'identification.concernForm.intro')}</Paragraph>
      <FormErrorSummary formId={FORM_ID} errors={errors} feedback={feedback} labels={labels} messageOf={(_path, error) => fieldError(error)} />
      {children}
      <Textfield
        multiline
        rows={3}
        id={id('note')}
        label={t('identification.concernForm.note')}
        description={t('identification.concernForm.noteWarning')}
        error={fieldError(errors.note)}
        {...register('note')}
      />
      <Textfield
        id={id('reporterContact.phone')}
        label={t('identification.concernForm.reporterPhone')}
        type="tel"
        autoComplete="off"
        error={fieldError(errors.reporterContact?.phone)}
        {...register('reporterContact.phone')}
      />
      <Textfield
        id={id('reporterContact.email')}
        label={t('identification.concernForm.reporterEmail')}
        type="email"
        autoComplete="off"
        error={fieldError(errors.reporterContact?.email)}
        {...register('reporterContact.email')}
      />
      <Details>
        <Details.Summary>{t('identification.concernForm.personHeading')}</Details.Summary>
        <Details.Content>
          <Paragraph data-size="sm">{t('identification.concernForm.personWarning')}</Paragraph>
          {PERSON_FIELDS.map((field) => (
            <Textfield
              key={field}
              id={id(`person.${field}`)}
              label={t(`identification.person.${field}`)}
              type={field === 'dateOfBirth' ? 'date' : field === 'phone' ? 'tel' : 'text'}
              autoComplete="off"
              error={fieldError(errors.person?.[field])}
              {...register(`person.${field}`)}
            />
          ))}
        </Details.Content>
      </Details>
      <div className="wizard-actions">
        <Button type="submit" disabled={create.isPending} loading={create.isPending}>
          {t('identification.concernForm.submit')}
        </Button>
      </div>
      <UnsavedChangesGuard when={isDirty && sent === null} />
    </form>
  );
}
