import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  Tag,
} from '@digdir/designsystemet-react';
import type { User } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadError, Loading, SuccessMessage } from '../../components/load-state';
import { formatDateTime } from '../../lib/format';
import { endUserSessionsMutationOptions } from './mutations';
import { userSessionsQueryOptions } from './queries';

/** A user's active sessions, and "End all sessions". */
export function UserSessions({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery(userSessionsQueryOptions(user.id));
  const endSessions = useMutation(endUserSessionsMutationOptions(queryClient, user.id));
  const [isConfirming, setIsConfirming] = useState(false);
  const language = i18n.resolvedLanguage ?? 'nb';
  const items = sessions.data?.items ?? [];

  const confirmEnd = () => {
    endSessions.mutate(undefined, {
      onSuccess: () => {
        setIsConfirming(false);
      },
    });
  };

  return (
    <section className="page-section" aria-labelledby="user-sessions">
      <Heading level={2} data-size="sm" id="user-sessions">
        {t('users.detail.sessions')}
      </Heading>
      <SuccessMessage>{endSessions.data ? t('users.detail.sessionsEnded', { count: endSessions.data.ended }) : null}</SuccessMessage>
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} /> : null}
      {sessions.data && items.length === 0 ? <Paragraph>{t('users.detail.sessionsEmpty')}</Paragraph> : null}
      {items.length > 0 ? (
        <Table zebra border>
          <caption>{t('users.detail.sessionsCaption')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t('users.detail.sessionStarted')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('users.detail.sessionLastSeen')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('users.detail.sessionExpires')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('users.detail.sessionCurrent')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((session) => (
              <TableRow key={session.id}>
                <TableCell>{formatDateTime(session.createdAt, language)}</TableCell>
                <TableCell>{formatDateTime(session.lastSeenAt, language)}</TableCell>
                <TableCell>{formatDateTime(session.absoluteExpiresAt, language)}</TableCell>
                <TableCell>
                  {session.isCurrent ? <Tag data-color="info">{t('users.detail.currentSessionTag')}</Tag> : t('common.empty')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {items.length > 0 ? (
        <div className="button-row">
          <Button
            variant="secondary"
            data-color="danger"
            onClick={() => {
              setIsConfirming(true);
            }}
          >
            {t('users.detail.endSessions')}
          </Button>
        </div>
      ) : null}
      <ConfirmDialog
        open={isConfirming}
        title={t('users.detail.endSessionsConfirmTitle', { name: user.name })}
        text={t('users.detail.endSessionsConfirmText')}
        confirmLabel={t('users.detail.endSessionsConfirm')}
        isPending={endSessions.isPending}
        error={endSessions.error}
        onConfirm={confirmEnd}
        onCancel={() => {
          setIsConfirming(false);
        }}
      />
    </section>
  );
}
