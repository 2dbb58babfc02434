import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { REPORT_QUESTIONS, ReportNarrativeSchema, type ReportNarrative, type ReportNarrativeBody, type ReportVersionDetail } from '@lykt/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MutationError, SuccessMessage } from '../../components/load-state';
import { fieldErrorText } from '../../lib/error-text';
import { narrativeMutationOptions } from './mutations';

/**
 * The coordinator's texts of a draft: background, summary, an answer per council question, the
 * assessment and the proposals. An empty answer prints the text generated from the figures; the
 * coordinator can copy that text into the field and edit it.
 */
export function NarrativeForm({ data }: { data: ReportVersionDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation(narrativeMutationOptions(queryClient, data.report.id, data.version.number));
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setValue,
    setFocus,
    formState: { errors },
  } = useForm<ReportNarrativeBody, unknown, ReportNarrative>({ resolver: zodResolver(ReportNarrativeSchema), defaultValues: data.narrative });
  const submit = (body: ReportNarrative) => {
    setSaved(false);
    save.mutate(body, { onSuccess: () => setSaved(true) });
  };
  const generated = data.generatedQuestions;
  return (
    <section className="page-section" aria-labelledby="report-narrative">
      <Heading level={2} data-size="sm" id="report-narrative">
        {t('reports.narrative.heading')}
      </Heading>
      <Paragraph>{t('reports.narrative.intro')}</Paragraph>
      <form onSubmit={(event) => void handleSubmit(submit)(event)} noValidate className="form-stack">
        <MutationError error={save.error} />
        <Textfield multiline rows={4} label={t('reports.narrative.background')} description={t('reports.narrative.backgroundHint')} error={fieldErrorText(t, errors.background)} {...register('background')} />
        <Textfield multiline rows={5} label={t('reports.narrative.summary')} description={t('reports.narrative.paragraphs')} error={fieldErrorText(t, errors.summary)} {...register('summary')} />
        <fieldset className="form-stack report-questions">
          <legend>{t('reports.narrative.questionsLegend')}</legend>
          <Paragraph data-size="sm">{t('reports.narrative.questionsIntro')}</Paragraph>
          {REPORT_QUESTIONS.map((question) => (
            <div key={question} className="form-stack">
              <Textfield
                multiline
                rows={4}
                label={t(`reports.narrative.questions.${question}`)}
                description={generated ? t('reports.narrative.generatedHint', { text: generated[question] }) : undefined}
                error={fieldErrorText(t, errors.questions?.[question])}
                {...register(`questions.${question}`)}
              />
              {generated ? (
                <div>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    onClick={() => {
                      setValue(`questions.${question}`, generated[question], { shouldDirty: true });
                      setFocus(`questions.${question}`);
                    }}
                  >
                    {t('reports.narrative.useGenerated', { question: t(`reports.narrative.questions.${question}`) })}
                  </Button>
                </div>
              ) : null}
            </div>
          ))}
        </fieldset>
        <Textfield multiline rows={5} label={t('reports.narrative.assessment')} error={fieldErrorText(t, errors.assessment)} {...register('assessment')} />
        <Textfield multiline rows={5} label={t('reports.narrative.proposals')} error={fieldErrorText(t, errors.proposals)} {...register('proposals')} />
        <div>
          <Button type="submit" disabled={save.isPending}>
            {t('reports.narrative.save')}
          </Button>
        </div>
        <SuccessMessage>{saved ? t('reports.narrative.saved') : null}</SuccessMessage>
      </form>
    </section>
  );
}
