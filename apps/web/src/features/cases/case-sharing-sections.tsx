import { Alert, Button, Card, Checkbox, Fieldset, FieldsetLegend, Heading, Paragraph, SelectOption, Tag, Textfield } from '@digdir/designsystemet-react';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  legalBasesFor,
  LEGAL_BASIS_CATEGORIES,
  NEED_KINDS,
  SHARE_CATEGORIES,
  type Case,
  type ConsentBody,
  type ConsentPurpose,
  type LegalBasis,
  type NeedKind,
  type ShareCategory,
} from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { MutationError } from '../../components/load-state';
import { SelectField } from '../../components/select-field';
import { formatDate, formatDateTime, todayInputValue } from '../../lib/format';
import { recordConsentMutationOptions, revokeReferralMutationOptions, sendReferralMutationOptions, withdrawConsentMutationOptions } from './mutations';
import { caseOrganisationsQueryOptions } from './queries';
import { OrganisationSelect } from './case-fields';

const today = () => todayInputValue();

function CategoryChoice({ legend, allowed, value, onChange }: { legend: string; allowed: readonly ShareCategory[]; value: ShareCategory[]; onChange: (value: ShareCategory[]) => void }) {
  const { t } = useTranslation();
  return (
    <Fieldset>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {allowed.map((category) => (
        <Checkbox
          key={category}
          label={t(`cases.values.shareCategories.${category}`)}
          value={category}
          checked={value.includes(category)}
          onChange={(event) => onChange(event.currentTarget.checked ? [...value, category] : value.filter((entry) => entry !== category))}
        />
      ))}
    </Fieldset>
  );
}

