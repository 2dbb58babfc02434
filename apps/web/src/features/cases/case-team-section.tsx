import { Button, Heading, SelectOption } from '@digdir/designsystemet-react';
import type { Case } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../../components/load-state';
import { SelectField } from '../../components/select-field';
import { useMe } from '../auth/use-me';
import { addMemberMutationOptions, removeMemberMutationOptions } from './mutations';
import { teamCandidatesQueryOptions } from './queries';

/** The case team: who is on it, and (for those who manage it) adding and removing members. */
export function TeamSection({ theCase }: { theCase: Case }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const manage = theCase.abilities.manageTeam;
  const candidates = useQuery({ ...teamCandidatesQueryOptions(), enabled: manage });
  const add = useMutation(addMemberMutationOptions(queryClient, theCase.id));
  const remove = useMutation(removeMemberMutationOptions(queryClient, theCase.id));
  const [userId, setUserId] = useState('');
  const me = useMe();
  // Nobody adds themselves (the server refuses it too): a coordinator uses break-glass or is added by the team.
  const available = (candidates.data?.items ?? []).filter((candidate) => candidate.id !== me.user.id && !theCase.team.some((member) => member.userId === candidate.id));
  return (
    <section className="page-section" aria-labelledby="case-team">
      <Heading level={2} data-size="sm" id="case-team">
        {t('cases.team.heading')}
      </Heading>
      <ul className="case-item-list">
        {theCase.team.map((member) => (
          <li key={member.userId} className="case-actions">
            <span>
              {member.name} ({t(`cases.team.teamRoles.${member.teamRole}`)})
            </span>
            {manage && member.teamRole !== 'owner' ? (
              <Button variant="tertiary" data-size="sm" onClick={() => remove.mutate(member.userId)} disabled={remove.isPending}>
                {t('cases.team.remove', { name: member.name })}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {manage ? (
        <form
          className="case-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (userId) add.mutate(userId, { onSuccess: () => setUserId('') });
          }}
        >
          <SelectField label={t('cases.team.addLabel')} value={userId} onChange={(event) => setUserId(event.currentTarget.value)}>
            <SelectOption value="">{t('cases.team.choose')}</SelectOption>
            {available.map((candidate) => (
              <SelectOption key={candidate.id} value={candidate.id}>
                {candidate.name}
              </SelectOption>
            ))}
          </SelectField>
          <div className="case-actions">
            <Button type="submit" variant="secondary" disabled={add.isPending || userId === ''}>
              {t('cases.team.add')}
            </Button>
          </div>
        </form>
      ) : null}
      <MutationError error={add.error ?? remove.error} />
    </section>
  );
}
