import {
  Button,
  Fieldset,
  FieldsetLegend,
  Heading,
  Paragraph,
  Radio,
  SelectOption,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { ORGANISATION_KINDS, OrganisationBodySchema, type OrganisationBody } from '@lykt/shared';
import { useRef } from 'react';
import { Controller, useFieldArray, useForm, type DefaultValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { MutationError } from '../../components/load-state';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';

export type OrganisationFormValues = z.input<typeof OrganisationBodySchema>;

/** Empty optional fields are sent as null, as the contract expects. */
const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

const EMPTY_CONTACT = { name: '', roleTitle: '', phone: null, email: null };

interface OrganisationFormProps {
  defaultValues: DefaultValues<OrganisationFormValues>;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (body: OrganisationBody) => void;
}

/** Create and edit form for an organisation and its contact persons. */
export function OrganisationForm({ defaultValues, submitLabel, isPending, error, onSubmit }: OrganisationFormProps) {
  const { t } = useTranslation();
  const addButton = useRef<HTMLButtonElement>(null);
  const {
    register,
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<OrganisationFormValues, unknown, OrganisationBody>({ resolver: zodResolver(OrganisationBodySchema), defaultValues });
  const contacts = useFieldArray({ control, name: 'contacts' });

  const removeContact = (index: number) => {
    contacts.remove(index);
    addButton.current?.focus();
  };

  return (
    <form onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate className="form-stack">
      <MutationError error={error} />
      <Textfield
        label={t('organisations.form.name')}
        autoComplete="organization"
        error={fieldErrorText(t, errors.name)}
        {...register('name')}
      />
      <SelectField label={t('organisations.form.kind')} error={fieldErrorText(t, errors.kind, 'choice')} {...register('kind')}>
        <SelectOption value="">{t('organisations.form.chooseKind')}</SelectOption>
        {ORGANISATION_KINDS.map((kind) => (
          <SelectOption key={kind} value={kind}>
            {t(`organisationKinds.${kind}`)}
          </SelectOption>
        ))}
      </SelectField>
      <Controller
        control={control}
        name="isInternal"
        render={({ field, fieldState }) => (
          <Fieldset>
            <FieldsetLegend>{t('organisations.form.scope')}</FieldsetLegend>
            <Radio
              label={t('organisations.form.internal')}
              description={t('organisations.form.internalDescription')}
              name={field.name}
              value="internal"
              checked={field.value}
              onChange={() => {
                field.onChange(true);
              }}
              onBlur={field.onBlur}
              ref={field.ref}
            />
            <Radio
              label={t('organisations.form.external')}
              description={t('organisations.form.externalDescription')}
              name={field.name}
              value="external"
              checked={!field.value}
              onChange={() => {
                field.onChange(false);
              }}
              onBlur={field.onBlur}
            />
            {fieldState.error ? <ValidationMessage>{fieldErrorText(t, fieldState.error, 'choice')}</ValidationMessage> : null}
          </Fieldset>
        )}
      />
      <Textfield
        label={t('organisations.form.phone')}
        type="tel"
        autoComplete="off"
        error={fieldErrorText(t, errors.phone, 'phone')}
        {...register('phone', { setValueAs: emptyToNull })}
      />
      <Textfield
        label={t('organisations.form.email')}
        type="email"
        autoComplete="off"
        error={fieldErrorText(t, errors.email, 'email')}
        {...register('email', { setValueAs: emptyToNull })}
      />
      <Textfield
        label={t('organisations.form.notes')}
        description={t('organisations.form.notesDescription')}
        multiline
        rows={4}
        error={fieldErrorText(t, errors.notes)}
        {...register('notes')}
      />

      <section className="page-section" aria-labelledby="contacts-heading">
        <Heading level={2} data-size="xs" id="contacts-heading">
          {t('organisations.form.contacts')}
        </Heading>
        {contacts.fields.length === 0 ? <Paragraph>{t('organisations.form.contactsEmpty')}</Paragraph> : null}
        {contacts.fields.map((contact, index) => {
          const contactErrors = errors.contacts?.[index];
          const number = index + 1;
          return (
            <Fieldset key={contact.id} className="contact-row">
              <FieldsetLegend>{t('organisations.form.contact', { number })}</FieldsetLegend>
              <div className="contact-row__fields">
                <Textfield
                  label={t('organisations.form.contactName')}
                  autoComplete="off"
                  error={fieldErrorText(t, contactErrors?.name)}
                  {...register(`contacts.${index}.name`)}
                />
                <Textfield
                  label={t('organisations.form.contactRoleTitle')}
                  autoComplete="off"
                  error={fieldErrorText(t, contactErrors?.roleTitle)}
                  {...register(`contacts.${index}.roleTitle`)}
                />
                <Textfield
                  label={t('organisations.form.contactPhone')}
                  type="tel"
                  autoComplete="off"
                  error={fieldErrorText(t, contactErrors?.phone, 'phone')}
                  {...register(`contacts.${index}.phone`, { setValueAs: emptyToNull })}
                />
                <Textfield
                  label={t('organisations.form.contactEmail')}
                  type="email"
                  autoComplete="off"
                  error={fieldErrorText(t, contactErrors?.email, 'email')}
                  {...register(`contacts.${index}.email`, { setValueAs: emptyToNull })}
                />
              </div>
              <div className="button-row">
                <Button
                  type="button"
                  variant="tertiary"
                  data-color="danger"
                  data-size="sm"
                  onClick={() => {
                    removeContact(index);
                  }}
                >
                  {t('organisations.form.removeContact', { number })}
                </Button>
              </div>
            </Fieldset>
          );
        })}
        <div className="button-row">
          <Button
            type="button"
            variant="secondary"
            ref={addButton}
            onClick={() => {
              contacts.append({ ...EMPTY_CONTACT });
            }}
          >
            {t('organisations.form.addContact')}
          </Button>
        </div>
      </section>

      <div className="button-row">
        <Button type="submit" loading={isPending} disabled={isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
