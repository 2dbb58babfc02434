import { Button, Heading, Link as DsLink, Paragraph, SelectOption, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Textfield } from '@digdir/designsystemet-react';
import { GROUP_ROLES, type GroupRole } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './cooperation.css';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { useFlash } from '../../lib/flash';
import { formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../auth/use-me';
import { organisationsQueryOptions } from '../organisations/queries';
import { createMemberMutationOptions, removeMemberMutationOptions } from './mutations';
import { meetingsQueryOptions, membersQueryOptions } from './queries';

/** The cooperation group: its members and its meetings. */
export function CooperationPage() {
  const { t } = useTranslation();
  const me = useMe();
  const flash = useFlash();
  const canWrite = hasPermission(me, 'cooperation:write');
  return (
    <div className="page-stack">
      <PageHeading>{t('cooperation.title')}</PageHeading>
      <Paragraph>{t('cooperation.intro')}</Paragraph>
      <SuccessMessage>{flash}</SuccessMessage>
      <Members canWrite={canWrite} />
      <Meetings canWrite={canWrite} />
    </div>
  );
}

function Members({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const members = useQuery(membersQueryOptions());
  const remove = useMutation(removeMemberMutationOptions(queryClient));
  return (
    <section className="page-section" aria-labelledby="members">
      <Heading level={2} data-size="sm" id="members">
        {t('cooperation.members.heading')}
      </Heading>
      {members.isPending ? <Loading /> : null}
      {members.isError ? <LoadError error={members.error} onRetry={() => void members.refetch()} /> : null}
      <MutationError error={remove.error} />
      {members.data ? (
        members.data.items.length === 0 ? (
          <Paragraph>{t('cooperation.members.none')}</Paragraph>
        ) : (
          <Table zebra border>
            <caption className="visually-hidden">{t('cooperation.members.heading')}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t('cooperation.members.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cooperation.members.organisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cooperation.members.role')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cooperation.members.contact')}</TableHeaderCell>
                {canWrite ? <TableHeaderCell scope="col">{t('cooperation.members.actions')}</TableHeaderCell> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {members.data.items.map((member) => (
                <TableRow key={member.id}>
                  <TableCell>{member.title ? t('cooperation.members.nameWithTitle', { name: member.name, title: member.title }) : member.name}</TableCell>
                  <TableCell>{member.organisation.name}</TableCell>
                  <TableCell>{t(`cooperation.groupRoles.${member.groupRole}`)}</TableCell>
                  <TableCell>{[member.phone, member.email].filter(Boolean).join(', ') || t('common.empty')}</TableCell>
                  {canWrite ? (
                    <TableCell>
                      <Button variant="tertiary" data-size="sm" disabled={remove.isPending} onClick={() => remove.mutate(member.id)} aria-label={t('cooperation.members.removeNamed', { name: member.name })}>
                        {t('cooperation.members.remove')}
                      </Button>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )
      ) : null}
      {canWrite ? <AddMember /> : null}
    </section>
  );
}

function AddMember() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useQuery(organisationsQueryOptions(false));
  const create = useMutation(createMemberMutationOptions(queryClient));
  const [organisationId, setOrganisationId] = useState('');
  const [name, setName] = useState('');
  const [groupRole, setGroupRole] = useState<GroupRole>('member');
  const [title, setTitle] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '' || organisationId === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    create.mutate(
      { organisationId, name, groupRole, title, phone: phone.trim() || null, email: email.trim() || null },
      {
        onSuccess: () => {
          setName('');
          setTitle('');
          setPhone('');
          setEmail('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="form-stack">
      <Heading level={3} data-size="xs">
        {t('cooperation.members.add')}
      </Heading>
      <MutationError error={create.error} />
      <SelectField label={t('cooperation.members.organisation')} value={organisationId} onChange={(event) => setOrganisationId(event.currentTarget.value)} error={missing && organisationId === '' ? t('validation.choose') : undefined}>
        <SelectOption value="">{t('cooperation.members.chooseOrganisation')}</SelectOption>
        {(organisations.data?.items ?? []).map((organisation) => (
          <SelectOption key={organisation.id} value={organisation.id}>
            {organisation.name}
          </SelectOption>
        ))}
      </SelectField>
      <Textfield label={t('cooperation.members.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} error={missing && name.trim() === '' ? t('validation.required') : undefined} />
      <SelectField label={t('cooperation.members.role')} value={groupRole} onChange={(event) => setGroupRole(event.currentTarget.value as GroupRole)}>
        {GROUP_ROLES.map((role) => (
          <SelectOption key={role} value={role}>
            {t(`cooperation.groupRoles.${role}`)}
          </SelectOption>
        ))}
      </SelectField>
      <Textfield label={t('cooperation.members.title')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} />
      <div className="form-row">
        <Textfield type="tel" label={t('cooperation.members.phone')} value={phone} onChange={(event) => setPhone(event.currentTarget.value)} />
        <Textfield type="email" label={t('cooperation.members.email')} value={email} onChange={(event) => setEmail(event.currentTarget.value)} />
      </div>
      <div>
        <Button type="submit" disabled={create.isPending}>
          {t('cooperation.members.add')}
        </Button>
      </div>
    </form>
  );
}

function Meetings({ canWrite }: { canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const meetings = useQuery(meetingsQueryOptions());
  return (
    <section className="page-section" aria-labelledby="meetings">
      <Heading level={2} data-size="sm" id="meetings">
        {t('cooperation.meetings.heading')}
      </Heading>
      {canWrite ? (
        <div>
          <Button asChild variant="secondary">
            <Link to="/cooperation/meetings/new">{t('cooperation.meetings.new')}</Link>
          </Button>
        </div>
      ) : null}
      {meetings.isPending ? <Loading /> : null}
      {meetings.isError ? <LoadError error={meetings.error} onRetry={() => void meetings.refetch()} /> : null}
      {meetings.data ? (
        meetings.data.items.length === 0 ? (
          <Paragraph>{t('cooperation.meetings.none')}</Paragraph>
        ) : (
          <ul className="link-list">
            {meetings.data.items.map((meeting) => (
              <li key={meeting.id}>
                <DsLink asChild>
                  <Link to="/cooperation/meetings/$meetingId" params={{ meetingId: meeting.id }}>
                    {t('cooperation.meetings.linkText', { when: formatDateTime(meeting.startsAt, i18n.language), place: meeting.place || t('common.empty') })}
                  </Link>
                </DsLink>{' '}
                {t('cooperation.meetings.summary', { present: meeting.present, items: meeting.itemCount, open: meeting.openActions })}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
