import { Alert, Button, Details, Heading, Link as DsLink, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { ConcernBodySchema, type Concern, type ExploitationForm, type ScreeningContext, type ScreeningFacts } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../../components/load-state';
import { createConcernMutationOptions } from './mutations';

const PERSON_FIELDS = ['name', 'dateOfBirth', 'phone', 'address', 'other'] as const;
type PersonField = (typeof PERSON_FIELDS)[number];

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
  const [note, setNote] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [person, setPerson] = useState<Record<PersonField, string>>({ name: '', dateOfBirth: '', phone: '', address: '', other: '' });
  const [invalidFields, setInvalidFields] = useState<string[]>([]);
  const [sent, setSent] = useState<Concern | null>(null);
  const sentHeading = useRef<HTMLHeadingElement>(null);
  const direct = !('screeningId' in source);

  useEffect(() => {
    if (sent) sentHeading.current?.focus();
  }, [sent]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const hasPerson = PERSON_FIELDS.some((field) => person[field].trim() !== '');
    const body = {
      ...('screeningId' in source ? { screeningId: source.screeningId } : { context: source.context, suspectedForms: [...source.suspectedForms], facts: source.facts }),
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
    <form onSubmit={submit} className="screening-fields" aria-labelledby="concern-form-heading" noValidate>
      <Heading level={headingLevel} data-size="xs" id="concern-form-heading">
        {t(direct ? 'identification.concernForm.directHeading' : 'identification.concernForm.heading')}
      </Heading>
      <Paragraph data-size="sm">{t(direct ? 'identification.concernForm.directIntro' : 'identification.concernForm.intro')}</Paragraph>
      {children}
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
