import { Alert, Button, Card, Checkbox, Fieldset, Heading, Paragraph, SelectOption, Tag, Textfield } from '@digdir/designsystemet-react';
import {
  EXPLOITATION_FORMS,
  ORGANISATION_KINDS,
  PathwayBodySchema,
  SIGNAL_LEVELS,
  STEP_KINDS,
  URGENCIES,
  WANTS_HELP,
  type ExploitationForm,
  type Pathway,
  type PathwayCondition,
  type PathwayRule,
} from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { organisationsQueryOptions } from '../organisations/queries';
import { identificationKeys, pathwayQueryOptions } from './queries';
import './identification.css';

type Tri = '' | 'yes' | 'no';
const toTri = (value: boolean | undefined): Tri => (value === undefined ? '' : value ? 'yes' : 'no');
const fromTri = (value: Tri): boolean | undefined => (value === '' ? undefined : value === 'yes');
const toCount = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value));

/** The coordinator's referral pathway: rules over a screening, each giving a next step with a contact from the partner registry. */
export function PathwayPage() {
  const { t } = useTranslation();
  const pathway = useQuery(pathwayQueryOptions());
  return (
    <div className="page-stack">
      <PageHeading>{t('identification.pathway.title')}</PageHeading>
      <Paragraph>{t('identification.pathway.intro')}</Paragraph>
      {pathway.isPending ? <Loading /> : null}
      {pathway.isError ? <LoadError error={pathway.error} onRetry={() => void pathway.refetch()} /> : null}
      {pathway.data ? <PathwayEditor pathway={pathway.data} /> : null}
    </div>
  );
}

