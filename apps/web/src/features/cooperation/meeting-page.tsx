import { Button, Heading, Link as DsLink, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import './cooperation.css';
import '../reports/reports.css';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { useFlash } from '../../lib/flash';
import { formatDateTime } from '../../lib/format';
import { completeActionMutationOptions } from './mutations';
import { meetingQueryOptions } from './queries';

const route = getRouteApi('/signed-in/cooperation/meetings/$meetingId');

/** One meeting of the cooperation group: attendance, agenda items with minutes and decisions, action items. */
export function MeetingPage() {
  const { t, i18n } = useTranslation();
  const { meetingId } = route.useParams();
  const flash = useFlash();
  const queryClient = useQueryClient();
  const meeting = useQuery(meetingQueryOptions(meetingId));
  const complete = useMutation(completeActionMutationOptions(queryClient, meetingId));
  if (meeting.isPending) return <Loading />;
  if (meeting.isError) return <LoadError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const data = meeting.data;
  const when = formatDateTime(data.startsAt, i18n.language) ?? data.startsAt;
  return (
    <div className="page-stack">
      <Breadcrumbs trail={[{ label: t('cooperation.title'), to: '/cooperation' }]} current={t('cooperation.meeting.title', { when })} />
      <PageHeading>{t('cooperation.meeting.title', { when })}</PageHeading>
      <SuccessMessage>{flash}</SuccessMessage>
      <Paragraph>{t('cooperation.meeting.place', { place: data.place || t('common.empty') })}</Paragraph>
      <section className="page-section" aria-labelledby="minutes-export">
        <Heading level={2} data-size="sm" id="minutes-export">
          {t('reports.minutes.heading')}
        </Heading>
        <div className="report-downloads">
          <Button asChild variant="secondary">
            <a href={`/api/v1/cooperation/meetings/${encodeURIComponent(meetingId)}/minutes/pdf?lang=${i18n.language === 'en' ? 'en' : 'nb'}`} download>
              {t('reports.minutes.pdf')}
            </a>
          </Button>
          <Button asChild variant="secondary">
            <a href={`/api/v1/cooperation/meetings/${encodeURIComponent(meetingId)}/minutes/docx?lang=${i18n.language === 'en' ? 'en' : 'nb'}`} download>
              {t('reports.minutes.docx')}
            </a>
          </Button>
        </div>
      </section>
      <section className="page-section" aria-labelledby="attendance">
        <Heading level={2} data-size="sm" id="attendance">
          {t('cooperation.meeting.attendance')}
        </Heading>
        {data.attendance.length === 0 ? (
          <Paragraph>{t('common.empty')}</Paragraph>
        ) : (
          <ul>
            {data.attendance.map((row) => (
              <li key={row.member.id}>{t(row.present ? 'cooperation.meeting.present' : 'cooperation.meeting.absent', { name: row.member.name, organisation: row.member.organisation.name })}</li>
            ))}
          </ul>
        )}
      </section>
      {data.minutes ? (
        <section className="page-section" aria-labelledby="minutes">
          <Heading level={2} data-size="sm" id="minutes">
            {t('cooperation.meeting.minutes')}
          </Heading>
          <Paragraph className="preserve-lines">{data.minutes}</Paragraph>
        </section>
      ) : null}
      <section className="page-section" aria-labelledby="items">
        <Heading level={2} data-size="sm" id="items">
          {t('cooperation.meeting.items')}
        </Heading>
        {data.items.length === 0 ? <Paragraph>{t('common.empty')}</Paragraph> : null}
        <ol>
          {data.items.map((item) => (
            <li key={item.id}>
              <Heading level={3} data-size="xs">
                {item.title}
              </Heading>
              {item.notes ? <Paragraph className="preserve-lines">{item.notes}</Paragraph> : null}
              {item.decision ? <Paragraph>{t('cooperation.meeting.decision', { decision: item.decision })}</Paragraph> : null}
            </li>
          ))}
        </ol>
      </section>
      <section className="page-section" aria-labelledby="actions">
        <Heading level={2} data-size="sm" id="actions">
          {t('cooperation.meeting.actions')}
        </Heading>
        <MutationError error={complete.error} />
        {data.actions.length === 0 ? (
          <Paragraph>{t('common.empty')}</Paragraph>
        ) : (
          <Table border>
            <caption className="visually-hidden">{t('cooperation.meeting.actions')}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t('cooperation.meeting.actionText')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cooperation.meeting.actionOwner')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cooperation.meeting.actionDue')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cooperation.meeting.actionMeasure')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cooperation.meeting.actionDone')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.actions.map((action) => (
                <TableRow key={action.id}>
                  <TableCell>{action.text}</TableCell>
                  <TableCell>{action.ownerOrganisation?.name ?? t('common.empty')}</TableCell>
                  <TableCell>{action.dueDate ?? t('common.empty')}</TableCell>
                  <TableCell>
                    {action.measure ? (
                      <DsLink asChild>
                        <Link to="/measures/$measureId" params={{ measureId: action.measure.id }}>
                          {action.measure.title}
                        </Link>
                      </DsLink>
                    ) : (
                      t('common.empty')
                    )}
                  </TableCell>
                  <TableCell>
                    {action.completedOn ??
                      (data.editable ? (
                        <Button variant="secondary" data-size="sm" disabled={complete.isPending} onClick={() => complete.mutate(action.id)} aria-label={t('cooperation.meeting.completeNamed', { text: action.text })}>
                          {t('cooperation.meeting.complete')}
                        </Button>
                      ) : (
                        t('cooperation.meeting.open')
                      ))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
