import { Button, Fieldset, FieldsetLegend, Link as DsLink, Paragraph, SelectOption, Textfield } from '@digdir/designsystemet-react';
import { ROUTING_SITUATIONS, type RoutingCard, type RoutingSituation } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './cooperation.css';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { organisationsQueryOptions } from '../organisations/queries';
import { saveRoutingCardMutationOptions } from './mutations';
import { routingCardQueryOptions } from './queries';

type Row = { contact: string; organisationId: string; phone: string; whatToTell: string };

/** Edits the routing card: one line per situation; a line without a contact is left out. */
export function RoutingCardEditPage() {
  const { t } = useTranslation();
  const card = useQuery(routingCardQueryOptions());
  return (
    <div className="narrow-page">
      <DsLink asChild>
        <Link to="/routing-card">{t('common.backTo', { page: t('cooperation.routing.title') })}</Link>
      </DsLink>
      <PageHeading>{t('cooperation.routing.editTitle')}</PageHeading>
      {card.isPending ? <Loading /> : null}
      {card.isError ? <LoadError error={card.error} onRetry={() => void card.refetch()} /> : null}
      {card.data ? <RoutingForm card={card.data} /> : null}
    </div>
  );
}

function RoutingForm({ card }: { card: RoutingCard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const organisations = useQuery(organisationsQueryOptions(false));
  const save = useMutation(saveRoutingCardMutationOptions(queryClient));
  const [rows, setRows] = useState<Record<RoutingSituation, Row>>(
    () =>
      Object.fromEntries(
        card.entries.map((entry) => [entry.situation, { contact: entry.contact ?? '', organisationId: entry.organisation?.id ?? '', phone: entry.phone ?? '', whatToTell: entry.whatToTell ?? '' }]),
      ) as Record<RoutingSituation, Row>,
  );
  const [incomplete, setIncomplete] = useState<RoutingSituation[]>([]);
  const set = (situation: RoutingSituation, field: keyof Row, value: string) => setRows((current) => ({ ...current, [situation]: { ...current[situation], [field]: value } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filled = ROUTING_SITUATIONS.filter((situation) => rows[situation].contact.trim() !== '');
    const missing = filled.filter((situation) => rows[situation].phone.trim() === '' || rows[situation].whatToTell.trim() === '');
    setIncomplete(missing);
    if (missing.length > 0) return;
    save.mutate(
      { entries: filled.map((situation) => ({ situation, contact: rows[situation].contact, organisationId: rows[situation].organisationId || null, phone: rows[situation].phone, whatToTell: rows[situation].whatToTell })) },
      { onSuccess: () => void navigate({ to: '/routing-card', state: { flash: t('common.saved') } }) },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="form-stack">
      <Paragraph>{t('cooperation.routing.editIntro')}</Paragraph>
      <MutationError error={save.error} />
      {ROUTING_SITUATIONS.map((situation) => {
        const row = rows[situation];
        const isIncomplete = incomplete.includes(situation);
        return (
          <Fieldset key={situation}>
            <FieldsetLegend>{t(`cooperation.situations.${situation}`)}</FieldsetLegend>
            <Textfield label={t('cooperation.routing.call')} value={row.contact} onChange={(event) => set(situation, 'contact', event.currentTarget.value)} />
            <SelectField label={t('cooperation.routing.organisation')} value={row.organisationId} onChange={(event) => set(situation, 'organisationId', event.currentTarget.value)}>
              <SelectOption value="">{t('cooperation.routing.noOrganisation')}</SelectOption>
              {(organisations.data?.items ?? []).map((organisation) => (
                <SelectOption key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </SelectOption>
              ))}
            </SelectField>
            <Textfield type="tel" label={t('cooperation.routing.phone')} value={row.phone} onChange={(event) => set(situation, 'phone', event.currentTarget.value)} error={isIncomplete && row.phone.trim() === '' ? t('validation.required') : undefined} />
            <Textfield multiline rows={2} label={t('cooperation.routing.whatToTell')} value={row.whatToTell} onChange={(event) => set(situation, 'whatToTell', event.currentTarget.value)} error={isIncomplete && row.whatToTell.trim() === '' ? t('validation.required') : undefined} />
          </Fieldset>
        );
      })}
      <div>
        <Button type="submit" disabled={save.isPending}>
          {t('common.saveChanges')}
        </Button>
      </div>
    </form>
  );
}
