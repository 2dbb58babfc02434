import { Button, Checkbox, Fieldset, Heading, Paragraph, SelectOption, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  EXPLOITATION_FORMS,
  ORGANISATION_KINDS,
  PathwayRuleSchema,
  SIGNAL_LEVELS,
  STEP_KINDS,
  URGENCIES,
  WANTS_HELP,
  type ExploitationForm,
  type OrganisationKind,
  type PathwayRule,
  type SignalLevel,
  type StepKind,
} from '@lykt/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { fieldId } from '../../components/form/field-paths';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useFormFeedback } from '../../components/form/use-form-feedback';
import { SelectField } from '../../components/select-field';
import { fieldErrorText } from '../../lib/error-text';

type Tri = '' | 'yes' | 'no';
type Urgency = (typeof URGENCIES)[number];
type WantsHelp = (typeof WANTS_HELP)[number];

/** The rule as the form holds it: selects and number fields hold strings until the shared schema reads them. */
export interface RuleFormValues {
  step: { kind: StepKind; urgency: Urgency; target: string; phone: string };
  when: { possibleMinor: Tri; immediateDanger: Tri; wantsHelp: '' | WantsHelp; minLevel: '' | SignalLevel; forms: ExploitationForm[]; minStrong: string; minMedium: string; minAny: string; maxAny: string };
}

const COUNT_KEYS = ['minStrong', 'minMedium', 'minAny', 'maxAny'] as const;
const FORM_ID = 'pathway-rule';

/** The fields the server may name, as the form registers them. */
const FIELDS: readonly FieldPath<RuleFormValues>[] = [
  'step.kind',
  'step.urgency',
  'step.target',
  'step.phone',
  'when.possibleMinor',
  'when.immediateDanger',
  'when.wantsHelp',
  'when.minLevel',
  'when.forms',
  ...COUNT_KEYS.map((key) => `when.${key}` as const),
];
/** The server names the organisation's id or kind; the form shows both in one select. */
const ALIASES = { 'step.organisationId': 'step.target', 'step.organisationKind': 'step.target' };

const toTri = (value: boolean | undefined): Tri => (value === undefined ? '' : value ? 'yes' : 'no');
const fromTri = (value: Tri): boolean | undefined => (value === '' ? undefined : value === 'yes');
const toCount = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value));

/** The form's values for a rule. */
export function ruleToForm(rule: PathwayRule): RuleFormValues {
  const { when, step } = rule;
  return {
    step: { kind: step.kind, urgency: step.urgency, target: step.organisationId ?? (step.organisationKind ? `kind:${step.organisationKind}` : ''), phone: step.phone ?? '' },
    when: {
      possibleMinor: toTri(when.possibleMinor),
      immediateDanger: toTri(when.immediateDanger),
      wantsHelp: when.wantsHelp ?? '',
      minLevel: when.minLevel ?? '',
      forms: when.forms ?? [],
      minStrong: when.minStrong === undefined ? '' : String(when.minStrong),
      minMedium: when.minMedium === undefined ? '' : String(when.minMedium),
      minAny: when.minAny === undefined ? '' : String(when.minAny),
      maxAny: when.maxAny === undefined ? '' : String(when.maxAny),
    },
  };
}

/** The rule the form describes; conditions left at "any" are left out. */
export function formToRule(id: string, values: RuleFormValues): unknown {
  const { when, step } = values;
  const condition: Record<string, unknown> = {
    possibleMinor: fromTri(when.possibleMinor),
    immediateDanger: fromTri(when.immediateDanger),
    wantsHelp: when.wantsHelp === '' ? undefined : when.wantsHelp,
    minLevel: when.minLevel === '' ? undefined : when.minLevel,
    forms: when.forms.length > 0 ? when.forms : undefined,
    ...Object.fromEntries(COUNT_KEYS.map((key) => [key, toCount(when[key])])),
  };
  const target = step.target;
  return {
    id,
    when: Object.fromEntries(Object.entries(condition).filter(([, value]) => value !== undefined)),
    step: {
      kind: step.kind,
      urgency: step.urgency,
      organisationId: target === '' || target.startsWith('kind:') ? null : target,
      organisationKind: target.startsWith('kind:') ? (target.slice(5) as OrganisationKind) : null,
      phone: step.phone.trim() === '' ? null : step.phone,
    },
  };
}