function PathwayEditor({ pathway }: { pathway: Pathway }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useQuery(organisationsQueryOptions(false));
  const [rules, setRules] = useState<PathwayRule[]>(pathway.rules);
  const [invalid, setInvalid] = useState(false);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationKey: ['identification', 'pathway', 'save'],
    mutationFn: (body: { rules: PathwayRule[] }) => api.put<Pathway>('/pathway', body),
    onSuccess: (next) => {
      queryClient.setQueryData(identificationKeys.pathway, next);
      setSaved(true);
    },
  });

  function update(index: number, change: (rule: PathwayRule) => PathwayRule) {
    setSaved(false);
    setRules((current) => current.map((rule, position) => (position === index ? change(rule) : rule)));
  }
  function updateWhen(index: number, key: keyof PathwayCondition, value: PathwayCondition[keyof PathwayCondition]) {
    update(index, (rule) => {
      const when: Record<string, unknown> = { ...rule.when, [key]: value };
      if (value === undefined || (Array.isArray(value) && value.length === 0)) delete when[key];
      return { ...rule, when };
    });
  }
  function move(index: number, by: number) {
    setSaved(false);
    setRules((current) => {
      const next = [...current];
      const [rule] = next.splice(index, 1);
      if (rule) next.splice(index + by, 0, rule);
      return next;
    });
  }
  function add() {
    setSaved(false);
    setRules((current) => [
      ...current,
      { id: `rule-${current.length + 1}-${Date.now().toString(36)}`, when: { minAny: 1 }, step: { kind: 'contact_coordinator', urgency: 'today', organisationId: null, organisationKind: null, phone: null } },
    ]);
  }
  function submit() {
    const parsed = PathwayBodySchema.safeParse({ rules });
    setInvalid(!parsed.success);
    if (parsed.success) save.mutate(parsed.data);
  }

  const activeOrganisations = organisations.data?.items ?? [];
  return (
    <>
      <div className="tag-row">
        {pathway.isDefault ? <Tag data-color="info">{t('identification.pathway.isDefault')}</Tag> : <Tag data-color="neutral">{t('identification.pathway.version', { version: pathway.version })}</Tag>}
      </div>
      <ol className="step-list">
        {rules.map((rule, index) => {
          const target = rule.step.organisationId ?? (rule.step.organisationKind ? `kind:${rule.step.organisationKind}` : '');
          const contact = pathway.contacts[rule.id];
          return (
            <li key={rule.id}>
              <Card>
                <Fieldset>
                  <Fieldset.Legend>{t('identification.pathway.rule', { number: index + 1, step: t(`identification.stepKinds.${rule.step.kind}.title`) })}</Fieldset.Legend>
                  <Fieldset.Description>{contact ? t('identification.pathway.contact', { name: contact.name }) : t('identification.pathway.noContact')}</Fieldset.Description>
                  <div className="screening-fields">
                    <SelectField label={t('identification.pathway.kind')} value={rule.step.kind} onChange={(event) => {
                        const kind = event.currentTarget.value as PathwayRule['step']['kind'];
                        update(index, (r) => ({ ...r, step: { ...r.step, kind } }));
                      }}>
                      {STEP_KINDS.map((kind) => (
                        <SelectOption key={kind} value={kind}>
                          {t(`identification.stepKinds.${kind}.title`)}
                        </SelectOption>
                      ))}
                    </SelectField>
                    <SelectField label={t('identification.pathway.urgency')} value={rule.step.urgency} onChange={(event) => {
                        const urgency = event.currentTarget.value as PathwayRule['step']['urgency'];
                        update(index, (r) => ({ ...r, step: { ...r.step, urgency } }));
                      }}>
                      {URGENCIES.map((urgency) => (
                        <SelectOption key={urgency} value={urgency}>
                          {t(`identification.urgency.${urgency}`)}
                        </SelectOption>
                      ))}
                    </SelectField>
                    <SelectField
                      label={t('identification.pathway.organisation')}
                      value={target}
                      onChange={(event) => {
                        const value = event.currentTarget.value;
                        update(index, (r) => ({
                          ...r,
                          step: {
                            ...r.step,
                            organisationId: value === '' || value.startsWith('kind:') ? null : value,
                            organisationKind: value.startsWith('kind:') ? (value.slice(5) as PathwayRule['step']['organisationKind']) : null,
                          },
                        }));
                      }}
                    >
                      <SelectOption value="">{t('identification.pathway.orgNone')}</SelectOption>
                      {activeOrganisations.map((organisation) => (
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
                    <Textfield
                      label={t('identification.pathway.phone')}
                      type="tel"
                      value={rule.step.phone ?? ''}
                      onChange={(event) => {
                        const value = event.currentTarget.value;
                        update(index, (r) => ({ ...r, step: { ...r.step, phone: value.trim() === '' ? null : value } }));
                      }}
                    />
                    <Heading level={3} data-size="2xs">
                      {t('identification.pathway.conditions')}
                    </Heading>
                    {(['possibleMinor', 'immediateDanger'] as const).map((key) => (
                      <SelectField key={key} label={t(`identification.pathway.${key}`)} value={toTri(rule.when[key])} onChange={(event) => updateWhen(index, key, fromTri(event.currentTarget.value as Tri))}>
                        <SelectOption value="">{t('identification.pathway.any')}</SelectOption>
                        <SelectOption value="yes">{t('identification.yes')}</SelectOption>
                        <SelectOption value="no">{t('identification.no')}</SelectOption>
                      </SelectField>
                    ))}
                    <SelectField label={t('identification.pathway.wantsHelp')} value={rule.when.wantsHelp ?? ''} onChange={(event) => updateWhen(index, 'wantsHelp', event.currentTarget.value === '' ? undefined : (event.currentTarget.value as PathwayCondition['wantsHelp']))}>
                      <SelectOption value="">{t('identification.pathway.any')}</SelectOption>
                      {WANTS_HELP.map((value) => (
                        <SelectOption key={value} value={value}>
                          {t(`identification.wantsHelpOptions.${value}`)}
                        </SelectOption>
                      ))}
                    </SelectField>
                    <SelectField label={t('identification.pathway.minLevel')} value={rule.when.minLevel ?? ''} onChange={(event) => updateWhen(index, 'minLevel', event.currentTarget.value === '' ? undefined : (event.currentTarget.value as PathwayCondition['minLevel']))}>
                      <SelectOption value="">{t('identification.pathway.any')}</SelectOption>
                      {SIGNAL_LEVELS.map((value) => (
                        <SelectOption key={value} value={value}>
                          {t(`identification.levels.${value}`)}
                        </SelectOption>
                      ))}
                    </SelectField>
                    <Fieldset>
                      <Fieldset.Legend>{t('identification.pathway.forms')}</Fieldset.Legend>
                      {EXPLOITATION_FORMS.map((form) => (
                        <Checkbox
                          key={form}
                          label={t(`identification.forms.${form}`)}
                          value={form}
                          checked={rule.when.forms?.includes(form) ?? false}
                          onChange={(event) => {
                            const checked = event.currentTarget.checked;
                            const current: ExploitationForm[] = rule.when.forms ?? [];
                            updateWhen(index, 'forms', checked ? [...current, form] : current.filter((entry) => entry !== form));
                          }}
                        />
                      ))}
                    </Fieldset>
                    {(['minStrong', 'minMedium', 'minAny', 'maxAny'] as const).map((key) => (
                      <Textfield
                        key={key}
                        label={t(`identification.pathway.${key}`)}
                        type="number"
                        min={0}
                        max={50}
                        value={rule.when[key] === undefined ? '' : String(rule.when[key])}
                        onChange={(event) => updateWhen(index, key, toCount(event.currentTarget.value))}
                      />
                    ))}
                  </div>
                  <div className="wizard-actions">
                    <Button variant="tertiary" data-size="sm" disabled={index === 0} onClick={() => move(index, -1)}>
                      {t('identification.pathway.moveUp')}
                    </Button>
                    <Button variant="tertiary" data-size="sm" disabled={index === rules.length - 1} onClick={() => move(index, 1)}>
                      {t('identification.pathway.moveDown')}
                    </Button>
                    <Button variant="tertiary" data-size="sm" data-color="danger" disabled={rules.length === 1} onClick={() => setRules((current) => current.filter((_, position) => position !== index))}>
                      {t('identification.pathway.remove')}
                    </Button>
                  </div>
                </Fieldset>
              </Card>
            </li>
          );
        })}
      </ol>
      <div className="wizard-actions">
        <Button variant="secondary" onClick={add}>
          {t('identification.pathway.add')}
        </Button>
        <Button onClick={submit} disabled={save.isPending}>
          {t('identification.pathway.save')}
        </Button>
      </div>
      {invalid ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t('identification.pathway.invalid')}</Paragraph>
        </Alert>
      ) : null}
      <MutationError error={save.error} />
      {saved ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('identification.pathway.saved')}</Paragraph>
        </Alert>
      ) : null}
    </>
  );
}
