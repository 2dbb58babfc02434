import { Button, Checkbox, Details, DetailsContent, DetailsSummary, Fieldset, FieldsetLegend, Heading, Paragraph, SelectOption, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Textfield } from '@digdir/designsystemet-react';
import {
  CHECK_AGENCIES,
  CHECK_DOCUMENTS,
  CHECK_KINDS,
  CHECK_OUTCOMES,
  FINDING_CATEGORIES,
  FINDING_SEVERITIES,
  REQUIREMENT_STATUSES,
  RISK_LEVELS,
  SANCTIONS,
  type Check,
  type Contract,
  type Finding,
} from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { DeclarationsSection } from './declarations-section';
import { EnumSelect } from './enum-select';
import { useFieldErrors } from './field-errors';
import { ContractMeasuresSection } from './measures-section';
import { contractChangeMutationOptions } from './mutations';
import { contractQueryOptions } from './queries';

const route = getRouteApi('/signed-in/procurement/contracts/$contractId');

/** One contract (the read is audited): risk, checklist, chain, checks, findings and self-declarations. */
export function ContractPage() {
  const { contractId } = route.useParams();
  const contract = useQuery(contractQueryOptions(contractId));
  if (contract.isPending) return <Loading />;
  if (contract.isError) return <LoadError error={contract.error} onRetry={() => void contract.refetch()} />;
  return <ContractView contract={contract.data} />;
}

function useChange(contractId: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation(contractChangeMutationOptions(queryClient, contractId, name));
}

function ContractView({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  return (
    <div className="page-stack">
      <Breadcrumbs trail={[{ label: t('procurement.title'), to: '/procurement' }]} current={t('procurement.contract.title', { title: contract.title })} />
      <PageHeading>{t('procurement.contract.title', { title: contract.title })}</PageHeading>
      <dl className="details-list">
        <dt>{t('procurement.contract.supplier')}</dt>
        <dd>
          {contract.supplier.name} ({contract.supplier.orgNumber ? t('procurement.contract.orgNumber', { number: contract.supplier.orgNumber }) : t('procurement.contract.foreign')})
        </dd>
        <dt>{t('procurement.register.isic')}</dt>
        <dd>{t(`overview.isic.${contract.isicSection}`)}</dd>
        <dt>{t('procurement.contract.period')}</dt>
        <dd>{t('procurement.contract.periodValue', { from: contract.startsOn, to: contract.endsOn })}</dd>
        <dt>{t('procurement.contract.unit')}</dt>
        <dd>{contract.responsibleUnit}</dd>
        {contract.siteName ? (
          <>
            <dt>{t('procurement.contract.site')}</dt>
            <dd>{contract.siteName}</dd>
          </>
        ) : null}
        <dt>{t('procurement.contract.status')}</dt>
        <dd>{t(`procurement.contract.statuses.${contract.status}`)}</dd>
      </dl>
      <RiskSection contract={contract} />
      <RequirementsSection contract={contract} />
      <SubcontractorsSection contract={contract} />
      <ChecksSection contract={contract} />
      <FindingsSection contract={contract} />
      <ContractMeasuresSection contract={contract} />
      <DeclarationsSection contract={contract} />
    </div>
  );
}

function RiskSection({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const mutation = useChange(contract.id, 'risk');
  const [level, setLevel] = useState(contract.riskOverride?.level ?? '');
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ method: 'PUT', path: '/risk', body: { level: level === '' ? null : level, reason } }, { onSuccess: () => setReason('') });
  };
  const { showAlert, errorFor } = useFieldErrors(mutation.error, ['level', 'reason']);
  const levelText = (value: string) => t(`procurement.riskLevels.${value as (typeof RISK_LEVELS)[number]}`);
  return (
    <section aria-labelledby="risk-heading" className="page-section">
      <Heading level={2} data-size="sm" id="risk-heading">
        {t('procurement.risk.heading')}
      </Heading>
      <Paragraph>
        <strong>{t('procurement.risk.inForce', { level: levelText(contract.riskLevel) })}</strong> {t('procurement.risk.computed', { level: levelText(contract.computedRisk) })}
      </Paragraph>
      {contract.riskOverride ? <Paragraph>{t('procurement.risk.override', { name: contract.riskOverride.by ?? '', level: levelText(contract.riskOverride.level), reason: contract.riskOverride.reason })}</Paragraph> : null}
      <Heading level={3} data-size="xs">
        {t('procurement.risk.reasonsHeading')}
      </Heading>
      {contract.riskReasons.length === 0 ? (
        <Paragraph>{t('procurement.risk.noReasons')}</Paragraph>
      ) : (
        <ul>
          {contract.riskReasons.map((item) => (
            <li key={item.code}>{t(`procurement.risk.reasons.${item.code}`, { level: levelText(item.level) })}</li>
          ))}
        </ul>
      )}
      {contract.canWrite ? (
        <Details>
          <DetailsSummary>{t('procurement.risk.adjust')}</DetailsSummary>
          <DetailsContent>
            <form className="form-stack" noValidate onSubmit={submit}>
              {showAlert ? <MutationError error={mutation.error} /> : null}
              <SelectField label={t('procurement.risk.level')} value={level} error={errorFor('level')} onChange={(event) => setLevel(event.currentTarget.value)}>
                <SelectOption value="">{t('procurement.risk.useComputed')}</SelectOption>
                {RISK_LEVELS.map((value) => (
                  <SelectOption key={value} value={value}>
                    {levelText(value)}
                  </SelectOption>
                ))}
              </SelectField>
              <Textfield multiline rows={2} label={t('procurement.risk.reason')} description={t('procurement.noPersonalData')} value={reason} error={errorFor('reason', reason)} onChange={(event) => setReason(event.currentTarget.value)} />
              <div>
                <Button type="submit" disabled={mutation.isPending}>
                  {t('procurement.save')}
                </Button>
              </div>
              <SuccessMessage>{mutation.isSuccess ? t('procurement.saved') : null}</SuccessMessage>
            </form>
          </DetailsContent>
        </Details>
      ) : null}
    </section>
  );
}

