import { Alert, Button, Card, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import type { Case } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { MutationError } from '../../components/load-state';
import { formatDate, formatDateTime } from '../../lib/format';
import { revokeReferralMutationOptions, withdrawConsentMutationOptions } from './mutations';
import { CaseConsentForm } from './case-consent-form';
import { ReferralForm } from './referral-form';

/** Consent per purpose and recipient; withdrawal revokes the referrals that relied on it. */
export function ConsentsSection({ theCase }: { theCase: Case }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const withdraw = useMutation(withdrawConsentMutationOptions(queryClient, theCase.id));
  const editable = theCase.abilities.edit;
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <section className="page-section" aria-labelledby="case-consents">
      <Heading level={2} data-size="sm" id="case-consents">
        {t('cases.consents.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('cases.consents.intro')}</Paragraph>
      {theCase.consents.length === 0 ? <Paragraph>{t('cases.consents.empty')}</Paragraph> : null}
      <ul className="case-item-list">
        {theCase.consents.map((consent) => (
          <li key={consent.id}>
            <Card>
              <Heading level={3} data-size="xs">
                {t('cases.consents.summary', { purpose: t(`cases.values.consentPurposes.${consent.purpose}`), recipient: consent.recipient?.name ?? t('common.empty') })}
              </Heading>
              <div className="case-tags">
                {consent.isActive ? <Tag data-color="success">{t('cases.consents.active')}</Tag> : <Tag data-color="neutral">{t('cases.consents.withdrawn', { date: formatDateTime(consent.withdrawnAt, i18n.language) ?? '' })}</Tag>}
                {consent.dataCategories.map((category) => (
                  <Tag key={category} data-color="info">
                    {t(`cases.values.shareCategories.${category}`)}
                  </Tag>
                ))}
              </div>
              <Paragraph data-size="sm">
                {t('cases.consents.recordedBy', { date: formatDate(consent.givenOn, i18n.language), method: t(`cases.values.consentMethods.${consent.method}`), name: consent.recordedBy?.name ?? '' })}
                {consent.withInterpreter ? ` · ${t('cases.consents.withInterpreter')}` : ''}
              </Paragraph>
              {consent.isActive && (theCase.isMember || theCase.breakGlassUntil) ? (
                <div className="case-actions">
                  <Button variant="secondary" data-color="danger" data-size="sm" onClick={() => setConfirming(consent.id)}>
                    {t('cases.consents.withdraw')}
                  </Button>
                </div>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={confirming !== null}
        title={t('cases.consents.withdraw')}
        text={t('cases.consents.withdrawConfirm')}
        confirmLabel={t('cases.consents.withdraw')}
        isDanger
        isPending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() => {
          if (confirming) withdraw.mutate(confirming, { onSuccess: () => setConfirming(null) });
        }}
        onCancel={() => setConfirming(null)}
      />
      {editable ? (
        <CaseConsentForm theCase={theCase} />
      ) : null}
    </section>
  );
}

/** Referrals: a bounded part of the case to a partner, covered by a consent or a recorded legal basis. */
export function ReferralsSection({ theCase }: { theCase: Case }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const revoke = useMutation(revokeReferralMutationOptions(queryClient, theCase.id));
  const editable = theCase.abilities.edit;
  const [revokeReason, setRevokeReason] = useState<Record<string, string>>({});
  return (
    <section className="page-section" aria-labelledby="case-referrals">
      <Heading level={2} data-size="sm" id="case-referrals">
        {t('cases.referrals.heading')}
      </Heading>
      {theCase.referrals.length === 0 ? <Paragraph>{t('cases.referrals.empty')}</Paragraph> : null}
      <ul className="case-item-list">
        {theCase.referrals.map((referral) => (
          <li key={referral.id}>
            <Card>
              <Heading level={3} data-size="xs">
                {`${referral.organisation.name}: ${t(`cases.values.needKinds.${referral.needKind}`)}`}
              </Heading>
              <Paragraph data-size="sm">{t('cases.referrals.sentLine', { date: formatDateTime(referral.sentAt, i18n.language) ?? '', status: t(`cases.values.referralStatuses.${referral.status}`) })}</Paragraph>
              <div className="case-tags">
                <Tag data-color={referral.status === 'revoked' || referral.status === 'declined' ? 'neutral' : 'info'}>{t(`cases.values.referralStatuses.${referral.status}`)}</Tag>
                {referral.dataCategories.map((category) => (
                  <Tag key={category} data-color="neutral">
                    {t(`cases.values.shareCategories.${category}`)}
                  </Tag>
                ))}
                {referral.overdue ? <Tag data-color="danger">{t('cases.referrals.overdue')}</Tag> : null}
              </div>
              {referral.withoutConsent && referral.legalBasis ? (
                <Alert data-color="warning">
                  <Paragraph>{t('cases.referrals.withoutConsentFlag', { basis: t(`cases.values.legalBases.${referral.legalBasis}`) })}</Paragraph>
                  {referral.legalBasisReason ? <Paragraph data-size="sm">{referral.legalBasisReason}</Paragraph> : null}
                </Alert>
              ) : null}
              {referral.partnerNote ? <Paragraph>{t('cases.referrals.partnerNote', { note: referral.partnerNote })}</Paragraph> : null}
              {referral.revokeReason ? <Paragraph>{t('cases.referrals.revokedReason', { reason: referral.revokeReason })}</Paragraph> : null}
              {referral.sharedDataHidden ? <Paragraph data-size="sm">{t('cases.referrals.hidden')}</Paragraph> : null}
              {(referral.status === 'sent' || referral.status === 'accepted') && (theCase.isMember || theCase.breakGlassUntil) ? (
                <form
                  className="case-form"
                  onSubmit={(event) => {
                    event.preventDefault();
                    revoke.mutate({ referralId: referral.id, reason: revokeReason[referral.id] ?? '' });
                  }}
                >
                  <Textfield label={t('cases.referrals.revokeReason')} value={revokeReason[referral.id] ?? ''} onChange={(event) => setRevokeReason({ ...revokeReason, [referral.id]: event.currentTarget.value })} />
                  <div className="case-actions">
                    <Button type="submit" variant="secondary" data-color="danger" data-size="sm" disabled={revoke.isPending}>
                      {t('cases.referrals.revoke')}
                    </Button>
                  </div>
                </form>
              ) : null}
            </Card>
          </li>
        ))}
      </ul>
      <MutationError error={revoke.error} />
      {editable ? <ReferralForm theCase={theCase} /> : null}
    </section>
  );
}
