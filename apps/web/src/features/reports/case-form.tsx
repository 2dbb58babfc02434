import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { ReportCaseFieldsSchema, type ReportCaseFields, type ReportVersionDetail } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldError, FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormErrorSummary } from '../../components/form/form-error-summary';
import { UnsavedChangesGuard } from '../../components/form/unsaved-changes-guard';
import { useServerForm } from '../../components/form/use-server-form';
import { SuccessMessage } from '../../components/load-state';
import { fieldErrorText } from '../../lib/error-text';
import { caseFieldsMutationOptions } from './mutations';

const fields = ReportCaseFieldsSchema.shape;

/** The attachment titles of the text field: one per line, blank lines dropped. */
function attachmentLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The route's schema with the two fields a form holds differently: the date as text (empty = none) and the attachments one per line. */
const CaseFormSchema = z.object({
  caseNumber: fields.caseNumber,
  archiveCode: fields.archiveCode,
  committee: fields.committee,
  meetingDate: z.union([z.literal(''), z.iso.date()]),
  caseOfficer: fields.caseOfficer,
  recommendation: fields.recommendation,
  attachments: z
    .string()
    .max(6200)
    .refine((text) => attachmentLines(text).length <= 30, { message: 'too many attachments' }),
});
type CaseForm = z.infer<typeof CaseFormSchema>;
const FIELDS: readonly FieldPath<CaseForm>[] = ['caseNumber', 'archiveCode', 'committee', 'meetingDate', 'caseOfficer', 'recommendation', 'attachments'];

function toForm(values: ReportCaseFields): CaseForm {
  return { ...values, meetingDate: values.meetingDate ?? '', attachments: values.attachments.join('\n') };
}

/** The saksframlegg fields of a draft: how the report goes to the council as a case. */
export function CaseFieldsForm({ data }: { data: ReportVersionDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation(caseFieldsMutationOptions(queryClient, data.report.id, data.version.number));
  const [saved, setSaved] = useState(false);
  const { form, id, submitWith, summary, guard } = useServerForm<CaseForm>({
    formId: 'report-case',
    resolver: zodResolver(CaseFormSchema),
    defaultValues: toForm(data.caseFields),
    fields: FIELDS,
    texts: { meetingDate: t('reports.caseForm.meetingDateRange', { from: data.report.year, to: data.report.year + 2 }) },
  });
  const {
    register,
    formState: { errors },
  } = form;
  const labels = {
    caseNumber: t('reports.caseForm.caseNumber'),
    archiveCode: t('reports.caseForm.archiveCode'),
    committee: t('reports.caseForm.committee'),
    meetingDate: t('reports.caseForm.meetingDate'),
    caseOfficer: t('reports.caseForm.caseOfficer'),
    recommendation: t('reports.caseForm.recommendation'),
    attachments: t('reports.caseForm.attachments'),
  };
  /** The texts of this form's own checks, on the field and in the summary alike (undefined: the general text). */
  const messageOf = (path: string, error: FieldError): string | undefined => {
    if (path === 'caseNumber' && error.type === 'custom') return t('reports.caseForm.caseNumberInvalid');
    if (path === 'meetingDate') return error.type === 'server' ? error.message : t('reports.caseForm.meetingDateInvalid');
    if (path === 'attachments' && error.type === 'custom') return t('reports.caseForm.attachmentsTooMany');
    return undefined;
  };
  const errorOf = (path: FieldPath<CaseForm>) => {
    const error = errors[path];
    return error ? (messageOf(path, error) ?? fieldErrorText(t, error)) : undefined;
  };
  const submit = submitWith((values, callbacks) => {
    setSaved(false);
    const body: ReportCaseFields = { ...values, meetingDate: values.meetingDate === '' ? null : values.meetingDate, attachments: attachmentLines(values.attachments) };
    save.mutate(body, {
      ...callbacks,
      onSuccess: () => {
        callbacks.saved();
        setSaved(true);
      },
    });
  });
  return (
    <section className="page-section" aria-labelledby="report-case">
      <Heading level={2} data-size="sm" id="report-case">
        {t('reports.caseForm.heading')}
      </Heading>
      <Paragraph>{t('reports.caseForm.intro')}</Paragraph>
      <form onSubmit={(event) => void submit(event)} noValidate className="form-stack">
        <FormErrorSummary {...summary} labels={labels} messageOf={messageOf} />
        <Textfield id={id('caseNumber')} label={labels.caseNumber} description={t('reports.caseForm.caseNumberHint')} error={errorOf('caseNumber')} {...register('caseNumber')} />
        <Textfield id={id('archiveCode')} label={labels.archiveCode} description={t('reports.caseForm.archiveCodeHint')} error={errorOf('archiveCode')} {...register('archiveCode')} />
        <Textfield id={id('committee')} label={labels.committee} description={t('reports.caseForm.committeeHint')} error={errorOf('committee')} {...register('committee')} />
        <Textfield id={id('meetingDate')} type="date" label={labels.meetingDate} error={errorOf('meetingDate')} {...register('meetingDate')} />
        <Textfield id={id('caseOfficer')} label={labels.caseOfficer} error={errorOf('caseOfficer')} {...register('caseOfficer')} />
        <Textfield
          id={id('recommendation')}
          multiline
          rows={3}
          label={labels.recommendation}
          description={t('reports.caseForm.recommendationHint', { year: data.report.year })}
          error={errorOf('recommendation')}
          {...register('recommendation')}
        />
        <Textfield
          id={id('attachments')}
          multiline
          rows={4}
          label={labels.attachments}
          description={t('reports.caseForm.attachmentsHint')}
          error={errorOf('attachments')}
          {...register('attachments')}
        />
        <div>
          <Button type="submit" disabled={save.isPending}>
            {t('reports.caseForm.save')}
          </Button>
        </div>
        <SuccessMessage>{saved ? t('reports.caseForm.saved') : null}</SuccessMessage>
        <UnsavedChangesGuard {...guard} />
      </form>
    </section>
  );
}
