import { Button, Heading, Link as DsLink, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import type { Contract, MeasureDetail } from '@lykt/shared';
import { mutationOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { LinkPicker } from './link-picker';
import { hasPermission, useMe } from '../auth/use-me';
import { plansKeys } from '../plans/queries';
import { useFieldErrors } from './field-errors';
import { contractsQueryOptions, measuresQueryOptions, procurementKeys } from './queries';

/** The plan area whose measures can follow contract checks. */
const PROCUREMENT_AREA = 'H';

/** Links or unlinks a contract and the measure; the measure's progress, the contract and the lists change with it. */
function measureLinkMutationOptions(queryClient: QueryClient, measureId: string, name: 'link' | 'unlink') {
  return mutationOptions({
    mutationKey: ['procurement', 'measure', measureId, name],
    mutationFn: ({ contractId }: { contractId: string }) => {
      const url = `/procurement/contracts/${encodeURIComponent(contractId)}/measures`;
      return name === 'link' ? api.post<Contract>(url, { measureId }) : api.delete<Contract>(`${url}/${encodeURIComponent(measureId)}`);
    },
    onSuccess: async (contract) => {
      queryClient.setQueryData(procurementKeys.contract(contract.id), contract);
      await queryClient.invalidateQueries({ queryKey: procurementKeys.measures() });
      await queryClient.invalidateQueries({ queryKey: plansKeys.measure(measureId) });
      return queryClient.invalidateQueries({ queryKey: procurementKeys.list() });
    },
  });
}

/**
 * On a plan measure's page, for a measure in the procurement area (H) and a user who may read
 * procurement: the contracts it follows, its checks done against planned, and (with procurement:write)
 * linking and unlinking a contract. Others see nothing of it.
 */
export function MeasureProcurementSection({ data }: { data: MeasureDetail }) {
  const me = useMe();
  if (data.measure.area !== PROCUREMENT_AREA || !hasPermission(me, 'procurement:read')) return null;
  return <MeasureContracts measureId={data.measure.id} />;
}

function MeasureContracts({ measureId }: { measureId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const measures = useQuery(measuresQueryOptions());
  const contracts = useQuery(contractsQueryOptions());
  const link = useMutation(measureLinkMutationOptions(queryClient, measureId, 'link'));
  const unlink = useMutation(measureLinkMutationOptions(queryClient, measureId, 'unlink'));
  const [contractId, setContractId] = useState('');
  const { showAlert, errorFor } = useFieldErrors(link.error, ['measureId']);
  const [missing, setMissing] = useState(false);
  const heading = (
    <Heading level={2} data-size="sm" id="measure-procurement-heading">
      {t('procurement.measurePage.heading')}
    </Heading>
  );
  if (measures.isPending || contracts.isPending) return <Loading />;
  if (measures.isError) return <LoadError error={measures.error} onRetry={() => void measures.refetch()} />;
  if (contracts.isError) return <LoadError error={contracts.error} onRetry={() => void contracts.refetch()} />;
  // The list holds the measures of adopted plan versions; a draft's measure is linked through its adopted version.
  const entry = measures.data.items.find((item) => item.id === measureId);
  if (!entry) {
    return (
      <section aria-labelledby="measure-procurement-heading" className="page-section">
        {heading}
        <Paragraph>{t('procurement.measurePage.draft')}</Paragraph>
      </section>
    );
  }
  const canWrite = contracts.data.canWrite;
  const linkedIds = new Set(entry.contracts.map((contract) => contract.id));
  const available = contracts.data.items.filter((contract) => !linkedIds.has(contract.id));
  const contractError = missing ? t('procurement.measurePage.errors.contractId') : errorFor('measureId');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (contractId === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    link.mutate({ contractId }, { onSuccess: () => setContractId('') });
  };
  return (
    <section aria-labelledby="measure-procurement-heading" className="page-section">
      {heading}
      <Paragraph>{t('procurement.measurePage.intro')}</Paragraph>
      <Paragraph>{t('procurement.measurePage.checks', { done: entry.checksDone, planned: entry.checksPlanned, progress: entry.progress })}</Paragraph>
      <MutationError error={unlink.error} />
      {entry.contracts.length === 0 ? (
        <Paragraph>{t('procurement.measurePage.none')}</Paragraph>
      ) : (
        <Table zebra border>
          <caption>{t('procurement.measurePage.caption')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t('procurement.measurePage.contract')}</TableHeaderCell>
              {canWrite ? <TableHeaderCell scope="col">{t('procurement.measurePage.actions')}</TableHeaderCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {entry.contracts.map((contract) => (
              <TableRow key={contract.id}>
                <TableHeaderCell scope="row">
                  <DsLink asChild>
                    <Link to="/procurement/contracts/$contractId" params={{ contractId: contract.id }}>
                      {contract.title}
                    </Link>
                  </DsLink>
                </TableHeaderCell>
                {canWrite ? (
                  <TableCell>
                    <Button type="button" variant="tertiary" data-size="sm" disabled={unlink.isPending} onClick={() => unlink.mutate({ contractId: contract.id })}>
                      {t('procurement.measurePage.unlink', { title: contract.title })}
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canWrite ? (
        <LinkPicker
          options={available.map((contract) => ({ id: contract.id, label: `${contract.title} (${contract.supplierName})` }))}
          value={contractId}
          onChange={setContractId}
          onSubmit={submit}
          fieldError={contractError}
          mutationError={showAlert ? link.error : null}
          pending={link.isPending}
          texts={{ noneAvailable: t('procurement.measurePage.noneAvailable'), choose: t('procurement.measurePage.choose'), chooseNone: t('procurement.measurePage.chooseNone'), link: t('procurement.measurePage.link') }}
        />
      ) : null}
    </section>
  );
}
