import { Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { PathwayContact, PathwayRule } from '@lykt/shared';
import type { TFunction } from 'i18next';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../lib/format';

/** The situation a rule applies to, in plain words ("the person may be under 18 and in danger now"). */
export function describeSituation(t: TFunction, language: string, rule: PathwayRule): string {
  const { when } = rule;
  const parts: string[] = [];
  if (when.possibleMinor !== undefined) parts.push(t(when.possibleMinor ? 'pathwayEditor.possibleMinorYes' : 'pathwayEditor.possibleMinorNo'));
  if (when.immediateDanger !== undefined) parts.push(t(when.immediateDanger ? 'pathwayEditor.immediateDangerYes' : 'pathwayEditor.immediateDangerNo'));
  if (when.wantsHelp) parts.push(t('pathwayEditor.wantsHelp', { answer: t(`identification.wantsHelpOptions.${when.wantsHelp}`) }));
  if (when.forms) parts.push(t('pathwayEditor.forms', { forms: formatList(when.forms.map((form) => t(`identification.forms.${form}`)), language, 'disjunction') }));
  for (const key of ['minStrong', 'minMedium', 'minAny', 'maxAny'] as const) {
    const count = when[key];
    if (count === undefined) continue;
    parts.push(key === 'maxAny' && count === 0 ? t('pathwayEditor.noIndicators') : t(`pathwayEditor.${key}`, { count }));
  }
  if (when.minLevel) parts.push(t('pathwayEditor.minLevel', { level: t(`identification.levels.${when.minLevel}`) }));
  if (parts.length === 0) return t('pathwayEditor.always');
  const sentence = formatList(parts, language);
  return sentence.charAt(0).toLocaleUpperCase(language) + sentence.slice(1);
}

interface RuleSummaryProps {
  rule: PathwayRule;
  number: number;
  count: number;
  contact: PathwayContact | undefined;
  isPending: boolean;
  editRef: Ref<HTMLButtonElement>;
  onEdit: () => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** One rule as a reader needs it: situation → next step, and who to contact. */
export function RuleSummary({ rule, number, count, contact, isPending, editRef, onEdit, onMove, onRemove }: RuleSummaryProps) {
  const { t, i18n } = useTranslation();
  const headingId = `pathway-rule-${rule.id}`;
  const phones = [rule.step.phone, contact?.phone].filter((phone): phone is string => Boolean(phone));
  return (
    <Card>
      <article aria-labelledby={headingId}>
        <Heading level={3} data-size="xs" id={headingId}>
          {t('identification.pathway.rule', { number, step: t(`identification.stepKinds.${rule.step.kind}.title`) })}
        </Heading>
        <dl className="fact-list">
          <dt>{t('pathwayEditor.situation')}</dt>
          <dd>{describeSituation(t, i18n.language, rule)}</dd>
          <dt>{t('pathwayEditor.nextStep')}</dt>
          <dd>{t('pathwayEditor.stepLine', { step: t(`identification.stepKinds.${rule.step.kind}.title`), urgency: t(`identification.urgency.${rule.step.urgency}`) })}</dd>
          <dt>{t('pathwayEditor.contact')}</dt>
          <dd>
            {contact ? t('identification.pathway.contact', { name: contact.name }) : rule.step.organisationKind ? t('pathwayEditor.kindContact', { kind: t(`organisationKinds.${rule.step.organisationKind}`) }) : t('identification.pathway.noContact')}
            {phones.length > 0 ? <Paragraph data-size="sm">{phones.map((phone) => t('pathwayEditor.phone', { phone })).join(' · ')}</Paragraph> : null}
            {contact && contact.people.length > 0 ? (
              <Paragraph data-size="sm">{contact.people.map((person) => t('pathwayEditor.person', { name: person.name, role: person.roleTitle })).join(' · ')}</Paragraph>
            ) : null}
          </dd>
        </dl>
        <div className="wizard-actions">
          <Button ref={editRef} variant="secondary" data-size="sm" onClick={onEdit}>
            {t('pathwayEditor.edit', { number })}
          </Button>
          <Button variant="tertiary" data-size="sm" disabled={number === 1 || isPending} onClick={() => onMove(-1)}>
            {t('pathwayEditor.moveUp', { number })}
          </Button>
          <Button variant="tertiary" data-size="sm" disabled={number === count || isPending} onClick={() => onMove(1)}>
            {t('pathwayEditor.moveDown', { number })}
          </Button>
          <Button variant="tertiary" data-size="sm" data-color="danger" disabled={count === 1 || isPending} onClick={onRemove}>
            {t('pathwayEditor.remove', { number })}
          </Button>
        </div>
      </article>
    </Card>
  );
}
