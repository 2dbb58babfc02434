import { Button, Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { createStudyMutationOptions } from './mutations';
import { studiesQueryOptions } from './queries';
import { StudyView } from './study-page';

/** Prevalence studies: the coordinator's list, and a form to start one (prevalence:manage). */
export function PrevalencePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  const studies = useQuery(studiesQueryOptions());
  const create = useMutation(createStudyMutationOptions(queryClient));
  const year = new Date().getFullYear();
  const [title, setTitle] = useState('');
  const [periodFrom, setPeriodFrom] = useState(`${year}-01-01`);
  const [periodTo, setPeriodTo] = useState(`${year}-12-31`);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ title, periodFrom, periodTo }, { onSuccess: (study) => setSelected(study.id) });
  };
  if (selected !== null) return <StudyView studyId={selected} onBack={() => setSelected(null)} />;

  return (
    <>
      <PageHeading>{t('prevalence.title')}</PageHeading>
      <Paragraph>{t('prevalence.intro')}</Paragraph>
      <section aria-labelledby="prevalence-studies" className="page-section">
        <Heading level={2} data-size="sm" id="prevalence-studies">
          {t('prevalence.studies')}
        </Heading>
        {studies.isPending ? <Loading /> : null}
        {studies.isError ? <LoadError error={studies.error} onRetry={() => void studies.refetch()} /> : null}
        {studies.data?.length === 0 ? <Paragraph>{t('prevalence.none')}</Paragraph> : null}
        {studies.data && studies.data.length > 0 ? (
          <Table zebra border>
            <caption className="visually-hidden">{t('prevalence.studies')}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t('prevalence.studyTitle')}</TableHeaderCell>
                <TableHeaderCell>{t('prevalence.periodFrom')}</TableHeaderCell>
                <TableHeaderCell>{t('prevalence.periodTo')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {studies.data.map((study) => (
                <TableRow key={study.id}>
                  <TableHeaderCell scope="row">
                    <Button type="button" variant="tertiary" data-size="sm" onClick={() => setSelected(study.id)}>
                      {study.title}
                    </Button>{' '}
                    ({study.status === 'final' ? t('prevalence.final') : t('prevalence.open')})
                  </TableHeaderCell>
                  <TableCell>{study.periodFrom}</TableCell>
                  <TableCell>{study.periodTo}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </section>
      <section aria-labelledby="prevalence-new" className="page-section">
        <Heading level={2} data-size="sm" id="prevalence-new">
          {t('prevalence.newStudy')}
        </Heading>
        <form onSubmit={onSubmit} className="form-stack">
          <Textfield label={t('prevalence.studyTitle')} value={title} onChange={(event) => setTitle(event.currentTarget.value)} required />
          <Textfield type="date" label={t('prevalence.periodFrom')} value={periodFrom} onChange={(event) => setPeriodFrom(event.currentTarget.value)} required />
          <Textfield type="date" label={t('prevalence.periodTo')} value={periodTo} onChange={(event) => setPeriodTo(event.currentTarget.value)} required />
          <MutationError error={create.error} />
          <div className="button-row">
            <Button type="submit" loading={create.isPending} disabled={create.isPending}>
              {t('prevalence.create')}
            </Button>
          </div>
        </form>
      </section>
    </>
  );
}
