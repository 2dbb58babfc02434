import { Button, Link as DsLink, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, SuccessMessage } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { useFlash } from '../../lib/flash';
import { formatDateTime } from '../../lib/format';
import { hasPermission, useMe } from '../auth/use-me';
import { routingCardQueryOptions } from './queries';
import './cooperation.css';

/** "Who to call": the routing card for frontline staff, printable on one page. */
export function RoutingCardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const flash = useFlash();
  const card = useQuery(routingCardQueryOptions());
  return (
    <div className="page-stack routing-card">
      <PageHeading>{t('cooperation.routing.title')}</PageHeading>
      <SuccessMessage>{flash}</SuccessMessage>
      <Paragraph>{t('cooperation.routing.intro')}</Paragraph>
      {card.isPending ? <Loading /> : null}
      {card.isError ? <LoadError error={card.error} onRetry={() => void card.refetch()} /> : null}
      {card.data ? (
        <>
          <Table border className="routing-card__table">
            <caption>{t('cooperation.routing.caption', { municipality: me.municipality.name })}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t('cooperation.routing.situation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cooperation.routing.call')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cooperation.routing.phone')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cooperation.routing.whatToTell')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {card.data.entries.map((entry) => (
                <TableRow key={entry.situation}>
                  <TableHeaderCell scope="row">{t(`cooperation.situations.${entry.situation}`)}</TableHeaderCell>
                  <TableCell>{entry.contact ?? t('cooperation.routing.notSet')}</TableCell>
                  <TableCell>{entry.phone ? <a className="routing-card__phone" href={`tel:${entry.phone.replace(/[^0-9+]/g, '')}`}>{entry.phone}</a> : t('common.empty')}</TableCell>
                  <TableCell>{entry.whatToTell ?? t('common.empty')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Paragraph data-size="sm">
            {card.data.updatedAt ? t('cooperation.routing.updated', { when: formatDateTime(card.data.updatedAt, i18n.language), who: card.data.updatedBy ?? t('common.empty') }) : t('cooperation.routing.neverUpdated')}
          </Paragraph>
          <div className="button-row no-print">
            <Button variant="secondary" onClick={() => window.print()}>
              {t('cooperation.routing.print')}
            </Button>
            {hasPermission(me, 'cooperation:write') ? (
              <DsLink asChild>
                <Link to="/routing-card/edit">{t('cooperation.routing.edit')}</Link>
              </DsLink>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
