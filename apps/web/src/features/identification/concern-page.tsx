import { Alert, Button, Card, Heading, Paragraph, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { CLOSE_REASONS, type CloseReason, type Concern, type ConcernIdentifyingDetails } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../auth/use-me';
import { countryName } from './catalogue';
import { ConcernTags } from './concern-summary';
import { OpenCaseButton } from '../cases/open-case-button';
import {
  answerQuestionMutationOptions,
  askReporterMutationOptions,
  assignConcernMutationOptions,
  closeConcernMutationOptions,
  revealDetailsMutationOptions,
} from './mutations';
import { assigneesQueryOptions, concernQueryOptions } from './queries';
import './identification.css';
import { ProfileSummary } from './profile-summary';

const route = getRouteApi('/signed-in/concerns/$concernId');

/** One concern: coded facts and profile, questions and answers, and for the coordinator the triage actions. */
export function ConcernPage() {
  const { t } = useTranslation();
  const { concernId } = route.useParams();
  const concern = useQuery(concernQueryOptions(concernId));
  return (
    <div className="page-stack">
      <Breadcrumbs trail={[{ label: t('nav.concerns'), to: '/concerns' }]} current={t('identification.concern.title')} />
      <PageHeading>{t('identification.concern.title')}</PageHeading>
      {concern.isPending ? <Loading /> : null}
      {concern.isError ? <LoadError error={concern.error} onRetry={() => void concern.refetch()} /> : null}
      {concern.data ? <ConcernView concern={concern.data} /> : null}
    </div>
  );
}

function ConcernView({ concern }: { concern: Concern }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const triage = hasPermission(me, 'concerns:triage');
  const mayRevealDetails = concern.hasPersonDetails || triage || concern.assignedTo?.id === me.user.id;
  const canReveal = (me.user.role === 'coordinator' || (me.user.role === 'caseworker' && concern.assignedTo?.id === me.user.id)) && mayRevealDetails;
  const facts = concern.facts;
  return (
    <>
      <ConcernTags concern={concern} />
      {concern.closeReason !== 'case_opened' ? <OpenCaseButton sourceKind="concern" sourceId={concern.id} /> : null}
      {concern.possibleMinor && concern.status !== 'closed' ? (
        <Alert data-color="warning">
          <Paragraph>{t('identification.concern.minorNotice', { date: formatDateTime(concern.childWelfareDueAt, i18n.language) })}</Paragraph>
        </Alert>
      ) : null}
      <section className="page-section" aria-labelledby="concern-facts">
        <Heading level={2} data-size="sm" id="concern-facts">
          {t('identification.concern.facts')}
        </Heading>
        <dl className="fact-list">
          <dt>{t('identification.screening.context')}</dt>
          <dd>{t(`identification.contexts.${concern.context}`)}</dd>
          <dt>{t('identification.screening.ageBand')}</dt>
          <dd>{t(`identification.ageBands.${facts.ageBand}`)}</dd>
          <dt>{t('identification.screening.gender')}</dt>
          <dd>{t(`identification.genders.${facts.gender}`)}</dd>
          <dt>{t('identification.screening.nationality')}</dt>
          <dd>{facts.nationality ? countryName(facts.nationality, i18n.language) : t('common.empty')}</dd>
          <dt>{t('identification.screening.sector')}</dt>
          <dd>{t(`identification.sectors.${facts.sector}`)}</dd>
          <dt>{t('identification.screening.placeKind')}</dt>
          <dd>{t(`identification.placeKinds.${facts.placeKind}`)}</dd>
          <dt>{t('identification.screening.immediateDanger')}</dt>
          <dd>{facts.immediateDanger ? t('identification.yes') : t('identification.no')}</dd>
          <dt>{t('identification.concern.reporter')}</dt>
          <dd>{concern.reporterName ? t('identification.concerns.reportedBy', { name: concern.reporterName, organisation: concern.reporterOrganisation ?? '' }) : t('common.empty')}</dd>
          <dt>{t('identification.concern.assigned')}</dt>
          <dd>{concern.assignedTo?.name ?? t('identification.concerns.unassigned')}</dd>
        </dl>
        {concern.profile ? null : (
          <Paragraph>
            {t('identification.result.suspected', {
              forms: concern.suspectedForms.length > 0 ? concern.suspectedForms.map((form) => t(`identification.forms.${form}`)).join(', ') : t('identification.result.suspectedNone'),
            })}
          </Paragraph>
        )}
        {concern.profile ? (
          <>
            <Heading level={3} data-size="xs">
              {t('identification.result.profileHeading')}
            </Heading>
            <ProfileSummary profile={concern.profile} suspectedForms={concern.suspectedForms} />
          </>
        ) : null}
      </section>
      {canReveal ? <IdentifyingDetails concernId={concern.id} /> : null}
      <Messages concern={concern} />
      {triage && concern.status !== 'closed' ? <Triage concern={concern} /> : null}
    </>
  );
}

function IdentifyingDetails({ concernId }: { concernId: string }) {
  const { t } = useTranslation();
  const reveal = useMutation(revealDetailsMutationOptions(concernId));
  const details: ConcernIdentifyingDetails | undefined = reveal.data;
  return (
    <section className="page-section" aria-labelledby="concern-details">
      <Heading level={2} data-size="sm" id="concern-details">
        {t('identification.concern.detailsHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('identification.concern.detailsAudited')}</Paragraph>
      {details ? (
        <dl className="fact-list">
          {(['name', 'dateOfBirth', 'phone', 'address', 'other'] as const).map((field) => (
            <div key={field} style={{ display: 'contents' }}>
              <dt>{t(`identification.person.${field}`)}</dt>
              <dd>{details.person?.[field] ?? t('common.empty')}</dd>
            </div>
          ))}
          <dt>{t('identification.concernForm.note')}</dt>
          <dd>{details.note ?? t('common.empty')}</dd>
          <dt>{t('identification.concernForm.reporterPhone')}</dt>
          <dd>{details.reporterContact?.phone ?? t('common.empty')}</dd>
          <dt>{t('identification.concernForm.reporterEmail')}</dt>
          <dd>{details.reporterContact?.email ?? t('common.empty')}</dd>
        </dl>
      ) : (
        <Button variant="secondary" onClick={() => reveal.mutate()} disabled={reveal.isPending}>
          {t('identification.concern.reveal')}
        </Button>
      )}
      <MutationError error={reveal.error} />
    </section>
  );
}

function Messages({ concern }: { concern: Concern }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const answer = useMutation(answerQuestionMutationOptions(queryClient, concern.id));
  const [text, setText] = useState('');
  const canAnswer = concern.mine && concern.status === 'awaiting_reporter';
  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    answer.mutate(text.trim(), { onSuccess: () => setText('') });
  }
  if (concern.messages.length === 0 && !canAnswer) return null;
  return (
    <section className="page-section" aria-labelledby="concern-messages">
      <Heading level={2} data-size="sm" id="concern-messages">
        {t('identification.concern.messages')}
      </Heading>
      <ul className="message-list">
        {concern.messages.map((message) => (
          <li key={message.id}>
            <Card data-color={message.kind === 'question' ? 'accent' : 'neutral'}>
              <Paragraph data-size="sm">
                {t(`identification.concern.messageKinds.${message.kind}`, { name: message.authorName ?? '', date: formatDateTime(message.createdAt, i18n.language) })}
              </Paragraph>
              <Paragraph>{message.text}</Paragraph>
            </Card>
          </li>
        ))}
      </ul>
      {canAnswer ? (
        <form onSubmit={submit} className="screening-fields">
          <Textfield multiline rows={3} label={t('identification.concern.answerLabel')} description={t('identification.concernForm.noteWarning')} value={text} onChange={(event) => setText(event.currentTarget.value)} />
          <MutationError error={answer.error} />
          <div className="wizard-actions">
            <Button type="submit" disabled={answer.isPending}>
              {t('identification.concern.sendAnswer')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function Triage({ concern }: { concern: Concern }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const assignees = useQuery(assigneesQueryOptions());
  const assign = useMutation(assignConcernMutationOptions(queryClient, concern.id));
  const ask = useMutation(askReporterMutationOptions(queryClient, concern.id));
  const close = useMutation(closeConcernMutationOptions(queryClient, concern.id));
  const [assignee, setAssignee] = useState(concern.assignedTo?.id ?? '');
  const [question, setQuestion] = useState('');
  const [reason, setReason] = useState<CloseReason | ''>('');
  return (
    <section className="page-section" aria-labelledby="concern-triage">
      <Heading level={2} data-size="sm" id="concern-triage">
        {t('identification.concern.triage')}
      </Heading>
      <form
        className="screening-fields"
        onSubmit={(event) => {
          event.preventDefault();
          if (assignee) assign.mutate(assignee);
        }}
      >
        <SelectField label={t('identification.concern.assignLabel')} value={assignee} onChange={(event) => setAssignee(event.currentTarget.value)}>
          <SelectOption value="">{t('identification.concern.choose')}</SelectOption>
          {(assignees.data?.items ?? []).map((item) => (
            <SelectOption key={item.id} value={item.id}>
              {item.name}
            </SelectOption>
          ))}
        </SelectField>
        <MutationError error={assign.error} />
        <div>
          <Button type="submit" variant="secondary" disabled={assign.isPending || assignee === ''}>
            {t('identification.concern.assign')}
          </Button>
        </div>
      </form>
      <form
        className="screening-fields"
        onSubmit={(event) => {
          event.preventDefault();
          if (question.trim()) ask.mutate(question.trim(), { onSuccess: () => setQuestion('') });
        }}
      >
        <Textfield multiline rows={2} label={t('identification.concern.askLabel')} description={t('identification.concernForm.noteWarning')} value={question} onChange={(event) => setQuestion(event.currentTarget.value)} />
        <MutationError error={ask.error} />
        <div>
          <Button type="submit" variant="secondary" disabled={ask.isPending || question.trim() === ''}>
            {t('identification.concern.ask')}
          </Button>
        </div>
      </form>
      <form
        className="screening-fields"
        onSubmit={(event) => {
          event.preventDefault();
          if (reason) close.mutate(reason);
        }}
      >
        <SelectField label={t('identification.concern.closeLabel')} value={reason} onChange={(event) => setReason(event.currentTarget.value as CloseReason | '')}>
          <SelectOption value="">{t('identification.concern.choose')}</SelectOption>
          {CLOSE_REASONS.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`identification.closeReasons.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        <MutationError error={close.error} />
        <div>
          <Button type="submit" data-color="danger" variant="secondary" disabled={close.isPending || reason === ''}>
            {t('identification.concern.close')}
          </Button>
        </div>
      </form>
    </section>
  );
}
