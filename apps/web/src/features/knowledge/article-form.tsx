import { Alert, Button, Checkbox, Fieldset, FieldsetDescription, FieldsetLegend, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { CreateArticleBodySchema, EXPLOITATION_FORMS, KNOWLEDGE_SERVICES, type CreateArticleBody } from '@lykt/shared';
import { Controller, useForm, type DefaultValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError } from '../../api/client';
import { MutationError } from '../../components/load-state';
import { fieldErrorText } from '../../lib/error-text';

export type ArticleFormValues = z.input<typeof CreateArticleBodySchema>;

interface ArticleFormProps {
  defaultValues: DefaultValues<ArticleFormValues>;
  /** A new article asks for its address; a change keeps it. */
  isNew: boolean;
  submitLabel: string;
  isPending: boolean;
  error: unknown;
  onSubmit: (body: CreateArticleBody) => void;
}

/** Create and edit form of an article, validated with the same schema as the server. */
export function ArticleForm({ defaultValues, isNew, submitLabel, isPending, error, onSubmit }: ArticleFormProps) {
  const { t } = useTranslation();
  const {
    register,
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<ArticleFormValues, unknown, CreateArticleBody>({ resolver: zodResolver(CreateArticleBodySchema), defaultValues });

  return (
    <form onSubmit={(event) => void handleSubmit(onSubmit)(event)} noValidate className="form-stack">
      {isApiError(error, 'CONFLICT') && !isNew ? (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t('knowledge.editor.conflict')}</Paragraph>
        </Alert>
      ) : (
        <MutationError error={error} />
      )}
      {isNew ? <Textfield label={t('knowledge.editor.slug')} description={t('knowledge.editor.slugHelp')} autoComplete="off" error={fieldErrorText(t, errors.slug)} {...register('slug')} /> : null}
      <Textfield label={t('knowledge.editor.titleField')} autoComplete="off" error={fieldErrorText(t, errors.title)} {...register('title')} />
      <Textfield label={t('knowledge.editor.summary')} multiline rows={3} error={fieldErrorText(t, errors.summary)} {...register('summary')} />
      <Textfield label={t('knowledge.editor.body')} description={t('knowledge.editor.bodyHelp')} multiline rows={16} error={fieldErrorText(t, errors.body)} {...register('body')} />
      <Controller
        control={control}
        name="services"
        render={({ field }) => (
          <Fieldset>
            <FieldsetLegend>{t('knowledge.editor.services')}</FieldsetLegend>
            <FieldsetDescription>{t('knowledge.editor.servicesHelp')}</FieldsetDescription>
            {KNOWLEDGE_SERVICES.map((service) => (
              <Checkbox
                key={service}
                label={t(`knowledge.services.${service}`)}
                value={service}
                checked={field.value.includes(service)}
                onChange={(event) => field.onChange(event.currentTarget.checked ? [...field.value, service] : field.value.filter((value) => value !== service))}
              />
            ))}
          </Fieldset>
        )}
      />
      <Controller
        control={control}
        name="forms"
        render={({ field }) => (
          <Fieldset>
            <FieldsetLegend>{t('knowledge.editor.forms')}</FieldsetLegend>
            {EXPLOITATION_FORMS.map((form) => (
              <Checkbox
                key={form}
                label={t(`knowledge.forms.${form}`)}
                value={form}
                checked={field.value.includes(form)}
                onChange={(event) => field.onChange(event.currentTarget.checked ? [...field.value, form] : field.value.filter((value) => value !== form))}
              />
            ))}
          </Fieldset>
        )}
      />
      <div className="button-row">
        <Button type="submit" disabled={isPending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
