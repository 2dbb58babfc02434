import { Button, Checkbox, Details, DetailsContent, DetailsSummary, Fieldset, FieldsetDescription, FieldsetLegend, Heading, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { requirementTemplate } from '@lykt/content/procurement';
import { formatContentSource, ISIC_SECTIONS, REQUIREMENT_KINDS, type TemplateItem } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError, SuccessMessage } from '../../components/load-state';
import { EnumSelect } from './enum-select';
import { invalidFields } from './field-errors';
import { templateMutationOptions } from './mutations';
import { templateQueryOptions } from './queries';
import './procurement.css';

type Sector = (typeof ISIC_SECTIONS)[number];
type Kind = (typeof REQUIREMENT_KINDS)[number];

/**
 * The municipality's requirement template: each requirement with its basis and sources (the shipped
 * ones), and forms to add, change and retire requirements. New contracts take their checklist from it.
 */
export function TemplateSection({ lang, canWrite }: { lang: 'nb' | 'en'; canWrite: boolean }) {
  const { t } = useTranslation();
  const template = useQuery(templateQueryOptions(lang));
  const queryClient = useQueryClient();
  const retire = useMutation(templateMutationOptions(queryClient, lang));
  if (template.isPending) return <Loading />;
  if (template.isError) return <LoadError error={template.error} onRetry={() => void template.refetch()} />;
  const items = template.data.items;
  const retireErrors = invalidFields(retire.error);
  return (
    <section aria-labelledby="template-heading" className="page-section">
      <Heading level={2} data-size="sm" id="template-heading">
        {t('procurement.template.heading')}
      </Heading>
      <Paragraph>{t('procurement.template.intro')}</Paragraph>
      {template.data.isDefault ? <Paragraph data-size="sm">{t('procurement.template.isDefault')}</Paragraph> : null}
      {retireErrors.includes('items') ? (
        <Paragraph role="alert" data-color="danger">
          {t('procurement.template.errors.items')}
        </Paragraph>
      ) : (
        <MutationError error={retire.error} />
      )}
      <SuccessMessage>{retire.isSuccess ? t('procurement.template.retired') : null}</SuccessMessage>
      <ul className="procurement-list" aria-label={t('procurement.template.caption')}>
        {items.map((item, index) => (
          <li key={item.key}>
            <Heading level={3} data-size="2xs">
              {item.title}
            </Heading>
            <RequirementFacts item={item} />
            {canWrite ? (
              <div className="form-stack">
                <Details>
                  <DetailsSummary>{t('procurement.template.edit', { title: item.title })}</DetailsSummary>
                  <DetailsContent>
                    <RequirementForm lang={lang} items={items} index={index} />
                  </DetailsContent>
                </Details>
                <div>
                  <Button
                    type="button"
                    variant="secondary"
                    data-size="sm"
                    disabled={retire.isPending}
                    aria-label={`${t('procurement.template.retire')}: ${item.title}`}
                    onClick={() => retire.mutate({ items: items.filter((_, position) => position !== index) })}
                  >
                    {t('procurement.template.retire')}
                  </Button>
                </div>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {canWrite ? (
        <Details>
          <DetailsSummary>{t('procurement.template.add')}</DetailsSummary>
          <DetailsContent>
            <RequirementForm lang={lang} items={items} index={items.length} />
          </DetailsContent>
        </Details>
      ) : null}
    </section>
  );
}

function RequirementFacts({ item }: { item: TemplateItem }) {
  const { t } = useTranslation();
  const shipped = requirementTemplate.items.find((entry) => entry.key === item.key);
  return (
    <dl className="details-list">
      <dt>{t('procurement.template.kind')}</dt>
      <dd>{t(`procurement.template.kinds.${item.kind}`)}</dd>
      <dt>{t('procurement.template.appliesTo')}</dt>
      <dd>{item.appliesTo.length === 0 ? t('procurement.template.everySector') : item.appliesTo.map((code) => t(`overview.isic.${code}`)).join(', ')}</dd>
      <dt>{t('procurement.template.basis')}</dt>
      <dd>
        {shipped ? t(`procurement.template.bases.${shipped.basis}`) : t('procurement.template.bases.own')}
        {shipped ? (
          <>
            {' '}
            ({t('procurement.sourcesLabel')}: {shipped.sources.map(formatContentSource).join('; ')})
          </>
        ) : null}
      </dd>
    </dl>
  );
}

/** Adds a requirement (index = items.length) or changes the one at index; the whole template is saved. */
function RequirementForm({ lang, items, index }: { lang: 'nb' | 'en'; items: TemplateItem[]; index: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation(templateMutationOptions(queryClient, lang));
  const current = items[index];
  const [title, setTitle] = useState(current?.title ?? '');
  const [kind, setKind] = useState<Kind>(current?.kind ?? 'seriousness');
  const [appliesTo, setAppliesTo] = useState<Sector[]>(current?.appliesTo ?? []);
  const fields = invalidFields(mutation.error);
  const titleError = fields.includes(`items.${index}.title`) ? t('procurement.template.errors.title') : undefined;
  const sectorsError = fields.some((field) => field.startsWith(`items.${index}.appliesTo`)) ? t('procurement.template.errors.appliesTo') : undefined;
  const itemsError = fields.includes('items') ? t('procurement.template.errors.items') : undefined;
  const placed = titleError !== undefined || sectorsError !== undefined || itemsError !== undefined;
  const idPrefix = `requirement-${current?.key ?? 'new'}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const item: TemplateItem = { key: current?.key ?? `own_${Date.now().toString(36)}`, kind, title, appliesTo };
    const next = current ? items.map((entry, position) => (position === index ? item : entry)) : [...items, item];
    mutation.mutate(
      { items: next },
      {
        onSuccess: () => {
          if (!current) {
            setTitle('');
            setAppliesTo([]);
          }
        },
      },
    );
  };
  return (
    <form className="form-stack" noValidate onSubmit={submit}>
      {placed ? null : <MutationError error={mutation.error} />}
      {itemsError ? <ValidationMessage>{itemsError}</ValidationMessage> : null}
      <SuccessMessage>{mutation.isSuccess ? t('procurement.saved') : null}</SuccessMessage>
      <Textfield id={`${idPrefix}-title`} multiline rows={2} label={t('procurement.template.title')} value={title} error={titleError} onChange={(event) => setTitle(event.currentTarget.value)} />
      <EnumSelect label={t('procurement.template.kind')} values={REQUIREMENT_KINDS} value={kind} onChange={setKind} text={(option) => t(`procurement.template.kinds.${option}`)} />
      <Fieldset>
        <FieldsetLegend>{t('procurement.template.sectors')}</FieldsetLegend>
        <FieldsetDescription>{t('procurement.template.sectorsHint')}</FieldsetDescription>
        {ISIC_SECTIONS.map((code) => (
          <Checkbox
            key={code}
            label={t(`overview.isic.${code}`)}
            value={code}
            checked={appliesTo.includes(code)}
            onChange={(event) => setAppliesTo(event.currentTarget.checked ? [...appliesTo, code] : appliesTo.filter((entry) => entry !== code))}
          />
        ))}
        {sectorsError ? <ValidationMessage>{sectorsError}</ValidationMessage> : null}
      </Fieldset>
      <div>
        <Button type="submit" disabled={mutation.isPending}>
          {current ? t('procurement.save') : t('procurement.template.add')}
        </Button>
      </div>
    </form>
  );
}
