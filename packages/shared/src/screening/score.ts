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

type Counts = { strong: number; medium: number; weak: number };

function counts(indicators: readonly Indicator[]): Counts {
  return {
    strong: indicators.filter((indicator) => indicator.strength === 'strong').length,
    medium: indicators.filter((indicator) => indicator.strength === 'medium').length,
    weak: indicators.filter((indicator) => indicator.strength === 'weak').length,
  };
}

function levelOf(catalogue: IndicatorCatalogue, indicators: readonly Indicator[]): SignalLevel {
  const { minStrong, minMedium } = catalogue.scoring.strongLevel;
  const { strong, medium } = counts(indicators);
  if (strong >= minStrong || medium >= minMedium) return 'strong_indicators';
  return indicators.length > 0 ? 'some_indicators' : 'none';
}

const ids = (indicators: readonly Indicator[]) => indicators.map((indicator) => indicator.id).sort();

/** A general indicator applies to every exploitation form (the general set, and children's indicators of that kind). */
export function isGeneralIndicator(indicator: Pick<Indicator, 'forms'>): boolean {
  return EXPLOITATION_FORMS.every((form) => indicator.forms.includes(form));
}

/**
 * The indicator profile of a set of answers. Never a verdict.
 *
 * Under the catalogue's `general_level` rule (from 2026.2) the general indicators (control, documents,
 * threats, debt, ...) give a general level of concern of their own; a form is listed only when one of its
 * own indicators is answered yes, and only then do the general ones count towards that form's level.
 * Under the older `every_form` rule (2026.1) general indicators counted in every form.
 */
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
  const separateGeneral = catalogue.scoring.generalIndicators === 'general_level';
  const generalYes = yes.filter(isGeneralIndicator);
  const forms: FormProfile[] = EXPLOITATION_FORMS.map((form) => {
    if (!separateGeneral) {
      const matching = yes.filter((indicator) => indicator.forms.includes(form));
      return { form, ...counts(matching), indicatorIds: ids(matching), level: levelOf(catalogue, matching) };
    }
    const own = yes.filter((indicator) => !isGeneralIndicator(indicator) && indicator.forms.includes(form));
    const matching = own.length > 0 ? [...own, ...generalYes] : [];
    return { form, ...counts(matching), indicatorIds: ids(matching), ownIndicatorIds: ids(own), level: levelOf(catalogue, matching) };
  });
  const general = separateGeneral ? { ...counts(generalYes), indicatorIds: ids(generalYes), level: levelOf(catalogue, generalYes) } : null;
  const level = [general?.level ?? 'none', ...forms.map((profile) => profile.level)].reduce<SignalLevel>(
    (highest, candidate) => (LEVEL_ORDER[candidate] > LEVEL_ORDER[highest] ? candidate : highest),
    'none',
  );
  return { catalogueVersion: catalogue.version, possibleMinor, answered, yes: yes.length, unknown, level, general, forms };
}

/** The forms with indicators to show: under the general-level rule only forms with indicators of their own. */
export function listedForms(profile: ScreeningProfile): FormProfile[] {
  return profile.forms.filter((form) => form.level !== 'none');
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
