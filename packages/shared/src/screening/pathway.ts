import type { PathwayCondition, PathwayRule } from '../contracts/pathway';
import type { ScreeningFacts, ScreeningProfile } from '../contracts/screening';
import { levelAtLeast } from './score';

/** What pathway rules look at: the coded facts and the indicator profile. */
export type PathwayInput = {
  facts: Pick<ScreeningFacts, 'immediateDanger' | 'wantsHelp'>;
  profile: ScreeningProfile;
};

function countsHold(condition: PathwayCondition, profile: ScreeningProfile): boolean {
  // Without a form condition the general level counts too: general signs of control alone can meet a rule.
  const general = profile.general ? [{ ...profile.general, form: null }] : [];
  const candidates = condition.forms ? profile.forms.filter((form) => condition.forms?.includes(form.form)) : [...general, ...profile.forms];
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

const stepKey = (rule: PathwayRule) => JSON.stringify([rule.step.kind, rule.step.organisationId, rule.step.organisationKind, rule.step.phone]);

/**
 * The rules that apply, in the configured order: each gives one next step. A step identical to one
 * already given (same kind, contact and phone) is given once, at its first place. Pure; the browser and
 * the server share it.
 */
export function evaluatePathway(rules: readonly PathwayRule[], input: PathwayInput): PathwayRule[] {
  const seen = new Set<string>();
  return rules.filter((rule) => {
    if (!conditionHolds(rule.when, input)) return false;
    const key = stepKey(rule);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
