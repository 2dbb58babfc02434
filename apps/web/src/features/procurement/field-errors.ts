import { isApiError } from '../../api/client';

/** The fields a VALIDATION_ERROR names in its details ([{ field, message }]); empty for any other error. */
export function invalidFields(error: unknown): string[] {
  if (!isApiError(error, 'VALIDATION_ERROR') || !Array.isArray(error.details)) return [];
  return error.details.flatMap((issue: unknown) => (typeof issue === 'object' && issue !== null && 'field' in issue && typeof issue.field === 'string' ? [issue.field] : []));
}
