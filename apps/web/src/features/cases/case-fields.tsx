import { Checkbox, Fieldset, FieldsetLegend, SelectOption, Textfield } from '@digdir/designsystemet-react';
import {
  CASE_AGE_BANDS,
  CASE_EXPLOITATION_FORMS,
  CASE_GENDERS,
  CASE_OUTCOMES,
  CASE_SECTORS,
  IDENTIFYING_SERVICES,
  RESIDENCE_STATUSES,
  type CaseFacts,
  type CasePerson,
} from '@lykt/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/select-field';

export const EMPTY_FACTS: CaseFacts = {
  gender: 'unknown',
  ageBand: 'unknown',
  isMinor: false,
  nationality: null,
  exploitationForms: [],
  sectors: [],
  identifyingService: 'unknown',
  residenceStatus: 'unknown',
  reflectionPeriodStart: null,
  reflectionPeriodEnd: null,
  policeReportMade: null,
  assistedReturn: null,
  childWelfareMeasure: null,
  outcome: null,
};

export const EMPTY_PERSON: CasePerson = { name: null, aliases: [], dateOfBirth: null, phone: null, email: null, address: null, languages: [], interpreterNeeded: false, notes: null };

const emptyToNull = (value: string) => (value.trim() === '' ? null : value);
const splitList = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((entry) => entry !== value), value] : list.filter((entry) => entry !== value);
}

/** A comma-separated list field that keeps what is typed (a trailing comma included) while editing. */
function ListField({ label, value, onChange, id, error }: { label: string; value: readonly string[]; onChange: (value: string[]) => void; id?: string | undefined; error?: string | undefined }) {
  const [raw, setRaw] = useState(value.join(', '));
  return (
    <Textfield
      id={id}
      error={error}
      label={label}
      value={raw}
      onChange={(event) => {
        setRaw(event.currentTarget.value);
        onChange(splitList(event.currentTarget.value));
      }}
    />
  );
}

/** A yes / no / unknown choice for a nullable fact. */
function TriState({ label, value, onChange }: { label: string; value: boolean | null; onChange: (value: boolean | null) => void }) {
  const { t } = useTranslation();
  return (
    <SelectField label={label} value={value === null ? '' : String(value)} onChange={(event) => onChange(event.currentTarget.value === '' ? null : event.currentTarget.value === 'true')}>
      <SelectOption value="">{t('cases.facts.unknown')}</SelectOption>
      <SelectOption value="true">{t('cases.facts.yes')}</SelectOption>
      <SelectOption value="false">{t('cases.facts.no')}</SelectOption>
    </SelectField>
  );
}

