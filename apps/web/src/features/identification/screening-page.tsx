import { Alert, Button, Fieldset, Heading, Link as DsLink, Paragraph, Radio } from '@digdir/designsystemet-react';
import {
  ANSWERS,
  evaluatePathway,
  guideIndicators,
  isPossibleMinor,
  scoreScreening,
  type Answer,
  type ExploitationForm,
  type Pathway,
  type Screening,
  type ScreeningContext,
  type ScreeningFacts,
} from '@lykt/shared';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationError } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { CATALOGUE, catalogueText } from './catalogue';
import { ConcernForm } from './concern-form';
import { saveScreeningMutationOptions } from './mutations';
import { pathwayQueryOptions } from './queries';
import { EMPTY_FACTS, SituationFields } from './situation-fields';
import './identification.css';
import { ScreeningResult } from './screening-result';

type Step = 'situation' | 'questions' | 'result';
const STEPS: readonly Step[] = ['situation', 'questions', 'result'];

/** The guided screening: situation and coarse facts, the guide's questions, then the indicator profile and next steps. */
export function ScreeningPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = i18n.language;
  const pathway = useQuery(pathwayQueryOptions());
  const save = useMutation(saveScreeningMutationOptions());

  const [step, setStep] = useState<Step>('situation');
  const [context, setContext] = useState<ScreeningContext>('health');
  const [forms, setForms] = useState<ExploitationForm[]>([]);
  const [facts, setFacts] = useState<ScreeningFacts>(EMPTY_FACTS);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [saved, setSaved] = useState<Screening | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  const minor = isPossibleMinor(facts);
  const indicators = useMemo(() => guideIndicators(CATALOGUE, context, forms, minor), [context, forms, minor]);
  const askedAnswers = useMemo(() => {
    const asked: Record<string, Answer> = {};
    for (const indicator of indicators) {
      const value = answers[indicator.id];
      if (value) asked[indicator.id] = value;
    }
    return asked;
  }, [indicators, answers]);
  // Scoring runs here, as the user answers, with the same code the server records the result with.
  const profile = useMemo(() => scoreScreening(CATALOGUE, askedAnswers, minor), [askedAnswers, minor]);
  const stepsFor = useCallback((loaded: Pathway) => evaluatePathway(loaded.rules, { facts, profile }), [facts, profile]);
  const guide = CATALOGUE.guides.find((candidate) => candidate.context === context);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    stepHeading.current?.focus();
  }, [step]);

  function quickHide() {
    setStep('situation');
    setForms([]);
    setFacts(EMPTY_FACTS);
    setAnswers({});
    setSaved(null);
    save.reset();
    void navigate({ to: '/', replace: true });
  }

  function setFact<K extends keyof ScreeningFacts>(key: K, value: ScreeningFacts[K]) {
    setSaved(null);
    setFacts((current) => ({ ...current, [key]: value }));
  }

  function toggleForm(form: ExploitationForm, checked: boolean) {
    setSaved(null);
    setForms((current) => (checked ? [...current, form] : current.filter((entry) => entry !== form)));
  }

  function answer(indicatorId: string, value: Answer) {
    setSaved(null);
    setAnswers((current) => ({ ...current, [indicatorId]: value }));
  }

  function submit() {
    save.mutate(
      {
        catalogueVersion: CATALOGUE.version,
        context,
        suspectedForms: forms,
        facts: { ...facts, possibleMinor: minor },
        answers: Object.entries(askedAnswers).map(([indicatorId, value]) => ({ indicatorId, answer: value })),
      },
      { onSuccess: (screening) => setSaved(screening) },
    );
  }

  const stepIndex = STEPS.indexOf(step);
  const yesCount = profile.yes;

  return (
    <div className="page-stack">
      <div className="screening-toolbar">
        <PageHeading>{t('identification.screening.title')}</PageHeading>
        <Button data-color="danger" onClick={quickHide} aria-describedby="quick-hide-hint">
          {t('identification.screening.quickHide')}
        </Button>
        <span id="quick-hide-hint" hidden>
          {t('identification.screening.quickHideHint')}
        </span>
      </div>
      <Paragraph>{t('identification.screening.intro')}</Paragraph>
      {step === 'situation' ? (
        <Paragraph data-size="sm">
          <DsLink asChild>
            <Link to="/concerns/new">{t('identification.screening.directConcern')}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
      <Paragraph data-size="sm">{t('identification.screening.stepOf', { step: stepIndex + 1, total: STEPS.length })}</Paragraph>

      {step === 'situation' ? (
        <section className="page-section" aria-labelledby="step-heading">
          <Heading level={2} data-size="sm" id="step-heading" ref={stepHeading} tabIndex={-1}>
            {t('identification.steps.situation')}
          </Heading>
          <div className="screening-fields">
            <SituationFields
              context={context}
              onContextChange={setContext}
              facts={facts}
              onFactChange={setFact}
              forms={forms}
              onFormToggle={toggleForm}
              afterContext={guide ? <Paragraph data-size="sm">{catalogueText(guide.intro, language)}</Paragraph> : null}
            />
          </div>
          <div className="wizard-actions">
            <Button onClick={() => setStep('questions')}>{t('identification.screening.next')}</Button>
          </div>
        </section>
      ) : null}

      {step === 'questions' ? (
        <section className="page-section" aria-labelledby="step-heading">
          <Heading level={2} data-size="sm" id="step-heading" ref={stepHeading} tabIndex={-1}>
            {t('identification.steps.questions')}
          </Heading>
          <Paragraph data-size="sm">{t('identification.screening.questionsIntro')}</Paragraph>
          <Paragraph data-size="sm" role="status" aria-live="polite">
            {t('identification.screening.liveSummary', { count: yesCount })}
          </Paragraph>
          {indicators.map((indicator) => (
            <div className="screening-question" key={indicator.id}>
              <Fieldset>
                <Fieldset.Legend>{catalogueText(indicator.question, language)}</Fieldset.Legend>
                <Fieldset.Description>{catalogueText(indicator.explanation, language)}</Fieldset.Description>
                <div className="answer-row">
                  {ANSWERS.map((value) => (
                    <Radio
                      key={value}
                      name={`answer-${indicator.id}`}
                      value={value}
                      label={t(`identification.answers.${value}`)}
                      checked={answers[indicator.id] === value}
                      onChange={() => answer(indicator.id, value)}
                    />
                  ))}
                </div>
              </Fieldset>
            </div>
          ))}
          <div className="wizard-actions">
            <Button variant="secondary" onClick={() => setStep('situation')}>
              {t('identification.screening.back')}
            </Button>
            <Button onClick={() => setStep('result')}>{t('identification.screening.seeResult')}</Button>
          </div>
        </section>
      ) : null}

      {step === 'result' ? (
        <section className="page-section" aria-labelledby="step-heading">
          <Heading level={2} data-size="sm" id="step-heading" ref={stepHeading} tabIndex={-1}>
            {t('identification.steps.result')}
          </Heading>
          <ScreeningResult profile={profile} possibleMinor={minor} pathway={pathway} stepsFor={stepsFor} />
          <div className="wizard-actions">
            <Button variant="secondary" onClick={() => setStep('questions')}>
              {t('identification.screening.back')}
            </Button>
            {saved ? null : (
              <Button onClick={submit} disabled={save.isPending}>
                {t('identification.result.save')}
              </Button>
            )}
          </div>
          <MutationError error={save.error} />
          {saved ? (
            <>
              <Alert data-color="success" role="status">
                <Paragraph>{t('identification.result.saved')}</Paragraph>
                <Paragraph>
                  <DsLink asChild>
                    <Link to="/screenings/$screeningId" params={{ screeningId: saved.id }}>
                      {t('screeningList.result.openSaved')}
                    </Link>
                  </DsLink>{' '}
                  {t('screeningList.result.openSavedHint')}
                </Paragraph>
              </Alert>
              <ConcernForm source={{ screeningId: saved.id }} />
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
