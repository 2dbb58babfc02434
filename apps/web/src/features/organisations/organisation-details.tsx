import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import type { Organisation } from '@lykt/shared';
import { useTranslation } from 'react-i18next';

/** Read-only view of an organisation and its contact persons. */
export function OrganisationDetails({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const empty = t('common.empty');
  return (
    <>
      <section className="page-section" aria-labelledby="organisation-details">
        <Heading level={2} data-size="sm" id="organisation-details">
          {t('organisations.edit.details')}
        </Heading>
        <dl className="details-list">
          <dt>{t('organisations.columns.kind')}</dt>
          <dd>{t(`organisationKinds.${organisation.kind}`)}</dd>
          <dt>{t('organisations.columns.scope')}</dt>
          <dd>{organisation.isInternal ? t('organisations.internal') : t('organisations.external')}</dd>
          <dt>{t('organisations.columns.phone')}</dt>
          <dd>{organisation.phone ?? empty}</dd>
          <dt>{t('organisations.columns.email')}</dt>
          <dd>{organisation.email ?? empty}</dd>
          <dt>{t('organisations.form.notes')}</dt>
          <dd>{organisation.notes || empty}</dd>
          <dt>{t('organisations.columns.users')}</dt>
          <dd>{organisation.userCount}</dd>
        </dl>
      </section>
      <section className="page-section" aria-labelledby="organisation-contacts">
        <Heading level={2} data-size="sm" id="organisation-contacts">
          {t('organisations.form.contacts')}
        </Heading>
        {organisation.contacts.length === 0 ? (
          <Paragraph>{t('organisations.form.contactsEmpty')}</Paragraph>
        ) : (
          <Table zebra border>
            <caption className="visually-hidden">{t('organisations.form.contacts')}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t('organisations.form.contactName')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('organisations.form.contactRoleTitle')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('organisations.form.contactPhone')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('organisations.form.contactEmail')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {organisation.contacts.map((contact) => (
                <TableRow key={contact.id}>
                  <TableCell>{contact.name}</TableCell>
                  <TableCell>{contact.roleTitle || empty}</TableCell>
                  <TableCell>{contact.phone ?? empty}</TableCell>
                  <TableCell>{contact.email ?? empty}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </>
  );
}