/** The coded facts, as form fields (statistics: codes only, no free text). */
export function FactsFields({ value, onChange, idOf, errorOf }: { value: CaseFacts; onChange: (value: CaseFacts) => void } & FieldFeedback<CaseFacts>) {
  const { t } = useTranslation();
  const set = <K extends keyof CaseFacts>(key: K, next: CaseFacts[K]) => onChange({ ...value, [key]: next });
  const at = (key: keyof CaseFacts) => ({ id: idOf?.(key), error: errorOf?.(key) });
  return (
    <>
      <SelectField label={t('cases.facts.gender')} value={value.gender} onChange={(event) => set('gender', event.currentTarget.value as CaseFacts['gender'])}>
        {CASE_GENDERS.map((option) => (
          <SelectOption key={option} value={option}>
            {t(`identification.genders.${option}`)}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField label={t('cases.facts.ageBand')} value={value.ageBand} onChange={(event) => set('ageBand', event.currentTarget.value as CaseFacts['ageBand'])}>
        {CASE_AGE_BANDS.map((option) => (
          <SelectOption key={option} value={option}>
            {t(`identification.ageBands.${option}`)}
          </SelectOption>
        ))}
      </SelectField>
      <Checkbox label={t('cases.facts.isMinor')} checked={value.isMinor} onChange={(event) => set('isMinor', event.currentTarget.checked)} />
      <Textfield
        {...at('nationality')}
        label={t('cases.facts.nationality')}
        value={value.nationality ?? ''}
        maxLength={2}
        onChange={(event) => set('nationality', emptyToNull(event.currentTarget.value.toUpperCase()))}
      />
      <Fieldset>
        <FieldsetLegend>{t('cases.facts.exploitationForms')}</FieldsetLegend>
        {CASE_EXPLOITATION_FORMS.map((form) => (
          <Checkbox
            key={form}
            label={t(`cases.values.exploitationForms.${form}`)}
            value={form}
            checked={value.exploitationForms.includes(form)}
            onChange={(event) => set('exploitationForms', toggle(value.exploitationForms, form, event.currentTarget.checked))}
          />
        ))}
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t('cases.facts.sectors')}</FieldsetLegend>
        {CASE_SECTORS.filter((sector) => sector !== 'none' && sector !== 'unknown').map((sector) => (
          <Checkbox
            key={sector}
            label={t(`identification.sectors.${sector}`)}
            value={sector}
            checked={value.sectors.includes(sector)}
            onChange={(event) => set('sectors', toggle(value.sectors, sector, event.currentTarget.checked))}
          />
        ))}
      </Fieldset>
      <SelectField label={t('cases.facts.identifyingService')} value={value.identifyingService} onChange={(event) => set('identifyingService', event.currentTarget.value as CaseFacts['identifyingService'])}>
        {IDENTIFYING_SERVICES.map((option) => (
          <SelectOption key={option} value={option}>
            {t(`cases.values.identifyingServices.${option}`)}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField label={t('cases.facts.residenceStatus')} value={value.residenceStatus} onChange={(event) => set('residenceStatus', event.currentTarget.value as CaseFacts['residenceStatus'])}>
        {RESIDENCE_STATUSES.map((option) => (
          <SelectOption key={option} value={option}>
            {t(`cases.values.residenceStatuses.${option}`)}
          </SelectOption>
        ))}
      </SelectField>
      <Textfield type="date" {...at('reflectionPeriodStart')} label={t('cases.facts.reflectionPeriodStart')} value={value.reflectionPeriodStart ?? ''} onChange={(event) => set('reflectionPeriodStart', emptyToNull(event.currentTarget.value))} />
      <Textfield type="date" {...at('reflectionPeriodEnd')} label={t('cases.facts.reflectionPeriodEnd')} value={value.reflectionPeriodEnd ?? ''} onChange={(event) => set('reflectionPeriodEnd', emptyToNull(event.currentTarget.value))} />
      <TriState label={t('cases.facts.policeReportMade')} value={value.policeReportMade} onChange={(next) => set('policeReportMade', next)} />
      <TriState label={t('cases.facts.assistedReturn')} value={value.assistedReturn} onChange={(next) => set('assistedReturn', next)} />
      <TriState label={t('cases.facts.childWelfareMeasure')} value={value.childWelfareMeasure} onChange={(next) => set('childWelfareMeasure', next)} />
      <SelectField label={t('cases.facts.outcome')} value={value.outcome ?? ''} onChange={(event) => set('outcome', event.currentTarget.value === '' ? null : (event.currentTarget.value as CaseFacts['outcome']))}>
        <SelectOption value="">{t('cases.facts.unknown')}</SelectOption>
        {CASE_OUTCOMES.map((option) => (
          <SelectOption key={option} value={option}>
            {t(`cases.values.outcomes.${option}`)}
          </SelectOption>
        ))}
      </SelectField>
    </>
  );
}

/** Ids and error texts a form can give the fields (so that an error summary can link to them). */
export interface FieldFeedback<T> {
  idOf?: ((key: keyof T) => string) | undefined;
  errorOf?: ((key: keyof T) => string | undefined) | undefined;
}

/** The person's personal data, as form fields (encrypted on the server). */
export function PersonFields({ value, onChange, idOf, errorOf }: { value: CasePerson; onChange: (value: CasePerson) => void } & FieldFeedback<CasePerson>) {
  const { t } = useTranslation();
  const set = <K extends keyof CasePerson>(key: K, next: CasePerson[K]) => onChange({ ...value, [key]: next });
  const at = (key: keyof CasePerson) => ({ id: idOf?.(key), error: errorOf?.(key) });
  return (
    <>
      <Textfield label={t('cases.person.name')} {...at('name')} value={value.name ?? ''} onChange={(event) => set('name', emptyToNull(event.currentTarget.value))} />
      <ListField label={t('cases.person.aliases')} {...at('aliases')} value={value.aliases} onChange={(next) => set('aliases', next)} />
      <Textfield type="date" label={t('cases.person.dateOfBirth')} {...at('dateOfBirth')} value={value.dateOfBirth ?? ''} onChange={(event) => set('dateOfBirth', emptyToNull(event.currentTarget.value))} />
      <Textfield type="tel" label={t('cases.person.phone')} {...at('phone')} value={value.phone ?? ''} onChange={(event) => set('phone', emptyToNull(event.currentTarget.value))} />
      <Textfield type="email" label={t('cases.person.email')} {...at('email')} value={value.email ?? ''} onChange={(event) => set('email', emptyToNull(event.currentTarget.value))} />
      <Textfield label={t('cases.person.address')} {...at('address')} value={value.address ?? ''} onChange={(event) => set('address', emptyToNull(event.currentTarget.value))} />
      <ListField label={t('cases.person.languages')} {...at('languages')} value={value.languages} onChange={(next) => set('languages', next)} />
      <Checkbox label={t('cases.person.interpreterNeeded')} id={idOf?.('interpreterNeeded')} checked={value.interpreterNeeded} onChange={(event) => set('interpreterNeeded', event.currentTarget.checked)} />
      <Textfield multiline rows={3} label={t('cases.person.notes')} {...at('notes')} value={value.notes ?? ''} onChange={(event) => set('notes', emptyToNull(event.currentTarget.value))} />
    </>
  );
}

/** A choice of one of the municipality's organisations (recipient of a consent, a referral or an export). */
export function OrganisationSelect({ label, value, onChange, organisations }: { label: string; value: string; onChange: (id: string) => void; organisations: ReadonlyArray<{ id: string; name: string }> | undefined }) {
  const { t } = useTranslation();
  return (
    <SelectField label={label} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
      <SelectOption value="">{t('cases.team.choose')}</SelectOption>
      {(organisations ?? []).map((organisation) => (
        <SelectOption key={organisation.id} value={organisation.id}>
          {organisation.name}
        </SelectOption>
      ))}
    </SelectField>
  );
}
