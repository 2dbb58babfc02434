import { Alert, Button, Heading, Paragraph, SelectOption, Tag } from '@digdir/designsystemet-react';
import type { Case } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { formatDateTime } from '../../lib/format';
import { useMe } from '../auth/use-me';
import { FactsSection, PersonSection } from './case-facts-section';
import { AccessGrantsSection, ClosingSection, ExportSection, ProtectionSection } from './case-protection-section';
import { ConsentsSection, ReferralsSection } from './case-sharing-sections';
import { JournalSection, NeedsSection, SafetyPlanSection, TasksSection } from './case-work-sections';
import { addMemberMutationOptions, removeMemberMutationOptions } from './mutations';
import { caseQueryOptions, teamCandidatesQueryOptions } from './queries';
import './cases.css';

const route = getRouteApi('/signed-in/cases/$caseId');

/** One case: overview, team, coded facts, personal data, needs, work, consent, referrals and protection. */
export function CasePage() {
  const { t } = useTranslation();
  const { caseId } = route.useParams();
  const theCase = useQuery(caseQueryOptions(caseId));
  return (
    <div className="page-stack">
      {theCase.data ? <PageHeading>{t('cases.page.title', { number: theCase.data.caseNumber })}</PageHeading> : <PageHeading>{t('cases.list.title')}</PageHeading>}
      {theCase.isPending ? <Loading /> : null}
      {theCase.isError ? <LoadError error={theCase.error} onRetry={() => void theCase.refetch()} /> : null}
      {theCase.data ? <CaseView theCase={theCase.data} /> : null}
    </div>
  );
}

function CaseView({ theCase }: { theCase: Case }) {
  const { t, i18n } = useTranslation();
  const personal = theCase.abilities.readPersonalData;
  return (
    <>
      <div className="case-tags">
        <Tag data-color={theCase.status === 'open' ? 'success' : theCase.status === 'follow_up' ? 'info' : 'neutral'}>{t(`cases.statuses.${theCase.status}`)}</Tag>
        <Tag data-color="neutral">{t(`cases.sources.${theCase.sourceKind}`)}</Tag>
        {theCase.facts.isMinor ? <Tag data-color="warning">{t('cases.list.minor')}</Tag> : null}
      </div>
      {theCase.breakGlassUntil ? (
        <Alert data-color="warning">
          <Paragraph>{t('cases.page.breakGlassActive', { until: formatDateTime(theCase.breakGlassUntil, i18n.language) ?? '' })}</Paragraph>
        </Alert>
      ) : null}
      {!theCase.isMember && !theCase.breakGlassUntil ? (
        <Alert data-color="info">
          <Paragraph>{t('cases.page.notMember')}</Paragraph>
        </Alert>
      ) : null}
      {theCase.personalDataErasedAt ? (
        <Alert data-color="info">
          <Paragraph>{t('cases.page.erased', { date: formatDateTime(theCase.personalDataErasedAt, i18n.language) ?? '' })}</Paragraph>
        </Alert>
      ) : null}
      {theCase.childWelfareReviewDueAt ? (
        <Alert data-color="warning">
          <Paragraph>{t('cases.page.childWelfare', { date: formatDateTime(theCase.childWelfareReviewDueAt, i18n.language) ?? '' })}</Paragraph>
        </Alert>
      ) : null}
      <section className="page-section" aria-labelledby="case-overview">
        <Heading level={2} data-size="sm" id="case-overview">
          {t('cases.team.heading')}
        </Heading>
        <dl className="case-facts">
          <dt>{t('cases.page.opened')}</dt>
          <dd>{formatDateTime(theCase.createdAt, i18n.language)}</dd>
          <dt>{t('cases.page.owner')}</dt>
          <dd>{theCase.owner?.name ?? t('common.empty')}</dd>
          {theCase.closeReason ? (
            <>
              <dt>{t('cases.page.closeReason')}</dt>
              <dd>{theCase.closeReason}</dd>
            </>
          ) : null}
          {theCase.reopenReason ? (
            <>
              <dt>{t('cases.page.reopenReason')}</dt>
              <dd>{theCase.reopenReason}</dd>
            </>
          ) : null}
          {theCase.erasureReason ? (
            <>
              <dt>{t('cases.page.erasureReason')}</dt>
              <dd>{theCase.erasureReason}</dd>
            </>
          ) : null}
        </dl>
        <TeamSection theCase={theCase} />
      </section>
      <AccessGrantsSection theCase={theCase} />
      <FactsSection theCase={theCase} />
      {personal ? <PersonSection theCase={theCase} /> : null}
      <NeedsSection theCase={theCase} />
      {personal ? (
        <>
          <SafetyPlanSection theCase={theCase} />
          <TasksSection theCase={theCase} />
          <JournalSection theCase={theCase} />
        </>
      ) : null}
      <ConsentsSection theCase={theCase} />
      <ReferralsSection theCase={theCase} />
      <ExportSection theCase={theCase} />
      <ClosingSection theCase={theCase} />
      <ProtectionSection theCase={theCase} />
    </>
  );
}

function TeamSection({ theCase }: { theCase: Case }) {
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
    <>
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
    </>
  );
}
