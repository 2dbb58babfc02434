import { Heading, Paragraph, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@digdir/designsystemet-react';
import { INDICATOR_CATALOGUES } from '@lykt/content/indicators';
import type { Indicator, Pathway, Screening } from '@lykt/shared';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '../../components/breadcrumbs';
import { LoadError, Loading } from '../../components/load-state';
import { PageHeading } from '../../components/page-heading';
import { formatDateTime } from '../../lib/format';
import { catalogueText, countryName } from './catalogue';
import { pathwayQueryOptions } from './queries';
import { screeningQueryOptions } from './screening-queries';
import { ScreeningResult } from './screening-result';
import './identification.css';

const route = getRouteApi('/signed-in/screenings/$screeningId');
/** Answers in the order a reader acts on them: what was confirmed first. */
const ANSWER_ORDER = { yes: 0, unknown: 1, no: 2 } as const;

/** One saved screening: the result a nurse acts on, the situation and the answers given (the read is audited). */
export function ScreeningResultPage() {
  const { t } = useTranslation();
  const { screeningId } = route.useParams();
  const screening = useQuery(screeningQueryOptions(screeningId));
  return (
    <div className="page-stack">
      <Breadcrumbs trail={[{ label: t('screeningList.title'), to: '/screenings' }]} current={t('screeningList.result.title')} />
      <PageHeading>{t('screeningList.result.title')}</PageHeading>
      {screening.isPending ? <Loading /> : null}
      {screening.isError ? <LoadError error={screening.error} onRetry={() => void screening.refetch()} /> : null}
      {screening.data ? <ScreeningDetails screening={screening.data} /> : null}
    </div>
  );
}

function ScreeningDetails({ screening }: { screening: Screening }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const pathway = useQuery(pathwayQueryOptions());
  const facts = screening.facts;
  const contextLabel: string = t(`identification.contexts.${screening.context}`);
  const indicators = useMemo(() => new Map<string, Indicator>((INDICATOR_CATALOGUES[screening.catalogueVersion]?.indicators ?? []).map((indicator) => [indicator.id, indicator])), [screening.catalogueVersion]);
  const answers = useMemo(() => [...screening.answers].sort((a, b) => ANSWER_ORDER[a.answer] - ANSWER_ORDER[b.answer]), [screening.answers]);
  // The rules that matched when it was saved, as the pathway has them now (a removed rule is counted, not shown).
  const stepsFor = useCallback((loaded: Pathway) => loaded.rules.filter((rule) => screening.nextStepRuleIds.includes(rule.id)), [screening.nextStepRuleIds]);
  const removed = pathway.data ? screening.nextStepRuleIds.filter((id) => !pathway.data.rules.some((rule) => rule.id === id)).length : 0;

  return (
    <>
      <Paragraph>
        {t('screeningList.result.savedLine', { date: formatDateTime(screening.createdAt, language) ?? '', service: contextLabel, version: screening.catalogueVersion })}{' '}
        {screening.mine ? t('screeningList.result.madeByYou') : t('screeningList.result.madeByColleague')}
      </Paragraph>
      <section className="page-section" aria-labelledby="screening-result">
        <Heading level={2} data-size="sm" id="screening-result">
          {t('screeningList.result.resultHeading')}
        </Heading>
        <ScreeningResult
          profile={screening.profile}
          possibleMinor={facts.possibleMinor}
          suspectedForms={screening.suspectedForms}
          pathway={pathway}
          stepsFor={stepsFor}
          stepsNote={
            <>
              <Paragraph data-size="sm">{screening.nextStepRuleIds.length > 0 ? t('screeningList.result.stepsNote') : t('screeningList.result.noSteps')}</Paragraph>
              {removed > 0 ? <Paragraph data-size="sm">{t('screeningList.result.stepsRemoved', { count: removed })}</Paragraph> : null}
            </>
          }
        />
      </section>
      <section className="page-section" aria-labelledby="screening-facts">
        <Heading level={2} data-size="sm" id="screening-facts">
          {t('screeningList.result.factsHeading')}
        </Heading>
        <dl className="fact-list">
          <dt>{t('identification.screening.context')}</dt>
          <dd>{t(`identification.contexts.${screening.context}`)}</dd>
          <dt>{t('identification.screening.ageBand')}</dt>
          <dd>{t(`identification.ageBands.${facts.ageBand}`)}</dd>
          <dt>{t('identification.screening.possibleMinor')}</dt>
          <dd>{facts.possibleMinor ? t('identification.yes') : t('identification.no')}</dd>
          <dt>{t('identification.screening.gender')}</dt>
          <dd>{t(`identification.genders.${facts.gender}`)}</dd>
          <dt>{t('identification.screening.nationality')}</dt>
          <dd>{facts.nationality ? countryName(facts.nationality, language) : t('common.empty')}</dd>
          <dt>{t('identification.screening.sector')}</dt>
          <dd>{t(`identification.sectors.${facts.sector}`)}</dd>
          <dt>{t('identification.screening.placeKind')}</dt>
          <dd>{t(`identification.placeKinds.${facts.placeKind}`)}</dd>
          <dt>{t('identification.screening.immediateDanger')}</dt>
          <dd>{facts.immediateDanger ? t('identification.yes') : t('identification.no')}</dd>
          <dt>{t('identification.screening.wantsHelp')}</dt>
          <dd>{t(`identification.wantsHelpOptions.${facts.wantsHelp}`)}</dd>
        </dl>
      </section>
      <section className="page-section" aria-labelledby="screening-answers">
        <Heading level={2} data-size="sm" id="screening-answers">
          {t('screeningList.result.answersHeading')}
        </Heading>
        {answers.length === 0 ? (
          <Paragraph>{t('screeningList.result.noAnswers')}</Paragraph>
        ) : (
          <>
            <Paragraph data-size="sm">{t('screeningList.result.answersIntro', { version: screening.catalogueVersion })}</Paragraph>
            <div className="table-wrapper">
              <Table zebra border data-testid="screening-answers">
                <TableHead>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('screeningList.result.question')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('screeningList.result.answer')}</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {answers.map((entry) => {
                    const indicator = indicators.get(entry.indicatorId);
                    return (
                      <TableRow key={entry.indicatorId}>
                        <TableCell>{indicator ? catalogueText(indicator.question, language) : t('screeningList.result.unknownIndicator', { id: entry.indicatorId })}</TableCell>
                        <TableCell>{t(`identification.answers.${entry.answer}`)}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
            </div>
          </>
        )}
      </section>
    </>
  );
}