interface PathwayRuleFormProps {
  rule: PathwayRule;
  heading: string;
  organisations: readonly { id: string; name: string }[];
  isPending: boolean;
  /** Saves the rule; the promise rejects with the API's error. */
  onSave: (rule: PathwayRule) => Promise<void>;
  onCancel: () => void;
  /** Where the server's paths for this rule start (e.g. "rules.3."). */
  serverPrefix: string;
}

/** Edits one pathway rule, checked by the shared PathwayRuleSchema in the browser and on the server. */
export function PathwayRuleForm({ rule, heading, organisations, isPending, onSave, onCancel, serverPrefix }: PathwayRuleFormProps) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const schema = useMemo(() => z.custom<RuleFormValues>().transform((values) => formToRule(rule.id, values)).pipe(PathwayRuleSchema), [rule.id]);
  const form = useForm<RuleFormValues, unknown, PathwayRule>({ resolver: zodResolver(schema), defaultValues: ruleToForm(rule), shouldFocusError: false });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isDirty },
  } = form;
  const { feedback, onInvalid, onServerError } = useFormFeedback(setError, { fields: FIELDS, prefix: serverPrefix, aliases: ALIASES });

  useEffect(() => headingRef.current?.focus(), []);

  const id = (path: FieldPath<RuleFormValues>) => fieldId(FORM_ID, path);
  const error = (path: 'kind' | 'urgency' | 'target' | 'phone') => fieldErrorText(t, errors.step?.[path], path === 'phone' ? 'phone' : 'choice');
  const labels: Record<string, string> = {
    'step.kind': t('identification.pathway.kind'),
    'step.urgency': t('identification.pathway.urgency'),
    'step.target': t('identification.pathway.organisation'),
    'step.phone': t('identification.pathway.phone'),
    'when.possibleMinor': t('identification.pathway.possibleMinor'),
    'when.immediateDanger': t('identification.pathway.immediateDanger'),
    'when.wantsHelp': t('identification.pathway.wantsHelp'),
    'when.minLevel': t('identification.pathway.minLevel'),
    'when.forms': t('identification.pathway.forms'),
    ...Object.fromEntries(COUNT_KEYS.map((key) => [`when.${key}`, t(`identification.pathway.${key}`)])),
  };
  const submit = handleSubmit(async (value) => {
    try {
      await onSave(value);
    } catch (failure) {
      onServerError(failure);
    }
  }, onInvalid);
  const cancel = () => (isDirty ? setConfirmingDiscard(true) : onCancel());

  return (
    <section className="page-section" aria-labelledby={`${FORM_ID}-heading`}>
      <Heading level={2} data-size="sm" id={`${FORM_ID}-heading`} ref={headingRef} tabIndex={-1}>
        {heading}
      </Heading>
      <Paragraph>{t('pathwayEditor.editorIntro')}</Paragraph>
      <form
        noValidate
        className="form-stack"
        onSubmit={(event) => void submit(event)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !confirmingDiscard) cancel();
        }}
      >
        <FormErrorSummary formId={FORM_ID} errors={errors} feedback={feedback} labels={labels} />
        <Fieldset>
          <Fieldset.Legend>{t('pathwayEditor.stepHeading')}</Fieldset.Legend>
          <div className="screening-fields">
            <SelectField id={id('step.kind')} label={t('identification.pathway.kind')} error={error('kind')} {...register('step.kind')}>
              {STEP_KINDS.map((kind) => (
                <SelectOption key={kind} value={kind}>
                  {t(`identification.stepKinds.${kind}.title`)}
                </SelectOption>
              ))}
            </SelectField>
            <SelectField id={id('step.urgency')} label={t('identification.pathway.urgency')} error={error('urgency')} {...register('step.urgency')}>
              {URGENCIES.map((urgency) => (
                <SelectOption key={urgency} value={urgency}>
                  {t(`identification.urgency.${urgency}`)}
                </SelectOption>
              ))}
            </SelectField>
            <SelectField id={id('step.target')} label={t('identification.pathway.organisation')} error={error('target')} {...register('step.target')}>
              <SelectOption value="">{t('identification.pathway.orgNone')}</SelectOption>
              {organisations.map((organisation) => (
                <SelectOption key={organisation.id} value={organisation.id}>
                  {organisation.name}
                </SelectOption>
              ))}
              {ORGANISATION_KINDS.map((kind) => (
                <SelectOption key={kind} value={`kind:${kind}`}>
                  {t('identification.pathway.orgKind', { kind: t(`organisationKinds.${kind}`) })}
                </SelectOption>
              ))}
            </SelectField>
            <Textfield id={id('step.phone')} label={t('identification.pathway.phone')} type="tel" autoComplete="off" error={error('phone')} {...register('step.phone')} />
          </div>
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('identification.pathway.conditions')}</Fieldset.Legend>
          <div className="screening-fields">
            {(['possibleMinor', 'immediateDanger'] as const).map((key) => (
              <SelectField key={key} id={id(`when.${key}`)} label={t(`identification.pathway.${key}`)} error={fieldErrorText(t, errors.when?.[key], 'choice')} {...register(`when.${key}`)}>
                <SelectOption value="">{t('identification.pathway.any')}</SelectOption>
                <SelectOption value="yes">{t('identification.yes')}</SelectOption>
                <SelectOption value="no">{t('identification.no')}</SelectOption>
              </SelectField>
            ))}
            <SelectField id={id('when.wantsHelp')} label={t('identification.pathway.wantsHelp')} error={fieldErrorText(t, errors.when?.wantsHelp, 'choice')} {...register('when.wantsHelp')}>
              <SelectOption value="">{t('identification.pathway.any')}</SelectOption>
              {WANTS_HELP.map((value) => (
                <SelectOption key={value} value={value}>
                  {t(`identification.wantsHelpOptions.${value}`)}
                </SelectOption>
              ))}
            </SelectField>
            <SelectField id={id('when.minLevel')} label={t('identification.pathway.minLevel')} error={fieldErrorText(t, errors.when?.minLevel, 'choice')} {...register('when.minLevel')}>
              <SelectOption value="">{t('identification.pathway.any')}</SelectOption>
              {SIGNAL_LEVELS.map((value) => (
                <SelectOption key={value} value={value}>
                  {t(`identification.levels.${value}`)}
                </SelectOption>
              ))}
            </SelectField>
            <Fieldset id={id('when.forms')} aria-invalid={errors.when?.forms ? true : undefined}>
              <Fieldset.Legend>{t('identification.pathway.forms')}</Fieldset.Legend>
              {EXPLOITATION_FORMS.map((value) => (
                <Checkbox key={value} label={t(`identification.forms.${value}`)} value={value} {...register('when.forms')} />
              ))}
              {errors.when?.forms ? <ValidationMessage>{t('validation.invalid')}</ValidationMessage> : null}
            </Fieldset>
            {COUNT_KEYS.map((key) => (
              <Textfield
                key={key}
                id={id(`when.${key}`)}
                label={t(`identification.pathway.${key}`)}
                type="number"
                inputMode="numeric"
                min={0}
                max={50}
                error={errors.when?.[key] ? t('identification.pathway.invalid') : undefined}
                {...register(`when.${key}`)}
              />
            ))}
          </div>
        </Fieldset>
        <div className="wizard-actions">
          <Button type="submit" disabled={isPending} loading={isPending}>
            {t('pathwayEditor.saveRule')}
          </Button>
          <Button type="button" variant="secondary" onClick={cancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
      <UnsavedChangesGuard when={isDirty && !confirmingDiscard} />
      <ConfirmDialog
        open={confirmingDiscard}
        title={t('form.unsaved.discard')}
        text={t('form.unsaved.discardText')}
        confirmLabel={t('form.unsaved.discard')}
        onConfirm={() => {
          setConfirmingDiscard(false);
          onCancel();
        }}
        onCancel={() => setConfirmingDiscard(false)}
      />
    </section>
  );
}
