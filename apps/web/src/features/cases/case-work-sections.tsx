import { Card, Checkbox, Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag } from '@digdir/designsystemet-react';
import type { Case } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../../components/load-state';
import { formatDate, formatDateTime } from '../../lib/format';
import { CaseJournalForm } from './case-journal-form';
import { CaseNeedForm } from './case-needs-form';
import { CaseSafetyPlanForm } from './case-safety-plan-form';
import { CaseTaskForm } from './case-task-form';
import { taskDoneMutationOptions } from './mutations';

function NeedCard({ theCase, need }: { theCase: Case; need: Case['needs'][number] }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Heading level={3} data-size="xs">
        {t(`cases.values.needKinds.${need.kind}`)}
      </Heading>
      {theCase.abilities.edit ? <CaseNeedForm theCase={theCase} need={need} /> : <Paragraph>{t(`cases.values.needStatuses.${need.status}`)}</Paragraph>}
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
  return (
    <section className="page-section" aria-labelledby="case-safety">
      <Heading level={2} data-size="sm" id="case-safety">
        {t('cases.safetyPlan.heading')}
      </Heading>
      {theCase.abilities.edit ? (
        <CaseSafetyPlanForm theCase={theCase} />
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