/** Consent per purpose and recipient; withdrawal revokes the referrals that relied on it. */
export function ConsentsSection({ theCase }: { theCase: Case }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const record = useMutation(recordConsentMutationOptions(queryClient, theCase.id));
  const withdraw = useMutation(withdrawConsentMutationOptions(queryClient, theCase.id));
  const editable = theCase.abilities.edit;
  const organisations = useQuery({ ...caseOrganisationsQueryOptions(), enabled: editable });
  const [purpose, setPurpose] = useState<ConsentPurpose>('share_with_organisation');
  const [recipient, setRecipient] = useState('');
  const [categories, setCategories] = useState<ShareCategory[]>([]);
  const [method, setMethod] = useState<ConsentBody['method']>('written');
  const [withInterpreter, setWithInterpreter] = useState(false);
  const [givenOn, setGivenOn] = useState(today);
  const [confirming, setConfirming] = useState<string | null>(null);
  const sharing = purpose === 'share_with_organisation';
  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate(
      { purpose, recipientOrganisationId: sharing && recipient ? recipient : null, dataCategories: sharing ? categories : [], method, withInterpreter, givenOn },
      { onSuccess: () => setCategories([]) },
    );
  }
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
        <form className="case-form" onSubmit={submit} noValidate>
          <Heading level={3} data-size="xs">
            {t('cases.consents.record')}
          </Heading>
          <SelectField label={t('cases.consents.purpose')} value={purpose} onChange={(event) => setPurpose(event.currentTarget.value as ConsentPurpose)}>
            {CONSENT_PURPOSES.map((value) => (
              <SelectOption key={value} value={value}>
                {t(`cases.values.consentPurposes.${value}`)}
              </SelectOption>
            ))}
          </SelectField>
          {sharing ? (
            <>
              <OrganisationSelect label={t('cases.consents.recipient')} value={recipient} onChange={setRecipient} organisations={organisations.data?.items} />
              <CategoryChoice legend={t('cases.consents.categories')} allowed={SHARE_CATEGORIES} value={categories} onChange={setCategories} />
            </>
          ) : null}
          <SelectField label={t('cases.consents.method')} value={method} onChange={(event) => setMethod(event.currentTarget.value as ConsentBody['method'])}>
            {CONSENT_METHODS.map((value) => (
              <SelectOption key={value} value={value}>
                {t(`cases.values.consentMethods.${value}`)}
              </SelectOption>
            ))}
          </SelectField>
          <Checkbox label={t('cases.consents.withInterpreter')} checked={withInterpreter} onChange={(event) => setWithInterpreter(event.currentTarget.checked)} />
          <Textfield type="date" label={t('cases.consents.givenOn')} value={givenOn} onChange={(event) => setGivenOn(event.currentTarget.value)} />
          <MutationError error={record.error} />
          <div className="case-actions">
            <Button type="submit" variant="secondary" disabled={record.isPending}>
              {t('cases.consents.record')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

const NO_CONSENT = 'none';

/** Referrals: a bounded part of the case to a partner, covered by a consent or a recorded legal basis. */
export function ReferralsSection({ theCase }: { theCase: Case }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const send = useMutation(sendReferralMutationOptions(queryClient, theCase.id));
  const revoke = useMutation(revokeReferralMutationOptions(queryClient, theCase.id));
  const editable = theCase.abilities.edit;
  const organisations = useQuery({ ...caseOrganisationsQueryOptions(), enabled: editable });
  const activeConsents = theCase.consents.filter((consent) => consent.isActive && consent.purpose === 'share_with_organisation');
  const [consentId, setConsentId] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [needKind, setNeedKind] = useState<NeedKind>('housing');
  const [categories, setCategories] = useState<ShareCategory[]>([]);
  const [chosenBasis, setLegalBasis] = useState<LegalBasis>('child_welfare_notification');
  const [legalBasisReason, setLegalBasisReason] = useState('');
  const [revokeReason, setRevokeReason] = useState<Record<string, string>>({});
  const consent = activeConsents.find((entry) => entry.id === consentId);
  const withoutConsent = consentId === NO_CONSENT;
  // A legal basis is offered only for the recipients it is a duty towards (the server checks the same).
  const bases = legalBasesFor(organisations.data?.items.find((organisation) => organisation.id === organisationId)?.kind);
  const legalBasis = bases.includes(chosenBasis) ? chosenBasis : (bases[0] ?? 'other_statutory_duty');
  // The same limits the server applies: a consent's categories, or what the legal basis allows.
  const allowed = consent ? consent.dataCategories : withoutConsent ? LEGAL_BASIS_CATEGORIES[legalBasis] : [];
  const recipient = consent?.recipient?.id ?? organisationId;
  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate(
      {
        organisationId: recipient,
        needKind,
        dataCategories: categories.filter((category) => allowed.includes(category)),
        consentId: consent ? consent.id : null,
        legalBasis: withoutConsent ? legalBasis : null,
        legalBasisReason: withoutConsent ? legalBasisReason.trim() || null : null,
      },
      { onSuccess: () => setCategories([]) },
    );
  }
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
      {editable ? (
        <form className="case-form" onSubmit={submit} noValidate>
          <Heading level={3} data-size="xs">
            {t('cases.referrals.send')}
          </Heading>
          <SelectField label={t('cases.referrals.basis')} value={consentId} onChange={(event) => setConsentId(event.currentTarget.value)}>
            <SelectOption value="">{t('cases.referrals.chooseConsent')}</SelectOption>
            {activeConsents.map((entry) => (
              <SelectOption key={entry.id} value={entry.id}>
                {`${t('cases.referrals.consent')}: ${entry.recipient?.name ?? ''} (${formatDate(entry.givenOn, i18n.language)})`}
              </SelectOption>
            ))}
            <SelectOption value={NO_CONSENT}>{t('cases.referrals.noConsent')}</SelectOption>
          </SelectField>
          {withoutConsent ? (
            <>
              <OrganisationSelect label={t('cases.referrals.organisation')} value={organisationId} onChange={setOrganisationId} organisations={organisations.data?.items} />
              <SelectField label={t('cases.referrals.legalBasis')} value={legalBasis} onChange={(event) => setLegalBasis(event.currentTarget.value as LegalBasis)}>
                {bases.map((value) => (
                  <SelectOption key={value} value={value}>
                    {t(`cases.values.legalBases.${value}`)}
                  </SelectOption>
                ))}
              </SelectField>
              <Textfield multiline rows={2} label={t('cases.referrals.legalBasisReason')} value={legalBasisReason} onChange={(event) => setLegalBasisReason(event.currentTarget.value)} />
            </>
          ) : null}
          <SelectField label={t('cases.referrals.needKind')} value={needKind} onChange={(event) => setNeedKind(event.currentTarget.value as NeedKind)}>
            {NEED_KINDS.map((value) => (
              <SelectOption key={value} value={value}>
                {t(`cases.values.needKinds.${value}`)}
              </SelectOption>
            ))}
          </SelectField>
          {allowed.length > 0 ? <CategoryChoice legend={t('cases.referrals.categories')} allowed={allowed} value={categories} onChange={setCategories} /> : null}
          <MutationError error={send.error} />
          <div className="case-actions">
            <Button type="submit" disabled={send.isPending || consentId === ''}>
              {t('cases.referrals.send')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
