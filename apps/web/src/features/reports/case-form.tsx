import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { ReportCaseFieldsSchema, type ReportCaseFields, type ReportVersionDetail } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useFormFeedback } from '../../components/form/use-form-feedback';
import { MutationError, SuccessMessage } from '../../components/load-state';
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

function toForm(values: ReportCaseFields): CaseForm {
  return { ...values, meetingDate: values.meetingDate ?? '', attachments: values.attachments.join('\n') };
}

/** The saksframlegg fields of a draft: how the report goes to the council as a case. */
export function CaseFieldsForm({ data }: { data: ReportVersionDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation(caseFieldsMutationOptions(queryClient, data.report.id, data.version.number));
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CaseForm>({ resolver: zodResolver(CaseFormSchema), defaultValues: toForm(data.caseFields) });
  const { feedback, onServerError, clear } = useFormFeedback(setError, {
    fields: ['caseNumber', 'archiveCode', 'committee', 'meetingDate', 'caseOfficer', 'recommendation', 'attachments'],
    texts: { meetingDate: t('reports.caseForm.meetingDateRange', { from: data.report.year, to: data.report.year + 2 }) },
  });
  const submit = (form: CaseForm) => {
    setSaved(false);
    clear();
    const body: ReportCaseFields = { ...form, meetingDate: form.meetingDate === '' ? null : form.meetingDate, attachments: attachmentLines(form.attachments) };
    save.mutate(body, {
      onSuccess: () => setSaved(true),
      onError: onServerError,
    });
  };
  return (
    <section className="page-section" aria-labelledby="report-case">
      <Heading level={2} data-size="sm" id="report-case">
        {t('reports.caseForm.heading')}
      </Heading>
      <Paragraph>{t('reports.caseForm.intro')}</Paragraph>
      <form onSubmit={(event) => void handleSubmit(submit)(event)} noValidate className="form-stack">
        <MutationError error={feedback.formError} />
        <Textfield
          label={t('reports.caseForm.caseNumber')}
          description={t('reports.caseForm.caseNumberHint')}
          error={errors.caseNumber?.type === 'custom' ? t('reports.caseForm.caseNumberInvalid') : fieldErrorText(t, errors.caseNumber)}
          {...register('caseNumber')}
        />
        <Textfield label={t('reports.caseForm.archiveCode')} description={t('reports.caseForm.archiveCodeHint')} error={fieldErrorText(t, errors.archiveCode)} {...register('archiveCode')} />
        <Textfield label={t('reports.caseForm.committee')} description={t('reports.caseForm.committeeHint')} error={fieldErrorText(t, errors.committee)} {...register('committee')} />
        <Textfield
          type="date"
          label={t('reports.caseForm.meetingDate')}
          error={errors.meetingDate?.type === 'server' ? errors.meetingDate.message : errors.meetingDate ? t('reports.caseForm.meetingDateInvalid') : undefined}
          {...register('meetingDate')}
        />
        <Textfield label={t('reports.caseForm.caseOfficer')} error={fieldErrorText(t, errors.caseOfficer)} {...register('caseOfficer')} />
        <Textfield
          multiline
          rows={3}
          label={t('reports.caseForm.recommendation')}
          description={t('reports.caseForm.recommendationHint', { year: data.report.year })}
          error={fieldErrorText(t, errors.recommendation)}
          {...register('recommendation')}
        />
        <Textfield
          multiline
          rows={4}
          label={t('reports.caseForm.attachments')}
          description={t('reports.caseForm.attachmentsHint')}
          error={errors.attachments?.type === 'custom' ? t('reports.caseForm.attachmentsTooMany') : fieldErrorText(t, errors.attachments)}
          {...register('attachments')}
        />
        <div>
          <Button type="submit" disabled={save.isPending}>
            {t('reports.caseForm.save')}
          </Button>
        </div>
        <SuccessMessage>{saved ? t('reports.caseForm.saved') : null}</SuccessMessage>
      </form>
    </section>
  );
}
