import { personalDataHints, type PersonalDataHint } from '@lykt/shared';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';

type Issue = { field: string; message: string };

/** The issues a VALIDATION_ERROR names in its details ([{ field, message }]); empty for any other error. */
function validationIssues(error: unknown): Issue[] {
  if (!isApiError(error, 'VALIDATION_ERROR') || !Array.isArray(error.details)) return [];
  return error.details.flatMap((issue: unknown) =>
    typeof issue === 'object' && issue !== null && 'field' in issue && typeof issue.field === 'string' ? [{ field: issue.field, message: 'message' in issue && typeof issue.message === 'string' ? issue.message : '' }] : [],
  );
}

/** The fields a VALIDATION_ERROR names in its details; empty for any other error. */
export function invalidFields(error: unknown): string[] {
  return validationIssues(error).map((issue) => issue.field);
}

const HINTS: readonly PersonalDataHint[] = ['national_id', 'email', 'phone', 'name_list'];
const SPECIFIC = ['orgNumber', 'valueNok', 'reason', 'checkId', 'parentId', 'siteId', 'validDays'] as const;

/**
 * Server validation errors placed on their fields. `fields` are the fields the form shows; when the
 * error names only those, `showAlert` is false and each field shows its own plain-language reason
 * (`errorFor`). A free text refused because it looks like a crew list or a personal number says so,
 * naming what it looked like (from the text as typed, else from the server's message).
 */
export function useFieldErrors(error: unknown, fields: readonly string[]) {
  const { t } = useTranslation();
  const issues = validationIssues(error);
  const showAlert = Boolean(error) && (issues.length === 0 || issues.some((issue) => !fields.includes(issue.field)));
  const errorFor = (field: string, value?: string): string | undefined => {
    const issue = issues.find((entry) => entry.field === field);
    if (!issue) return undefined;
    if (issue.message.startsWith('Write no names')) {
      const typed = personalDataHints(value ?? '');
      const hints = typed.length > 0 ? typed : HINTS.filter((hint) => issue.message.includes(hint));
      return t('procurement.fieldErrors.personalData', { reasons: hints.map((hint) => t(`procurement.fieldErrors.hints.${hint}`)).join(', ') });
    }
    const name = field.split('.').at(-1) ?? field;
    if (name === 'endsOn' && issue.message.includes('on or after')) return t('procurement.fieldErrors.endsOn');
    const specific = SPECIFIC.find((entry) => entry === name);
    if (specific) return t(`procurement.fieldErrors.${specific}`);
    if (/too big|<=/i.test(issue.message)) return t('procurement.fieldErrors.tooLong');
    if (name.endsWith('On')) return t('procurement.fieldErrors.date');
    if (/too small|>=1/i.test(issue.message)) return t('procurement.fieldErrors.required');
    return t('procurement.fieldErrors.invalid');
  };
  return { showAlert, errorFor };
}
