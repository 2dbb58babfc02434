import { Alert, Checkbox, Fieldset, Paragraph, Radio, SelectOption } from '@digdir/designsystemet-react';
import {
  AGE_BANDS,
  EXPLOITATION_FORMS,
  GENDERS,
  MINOR_AGE_BANDS,
  PLACE_KINDS,
  SCREENING_CONTEXTS,
  SECTORS,
  WANTS_HELP,
  isPossibleMinor,
  type ExploitationForm,
  type ScreeningContext,
  type ScreeningFacts,
} from '@lykt/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/select-field';
import { countryName, NATIONALITIES } from './catalogue';

export const EMPTY_FACTS: ScreeningFacts = {
  ageBand: 'unknown',
  possibleMinor: false,
  gender: 'unknown',
  nationality: null,
  sector: 'unknown',
  placeKind: 'other',
  immediateDanger: false,
  wantsHelp: 'unknown',
};

interface SituationFieldsProps {
  context: ScreeningContext;
  onContextChange: (context: ScreeningContext) => void;
  facts: ScreeningFacts;
  onFactChange: <K extends keyof ScreeningFacts>(key: K, value: ScreeningFacts[K]) => void;
  forms: readonly ExploitationForm[];
  onFormToggle: (form: ExploitationForm, checked: boolean) => void;
  /** Shown right after the service context (the screening shows the guide's intro there). */
  afterContext?: ReactNode;
  /** Replaces the hint under the suspected forms. */
  formsHint?: string;
}

/** The coarse coded facts of a situation, shared by the screening and a concern sent without one. No names. */
export function SituationFields({ context, onContextChange, facts, onFactChange, forms, onFormToggle, afterContext, formsHint }: SituationFieldsProps) {
  const { t, i18n } = useTranslation();
  const minor = isPossibleMinor(facts);

  return (
    <>
      <SelectField label={t('identification.screening.context')} value={context} onChange={(event) => onContextChange(event.currentTarget.value as ScreeningContext)}>
        {SCREENING_CONTEXTS.map((value) => (
          <SelectOption key={value} value={value}>
            {t(`identification.contexts.${value}`)}
          </SelectOption>
        ))}
      </SelectField>
      {afterContext}
      <Fieldset>
        <Fieldset.Legend>{t('identification.screening.immediateDanger')}</Fieldset.Legend>
        <div className="answer-row">
          <Radio name="immediateDanger" label={t('identification.yes')} value="yes" checked={facts.immediateDanger} onChange={() => onFactChange('immediateDanger', true)} />
          <Radio name="immediateDanger" label={t('identification.no')} value="no" checked={!facts.immediateDanger} onChange={() => onFactChange('immediateDanger', false)} />
        </div>
      </Fieldset>
      {facts.immediateDanger ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t('identification.screening.dangerNow')}</Paragraph>
        </Alert>
      ) : null}
      <SelectField label={t('identification.screening.ageBand')} value={facts.ageBand} onChange={(event) => onFactChange('ageBand', event.currentTarget.value as ScreeningFacts['ageBand'])}>
        {AGE_BANDS.map((value) => (
          <SelectOption key={value} value={value}>
            {t(`identification.ageBands.${value}`)}
          </SelectOption>
        ))}
      </SelectField>
      <Checkbox
        label={t('identification.screening.possibleMinor')}
        description={t('identification.screening.possibleMinorHint')}
        checked={minor}
        disabled={MINOR_AGE_BANDS.includes(facts.ageBand)}
        onChange={(event) => onFactChange('possibleMinor', event.currentTarget.checked)}
      />
      <SelectField label={t('identification.screening.gender')} value={facts.gender} onChange={(event) => onFactChange('gender', event.currentTarget.value as ScreeningFacts['gender'])}>
        {GENDERS.map((value) => (
          <SelectOption key={value} value={value}>
            {t(`identification.genders.${value}`)}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField
        label={t('identification.screening.nationality')}
        value={facts.nationality ?? ''}
        onChange={(event) => onFactChange('nationality', event.currentTarget.value === '' ? null : event.currentTarget.value)}
      >
        <SelectOption value="">{t('identification.screening.nationalityNone')}</SelectOption>
        {NATIONALITIES.map((code) => (
          <SelectOption key={code} value={code}>
            {countryName(code, i18n.language)}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField label={t('identification.screening.sector')} value={facts.sector} onChange={(event) => onFactChange('sector', event.currentTarget.value as ScreeningFacts['sector'])}>
        {SECTORS.map((value) => (
          <SelectOption key={value} value={value}>
            {t(`identification.sectors.${value}`)}
          </SelectOption>
        ))}
      </SelectField>
      <SelectField label={t('identification.screening.placeKind')} value={facts.placeKind} onChange={(event) => onFactChange('placeKind', event.currentTarget.value as ScreeningFacts['placeKind'])}>
        {PLACE_KINDS.map((value) => (
          <SelectOption key={value} value={value}>
            {t(`identification.placeKinds.${value}`)}
          </SelectOption>
        ))}
      </SelectField>
      {!minor ? (
        <SelectField label={t('identification.screening.wantsHelp')} value={facts.wantsHelp} onChange={(event) => onFactChange('wantsHelp', event.currentTarget.value as ScreeningFacts['wantsHelp'])}>
          {WANTS_HELP.map((value) => (
            <SelectOption key={value} value={value}>
              {t(`identification.wantsHelpOptions.${value}`)}
            </SelectOption>
          ))}
        </SelectField>
      ) : null}
      <Fieldset>
        <Fieldset.Legend>{t('identification.screening.forms')}</Fieldset.Legend>
        <Fieldset.Description>{formsHint ?? t('identification.screening.formsHint')}</Fieldset.Description>
        {EXPLOITATION_FORMS.map((form) => (
          <Checkbox key={form} label={t(`identification.forms.${form}`)} value={form} checked={forms.includes(form)} onChange={(event) => onFormToggle(form, event.currentTarget.checked)} />
        ))}
      </Fieldset>
    </>
  );
}