function RequirementsSection({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const mutation = useChange(contract.id, 'requirement');
  return (
    <section aria-labelledby="requirements-heading" className="page-section">
      <Heading level={2} data-size="sm" id="requirements-heading">
        {t('procurement.requirements.heading')}
      </Heading>
      <MutationError error={mutation.error} />
      <Table zebra border>
        <caption>{t('procurement.requirements.caption')}</caption>
        <TableHead>
          <TableRow>
            <TableHeaderCell scope="col">{t('procurement.requirements.requirement')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('procurement.requirements.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('procurement.requirements.status')}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {contract.requirements.map((requirement) => (
            <TableRow key={requirement.id}>
              <TableHeaderCell scope="row">{requirement.title}</TableHeaderCell>
              <TableCell>{t(`procurement.requirements.kinds.${requirement.kind}`)}</TableCell>
              <TableCell>
                {contract.canWrite ? (
                  <SelectField
                    label={t('procurement.requirements.statusFor', { title: requirement.title })}
                    value={requirement.status}
                    disabled={mutation.isPending}
                    onChange={(event) => mutation.mutate({ method: 'PUT', path: `/requirements/${requirement.id}`, body: { status: event.currentTarget.value } })}
                  >
                    {REQUIREMENT_STATUSES.map((status) => (
                      <SelectOption key={status} value={status}>
                        {t(`procurement.requirements.statuses.${status}`)}
                      </SelectOption>
                    ))}
                  </SelectField>
                ) : (
                  t(`procurement.requirements.statuses.${requirement.status}`)
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function SubcontractorsSection({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const mutation = useChange(contract.id, 'subcontractor');
  const [name, setName] = useState('');
  const [orgNumber, setOrgNumber] = useState('');
  const [parentId, setParentId] = useState('');
  const { showAlert, errorFor } = useFieldErrors(mutation.error, ['name', 'orgNumber', 'parentId']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ method: 'POST', path: '/subcontractors', body: { name, orgNumber: orgNumber.trim(), parentId: parentId === '' ? null : parentId } }, { onSuccess: () => (setName(''), setOrgNumber('')) });
  };
  return (
    <section aria-labelledby="subcontractors-heading" className="page-section">
      <Heading level={2} data-size="sm" id="subcontractors-heading">
        {t('procurement.subcontractors.heading')}
      </Heading>
      {contract.subcontractors.length === 0 ? (
        <Paragraph>{t('procurement.subcontractors.empty')}</Paragraph>
      ) : (
        <ul>
          {contract.subcontractors.map((sub) => (
            <li key={sub.id}>
              {t('procurement.subcontractors.tier', { tier: sub.tier })}: {sub.name}
              {sub.orgNumber ? ` (${sub.orgNumber})` : ''}
              {sub.fromDeclaration ? `, ${t('procurement.subcontractors.fromDeclaration')}` : ''}{' '}
              {contract.canWrite ? (
                <Button variant="tertiary" data-size="sm" onClick={() => mutation.mutate({ method: 'DELETE', path: `/subcontractors/${sub.id}` })}>
                  {t('procurement.subcontractors.remove', { name: sub.name })}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {contract.canWrite ? (
        <Details>
          <DetailsSummary>{t('procurement.subcontractors.add')}</DetailsSummary>
          <DetailsContent>
            <form className="form-stack" noValidate onSubmit={submit}>
              {showAlert ? <MutationError error={mutation.error} /> : null}
              <Textfield label={t('procurement.subcontractors.name')} value={name} error={errorFor('name')} onChange={(event) => setName(event.currentTarget.value)} />
              <Textfield label={t('procurement.register.orgNumber')} description={t('procurement.register.orgNumberDescription')} inputMode="numeric" value={orgNumber} error={errorFor('orgNumber')} onChange={(event) => setOrgNumber(event.currentTarget.value)} />
              <SelectField label={t('procurement.subcontractors.parent')} value={parentId} error={errorFor('parentId')} onChange={(event) => setParentId(event.currentTarget.value)}>
                <SelectOption value="">{t('procurement.subcontractors.mainSupplier')}</SelectOption>
                {contract.subcontractors.map((sub) => (
                  <SelectOption key={sub.id} value={sub.id}>
                    {sub.name}
                  </SelectOption>
                ))}
              </SelectField>
              <div>
                <Button type="submit" disabled={mutation.isPending}>
                  {t('procurement.save')}
                </Button>
              </div>
            </form>
          </DetailsContent>
        </Details>
      ) : null}
    </section>
  );
}

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((entry) => entry !== value);
}

function ChecksSection({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const mutation = useChange(contract.id, 'plan-check');
  const [kind, setKind] = useState<(typeof CHECK_KINDS)[number]>('site_visit');
  const [plannedOn, setPlannedOn] = useState('');
  const [agencies, setAgencies] = useState<Array<(typeof CHECK_AGENCIES)[number]>>([]);
  const { showAlert, errorFor } = useFieldErrors(mutation.error, ['plannedOn']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ method: 'POST', path: '/checks', body: { kind, plannedOn, agencies } }, { onSuccess: () => (setPlannedOn(''), setAgencies([])) });
  };
  return (
    <section aria-labelledby="checks-heading" className="page-section">
      <Heading level={2} data-size="sm" id="checks-heading">
        {t('procurement.checks.heading')}
      </Heading>
      {contract.checks.length === 0 ? (
        <Paragraph>{t('procurement.checks.empty')}</Paragraph>
      ) : (
        <Table zebra border>
          <caption>{t('procurement.checks.caption')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t('procurement.checks.kind')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.checks.plannedOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.checks.doneOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.checks.agencies')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.checks.documents')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.checks.outcome')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.checks.observations')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {contract.checks.map((check) => (
              <TableRow key={check.id}>
                <TableHeaderCell scope="row">{t(`procurement.checks.kinds.${check.kind}`)}</TableHeaderCell>
                <TableCell>{check.plannedOn}</TableCell>
                <TableCell>{check.doneOn ?? t('procurement.checks.notDone')}</TableCell>
                <TableCell>{check.agencies.map((agency) => t(`procurement.checks.agencyNames.${agency}`)).join(', ')}</TableCell>
                <TableCell>{check.documentsSeen.map((document) => t(`procurement.checks.documentNames.${document}`)).join(', ')}</TableCell>
                <TableCell>{check.outcome ? t(`procurement.checks.outcomes.${check.outcome}`) : ''}</TableCell>
                <TableCell>{check.observations}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {contract.canWrite
        ? contract.checks.filter((check) => check.doneOn === null).map((check) => <RecordCheckForm key={check.id} contractId={contract.id} check={check} />)
        : null}
      {contract.canWrite ? (
        <Details>
          <DetailsSummary>{t('procurement.checks.plan')}</DetailsSummary>
          <DetailsContent>
            <form className="form-stack" noValidate onSubmit={submit}>
              {showAlert ? <MutationError error={mutation.error} /> : null}
              <EnumSelect label={t('procurement.checks.kind')} values={CHECK_KINDS} value={kind} onChange={setKind} text={(option) => t(`procurement.checks.kinds.${option}`)} />
              <Textfield type="date" label={t('procurement.checks.plannedOn')} value={plannedOn} error={errorFor('plannedOn')} onChange={(event) => setPlannedOn(event.currentTarget.value)} />
              <Fieldset>
                <FieldsetLegend>{t('procurement.checks.agencies')}</FieldsetLegend>
                {CHECK_AGENCIES.map((agency) => (
                  <Checkbox key={agency} label={t(`procurement.checks.agencyNames.${agency}`)} value={agency} checked={agencies.includes(agency)} onChange={(event) => setAgencies(toggle(agencies, agency, event.currentTarget.checked))} />
                ))}
              </Fieldset>
              <div>
                <Button type="submit" disabled={mutation.isPending}>
                  {t('procurement.checks.plan')}
                </Button>
              </div>
            </form>
          </DetailsContent>
        </Details>
      ) : null}
    </section>
  );
}

function RecordCheckForm({ contractId, check }: { contractId: string; check: Check }) {
  const { t } = useTranslation();
  const mutation = useChange(contractId, `record-${check.id}`);
  const [doneOn, setDoneOn] = useState('');
  const [outcome, setOutcome] = useState<(typeof CHECK_OUTCOMES)[number]>('no_findings');
  const [documents, setDocuments] = useState<Array<(typeof CHECK_DOCUMENTS)[number]>>([]);
  const [observations, setObservations] = useState('');
  const { showAlert, errorFor } = useFieldErrors(mutation.error, ['doneOn', 'observations']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate({ method: 'PUT', path: `/checks/${check.id}`, body: { doneOn, outcome, agencies: check.agencies, documentsSeen: documents, observations } });
  };
  return (
    <Details>
      <DetailsSummary>{t('procurement.checks.record', { date: check.plannedOn })}</DetailsSummary>
      <DetailsContent>
        <form className="form-stack" noValidate onSubmit={submit}>
          {showAlert ? <MutationError error={mutation.error} /> : null}
          <Textfield type="date" label={t('procurement.checks.doneOn')} value={doneOn} error={errorFor('doneOn')} onChange={(event) => setDoneOn(event.currentTarget.value)} />
          <EnumSelect label={t('procurement.checks.outcome')} values={CHECK_OUTCOMES} value={outcome} onChange={setOutcome} text={(option) => t(`procurement.checks.outcomes.${option}`)} />
          <Fieldset>
            <FieldsetLegend>{t('procurement.checks.documents')}</FieldsetLegend>
            <Paragraph data-size="sm">{t('procurement.checks.documentsHint')}</Paragraph>
            {CHECK_DOCUMENTS.map((document) => (
              <Checkbox key={document} label={t(`procurement.checks.documentNames.${document}`)} value={document} checked={documents.includes(document)} onChange={(event) => setDocuments(toggle(documents, document, event.currentTarget.checked))} />
            ))}
          </Fieldset>
          <Textfield multiline rows={3} label={t('procurement.checks.observations')} description={t('procurement.noPersonalData')} value={observations} error={errorFor('observations', observations)} onChange={(event) => setObservations(event.currentTarget.value)} />
          <div>
            <Button type="submit" disabled={mutation.isPending}>
              {t('procurement.save')}
            </Button>
          </div>
        </form>
      </DetailsContent>
    </Details>
  );
}

function FindingsSection({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const mutation = useChange(contract.id, 'finding');
  const done = contract.checks.filter((check) => check.doneOn !== null);
  const [checkId, setCheckId] = useState('');
  const [severity, setSeverity] = useState<(typeof FINDING_SEVERITIES)[number]>('medium');
  const [category, setCategory] = useState<(typeof FINDING_CATEGORIES)[number]>('pay');
  const [description, setDescription] = useState('');
  const [deadlineOn, setDeadlineOn] = useState('');
  const [sanction, setSanction] = useState<(typeof SANCTIONS)[number]>('none');
  const { showAlert, errorFor } = useFieldErrors(mutation.error, ['checkId', 'description', 'deadlineOn']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      { method: 'POST', path: '/findings', body: { checkId: checkId || done[0]?.id, severity, category, description, deadlineOn: deadlineOn || null, sanction } },
      { onSuccess: () => (setDescription(''), setDeadlineOn('')) },
    );
  };
  return (
    <section aria-labelledby="findings-heading" className="page-section">
      <Heading level={2} data-size="sm" id="findings-heading">
        {t('procurement.findings.heading')}
      </Heading>
      {contract.findings.length === 0 ? (
        <Paragraph>{t('procurement.findings.empty')}</Paragraph>
      ) : (
        <Table zebra border>
          <caption>{t('procurement.findings.caption')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t('procurement.findings.category')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.findings.severity')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.findings.description')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.findings.deadline')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.findings.sanction')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.findings.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.findings.concern')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {contract.findings.map((finding) => (
              <TableRow key={finding.id}>
                <TableHeaderCell scope="row">{t(`procurement.findings.categories.${finding.category}`)}</TableHeaderCell>
                <TableCell>{t(`procurement.findings.severities.${finding.severity}`)}</TableCell>
                <TableCell>{finding.description}</TableCell>
                <TableCell>
                  {finding.deadlineOn ?? ''}
                  {finding.overdue ? ` (${t('procurement.findings.overdue')})` : ''}
                </TableCell>
                <TableCell>{t(`procurement.findings.sanctions.${finding.sanction}`)}</TableCell>
                <TableCell>{t(`procurement.findings.statuses.${finding.status}`)}</TableCell>
                <TableCell>{finding.concernId ? t('procurement.findings.concernStarted') : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {contract.canWrite ? contract.findings.filter((finding) => finding.status === 'open').map((finding) => <FindingActions key={finding.id} contractId={contract.id} finding={finding} />) : null}
      {contract.canWrite ? (
        <Details>
          <DetailsSummary>{t('procurement.findings.add')}</DetailsSummary>
          <DetailsContent>
            {done.length === 0 ? (
              <Paragraph>{t('procurement.findings.noDoneChecks')}</Paragraph>
            ) : (
              <form className="form-stack" noValidate onSubmit={submit}>
                {showAlert ? <MutationError error={mutation.error} /> : null}
                <SelectField label={t('procurement.findings.check')} value={checkId || (done[0]?.id ?? '')} error={errorFor('checkId')} onChange={(event) => setCheckId(event.currentTarget.value)}>
                  {done.map((check) => (
                    <SelectOption key={check.id} value={check.id}>
                      {`${t(`procurement.checks.kinds.${check.kind}`)} ${check.doneOn ?? ''}`}
                    </SelectOption>
                  ))}
                </SelectField>
                <EnumSelect label={t('procurement.findings.severity')} values={FINDING_SEVERITIES} value={severity} onChange={setSeverity} text={(option) => t(`procurement.findings.severities.${option}`)} />
                <EnumSelect label={t('procurement.findings.category')} values={FINDING_CATEGORIES} value={category} onChange={setCategory} text={(option) => t(`procurement.findings.categories.${option}`)} />
                <Textfield multiline rows={3} label={t('procurement.findings.description')} description={t('procurement.noPersonalData')} value={description} error={errorFor('description', description)} onChange={(event) => setDescription(event.currentTarget.value)} />
                <Textfield type="date" label={t('procurement.findings.deadline')} value={deadlineOn} error={errorFor('deadlineOn')} onChange={(event) => setDeadlineOn(event.currentTarget.value)} />
                <EnumSelect label={t('procurement.findings.sanction')} values={SANCTIONS} value={sanction} onChange={setSanction} text={(option) => t(`procurement.findings.sanctions.${option}`)} />
                <div>
                  <Button type="submit" disabled={mutation.isPending}>
                    {t('procurement.findings.add')}
                  </Button>
                </div>
              </form>
            )}
          </DetailsContent>
        </Details>
      ) : null}
    </section>
  );
}

/** For an open finding: send a concern (once), or close it with a note. */
function FindingActions({ contractId, finding }: { contractId: string; finding: Finding }) {
  const { t } = useTranslation();
  const { i18n } = useTranslation();
  const concern = useChange(contractId, `concern-${finding.id}`);
  const close = useChange(contractId, `close-${finding.id}`);
  const [danger, setDanger] = useState(false);
  const [note, setNote] = useState('');
  const [closingNote, setClosingNote] = useState('');
  const category = t(`procurement.findings.categories.${finding.category}`);
  const concernErrors = useFieldErrors(concern.error, ['note']);
  const closeErrors = useFieldErrors(close.error, ['closingNote']);
  return (
    <>
      {finding.concernId === null ? (
        <Details>
          <DetailsSummary>{`${t('procurement.findings.startConcern')}: ${category}`}</DetailsSummary>
          <DetailsContent>
            <form
              className="form-stack"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                concern.mutate({ method: 'POST', path: `/findings/${finding.id}/concern?lang=${i18n.language === 'en' ? 'en' : 'nb'}`, body: { suspectedForms: ['labour'], immediateDanger: danger, note } });
              }}
            >
              <Paragraph>{t('procurement.findings.startConcernHint')}</Paragraph>
              {concernErrors.showAlert ? <MutationError error={concern.error} /> : null}
              <Checkbox label={t('procurement.findings.immediateDanger')} value="danger" checked={danger} onChange={(event) => setDanger(event.currentTarget.checked)} />
              <Textfield multiline rows={3} label={t('procurement.findings.concernNote')} description={t('procurement.noPersonalData')} value={note} error={concernErrors.errorFor('note', note)} onChange={(event) => setNote(event.currentTarget.value)} />
              <div>
                <Button type="submit" disabled={concern.isPending}>
                  {t('procurement.findings.sendConcern')}
                </Button>
              </div>
            </form>
          </DetailsContent>
        </Details>
      ) : null}
      <Details>
        <DetailsSummary>{`${t('procurement.findings.close')}: ${category}`}</DetailsSummary>
        <DetailsContent>
          <form
            className="form-stack"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              close.mutate({ method: 'PUT', path: `/findings/${finding.id}`, body: { deadlineOn: finding.deadlineOn, sanction: finding.sanction, close: true, closingNote } });
            }}
          >
            {closeErrors.showAlert ? <MutationError error={close.error} /> : null}
            <Textfield multiline rows={2} label={t('procurement.findings.closingNote')} description={t('procurement.noPersonalData')} value={closingNote} error={closeErrors.errorFor('closingNote', closingNote)} onChange={(event) => setClosingNote(event.currentTarget.value)} />
            <div>
              <Button type="submit" disabled={close.isPending}>
                {t('procurement.findings.close')}
              </Button>
            </div>
          </form>
        </DetailsContent>
      </Details>
    </>
  );
}
