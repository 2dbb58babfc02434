import { Alert, Button, Details, Heading, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { ConcernBodySchema, type Concern } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../../components/load-state';
import { createConcernMutationOptions } from './mutations';

const PERSON_FIELDS = ['name', 'dateOfBirth', 'phone', 'address', 'other'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Sends the saved screening to the coordinator as a concern; identifying details are optional and encrypted. */
export function ConcernForm({ screeningId }: { screeningId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const create = useMutation(createConcernMutationOptions(queryClient));
  const [note, setNote] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [person, setPerson] = useState<Record<PersonField, string>>({ name: '', dateOfBirth: '', phone: '', address: '', other: '' });
  const [invalidFields, setInvalidFields] = useState<string[]>([]);
  const [sent, setSent] = useState<Concern | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const hasPerson = PERSON_FIELDS.some((field) => person[field].trim() !== '');
    const body = {
      screeningId,
      note: orNull(note),
      reporterContact: orNull(phone) || orNull(email) ? { phone: orNull(phone), email: orNull(email) } : null,
      person: hasPerson ? Object.fromEntries(PERSON_FIELDS.map((field) => [field, orNull(person[field])])) : null,
    };
    const parsed = ConcernBodySchema.safeParse(body);
    if (!parsed.success) {
      setInvalidFields(parsed.error.issues.map((issue) => issue.path.join('.')));
      return;
    }
    setInvalidFields([]);
    create.mutate(parsed.data, { onSuccess: (concern) => setSent(concern) });
  }

  const fieldError = (path: string) => (invalidFields.includes(path) ? t('identification.concernForm.invalid') : undefined);

  if (sent) {
    return (
      <Alert data-color="success" role="status">
        <Heading level={3} data-size="xs">
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
    <form onSubmit={submit} className="screening-fields" aria-labelledby="concern-form-heading" noValidate>
      <Heading level={3} data-size="xs" id="concern-form-heading">
        {t('identification.concernForm.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('identification.concernForm.intro')}</Paragraph>
      <Textfield
        multiline
        rows={3}
        label={t('identification.concernForm.note')}
        description={t('identification.concernForm.noteWarning')}
        value={note}
        onChange={(event) => setNote(event.currentTarget.value)}
        error={fieldError('note')}
      />
      <Textfield label={t('identification.concernForm.reporterPhone')} type="tel" autoComplete="off" value={phone} onChange={(event) => setPhone(event.currentTarget.value)} error={fieldError('reporterContact.phone')} />
      <Textfield label={t('identification.concernForm.reporterEmail')} type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.currentTarget.value)} error={fieldError('reporterContact.email')} />
      <Details>
        <Details.Summary>{t('identification.concernForm.personHeading')}</Details.Summary>
        <Details.Content>
          <Paragraph data-size="sm">{t('identification.concernForm.personWarning')}</Paragraph>
          {PERSON_FIELDS.map((field) => (
            <Textfield
              key={field}
              label={t(`identification.person.${field}`)}
              type={field === 'dateOfBirth' ? 'date' : field === 'phone' ? 'tel' : 'text'}
              autoComplete="off"
              value={person[field]}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setPerson((current) => ({ ...current, [field]: value }));
              }}
              error={fieldError(`person.${field}`)}
            />
          ))}
        </Details.Content>
      </Details>
      <MutationError error={create.error} />
      <div className="wizard-actions">
        <Button type="submit" disabled={create.isPending}>
          {t('identification.concernForm.submit')}
        </Button>
      </div>
    </form>
  );
}
