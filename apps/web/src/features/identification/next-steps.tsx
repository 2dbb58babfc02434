import { Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { STEP_LEGAL_BASIS_NO } from '@lykt/content/indicators';
import type { Pathway, PathwayRule } from '@lykt/shared';
import { useTranslation } from 'react-i18next';
import { catalogueText } from './catalogue';

const URGENCY_COLOR = { now: 'danger', today: 'warning', this_week: 'info' } as const;

function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

/** The next steps from the municipality's referral pathway, each with its contact from the partner registry. */
export function NextSteps({ rules, pathway, headingLevel = 3 }: { rules: PathwayRule[]; pathway: Pathway; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="step-list" aria-label={t('identification.result.nextSteps')}>
      {rules.map((rule) => {
        const contact = pathway.contacts[rule.id];
        const phone = rule.step.phone ?? contact?.phone ?? null;
        return (
          <li key={rule.id}>
            <Card data-color={rule.step.urgency === 'now' ? 'danger' : 'neutral'} data-testid={`step-${rule.step.kind}`}>
              <div className="tag-row">
                <Tag data-color={URGENCY_COLOR[rule.step.urgency]}>{t(`identification.urgency.${rule.step.urgency}`)}</Tag>
              </div>
              <Heading level={headingLevel} data-size="xs">
                {t(`identification.stepKinds.${rule.step.kind}.title`)}
              </Heading>
              <Paragraph>{t(`identification.stepKinds.${rule.step.kind}.body`)}</Paragraph>
              <Paragraph data-size="sm" className="step-basis" data-testid="step-basis">
                {catalogueText(STEP_LEGAL_BASIS_NO[rule.step.kind], i18n.language)}
              </Paragraph>
              {contact ? (
                <Paragraph>
                  <strong>{contact.name}</strong>
                </Paragraph>
              ) : null}
              {phone ? (
                <Paragraph>
                  <DsLink href={telHref(phone)}>{t('identification.result.call', { phone })}</DsLink>
                </Paragraph>
              ) : null}
              {contact?.email ? (
                <Paragraph>
                  <DsLink href={`mailto:${contact.email}`}>{contact.email}</DsLink>
                </Paragraph>
              ) : null}
              {contact && contact.people.length > 0 ? (
                <ul>
                  {contact.people.map((person) => (
                    <li key={`${person.name}-${person.phone ?? ''}`}>
                      {person.roleTitle ? t('identification.result.personWithRole', { name: person.name, role: person.roleTitle }) : person.name}
                      {person.phone ? (
                        <>
                          {' '}
                          <DsLink href={telHref(person.phone)}>{person.phone}</DsLink>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : null}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
