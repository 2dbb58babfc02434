import type { PathwayCondition, PathwayRule } from '../contracts/pathway';
import type { ScreeningFacts, ScreeningProfile } from '../contracts/screening';
import { levelAtLeast } from './score';

/** What pathway rules look at: the coded facts and the indicator profile. */
export type PathwayInput = {
  facts: Pick<ScreeningFacts, 'immediateDanger' | 'wantsHelp'>;
  profile: ScreeningProfile;
};

function countsHold(condition: PathwayCondition, profile: ScreeningProfile): boolean {
  const candidates = condition.forms ? profile.forms.filter((form) => condition.forms?.includes(form.form)) : profile.forms;
  const checksCounts =
    condition.minStrong !== undefined || condition.minMedium !== undefined || condition.minAny !== undefined || condition.minLevel !== undefined || condition.forms !== undefined;
  if (checksCounts) {
    const anyForm = candidates.some(
      (form) =>
        form.strong >= (condition.minStrong ?? 0) &&
        form.medium >= (condition.minMedium ?? 0) &&
        form.strong + form.medium + form.weak >= (condition.minAny ?? 0) &&
        levelAtLeast(form.level, condition.minLevel ?? 'none'),
    );
    if (!anyForm) return false;
  }
  if (condition.maxAny !== undefined && profile.yes > condition.maxAny) return false;
  return true;
}

/** Whether every condition of a rule holds for a screening. */
export function conditionHolds(condition: PathwayCondition, input: PathwayInput): boolean {
  if (condition.possibleMinor !== undefined && condition.possibleMinor !== input.profile.possibleMinor) return false;
  if (condition.immediateDanger !== undefined && condition.immediateDanger !== input.facts.immediateDanger) return false;
  if (condition.wantsHelp !== undefined && condition.wantsHelp !== input.facts.wantsHelp) return false;
  return countsHold(condition, input.profile);
}

/** The rules that apply, in the configured order: each gives one next step. Pure; the browser and the server share it. */
export function evaluatePathway(rules: readonly PathwayRule[], input: PathwayInput): PathwayRule[] {
  return rules.filter((rule) => conditionHolds(rule.when, input));
}
