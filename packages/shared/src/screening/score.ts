import {
  EXPLOITATION_FORMS,
  MINOR_AGE_BANDS,
  type AgeBand,
  type Answer,
  type ExploitationForm,
  type FormProfile,
  type Indicator,
  type IndicatorCatalogue,
  type ScreeningContext,
  type ScreeningProfile,
  type SignalLevel,
} from '../contracts/screening';

/** Pure: the browser scores as the user answers, and the server records the result with the same code. */

export type AnswerMap = Readonly<Record<string, Answer | undefined>>;

/** Whether the person counts as a possible minor: ticked, or an under-18 age band. */
export function isPossibleMinor(facts: { ageBand: AgeBand; possibleMinor: boolean }): boolean {
  return facts.possibleMinor || MINOR_AGE_BANDS.includes(facts.ageBand);
}

const LEVEL_ORDER: Record<SignalLevel, number> = { none: 0, some_indicators: 1, strong_indicators: 2 };

export function levelAtLeast(level: SignalLevel, minimum: SignalLevel): boolean {
  return LEVEL_ORDER[level] >= LEVEL_ORDER[minimum];
}

/** The indicator profile of a set of answers: per form, the strong/medium/weak indicators answered yes. Never a verdict. */
export function scoreScreening(catalogue: IndicatorCatalogue, answers: AnswerMap, possibleMinor: boolean): ScreeningProfile {
  const byId = new Map(catalogue.indicators.map((indicator) => [indicator.id, indicator]));
  const yes: Indicator[] = [];
  let answered = 0;
  let unknown = 0;
  for (const [id, answer] of Object.entries(answers)) {
    const indicator = byId.get(id);
    if (!indicator || !answer) continue;
    // Children's indicators only count for a possible minor.
    if (indicator.set === 'children' && !possibleMinor) continue;
    if (answer === 'unknown') unknown += 1;
    else answered += 1;
    if (answer === 'yes') yes.push(indicator);
  }
  const { minStrong, minMedium } = catalogue.scoring.strongLevel;
  const forms: FormProfile[] = EXPLOITATION_FORMS.map((form) => {
    const matching = yes.filter((indicator) => indicator.forms.includes(form));
    const strong = matching.filter((indicator) => indicator.strength === 'strong').length;
    const medium = matching.filter((indicator) => indicator.strength === 'medium').length;
    const weak = matching.filter((indicator) => indicator.strength === 'weak').length;
    const level: SignalLevel = strong >= minStrong || medium >= minMedium ? 'strong_indicators' : matching.length > 0 ? 'some_indicators' : 'none';
    return { form, strong, medium, weak, indicatorIds: matching.map((indicator) => indicator.id).sort(), level };
  });
  const level = forms.reduce<SignalLevel>((highest, profile) => (LEVEL_ORDER[profile.level] > LEVEL_ORDER[highest] ? profile.level : highest), 'none');
  return { catalogueVersion: catalogue.version, possibleMinor, answered, yes: yes.length, unknown, level, forms };
}

/**
 * The indicators a guide asks, in the guide's order: general ones always, form sets only for the
 * suspected forms (all when none are chosen), the children's set only for a possible minor.
 */
export function guideIndicators(
  catalogue: IndicatorCatalogue,
  context: ScreeningContext,
  suspectedForms: readonly ExploitationForm[],
  possibleMinor: boolean,
): Indicator[] {
  const guide = catalogue.guides.find((candidate) => candidate.context === context);
  if (!guide) return [];
  const byId = new Map(catalogue.indicators.map((indicator) => [indicator.id, indicator]));
  return guide.indicatorIds
    .map((id) => byId.get(id))
    .filter((indicator): indicator is Indicator => indicator !== undefined)
    .filter((indicator) => {
      if (indicator.set === 'children') return possibleMinor;
      if (indicator.set === 'general') return true;
      return suspectedForms.length === 0 || indicator.forms.some((form) => suspectedForms.includes(form));
    });
}
