import { Alert, Button, Fieldset, FieldsetLegend, Heading, Link as DsLink, List, Paragraph, Radio } from '@digdir/designsystemet-react';
import type { Attempt, AttemptResult, TrainingModule } from '@lykt/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading, MutationError } from '../../components/load-state';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { PageHeading } from '../../components/page-heading';
import { articleLang } from '../knowledge/queries';
import { startAttemptMutationOptions, submitAttemptMutationOptions } from './mutations';
import { certificateHref, moduleQueryOptions } from './queries';
import { StatusTag } from './training-page';
import '../knowledge/knowledge.css';

const route = getRouteApi('/signed-in/training/$moduleKey');

/** One course: its lessons, then the quiz, then the result with explanations and the certificate. */
export function ModulePage() {
  const { t, i18n } = useTranslation();
  const { moduleKey } = route.useParams();
  const lang = articleLang(i18n.language);
  const module = useQuery(moduleQueryOptions(moduleKey, lang));
  return (
    <div className="narrow-page page-stack">
      <Breadcrumbs trail={[{ label: t('training.title'), to: '/training' }]} current={module.data?.title ?? t('training.title')} />
      <PageHeading>{module.data?.title ?? t('training.title')}</PageHeading>
      {module.isPending ? <Loading /> : null}
      {module.isError ? <LoadError error={module.error} onRetry={() => void module.refetch()} /> : null}
      {module.data ? <ModuleView module={module.data} /> : null}
    </div>
  );
}

function ModuleView({ module }: { module: TrainingModule }) {
  const { t, i18n } = useTranslation();
  const lang = articleLang(i18n.language);
  const start = useMutation(startAttemptMutationOptions(module.key, lang));
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [result, setResult] = useState<AttemptResult | null>(null);
  const begin = () =>
    start.mutate(undefined, {
      onSuccess: (created) => {
        setResult(null);
        setAttempt(created);
      },
    });
  return (
    <>
      <Paragraph>{module.description}</Paragraph>
      <StatusTag module={module} />
      <section aria-labelledby="lessons-heading" className="page-section">
        <Heading level={2} data-size="xs" id="lessons-heading">
          {t('training.module.lessonsTitle')}
        </Heading>
        <Paragraph>{t('training.module.lessonsIntro')}</Paragraph>
        <List.Ordered>
          {module.lessons.map((lesson) => (
            <List.Item key={lesson.slug}>
              <DsLink asChild>
                <Link to="/knowledge/$slug" params={{ slug: lesson.slug }}>
                  {lesson.title}
                </Link>
              </DsLink>
            </List.Item>
          ))}
        </List.Ordered>
      </section>
      <section aria-labelledby="quiz-heading" className="page-section">
        <Heading level={2} data-size="xs" id="quiz-heading">
          {t('training.module.quizTitle')}
        </Heading>
        <Paragraph>{t('training.module.quizIntro', { count: module.questionsPerAttempt, score: module.passScore, months: module.refreshMonths })}</Paragraph>
        <MutationError error={start.error} />
        {attempt && !result ? (
          <Quiz attempt={attempt} onDone={setResult} />
        ) : (
          <Button onClick={begin} disabled={start.isPending}>
            {result || module.status !== 'not_started' ? t('training.module.restart') : t('training.module.start')}
          </Button>
        )}
        {result ? <QuizResult result={result} /> : null}
      </section>
    </>
  );
}

function Quiz({ attempt, onDone }: { attempt: Attempt; onDone: (result: AttemptResult) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const submit = useMutation(submitAttemptMutationOptions(queryClient, attempt.id));
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState(false);
  const firstMissing = useRef<HTMLInputElement>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (attempt.questions.some((question) => !answers[question.id])) {
      setMissing(true);
      firstMissing.current?.focus();
      return;
    }
    submit.mutate({ answers: attempt.questions.map((question) => ({ questionId: question.id, optionId: answers[question.id] ?? '' })) }, { onSuccess: onDone });
  };
  const firstUnanswered = attempt.questions.find((question) => !answers[question.id])?.id;
  return (
    <form onSubmit={onSubmit} noValidate className="form-stack">
      {missing && firstUnanswered ? (
        <Alert data-color="warning" role="alert">
          <Paragraph>{t('training.quiz.unanswered')}</Paragraph>
        </Alert>
      ) : null}
      <MutationError error={submit.error} />
      {attempt.questions.map((question, index) => (
        <Fieldset key={question.id} className="quiz-question">
          <FieldsetLegend>
            {t('training.quiz.question', { number: index + 1, total: attempt.questions.length })}: {question.text}
          </FieldsetLegend>
          {question.options.map((option, optionIndex) => (
            <Radio
              key={option.id}
              name={`question-${question.id}`}
              value={option.id}
              label={option.text}
              checked={answers[question.id] === option.id}
              ref={optionIndex === 0 && question.id === firstUnanswered ? firstMissing : undefined}
              onChange={() => setAnswers((previous) => ({ ...previous, [question.id]: option.id }))}
            />
          ))}
        </Fieldset>
      ))}
      <div className="button-row">
        <Button type="submit" disabled={submit.isPending}>
          {t('training.quiz.submit')}
        </Button>
      </div>
    </form>
  );
}

function QuizResult({ result }: { result: AttemptResult }) {
  const { t, i18n } = useTranslation();
  const lang = articleLang(i18n.language);
  return (
    <div className="page-stack" aria-labelledby="result-heading" role="region">
      <Heading level={3} data-size="xs" id="result-heading" tabIndex={-1}>
        {t('training.quiz.resultTitle')}
      </Heading>
      <Alert data-color={result.passed ? 'success' : 'warning'} role="status">
        <Paragraph>{result.passed ? t('training.quiz.passed', { score: result.score }) : t('training.quiz.failed', { score: result.score, passScore: result.passScore })}</Paragraph>
      </Alert>
      {result.completion ? (
        <Paragraph>
          <DsLink href={certificateHref(result.completion.id, lang)}>{t('training.quiz.certificate')}</DsLink>
        </Paragraph>
      ) : null}
      <List.Ordered>
        {result.questions.map((question) => {
          const chosen = question.options.find((option) => option.id === question.chosenOptionId);
          const correct = question.options.find((option) => option.id === question.correctOptionId);
          return (
            <List.Item key={question.id}>
              <Paragraph>
                <strong>{question.text}</strong>
              </Paragraph>
              <Paragraph className={question.isCorrect ? 'quiz-result--correct' : 'quiz-result--wrong'}>
                {question.isCorrect ? t('training.quiz.correct') : t('training.quiz.wrong')}: {t('training.quiz.yourAnswer')} – {chosen?.text}
              </Paragraph>
              <Paragraph data-size="sm">{chosen?.explanation}</Paragraph>
              {question.isCorrect ? null : (
                <Paragraph data-size="sm">
                  {t('training.quiz.correctAnswer')}: {correct?.text}. {correct?.explanation}
                </Paragraph>
              )}
            </List.Item>
          );
        })}
      </List.Ordered>
    </div>
  );
}
