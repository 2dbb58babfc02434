import { Button, Heading, Link as DsLink, Paragraph, SelectOption, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag, Textfield } from '@digdir/designsystemet-react';
import { CASE_EXPORT_LANGUAGES, CASE_OUTCOMES, legalBasesFor, LEGAL_BASIS_CATEGORIES, SHARE_CATEGORIES, type Case, type CaseExportLanguage, type LegalBasis, type ShareCategory } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, MutationError } from '../../components/load-state';
import { SelectField } from '../../components/select-field';
import { formatDateTime } from '../../lib/format';
import { breakGlassMutationOptions, changeStatusMutationOptions, closeCaseMutationOptions, eraseMutationOptions, exportToRecipientMutationOptions, reopenCaseMutationOptions } from './mutations';
import { caseDuplicatesQueryOptions, caseExportUrl, caseOrganisationsQueryOptions, caseReadsQueryOptions } from './queries';
import { OrganisationSelect } from './case-fields';

const CONSENT = 'consent';

const READ_ACTIONS = ['case.viewed', 'case.break_glass', 'case.exported', 'referral.viewed'] as const;
type ReadAction = (typeof READ_ACTIONS)[number];
const isReadAction = (action: string): action is ReadAction => (READ_ACTIONS as readonly string[]).includes(action);

