import { Alert, Button, Card, Fieldset, FieldsetLegend, Heading, Paragraph, Radio, SelectOption, Tag, Textarea, Textfield, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { ROLES, TIP_STATUSES, TipMessageBodySchema, type Role, type TipDetail, type TipMessageBody, type TipStatus, type TipUpdateBody } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';
import { hasPermission, useMe } from '../auth/use-me';
import { addTipMessageMutationOptions, updateTipMutationOptions } from './mutations';
import { TipToConcern } from './tip-to-concern';
import { OpenCaseButton } from '../cases/open-case-button';
import { tipAssigneesQueryOptions, tipQueryOptions } from './queries';
import { formatDate } from '../../lib/format';

const route = getRouteApi('/signed-in/tips/$tipId');
const isStatus = (value: string): value is TipStatus => (TIP_STATUSES as readonly string[]).includes(value);
const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** One tip: what the tipster told, handling, and the conversation. Opening it is audited. */
export function TipPage() {
  const { t, i18n } = useTranslation();
  const { tipId } = route.useParams();
  const tip = useQuery(tipQueryOptions(tipId));

  return (
    <div className="narrow-page">
      <Breadcrumbs trail={[{ label: t('tips.inbox.title'), to: '/tips' }]} current={tip.data ? t('tips.detail.title', { date: formatDate(tip.data.submittedOn, i18n.language) }) : t('tips.detail.titleLoading')} />
      <PageHeading>{tip.data ? t('tips.detail.title', { date: formatDate(tip.data.submittedOn, i18n.language) }) : t('tips.detail.titleLoading')}</PageHeading>
      {tip.isPending ? <Loading /> : null}
      {tip.isError ? <LoadError error={tip.error} onRetry={() => void tip.refetch()} /> : null}
      {tip.data ? <TipContent tip={tip.data} /> : null}
    </div>
  );
}

function TipContent({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const canConvert = hasPermission(me, 'tips:manage') && hasPermission(me, 'concerns:create');
  return (
    <>
      <Paragraph data-size="sm">{t('tips.detail.auditNote')}</Paragraph>
      {tip.immediateDanger ? (
        <Alert data-color="danger">
          <Paragraph>{t('tips.detail.danger')}</Paragraph>
        </Alert>
      ) : null}
      {tip.minor === 'yes' ? (
        <Alert data-color="warning">
          <Paragraph>{t('tips.detail.minor')}</Paragraph>
        </Alert>
      ) : null}
      <section className="page-section" aria-labelledby="tip-content-heading">
        <Heading level={2} data-size="sm" id="tip-content-heading">
          {t('tips.detail.contentHeading')}
        </Heading>
        <Paragraph className="tip-text">{tip.content.what}</Paragraph>
        <dl className="details-list">
          <dt>{t('tips.detail.place')}</dt>
          <dd>{t(`tips.places.${tip.placeKind}`)}</dd>
          <dt>{t('tips.detail.area')}</dt>
          <dd>{tip.content.area || t('common.empty')}</dd>
          <dt>{t('tips.detail.address')}</dt>
          <dd>{tip.content.address || t('common.empty')}</dd>
          <dt>{t('tips.detail.when')}</dt>
          <dd>{tip.content.when || t('common.empty')}</dd>
          <dt>{t('tips.detail.people')}</dt>
          <dd>{t(`tips.people.${tip.content.peopleCount}`)}</dd>
          <dt>{t('tips.detail.minorQuestion')}</dt>
          <dd>{t(`tips.minor.${tip.minor}`)}</dd>
          <dt>{t('tips.detail.language')}</dt>
          <dd>{t(`languageNames.${tip.language}`)}</dd>
          <dt>{t('tips.detail.contact')}</dt>
          <dd>
            {tip.contact
              ? [tip.contact.name, tip.contact.phone, tip.contact.email].filter(Boolean).join(', ')
              : t('tips.detail.anonymous')}
          </dd>
          {tip.contact ? (
            <>
              <dt>{t('tips.detail.contactSharing')}</dt>
              <dd>{tip.contactMayBeShared ? t('tips.detail.contactMayBeShared') : t('tips.detail.contactNotShared')}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <Handling tip={tip} />
      <Conversation tip={tip} />
      {canConvert ? <TipToConcern tip={tip} /> : null}
      <OpenCaseButton sourceKind="tip" sourceId={tip.id} />
    </>
  );
}

function Handling({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const canManage = hasPermission(me, 'tips:manage');
  const assignees = useQuery({ ...tipAssigneesQueryOptions(), enabled: canManage });
  const update = useMutation(updateTipMutationOptions(queryClient, tip.id));
  const [status, setStatus] = useState<TipStatus>(tip.status);
  const [labels, setLabels] = useState(tip.labels.join(', '));
  const [assignee, setAssignee] = useState(tip.assignee?.id ?? '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: TipUpdateBody = {
      status,
      labels: labels
        .split(',')
        .map((label) => label.trim())
        .filter(Boolean),
      ...(canManage ? { assignedUserId: assignee === '' ? null : assignee } : {}),
    };
    update.mutate(body);
  };

  return (
    <section className="page-section" aria-labelledby="tip-handling-heading">
      <Heading level={2} data-size="sm" id="tip-handling-heading">
        {t('tips.detail.handlingHeading')}
      </Heading>
      <SuccessMessage>{update.isSuccess ? t('common.saved') : null}</SuccessMessage>
      <form className="form-stack" onSubmit={submit} noValidate>
        <MutationError error={update.error} />
        <SelectField
          label={t('tips.detail.status')}
          value={status}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isStatus(value)) setStatus(value);
          }}
        >
          {TIP_STATUSES.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`tips.status.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        <Textfield
          label={t('tips.detail.labels')}
          description={t('tips.detail.labelsDescription')}
          value={labels}
          onChange={(event) => {
            setLabels(event.currentTarget.value);
          }}
        />
        {canManage ? (
          <SelectField
            label={t('tips.detail.assignee')}
            value={assignee}
            onChange={(event) => {
              setAssignee(event.currentTarget.value);
            }}
          >
            <SelectOption value="">{t('tips.inbox.unassigned')}</SelectOption>
            {(assignees.data?.items ?? []).map((user) => (
              <SelectOption key={user.id} value={user.id}>
                {isRole(user.role) ? t('tips.detail.assigneeOption', { name: user.name, role: t(`roles.${user.role}`) }) : user.name}
              </SelectOption>
            ))}
          </SelectField>
        ) : (
          <Paragraph>{t('tips.detail.assignedTo', { name: tip.assignee?.name ?? t('tips.inbox.unassigned') })}</Paragraph>
        )}
        <div className="button-row">
          <Button type="submit" loading={update.isPending}>
            {t('common.saveChanges')}
          </Button>
        </div>
      </form>
    </section>
  );
}

type MessageFormValues = z.input<typeof TipMessageBodySchema>;

function Conversation({ tip }: { tip: TipDetail }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const send = useMutation(addTipMessageMutationOptions(queryClient, tip.id));
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<MessageFormValues, unknown, TipMessageBody>({ resolver: zodResolver(TipMessageBodySchema), defaultValues: { kind: 'reply', body: '' } });

  const onSubmit = (body: TipMessageBody) => {
    send.mutate(body, {
      onSuccess: () => {
        reset({ kind: body.kind, body: '' });
      },
    });
  };

  return (
    <section className="page-section" aria-labelledby="tip-conversation-heading">
      <Heading level={2} data-size="sm" id="tip-conversation-heading">
        {t('tips.detail.conversationHeading')}
      </Heading>
      {tip.messages.length === 0 ? <Paragraph>{t('tips.detail.noMessages')}</Paragraph> : null}
      <ol className="link-list tip-messages">
        {tip.messages.map((message) => (
          <li key={message.id}>
            <Card data-color={message.kind === 'note' ? 'neutral' : message.kind === 'reply' ? 'accent' : 'info'}>
              <Paragraph data-size="sm">
                <Tag data-color={message.kind === 'note' ? 'neutral' : 'info'}>{t(`tips.messageKinds.${message.kind}`)}</Tag>{' '}
                {t('tips.detail.messageMeta', { author: message.author?.name ?? t('tips.detail.tipster'), date: formatDate(message.createdOn, i18n.language) })}
              </Paragraph>
              <Paragraph className="tip-text">{message.body}</Paragraph>
            </Card>
          </li>
        ))}
      </ol>
      <SuccessMessage>{send.isSuccess ? t('tips.detail.sent') : null}</SuccessMessage>
      <form className="form-stack" onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate>
        <MutationError error={send.error} />
        <Fieldset>
          <FieldsetLegend>{t('tips.detail.messageKind')}</FieldsetLegend>
          <Radio label={t('tips.detail.kindReply')} description={t('tips.detail.kindReplyDescription')} value="reply" {...register('kind')} />
          <Radio label={t('tips.detail.kindNote')} description={t('tips.detail.kindNoteDescription')} value="note" {...register('kind')} />
        </Fieldset>
        <Field>
          <Label>{t('tips.detail.messageBody')}</Label>
          <Textarea rows={5} aria-invalid={errors.body ? true : undefined} {...register('body')} />
          {errors.body ? <ValidationMessage>{fieldErrorText(t, errors.body)}</ValidationMessage> : null}
        </Field>
        <div className="button-row">
          <Button type="submit" loading={send.isPending}>
            {t('tips.detail.send')}
          </Button>
        </div>
      </form>
    </section>
  );
}
