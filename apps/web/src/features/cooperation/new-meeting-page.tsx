import { Button, Checkbox, Fieldset, FieldsetLegend, Heading, Link as DsLink, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './cooperation.css';
import { MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { organisationsQueryOptions } from '../organisations/queries';
import { planVersionQueryOptions, plansQueryOptions } from '../plans/queries';
import { createMeetingMutationOptions } from './mutations';
import { membersQueryOptions } from './queries';

type Item = { title: string; notes: string; decision: string };
type Action = { text: string; ownerOrganisationId: string; dueDate: string; measureId: string };

/** Records a meeting of the cooperation group. */
export function NewMeetingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const members = useQuery(membersQueryOptions());
  const organisations = useQuery(organisationsQueryOptions(false));
  const plans = useQuery(plansQueryOptions());
  const versions = useQueries({
    queries: (plans.data?.items ?? []).flatMap((plan) => (plan.currentVersion === null ? [] : [planVersionQueryOptions(plan.id, plan.currentVersion)])),
  });
  const measures = versions.flatMap((version) => version.data?.measures ?? []);
  const create = useMutation(createMeetingMutationOptions(queryClient));
  const [startsAt, setStartsAt] = useState('');
  const [place, setPlace] = useState('');
  const [minutes, setMinutes] = useState('');
  const [present, setPresent] = useState<string[]>([]);
  const [items, setItems] = useState<Item[]>([{ title: '', notes: '', decision: '' }]);
  const [actions, setActions] = useState<Action[]>([]);
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (startsAt === '' || items.some((item) => item.title.trim() === '') || actions.some((action) => action.text.trim() === '')) {
      setMissing(true);
      return;
    }
    setMissing(false);
    create.mutate(
      {
        startsAt: new Date(startsAt).toISOString(),
        place,
        minutes,
        attendance: (members.data?.items ?? []).map((member) => ({ memberId: member.id, present: present.includes(member.id) })),
        items,
        actions: actions.map((action) => ({ text: action.text, ownerOrganisationId: action.ownerOrganisationId || null, dueDate: action.dueDate || null, measureId: action.measureId || null })),
      },
      { onSuccess: (meeting) => void navigate({ to: '/cooperation/meetings/$meetingId', params: { meetingId: meeting.id }, state: { flash: t('cooperation.meetings.created') } }) },
    );
  };

  const setItem = (index: number, field: keyof Item, value: string) => setItems((current) => current.map((item, i) => (i === index ? { ...item, [field]: value } : item)));
  const setAction = (index: number, field: keyof Action, value: string) => setActions((current) => current.map((action, i) => (i === index ? { ...action, [field]: value } : action)));

  return (
    <div className="narrow-page">
      <DsLink asChild>
        <Link to="/cooperation">{t('common.backTo', { page: t('cooperation.title') })}</Link>
      </DsLink>
      <PageHeading>{t('cooperation.meetings.new')}</PageHeading>
      <form onSubmit={submit} noValidate className="form-stack">
        <MutationError error={create.error} />
        <Textfield type="datetime-local" label={t('cooperation.meetings.startsAt')} value={startsAt} onChange={(event) => setStartsAt(event.currentTarget.value)} error={missing && startsAt === '' ? t('validation.required') : undefined} />
        <Textfield label={t('cooperation.meetings.placeLabel')} value={place} onChange={(event) => setPlace(event.currentTarget.value)} />
        <Fieldset>
          <FieldsetLegend>{t('cooperation.meeting.attendance')}</FieldsetLegend>
          {(members.data?.items ?? []).map((member) => (
            <Checkbox
              key={member.id}
              label={t('cooperation.meetings.memberOption', { name: member.name, organisation: member.organisation.name })}
              checked={present.includes(member.id)}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setPresent((current) => (checked ? [...current, member.id] : current.filter((id) => id !== member.id)));
              }}
            />
          ))}
        </Fieldset>
        <Textfield multiline rows={4} label={t('cooperation.meeting.minutes')} description={t('cooperation.meetings.minutesDescription')} value={minutes} onChange={(event) => setMinutes(event.currentTarget.value)} />
        <Heading level={2} data-size="sm">
          {t('cooperation.meeting.items')}
        </Heading>
        {items.map((item, index) => (
          <Fieldset key={index}>
            <FieldsetLegend>{t('cooperation.meetings.itemNumber', { number: index + 1 })}</FieldsetLegend>
            <Textfield label={t('cooperation.meetings.itemTitle')} value={item.title} onChange={(event) => setItem(index, 'title', event.currentTarget.value)} error={missing && item.title.trim() === '' ? t('validation.required') : undefined} />
            <Textfield multiline rows={3} label={t('cooperation.meetings.itemNotes')} value={item.notes} onChange={(event) => setItem(index, 'notes', event.currentTarget.value)} />
            <Textfield multiline rows={2} label={t('cooperation.meetings.itemDecision')} value={item.decision} onChange={(event) => setItem(index, 'decision', event.currentTarget.value)} />
          </Fieldset>
        ))}
        <div>
          <Button variant="secondary" type="button" onClick={() => setItems((current) => [...current, { title: '', notes: '', decision: '' }])}>
            {t('cooperation.meetings.addItem')}
          </Button>
        </div>
        <Heading level={2} data-size="sm">
          {t('cooperation.meeting.actions')}
        </Heading>
        {actions.map((action, index) => (
          <Fieldset key={index}>
            <FieldsetLegend>{t('cooperation.meetings.actionNumber', { number: index + 1 })}</FieldsetLegend>
            <Textfield label={t('cooperation.meeting.actionText')} description={t('cooperation.meetings.actionTextDescription')} value={action.text} onChange={(event) => setAction(index, 'text', event.currentTarget.value)} error={missing && action.text.trim() === '' ? t('validation.required') : undefined} />
            <SelectField label={t('cooperation.meeting.actionOwner')} value={action.ownerOrganisationId} onChange={(event) => setAction(index, 'ownerOrganisationId', event.currentTarget.value)}>
              <SelectOption value="">{t('common.empty')}</SelectOption>
              {(organisations.data?.items ?? []).map((organisation) => (
                <SelectOption key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </SelectOption>
              ))}
            </SelectField>
            <Textfield type="date" label={t('cooperation.meeting.actionDue')} value={action.dueDate} onChange={(event) => setAction(index, 'dueDate', event.currentTarget.value)} />
            <SelectField label={t('cooperation.meeting.actionMeasure')} value={action.measureId} onChange={(event) => setAction(index, 'measureId', event.currentTarget.value)}>
              <SelectOption value="">{t('common.empty')}</SelectOption>
              {measures.map((measure) => (
                <SelectOption key={measure.id} value={measure.id}>
                  {`${measure.area} – ${measure.title}`}
                </SelectOption>
              ))}
            </SelectField>
          </Fieldset>
        ))}
        <div>
          <Button variant="secondary" type="button" onClick={() => setActions((current) => [...current, { text: '', ownerOrganisationId: '', dueDate: '', measureId: '' }])}>
            {t('cooperation.meetings.addAction')}
          </Button>
        </div>
        <div>
          <Button type="submit" disabled={create.isPending}>
            {t('cooperation.meetings.save')}
          </Button>
        </div>
      </form>
    </div>
  );
}