/** Export of the case as PDF: the person's own copy, or a copy for an organisation with only what consent or a legal basis covers (audited). */
export function ExportSection({ theCase }: { theCase: Case }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const exportTo = useMutation(exportToRecipientMutationOptions(queryClient, theCase.id));
  const organisations = useQuery({ ...caseOrganisationsQueryOptions(), enabled: theCase.abilities.export });
  const [recipientId, setRecipientId] = useState('');
  const [chosenBasis, setBasis] = useState<LegalBasis | typeof CONSENT>(CONSENT);
  const [reason, setReason] = useState('');
  const [language, setLanguage] = useState<CaseExportLanguage>('nb');
  if (!theCase.abilities.export) return null;
  // A legal basis is offered only for the recipients it is a duty towards (the server checks the same).
  const bases = legalBasesFor(organisations.data?.items.find((organisation) => organisation.id === recipientId)?.kind);
  const basis = chosenBasis === CONSENT || bases.includes(chosenBasis) ? chosenBasis : CONSENT;
  // What the server will include, shown before the export: the same rule, from the case's consents or the basis.
  const covered: readonly ShareCategory[] =
    basis === CONSENT
      ? SHARE_CATEGORIES.filter((category) => theCase.consents.some((consent) => consent.isActive && consent.purpose === 'share_with_organisation' && consent.recipient?.id === recipientId && consent.dataCategories.includes(category)))
      : LEGAL_BASIS_CATEGORIES[basis];
  function submit(event: FormEvent) {
    event.preventDefault();
    exportTo.mutate({ recipientOrganisationId: recipientId, legalBasis: basis === CONSENT ? null : basis, legalBasisReason: basis === CONSENT ? null : reason.trim() || null, lang: language });
  }
  return (
    <section className="page-section" aria-labelledby="case-export">
      <Heading level={2} data-size="sm" id="case-export">
        {t('cases.protection.export')}
      </Heading>
      <Paragraph data-size="sm">{t('cases.protection.exportNote')}</Paragraph>
      <Heading level={3} data-size="xs">
        {t('cases.protection.exportPurposes.data_subject')}
      </Heading>
      <ul className="case-item-list">
        {CASE_EXPORT_LANGUAGES.map((code) => (
          <li key={code}>
            <DsLink href={caseExportUrl(theCase.id, code)} hrefLang={code} download>
              {t('cases.protection.exportLink', { purpose: t('cases.protection.exportPurposes.data_subject'), language: t(`cases.protection.exportLanguages.${code}`) })}
            </DsLink>
          </li>
        ))}
      </ul>
      <form className="case-form" onSubmit={submit} noValidate aria-labelledby="case-export-recipient">
        <Heading level={3} data-size="xs" id="case-export-recipient">
          {t('cases.protection.exportPurposes.recipient')}
        </Heading>
        <Paragraph data-size="sm">{t('cases.protection.exportRecipientNote')}</Paragraph>
        <OrganisationSelect label={t('cases.protection.exportRecipient')} value={recipientId} onChange={setRecipientId} organisations={organisations.data?.items} />
        <SelectField label={t('cases.protection.exportBasis')} value={basis} onChange={(event) => setBasis(event.currentTarget.value as LegalBasis | typeof CONSENT)}>
          <SelectOption value={CONSENT}>{t('cases.protection.exportBasisConsent')}</SelectOption>
          {bases.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`cases.values.legalBases.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
        {basis === CONSENT ? null : <Textfield multiline rows={2} label={t('cases.referrals.legalBasisReason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} />}
        {recipientId ? (
          <Paragraph data-size="sm" aria-live="polite">
            {covered.length > 0 ? t('cases.protection.exportCovered', { categories: covered.map((category) => t(`cases.values.shareCategories.${category}`)).join(', ') }) : t('cases.protection.exportNothingCovered')}
          </Paragraph>
        ) : null}
        <SelectField label={t('cases.protection.exportLanguage')} value={language} onChange={(event) => setLanguage(event.currentTarget.value as CaseExportLanguage)}>
          {CASE_EXPORT_LANGUAGES.map((code) => (
            <SelectOption key={code} value={code}>
              {t(`cases.protection.exportLanguages.${code}`)}
            </SelectOption>
          ))}
        </SelectField>
        <MutationError error={exportTo.error} />
        <div className="case-actions">
          <Button type="submit" disabled={exportTo.isPending || recipientId === ''}>
            {t('cases.protection.exportDownload')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Break-glass grants on the case with their reasons: for the case team and the coordinator (the server leaves the list empty for others). */
export function AccessGrantsSection({ theCase }: { theCase: Case }) {
  const { t, i18n } = useTranslation();
  if (theCase.accessGrants.length === 0) return null;
  return (
    <section className="page-section" aria-labelledby="case-access-grants">
      <Heading level={2} data-size="sm" id="case-access-grants">
        {t('cases.protection.grantsHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('cases.protection.grantsIntro')}</Paragraph>
      <ul className="case-item-list">
        {theCase.accessGrants.map((grant) => (
          <li key={grant.id}>
            <Paragraph>
              {t('cases.protection.grantLine', {
                name: grant.user?.name ?? t('cases.protection.unknownUser'),
                from: formatDateTime(grant.grantedAt, i18n.language) ?? '',
                until: formatDateTime(grant.expiresAt, i18n.language) ?? '',
              })}
            </Paragraph>
            <Paragraph data-size="sm">{t('cases.protection.grantReason', { reason: grant.reason })}</Paragraph>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Close with a reason, reopen with a reason, and move between open and follow-up. */
export function ClosingSection({ theCase }: { theCase: Case }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const close = useMutation(closeCaseMutationOptions(queryClient, theCase.id));
  const reopen = useMutation(reopenCaseMutationOptions(queryClient, theCase.id));
  const status = useMutation(changeStatusMutationOptions(queryClient, theCase.id));
  const [closeAs, setCloseAs] = useState<'closed' | 'closed_referred'>('closed');
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<Case['facts']['outcome']>(theCase.facts.outcome);
  const [reopenReason, setReopenReason] = useState('');
  if (!theCase.abilities.close && !theCase.abilities.reopen) return null;
  return (
    <section className="page-section" aria-labelledby="case-closing">
      <Heading level={2} data-size="sm" id="case-closing">
        {theCase.abilities.close ? t('cases.closing.close') : t('cases.closing.reopen')}
      </Heading>
      {theCase.abilities.close ? (
        <>
          <div className="case-actions">
            <Button variant="tertiary" onClick={() => status.mutate(theCase.status === 'follow_up' ? 'open' : 'follow_up')} disabled={status.isPending}>
              {theCase.status === 'follow_up' ? t('cases.closing.backToOpen') : t('cases.closing.followUp')}
            </Button>
          </div>
          <MutationError error={status.error} />
          <form
            className="case-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              close.mutate({ status: closeAs, reason, outcome }, { onSuccess: () => setReason('') });
            }}
          >
            <SelectField label={t('cases.closing.closeAs')} value={closeAs} onChange={(event) => setCloseAs(event.currentTarget.value as 'closed' | 'closed_referred')}>
              <SelectOption value="closed">{t('cases.statuses.closed')}</SelectOption>
              <SelectOption value="closed_referred">{t('cases.statuses.closed_referred')}</SelectOption>
            </SelectField>
            <SelectField label={t('cases.closing.outcome')} value={outcome ?? ''} onChange={(event) => setOutcome(event.currentTarget.value === '' ? null : (event.currentTarget.value as Case['facts']['outcome']))}>
              <SelectOption value="">{t('cases.closing.noOutcome')}</SelectOption>
              {CASE_OUTCOMES.map((value) => (
                <SelectOption key={value} value={value}>
                  {t(`cases.values.outcomes.${value}`)}
                </SelectOption>
              ))}
            </SelectField>
            <Textfield multiline rows={2} label={t('cases.closing.reason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} />
            <MutationError error={close.error} />
            <div className="case-actions">
              <Button type="submit" data-color="danger" variant="secondary" disabled={close.isPending}>
                {t('cases.closing.submitClose')}
              </Button>
            </div>
          </form>
        </>
      ) : (
        <form
          className="case-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            reopen.mutate(reopenReason, { onSuccess: () => setReopenReason('') });
          }}
        >
          <Textfield multiline rows={2} label={t('cases.closing.reopenReason')} value={reopenReason} onChange={(event) => setReopenReason(event.currentTarget.value)} />
          <MutationError error={reopen.error} />
          <div className="case-actions">
            <Button type="submit" variant="secondary" disabled={reopen.isPending}>
              {t('cases.closing.submitReopen')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

function ReadLog({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const reads = useQuery(caseReadsQueryOptions(caseId));
  if (reads.isError) return <LoadError error={reads.error} />;
  if (!reads.data) return null;
  return (
    <Table zebra border>
      <caption>{t('cases.protection.readsCaption')}</caption>
      <TableHead>
        <TableRow>
          <TableHeaderCell scope="col">{t('cases.protection.when')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('cases.protection.who')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('cases.protection.what')}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {reads.data.items.map((read, index) => (
          <TableRow key={`${read.at}-${index}`}>
            <TableCell>{formatDateTime(read.at, i18n.language)}</TableCell>
            <TableCell>{read.user?.name ?? t('cases.protection.unknownUser')}</TableCell>
            <TableCell>
              {isReadAction(read.action) ? t(`cases.protection.readActions.${read.action}`) : read.action}{' '}
              {read.breakGlass ? <Tag data-color="warning">{t('cases.protection.breakGlassFlag')}</Tag> : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Duplicates({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const duplicates = useQuery(caseDuplicatesQueryOptions(caseId));
  if (duplicates.isError) return <LoadError error={duplicates.error} />;
  if (!duplicates.data) return null;
  if (duplicates.data.items.length === 0) return <Paragraph>{t('cases.protection.noDuplicates')}</Paragraph>;
  return (
    <ul className="case-item-list">
      {duplicates.data.items.map((item) => (
        <li key={item.id}>
          <DsLink asChild>
            <Link to="/cases/$caseId" params={{ caseId: item.id }}>
              {t('cases.protection.duplicateLine', { number: item.caseNumber, status: t(`cases.statuses.${item.status}`) })}
            </Link>
          </DsLink>
        </li>
      ))}
    </ul>
  );
}

/** The coordinator's tools: break-glass, who has read the case, duplicates, erasure on request. */
export function ProtectionSection({ theCase }: { theCase: Case }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const glass = useMutation(breakGlassMutationOptions(queryClient, theCase.id));
  const erase = useMutation(eraseMutationOptions(queryClient, theCase.id));
  const [glassReason, setGlassReason] = useState('');
  const [eraseReason, setEraseReason] = useState('');
  const [showReads, setShowReads] = useState(false);
  const [showDuplicates, setShowDuplicates] = useState(false);
  const a = theCase.abilities;
  if (!a.breakGlass && !a.viewReadLog && !a.viewDuplicates && !a.erase) return null;
  return (
    <section className="page-section" aria-labelledby="case-protection">
      <Heading level={2} data-size="sm" id="case-protection">
        {t('cases.protection.heading')}
      </Heading>
      {a.breakGlass ? (
        <form
          className="case-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            glass.mutate(glassReason, { onSuccess: () => setGlassReason('') });
          }}
        >
          <Heading level={3} data-size="xs">
            {t('cases.protection.breakGlass')}
          </Heading>
          <Paragraph data-size="sm">{t('cases.protection.breakGlassIntro')}</Paragraph>
          <Textfield multiline rows={2} label={t('cases.protection.breakGlassReason')} value={glassReason} onChange={(event) => setGlassReason(event.currentTarget.value)} />
          <MutationError error={glass.error} />
          <div className="case-actions">
            <Button type="submit" variant="secondary" data-color="danger" disabled={glass.isPending}>
              {t('cases.protection.breakGlassSubmit')}
            </Button>
          </div>
        </form>
      ) : null}
      {a.viewReadLog ? (
        <>
          <Heading level={3} data-size="xs">
            {t('cases.protection.reads')}
          </Heading>
          {showReads ? (
            <ReadLog caseId={theCase.id} />
          ) : (
            <div className="case-actions">
              <Button variant="secondary" onClick={() => setShowReads(true)}>
                {t('cases.protection.showReads')}
              </Button>
            </div>
          )}
        </>
      ) : null}
      {a.viewDuplicates ? (
        <>
          <Heading level={3} data-size="xs">
            {t('cases.protection.duplicates')}
          </Heading>
          {showDuplicates ? (
            <Duplicates caseId={theCase.id} />
          ) : (
            <div className="case-actions">
              <Button variant="secondary" onClick={() => setShowDuplicates(true)}>
                {t('cases.protection.showDuplicates')}
              </Button>
            </div>
          )}
        </>
      ) : null}
      {a.erase ? (
        <form
          className="case-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            erase.mutate(eraseReason, { onSuccess: () => setEraseReason('') });
          }}
        >
          <Heading level={3} data-size="xs">
            {t('cases.protection.erase')}
          </Heading>
          <Paragraph data-size="sm">{t('cases.protection.eraseIntro')}</Paragraph>
          <Textfield multiline rows={2} label={t('cases.protection.eraseReason')} value={eraseReason} onChange={(event) => setEraseReason(event.currentTarget.value)} />
          <MutationError error={erase.error} />
          <div className="case-actions">
            <Button type="submit" variant="secondary" data-color="danger" disabled={erase.isPending}>
              {t('cases.protection.eraseSubmit')}
            </Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
