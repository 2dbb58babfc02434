import { Button, Heading, Link as DsLink, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import type { Contract } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { LinkPicker } from './link-picker';
import { invalidFields } from './field-errors';
import { contractChangeMutationOptions } from './mutations';
import { measuresQueryOptions } from './queries';

/** The measures of the plan's procurement area (H): their linked contracts and progress as checks done against planned. */
export function MeasuresOverview() {
  const { t } = useTranslation();
  const measures = useQuery(measuresQueryOptions());
  return (
    <section aria-labelledby="measures-heading" className="page-section">
      <Heading level={2} data-size="sm" id="measures-heading">
        {t('procurement.measures.heading')}
      </Heading>
      <Paragraph>{t('procurement.measures.intro')}</Paragraph>
      {measures.isPending ? <Loading /> : null}
      {measures.isError ? <LoadError error={measures.error} onRetry={() => void measures.refetch()} /> : null}
      {measures.data && measures.data.items.length === 0 ? <Paragraph>{t('procurement.measures.empty')}</Paragraph> : null}
      {measures.data && measures.data.items.length > 0 ? (
        <Table zebra border>
          <caption>{t('procurement.measures.caption')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t('procurement.measures.measure')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.measures.plan')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.measures.contracts')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.measures.checks')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.measures.progress')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {measures.data.items.map((measure) => (
              <TableRow key={measure.id}>
                <TableHeaderCell scope="row">{measure.title}</TableHeaderCell>
                <TableCell>{measure.planTitle}</TableCell>
                <TableCell>
                  {measure.contracts.length === 0
                    ? t('procurement.measures.noContracts')
                    : measure.contracts.map((contract, index) => (
                        <span key={contract.id}>
                          {index > 0 ? ', ' : null}
                          <DsLink asChild>
                            <Link to="/procurement/contracts/$contractId" params={{ contractId: contract.id }}>
                              {contract.title}
                            </Link>
                          </DsLink>
                        </span>
                      ))}
                </TableCell>
                <TableCell>{`${measure.checksDone}/${measure.checksPlanned}`}</TableCell>
                <TableCell>{t('procurement.measures.progressValue', { progress: measure.progress })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}

/** On a contract's page: the measures it is linked to (with their progress), a form to link one of area H, and unlinking. */
export function ContractMeasuresSection({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const measures = useQuery(measuresQueryOptions());
  const link = useMutation(contractChangeMutationOptions(queryClient, contract.id, 'measure-link'));
  const unlink = useMutation(contractChangeMutationOptions(queryClient, contract.id, 'measure-unlink'));
  const [measureId, setMeasureId] = useState('');
  if (measures.isPending) return <Loading />;
  if (measures.isError) return <LoadError error={measures.error} onRetry={() => void measures.refetch()} />;
  const linked = measures.data.items.filter((measure) => measure.contracts.some((entry) => entry.id === contract.id));
  const available = measures.data.items.filter((measure) => !linked.includes(measure));
  const measureError = invalidFields(link.error).includes('measureId') ? t('procurement.measures.errors.measureId') : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    link.mutate({ method: 'POST', path: '/measures', body: { measureId } }, { onSuccess: () => setMeasureId('') });
  };
  return (
    <section aria-labelledby="contract-measures-heading" className="page-section">
      <Heading level={2} data-size="sm" id="contract-measures-heading">
        {t('procurement.measures.contractHeading')}
      </Heading>
      <Paragraph>{t('procurement.measures.contractIntro')}</Paragraph>
      <MutationError error={unlink.error} />
      {linked.length === 0 ? (
        <Paragraph>{t('procurement.measures.noneLinked')}</Paragraph>
      ) : (
        <Table zebra border>
          <caption>{t('procurement.measures.linked')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t('procurement.measures.measure')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.measures.checks')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.measures.progress')}</TableHeaderCell>
              {contract.canWrite ? <TableHeaderCell scope="col">{t('procurement.template.actions')}</TableHeaderCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {linked.map((measure) => (
              <TableRow key={measure.id}>
                <TableHeaderCell scope="row">{measure.title}</TableHeaderCell>
                <TableCell>{`${measure.checksDone}/${measure.checksPlanned}`}</TableCell>
                <TableCell>{t('procurement.measures.progressValue', { progress: measure.progress })}</TableCell>
                {contract.canWrite ? (
                  <TableCell>
                    <Button type="button" variant="tertiary" data-size="sm" disabled={unlink.isPending} onClick={() => unlink.mutate({ method: 'DELETE', path: `/measures/${encodeURIComponent(measure.id)}` })}>
                      {t('procurement.measures.unlink', { title: measure.title })}
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {contract.canWrite ? (
        <LinkPicker
          options={available.map((measure) => ({ id: measure.id, label: `${measure.title} (${measure.planTitle})` }))}
          value={measureId}
          onChange={setMeasureId}
          onSubmit={submit}
          fieldError={measureError}
          mutationError={link.error}
          pending={link.isPending}
          texts={{ noneAvailable: t('procurement.measures.noneAvailable'), choose: t('procurement.measures.choose'), chooseNone: t('procurement.measures.chooseNone'), link: t('procurement.measures.link') }}
        />
      ) : null}
    </section>
  );
}
