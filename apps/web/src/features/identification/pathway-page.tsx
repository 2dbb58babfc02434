import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { Pathway, PathwayRule } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { organisationsQueryOptions } from '../organisations/queries';
import { PathwayRuleForm } from './pathway-rule-form';
import { RuleSummary } from './pathway-summary';
import { identificationKeys, pathwayQueryOptions } from './queries';
import './identification.css';

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

const NEW_RULE = 'new';
/** Not a possible rule id (ids are lower-case letters, digits and hyphens): focus goes to "add a rule". */
const REMOVED_RULE = '#removed';

function newRule(count: number): PathwayRule {
  return { id: `rule-${count + 1}-${Date.now().toString(36)}`, when: { minAny: 1 }, step: { kind: 'contact_coordinator', urgency: 'today', organisationId: null, organisationKind: null, phone: null } };
}

/**
 * The rules as a readable summary; one rule at a time opens in an editor in its place. Saving the
 * rule saves the whole pathway (the API replaces it); moving and removing save at once.
 */
function PathwayEditor({ pathway }: { pathway: Pathway }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useQuery(organisationsQueryOptions(false));
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useRef<string | null>(null);
  const save = useMutation({
    mutationKey: ['identification', 'pathway', 'save'],
    mutationFn: (rules: PathwayRule[]) => api.put<Pathway>('/pathway', { rules }),
    onSuccess: (next) => queryClient.setQueryData(identificationKeys.pathway, next),
  });
  const rules = pathway.rules;

  // After the editor or the remove dialog closes, focus returns to the rule's own edit button (or
  // "add" for a new or removed rule). It waits for the dialog to close: closing gives focus back to
  // the button that opened it, which is gone once its rule is removed.
  useEffect(() => {
    if (editing !== null || removing !== null || focusAfter.current === null) return;
    const target = editButtons.current.get(focusAfter.current) ?? addButton.current;
    focusAfter.current = null;
    target?.focus();
  }, [editing, removing, rules]);

  function close(ruleId: string) {
    focusAfter.current = ruleId;
    setEditing(null);
  }

  const editingIndex = editing === NEW_RULE ? rules.length : rules.findIndex((rule) => rule.id === editing);
  const editingRule = editing === NEW_RULE ? newRule(rules.length) : rules[editingIndex];
  if (editing !== null && editingRule) {
    const number = editingIndex + 1;
    return (
      <PathwayRuleForm
        key={editingRule.id}
        rule={editingRule}
        heading={editing === NEW_RULE ? t('pathwayEditor.newTitle') : t('pathwayEditor.editTitle', { number })}
        organisations={organisations.data?.items ?? []}
        isPending={save.isPending}
        serverPrefix={`rules.${editingIndex}.`}
        onCancel={() => close(editingRule.id)}
        onSave={async (rule) => {
          const next = editing === NEW_RULE ? [...rules, rule] : rules.map((entry, index) => (index === editingIndex ? rule : entry));
          await save.mutateAsync(next);
          setMessage(t('pathwayEditor.ruleSaved', { number }));
          close(rule.id);
        }}
      />
    );
  }

  function move(index: number, by: -1 | 1) {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    if (!rule) return;
    next.splice(index + by, 0, rule);
    setMessage(null);
    save.mutate(next, {
      onSuccess: () => {
        setMessage(t('pathwayEditor.orderSaved'));
        editButtons.current.get(rule.id)?.focus();
      },
    });
  }

  return (
    <>
      <div className="tag-row">
        {pathway.isDefault ? <Tag data-color="info">{t('identification.pathway.isDefault')}</Tag> : <Tag data-color="neutral">{t('identification.pathway.version', { version: pathway.version })}</Tag>}
      </div>
      {message ? (
        <Alert data-color="success" role="status">
          <Paragraph>{message}</Paragraph>
        </Alert>
      ) : null}
      <MutationError error={editing === null && removing === null ? save.error : null} />
      <section className="page-section" aria-labelledby="pathway-rules">
        <Heading level={2} data-size="sm" id="pathway-rules">
          {t('pathwayEditor.rulesHeading')}
        </Heading>
        <Paragraph>{t('pathwayEditor.rulesIntro')}</Paragraph>
        <ol className="step-list">
          {rules.map((rule, index) => (
            <li key={rule.id}>
              <RuleSummary
                rule={rule}
                number={index + 1}
                count={rules.length}
                contact={pathway.contacts[rule.id]}
                isPending={save.isPending}
                editRef={(button) => {
                  if (button) editButtons.current.set(rule.id, button);
                  else editButtons.current.delete(rule.id);
                }}
                onEdit={() => {
                  setMessage(null);
                  save.reset();
                  setEditing(rule.id);
                }}
                onMove={(by) => move(index, by)}
                onRemove={() => setRemoving(index)}
              />
            </li>
          ))}
        </ol>
        <div className="wizard-actions">
          <Button
            ref={addButton}
            variant="secondary"
            onClick={() => {
              setMessage(null);
              save.reset();
              setEditing(NEW_RULE);
            }}
          >
            {t('identification.pathway.add')}
          </Button>
        </div>
      </section>
      <ConfirmDialog
        open={removing !== null}
        title={t('pathwayEditor.removeTitle', { number: (removing ?? 0) + 1 })}
        text={t('pathwayEditor.removeText')}
        confirmLabel={t('pathwayEditor.remove', { number: (removing ?? 0) + 1 })}
        isPending={save.isPending}
        error={removing !== null ? save.error : null}
        onConfirm={() => {
          if (removing === null) return;
          save.mutate(
            rules.filter((_, index) => index !== removing),
            {
              onSuccess: () => {
                // No rule has this id, so focus goes to "add a rule".
                focusAfter.current = REMOVED_RULE;
                setRemoving(null);
                setMessage(t('pathwayEditor.removed'));
              },
            },
          );
        }}
        onCancel={() => {
          setRemoving(null);
          save.reset();
        }}
      />
    </>
  );
}
