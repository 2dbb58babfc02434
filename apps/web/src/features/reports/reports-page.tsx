import { Button, Heading, Link as DsLink, Paragraph, SelectOption, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './reports.css';
import { isApiError } from '../../api/client';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { hasPermission, useMe } from '../auth/use-me';
import { createReportMutationOptions } from './mutations';
import { reportsQueryOptions } from './queries';

/** The council reports, one per year, and (for coordinators) a form to start one. */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const reports = useQuery(reportsQueryOptions());
  return (
    <div className="page-stack">
      <PageHeading>{t('reports.title')}</PageHeading>
      <Paragraph>{t('reports.intro')}</Paragraph>
      {reports.isPending ? <Loading /> : null}
      {reports.isError ? <LoadError error={reports.error} onRetry={() => void reports.refetch()} /> : null}
      {reports.data ? (
        reports.data.items.length === 0 ? (
          <Paragraph>{t('reports.none')}</Paragraph>
        ) : (
          <Table zebra border>
            <caption>{t('reports.tableCaption')}</caption>
            <TableHead>
              <TableRow>
                <TableHeaderCell scope="col">{t('reports.columns.year')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('reports.columns.final')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('reports.columns.draft')}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {reports.data.items.map((report) => {
                const shown = report.draftVersion ?? report.latestFinalVersion ?? 1;
                return (
                  <TableRow key={report.id}>
                    <TableHeaderCell scope="row">
                      <DsLink asChild>
                        <Link to="/reports/$reportId/versions/$number" params={{ reportId: report.id, number: String(shown) }}>
                          {t('reports.reportFor', { year: report.year })}
                        </Link>
                      </DsLink>
                    </TableHeaderCell>
                    <TableCell>
                      {report.latestFinalVersion === null ? (
                        t('reports.noFinal')
                      ) : (
                        <Tag data-color="success">{t('reports.versionNumber', { number: report.latestFinalVersion })}</Tag>
                      )}
                    </TableCell>
                    <TableCell>{report.draftVersion === null ? t('common.empty') : t('reports.versionNumber', { number: report.draftVersion })}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )
      ) : null}
      {hasPermission(me, 'reports:write') ? <NewReportForm /> : null}
    </div>
  );
}

function NewReportForm() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation(createReportMutationOptions(queryClient));
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [language, setLanguage] = useState<'nb' | 'en'>(i18n.resolvedLanguage === 'en' ? 'en' : 'nb');
  const [yearError, setYearError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(year);
    if (!Number.isInteger(value) || value < 2000 || value > 2100) {
      setYearError(t('reports.form.yearInvalid'));
      return;
    }
    setYearError(undefined);
    create.mutate(
      { year: value, language },
      {
        onSuccess: (report) => void navigate({ to: '/reports/$reportId/versions/$number', params: { reportId: report.id, number: '1' }, state: { flash: t('reports.created') } }),
        onError: (error) => {
          if (isApiError(error, 'CONFLICT')) setYearError(t('reports.form.yearTaken'));
        },
      },
    );
  };

  return (
    <section className="page-section" aria-labelledby="new-report">
      <Heading level={2} data-size="sm" id="new-report">
        {t('reports.newReport')}
      </Heading>
      <Paragraph>{t('reports.newReportIntro')}</Paragraph>
      <form onSubmit={submit} noValidate className="form-stack">
        {isApiError(create.error, 'CONFLICT') ? null : <MutationError error={create.error} />}
        <Textfield label={t('reports.form.year')} inputMode="numeric" value={year} onChange={(event) => setYear(event.currentTarget.value)} error={yearError} />
        <SelectField label={t('reports.form.language')} value={language} onChange={(event) => setLanguage(event.currentTarget.value === 'en' ? 'en' : 'nb')}>
          <SelectOption value="nb">{t('language.nb')}</SelectOption>
          <SelectOption value="en">{t('language.en')}</SelectOption>
        </SelectField>
        <div>
          <Button type="submit" disabled={create.isPending}>
            {t('reports.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
