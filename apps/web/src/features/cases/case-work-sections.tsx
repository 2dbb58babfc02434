import { Button, Card, Checkbox, Heading, Paragraph, SelectOption, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag, Textfield } from '@digdir/designsystemet-react';
import { NEED_STATUSES, type Case, type NeedStatus } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../../components/load-state';
import { SelectField } from '../../components/select-field';
import { formatDate, formatDateTime } from '../../lib/format';
import { CaseJournalForm } from './case-journal-form';
import { CaseTaskForm } from './case-task-form';
import { safetyPlanMutationOptions, taskDoneMutationOptions, updateNeedMutationOptions } from './mutations';

type Need = Case['needs'][number];

function NeedCard({ theCase, need }: { theCase: Case; need: Need }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useMutation(updateNeedMutationOptions(queryClient, theCase.id));
  const [status, setStatus] = useState<NeedStatus>(need.status);
  const [note, setNote] = useState(need.note ?? '');
  const label = t(`cases.values.needKinds.${need.kind}`);
  const editable = theCase.abilities.edit;
  return (
    <Card>
      <Heading level={3} data-size="xs">
        {label}
      </Heading>
      {editable ? (
        <form
          className="case-form"
          onSubmit={(event) => {
            event.preventDefault();
            update.mutate({ kind: need.kind, status, note: note.trim() === '' ? null : note.trim() });
          }}
        >
          <SelectField label={t('cases.needs.status', { need: label })} value={status} onChange={(event) => setStatus(event.currentTarget.value as NeedStatus)}>
            {NEED_STATUSES.map((value) => (
              <SelectOption key={value} value={value}>
                {t(`cases.values.needStatuses.${value}`)}
              </SelectOption>
            ))}
          </SelectField>
          {theCase.abilities.readPersonalData ? <Textfield multiline rows={2} label={t('cases.needs.note', { need: label })} value={note} onChange={(event) => setNote(event.currentTarget.value)} /> : null}
          <MutationError error={update.error} />
          <div className="case-actions">
            <Button type="submit" variant="secondary" data-size="sm" disabled={update.isPending}>
              {t('cases.needs.save', { need: label })}
            </Button>
          </div>
        </form>
      ) : (
        <Paragraph>{t(`cases.values.needStatuses.${need.status}`)}</Paragraph>
      )}
    </Card>
  );
}

/** Needs assessment: one status per need (and a note, for the team). */
export function NeedsSection({ theCase }: { theCase: Case }) {
  const { t } = useTranslation();
  return (
    <section className="page-section" aria-labelledby="case-needs">
      <Heading level={2} data-size="sm" id="case-needs">
        {t('cases.needs.heading')}
      </Heading>
      <div className="case-need-grid">
        {theCase.needs.map((need) => (
          <NeedCard key={`${need.kind}-${need.updatedAt ?? ''}`} theCase={theCase} need={need} />
        ))}
      </div>
    </section>
  );
}

export function SafetyPlanSection({ theCase }: { theCase: Case }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation(safetyPlanMutationOptions(queryClient, theCase.id));
  const [text, setText] = useState(theCase.safetyPlan ?? '');
  return (
    <section className="page-section" aria-labelledby="case-safety">
      <Heading level={2} data-size="sm" id="case-safety">
        {t('cases.safetyPlan.heading')}
      </Heading>
      {theCase.abilities.edit ? (
        <form
          className="case-form"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate(text);
          }}
        >
          <Textfield multiline rows={4} label={t('cases.safetyPlan.label')} value={text} onChange={(event) => setText(event.currentTarget.value)} />
          <MutationError error={save.error} />
          <div className="case-actions">
            <Button type="submit" variant="secondary" disabled={save.isPending}>
              {t('cases.safetyPlan.save')}
            </Button>
          </div>
        </form>
      ) : (
        <Paragraph className="case-journal-text">{theCase.safetyPlan ?? t('cases.safetyPlan.empty')}</Paragraph>
      )}
    </section>
  );
}

export function TasksSection({ theCase }: { theCase: Case }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const done = useMutation(taskDoneMutationOptions(queryClient, theCase.id));
  return (
    <section className="page-section" aria-labelledby="case-tasks">
      <Heading level={2} data-size="sm" id="case-tasks">
        {t('cases.tasks.heading')}
      </Heading>
      {theCase.tasks.length === 0 ? (
        <Paragraph>{t('cases.tasks.empty')}</Paragraph>
      ) : (
        <Table zebra border>
          <caption>{t('cases.tasks.caption')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t('cases.tasks.title')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cases.tasks.owner')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cases.tasks.dueOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cases.tasks.done')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {theCase.tasks.map((task) => (
              <TableRow key={task.id}>
                <TableCell>{task.title}</TableCell>
                <TableCell>{task.owner?.name ?? t('common.empty')}</TableCell>
                <TableCell>
                  {formatDate(task.dueOn, i18n.language)} {task.overdue ? <Tag data-color="danger">{t('cases.tasks.overdue')}</Tag> : null}
                </TableCell>
                <TableCell>
                  <Checkbox
                    aria-label={t('cases.tasks.markDone', { title: task.title })}
                    checked={task.doneAt !== null}
                    disabled={!theCase.abilities.edit || done.isPending}
                    onChange={(event) => done.mutate({ taskId: task.id, done: event.currentTarget.checked })}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <MutationError error={done.error} />
      {theCase.abilities.edit ? (
        <CaseTaskForm theCase={theCase} />
      ) : null}
    </section>
  );
}

export function JournalSection({ theCase }: { theCase: Case }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="page-section" aria-labelledby="case-journal">
      <Heading level={2} data-size="sm" id="case-journal">
        {t('cases.journal.heading')}
      </Heading>
      {theCase.abilities.edit ? (
        <CaseJournalForm theCase={theCase} />
      ) : null}
      {theCase.journal.length === 0 ? (
        <Paragraph>{t('cases.journal.empty')}</Paragraph>
      ) : (
        <ul className="case-item-list">
          {theCase.journal.map((entry) => (
            <li key={entry.id}>
              <Card>
                <Paragraph data-size="sm">{t('cases.journal.entryBy', { date: formatDate(entry.entryDate, i18n.language), name: entry.author?.name ?? '' })}</Paragraph>
                <Paragraph className="case-journal-text">{entry.text}</Paragraph>
                <Paragraph data-size="xs">{formatDateTime(entry.createdAt, i18n.language)}</Paragraph>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
