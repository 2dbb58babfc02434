import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import type { PartnerReferral } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { formatDateTime } from '../../lib/format';
import { respondReferralMutationOptions, updatePartnerReferralMutationOptions } from './mutations';
import { partnerReferralQueryOptions } from './queries';
import './cases.css';

const route = getRouteApi('/signed-in/referrals/$referralId');

/** One referral as the receiving partner sees it: only the shared fields; accept, decline, update, complete. */
export function PartnerReferralPage() {
  const { t } = useTranslation();
  const { referralId } = route.useParams();
  const referral = useQuery(partnerReferralQueryOptions(referralId));
  return (
    <div className="page-stack">
      <Breadcrumbs trail={[{ label: t('cases.partner.title'), to: '/referrals' }]} current={referral.data ? t('cases.partner.detailTitle', { number: referral.data.caseNumber }) : t('cases.partner.title')} />
      <PageHeading>{referral.data ? t('cases.partner.detailTitle', { number: referral.data.caseNumber }) : t('cases.partner.title')}</PageHeading>
      {referral.isPending ? <Loading /> : null}
      {referral.isError ? <LoadError error={referral.error} /> : null}
      {referral.data ? <ReferralView referral={referral.data} /> : null}
    </div>
  );
}

function SharedFields({ referral }: { referral: PartnerReferral }) {
  const { t } = useTranslation();
  const s = referral.shared;
  const rows: [string, string][] = [];
  if (s.firstName !== undefined) rows.push([t('cases.partner.firstName'), s.firstName ?? t('common.empty')]);
  if (s.fullName !== undefined) rows.push([t('cases.partner.fullName'), s.fullName ?? t('common.empty')]);
  if (s.dateOfBirth !== undefined) rows.push([t('cases.partner.dateOfBirth'), s.dateOfBirth ?? t('common.empty')]);
  if (s.languages !== undefined) rows.push([t('cases.partner.languages'), s.languages.join(', ') || t('common.empty')]);
  if (s.interpreterNeeded !== undefined) rows.push([t('cases.partner.interpreterNeeded'), s.interpreterNeeded ? t('cases.facts.yes') : t('cases.facts.no')]);
  if (s.contact !== undefined) rows.push([t('cases.partner.contact'), [s.contact.phone, s.contact.email, s.contact.address].filter((part) => part !== null).join(', ') || t('common.empty')]);
  if (s.ageBand !== undefined) rows.push([t('cases.partner.ageBand'), t(`identification.ageBands.${s.ageBand}`)]);
  if (s.gender !== undefined) rows.push([t('cases.partner.gender'), t(`identification.genders.${s.gender}`)]);
  if (s.need !== undefined) rows.push([t('cases.partner.need'), [t(`cases.values.needKinds.${s.need.kind}`), s.need.note].filter((part) => part !== null).join(': ')]);
  return (
    <dl className="case-facts">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ReferralView({ referral }: { referral: PartnerReferral }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const respond = useMutation(respondReferralMutationOptions(queryClient, referral.id));
  const update = useMutation(updatePartnerReferralMutationOptions(queryClient, referral.id));
  const [declineReason, setDeclineReason] = useState('');
  const [text, setText] = useState('');
  return (
    <>
      <div className="case-tags">
        <Tag data-color="info">{t('cases.partner.status', { status: t(`cases.values.referralStatuses.${referral.status}`) })}</Tag>
        <Tag data-color="neutral">{t(`cases.values.needKinds.${referral.needKind}`)}</Tag>
      </div>
      {referral.withoutConsent ? (
        <Alert data-color="warning">
          <Paragraph>{t('cases.partner.withoutConsent')}</Paragraph>
        </Alert>
      ) : null}
      <section className="page-section" aria-labelledby="referral-shared">
        <Heading level={2} data-size="sm" id="referral-shared">
          {t('cases.partner.shared')}
        </Heading>
        <SharedFields referral={referral} />
        <Paragraph data-size="sm">{t('cases.partner.answerBy', { date: formatDateTime(referral.answerDueAt, i18n.language) ?? '' })}</Paragraph>
      </section>
      {referral.status === 'sent' ? (
        <section className="page-section" aria-labelledby="referral-answer">
          <Heading level={2} data-size="sm" id="referral-answer">
            {t('cases.partner.accept')}
          </Heading>
          <div className="case-actions">
            <Button onClick={() => respond.mutate({ decision: 'accept', reason: null })} disabled={respond.isPending}>
              {t('cases.partner.accept')}
            </Button>
          </div>
          <form
            className="case-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              respond.mutate({ decision: 'decline', reason: declineReason.trim() || null });
            }}
          >
            <Textfield multiline rows={2} label={t('cases.partner.declineReason')} value={declineReason} onChange={(event) => setDeclineReason(event.currentTarget.value)} />
            <div className="case-actions">
              <Button type="submit" variant="secondary" data-color="danger" disabled={respond.isPending}>
                {t('cases.partner.decline')}
              </Button>
            </div>
          </form>
          <MutationError error={respond.error} />
        </section>
      ) : null}
      {referral.status === 'accepted' ? (
        <section className="page-section" aria-labelledby="referral-update">
          <Heading level={2} data-size="sm" id="referral-update">
            {t('cases.partner.update')}
          </Heading>
          {referral.partnerNote ? <Paragraph>{referral.partnerNote}</Paragraph> : null}
          <form
            className="case-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              update.mutate({ text, completed: false }, { onSuccess: () => setText('') });
            }}
          >
            <Textfield multiline rows={2} label={t('cases.partner.update')} value={text} onChange={(event) => setText(event.currentTarget.value)} />
            <MutationError error={update.error} />
            <div className="case-actions">
              <Button type="submit" variant="secondary" disabled={update.isPending}>
                {t('cases.partner.sendUpdate')}
              </Button>
              <Button type="button" disabled={update.isPending} onClick={() => update.mutate({ text, completed: true }, { onSuccess: () => setText('') })}>
                {t('cases.partner.complete')}
              </Button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
