import { Button, Details, DetailsContent, DetailsSummary, Heading, Link as DsLink, Paragraph, SelectOption, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, Textfield } from '@digdir/designsystemet-react';
import { highRiskList, procurementLegalBasis } from '@lykt/content/procurement';
import { formatContentSource, ISIC_SECTIONS, type ContractBody } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { SelectField } from '../../components/select-field';
import { hasPermission, useMe } from '../auth/use-me';
import { mapQueryOptions } from '../overview/queries';
import { MeasuresOverview } from './measures-section';
import { useFieldErrors } from './field-errors';
import { createContractMutationOptions } from './mutations';
import { contractsQueryOptions } from './queries';
import { TemplateSection } from './template-section';
import { formatNumber } from '../../lib/format';

const uiLang = (language: string): 'nb' | 'en' => (language === 'en' ? 'en' : 'nb');

/** The register of the municipality's contracts, what the rules require, and a form to register one. */
export function ProcurementPage() {
  const { t, i18n } = useTranslation();
  const contracts = useQuery(contractsQueryOptions());
  const lang = uiLang(i18n.language);
  if (contracts.isPending) return <Loading />;
  if (contracts.isError) return <LoadError error={contracts.error} onRetry={() => void contracts.refetch()} />;
  const number = { format: (value: number) => formatNumber(value, lang) };
  return (
    <div className="page-stack">
      <PageHeading>{t('procurement.title')}</PageHeading>
      <Paragraph>{t('procurement.intro')}</Paragraph>
      <Details>
        <DetailsSummary>{t('procurement.legalHeading')}</DetailsSummary>
        <DetailsContent>
          {procurementLegalBasis.items.map((item) => (
            <section key={item.key} aria-labelledby={`legal-${item.key}`}>
              <Heading level={3} data-size="xs" id={`legal-${item.key}`}>
                {item.title[lang]}
              </Heading>
              <Paragraph>{item.text[lang]}</Paragraph>
              <Paragraph data-size="sm">
                {t('procurement.sourcesLabel')}: {item.sources.map(formatContentSource).join('; ')}
              </Paragraph>
            </section>
          ))}
        </DetailsContent>
      </Details>
      {contracts.data.items.length === 0 ? (
        <Paragraph>{t('procurement.empty')}</Paragraph>
      ) : (
        <Table zebra border>
          <caption>{t('procurement.contractsCaption')}</caption>
          <TableHead>
            <TableRow>
              <TableHeaderCell scope="col">{t('procurement.columns.title')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.columns.supplier')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.columns.sector')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.columns.value')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.columns.risk')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.columns.checks')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('procurement.columns.findings')}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {contracts.data.items.map((contract) => (
              <TableRow key={contract.id}>
                <TableHeaderCell scope="row">
                  <DsLink asChild>
                    <Link to="/procurement/contracts/$contractId" params={{ contractId: contract.id }}>
                      {contract.title}
                    </Link>
                  </DsLink>
                </TableHeaderCell>
                <TableCell>{contract.supplierName}</TableCell>
                <TableCell>{t(`overview.isic.${contract.isicSection}`)}</TableCell>
                <TableCell>{number.format(contract.valueNok)}</TableCell>
                <TableCell>{t(`procurement.riskLevels.${contract.riskLevel}`)}</TableCell>
                <TableCell>{`${contract.checksDone}/${contract.checksPlanned}`}</TableCell>
                <TableCell>{contract.openFindings}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {contracts.data.canWrite ? <RegisterForm lang={lang} /> : null}
      <MeasuresOverview />
      <TemplateSection lang={lang} canWrite={contracts.data.canWrite} />
    </div>
  );
}

const REGISTER_FIELDS = ['title', 'supplier.name', 'supplier.orgNumber', 'isicSection', 'productCategory', 'valueNok', 'startsOn', 'endsOn', 'responsibleUnit', 'siteId'];

function RegisterForm({ lang }: { lang: 'nb' | 'en' }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mutation = useMutation(createContractMutationOptions(queryClient, lang));
  const mayReadMap = hasPermission(useMe(), 'overview:read');
  const map = useQuery({ ...mapQueryOptions(), enabled: mayReadMap });
  const [values, setValues] = useState({ title: '', supplierName: '', orgNumber: '', isicSection: 'F', productCategory: '', valueNok: '', startsOn: '', endsOn: '', responsibleUnit: '', siteId: '' });
  const { showAlert, errorFor } = useFieldErrors(mutation.error, REGISTER_FIELDS);
  const set = (name: keyof typeof values) => (event: { currentTarget: { value: string } }) => setValues({ ...values, [name]: event.currentTarget.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: ContractBody = {
      title: values.title,
      supplier: { name: values.supplierName, orgNumber: values.orgNumber.trim() },
      isicSection: values.isicSection as ContractBody['isicSection'],
      productCategory: values.productCategory === '' ? null : values.productCategory,
      valueNok: Number(values.valueNok.replace(/\s/g, '')),
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      responsibleUnit: values.responsibleUnit,
      siteId: values.siteId === '' ? null : values.siteId,
    };
    mutation.mutate(body, { onSuccess: (contract) => void navigate({ to: '/procurement/contracts/$contractId', params: { contractId: contract.id } }) });
  };
  return (
    <section aria-labelledby="register-heading" className="page-section">
      <Heading level={2} data-size="sm" id="register-heading">
        {t('procurement.register.heading')}
      </Heading>
      <form className="form-stack" noValidate onSubmit={submit}>
        {showAlert ? <MutationError error={mutation.error} /> : null}
        <Textfield label={t('procurement.register.title')} value={values.title} error={errorFor('title')} onChange={set('title')} />
        <Textfield label={t('procurement.register.supplierName')} value={values.supplierName} error={errorFor('supplier.name')} onChange={set('supplierName')} />
        <Textfield label={t('procurement.register.orgNumber')} description={t('procurement.register.orgNumberDescription')} inputMode="numeric" value={values.orgNumber} error={errorFor('supplier.orgNumber')} onChange={set('orgNumber')} />
        <SelectField label={t('procurement.register.isic')} value={values.isicSection} error={errorFor('isicSection')} onChange={set('isicSection')}>
          {ISIC_SECTIONS.map((code) => (
            <SelectOption key={code} value={code}>
              {t(`overview.isic.${code}`)}
            </SelectOption>
          ))}
        </SelectField>
        <SelectField label={t('procurement.register.productCategory')} description={highRiskList.missing[lang]} value={values.productCategory} error={errorFor('productCategory')} onChange={set('productCategory')}>
          <SelectOption value="">{t('procurement.register.noCategory')}</SelectOption>
          {highRiskList.categories.map((category) => (
            <SelectOption key={category.id} value={category.id}>
              {category.title[lang]}
            </SelectOption>
          ))}
        </SelectField>
        <Textfield label={t('procurement.register.valueNok')} inputMode="numeric" value={values.valueNok} error={errorFor('valueNok')} onChange={set('valueNok')} />
        <Textfield type="date" label={t('procurement.register.startsOn')} value={values.startsOn} error={errorFor('startsOn')} onChange={set('startsOn')} />
        <Textfield type="date" label={t('procurement.register.endsOn')} value={values.endsOn} error={errorFor('endsOn')} onChange={set('endsOn')} />
        <Textfield label={t('procurement.register.responsibleUnit')} value={values.responsibleUnit} error={errorFor('responsibleUnit')} onChange={set('responsibleUnit')} />
        {mayReadMap && map.data ? (
          <SelectField label={t('procurement.register.site')} value={values.siteId} error={errorFor('siteId')} onChange={set('siteId')}>
            <SelectOption value="">{t('procurement.register.noSite')}</SelectOption>
            {map.data.sites.map((site) => (
              <SelectOption key={site.id} value={site.id}>
                {site.name}
              </SelectOption>
            ))}
          </SelectField>
        ) : null}
        <div>
          <Button type="submit" disabled={mutation.isPending}>
            {t('procurement.register.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
