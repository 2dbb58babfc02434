import { Button, Heading, Paragraph, SelectOption, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Textfield } from '@digdir/designsystemet-react';
import type { Contract } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../../components/load-state';
import { formatDate } from '../../lib/format';
import { useFieldErrors } from './field-errors';
import { SelectField } from '../../components/select-field';
import { contractChangeMutationOptions, createDeclarationMutationOptions } from './mutations';

/** Self-declaration links for the supplier: made here, shown once, and what came back. */
export function DeclarationsSection({ contract }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const create = useMutation(createDeclarationMutationOptions(queryClient, contract.id));
  const revoke = useMutation(contractChangeMutationOptions(queryClient, contract.id, 'revoke'));
  const [language, setLanguage] = useState<'nb' | 'en'>('nb');
  const [validDays, setValidDays] = useState('21');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ language, validDays: Number(validDays) });
  };
  const { showAlert, errorFor } = useFieldErrors(create.error, ['validDays', 'language']);
  return (
    <section aria-labelledby="declarations-heading" className="page-section">
      <Heading level={2} data-size="sm" id="declarations-heading">
        {t('procurement.declarations.heading')}
      </Heading>
      <Paragraph>{t('procurement.declarations.intro')}</Paragraph>
      {contract.declarations.length === 0 ? (
        <Paragraph>{t('procurement.declarations.empty')}</Paragraph>
      ) : (
        <Table zebra border>
          <caption>{t('procurement.declarations.caption')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t('procurement.declarations.created')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.declarations.expires')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.declarations.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.declarations.answers')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {contract.declarations.map((declaration) => (
              <TableRow key={declaration.id}>
                <TableHeaderCell scope="row">{formatDate(declaration.createdAt, i18n.language)}</TableHeaderCell>
                <TableCell>{formatDate(declaration.expiresAt, i18n.language)}</TableCell>
                <TableCell>{t(`procurement.declarations.statuses.${declaration.status}`)}</TableCell>
                <TableCell>
                  {declaration.submission ? t('procurement.declarations.confirmed', { count: declaration.submission.confirmedClauses.length, signedBy: declaration.submission.signedBy }) : null}
                  {declaration.status === 'sent' && contract.canWrite ? (
                    <Button variant="tertiary" data-size="sm" onClick={() => revoke.mutate({ method: 'DELETE', path: `/declarations/${declaration.id}` })}>
                      {t('procurement.declarations.revoke')}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <MutationError error={revoke.error} />
      {contract.canWrite && contract.status === 'active' ? (
        <form className="form-stack" noValidate onSubmit={submit}>
          {showAlert ? <MutationError error={create.error} /> : null}
          <SelectField label={t('procurement.declarations.language')} value={language} onChange={(event) => setLanguage(event.currentTarget.value === 'en' ? 'en' : 'nb')}>
            <SelectOption value="nb">{t('procurement.declarations.languages.nb')}</SelectOption>
            <SelectOption value="en">{t('procurement.declarations.languages.en')}</SelectOption>
          </SelectField>
          <Textfield label={t('procurement.declarations.validDays')} inputMode="numeric" value={validDays} error={errorFor('validDays')} onChange={(event) => setValidDays(event.currentTarget.value)} />
          <div>
            <Button type="submit" disabled={create.isPending}>
              {t('procurement.declarations.create')}
            </Button>
          </div>
          {create.data ? (
            <div role="status">
              <Paragraph>{t('procurement.declarations.link')}</Paragraph>
              <Textfield label={t('procurement.declarations.linkLabel')} readOnly value={`${window.location.origin}${create.data.path}`} />
            </div>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
