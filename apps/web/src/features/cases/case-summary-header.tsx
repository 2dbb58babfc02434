import { Alert, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Case } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatList } from '../../lib/format';
import { caseSettingsQueryOptions } from './queries';

interface Deadline {
  key: string;
  text: string;
  overdue: boolean;
}

function addMonths(iso: string, months: number): Date {
  const date = new Date(iso);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date;
}

/** The case's deadlines from its own data: reflection period, child-welfare review and erasure of personal data. */
function useDeadlines(theCase: Case, nowMs: number): Deadline[] {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // The retention period is the coordinator's setting; only they are told the erasure date.
  const settings = useQuery({ ...caseSettingsQueryOptions(), enabled: theCase.abilities.erase && theCase.closedAt !== null && !theCase.personalDataErasedAt });
  const now = new Date(nowMs);
  const deadlines: Deadline[] = [];
  const reflectionEnd = theCase.facts.reflectionPeriodEnd;
  if (reflectionEnd) {
    const ended = new Date(`${reflectionEnd}T23:59:59Z`) < now;
    deadlines.push({ key: 'reflection', text: t(ended ? 'caseSections.header.reflectionEnded' : 'caseSections.header.reflectionEnds', { date: formatDate(reflectionEnd, language) }), overdue: ended && theCase.status !== 'closed' });
  }
  if (theCase.childWelfareReviewDueAt) {
    deadlines.push({ key: 'child-welfare', text: t('cases.page.childWelfare', { date: formatDateTime(theCase.childWelfareReviewDueAt, language) ?? '' }), overdue: new Date(theCase.childWelfareReviewDueAt) < now && theCase.status !== 'closed' });
  }
  // Once erased, the alert below says so; until then a closed case counts down to erasure.
  if (theCase.closedAt && !theCase.personalDataErasedAt && settings.data) {
    const erasesAt = addMonths(theCase.closedAt, settings.data.retentionMonths);
    deadlines.push({ key: 'erasure', text: t('caseSections.header.erasureDue', { date: formatDate(erasesAt.toISOString(), language) }), overdue: erasesAt < now });
  }
  return deadlines;
}

/**
 * The summary above every part of the case: its status, its deadlines and who can see it. It is
 * drawn from the one case read the page makes (no read of its own).
 */
export function CaseSummaryHeader({ theCase }: { theCase: Case }) {
  const { t, i18n } = useTranslation();
  // The moment the case was opened: deadlines and grants are judged against it, the same on every render.
  const [now] = useState(() => Date.now());
  const deadlines = useDeadlines(theCase, now);
  const breakGlass = theCase.accessGrants.filter((grant) => new Date(grant.expiresAt).getTime() > now).length;
  const teamNames = theCase.team.map((member) => member.name);
  return (
    <section className="case-summary" aria-label={t('caseSections.header.label')}>
      <dl className="case-summary__list">
        <div className="case-summary__item">
          <dt>{t('caseSections.header.status')}</dt>
          <dd className="case-tags">
            <Tag data-color={theCase.status === 'open' ? 'success' : theCase.status === 'follow_up' ? 'info' : 'neutral'}>{t(`cases.statuses.${theCase.status}`)}</Tag>
            <Tag data-color="neutral">{t(`cases.sources.${theCase.sourceKind}`)}</Tag>
            {theCase.facts.isMinor ? <Tag data-color="warning">{t('cases.list.minor')}</Tag> : null}
          </dd>
        </div>
        <div className="case-summary__item">
          <dt>{t('caseSections.header.deadlines')}</dt>
          <dd>
            {deadlines.length === 0 ? (
              t('caseSections.header.noDeadlines')
            ) : (
              <ul className="case-summary__deadlines">
                {deadlines.map((deadline) => (
                  <li key={deadline.key}>
                    {deadline.text}
                    {deadline.overdue ? (
                      <>
                        {' '}
                        <Tag data-color="danger" data-size="sm">
                          {t('caseSections.header.overdue')}
                        </Tag>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="case-summary__item">
          <dt>{t('caseSections.header.whoCanSee')}</dt>
          <dd>
            <ul className="case-summary__deadlines">
              <li>{t('caseSections.header.team', { count: teamNames.length, names: formatList(teamNames, i18n.language) })}</li>
              <li>{t('caseSections.header.coordinatorCoded')}</li>
              {breakGlass > 0 ? <li>{t('caseSections.header.breakGlass', { count: breakGlass })}</li> : null}
              {theCase.openReferrals > 0 ? <li>{t('caseSections.header.openReferrals', { count: theCase.openReferrals })}</li> : null}
            </ul>
          </dd>
        </div>
      </dl>
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
    </section>
  );
}
