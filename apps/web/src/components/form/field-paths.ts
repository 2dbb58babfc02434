import type { FieldError, FieldErrors, FieldValues } from 'react-hook-form';
import { isApiError, type ApiErrorCode } from '../../api/client';

/** One field the server named in an error's details, as `{ field: "rules.3.step.phone", message }`. */
export interface ServerFieldIssue {
  field: string;
  message: string;
}

/** A server issue placed on one of the form's own fields. */
export interface PlacedIssue {
  field: string;
  issue: ServerFieldIssue;
  code: ApiErrorCode;
}

/** How a form's fields relate to the paths the server reports. */
export interface ServerPathOptions {
  /** The form's own field paths (e.g. "step.phone", "dataCategories"). */
  fields: readonly string[];
  /** Part of the server's path in front of the form's (e.g. "rules.3." when the form edits one rule of many). */
  prefix?: string | undefined;
  /** Server paths that the form shows under another field (e.g. step.organisationId under step.target). */
  aliases?: Readonly<Record<string, string>> | undefined;
}

function isFieldIssue(value: unknown): value is ServerFieldIssue {
  return typeof value === 'object' && value !== null && 'field' in value && typeof value.field === 'string';
}

/** The field issues an API error carries in its details (validation errors and the sharing-basis checks send them). */
export function serverFieldIssues(error: unknown): ServerFieldIssue[] {
  if (!isApiError(error) || !Array.isArray(error.details)) return [];
  return error.details.filter(isFieldIssue).map((issue) => ({ field: issue.field, message: typeof issue.message === 'string' ? issue.message : '' }));
}

/**
 * The form field a server path belongs to: the prefix is removed, an alias applies, and otherwise the
 * longest leading part of the path that is one of the form's fields wins ("dataCategories.2" belongs to
 * "dataCategories"). Undefined when the path lies outside the form.
 */
export function formFieldFor(serverPath: string, options: ServerPathOptions): string | undefined {
  const prefix = options.prefix ?? '';
  if (!serverPath.startsWith(prefix)) return undefined;
  const path = serverPath.slice(prefix.length);
  const known = new Set(options.fields);
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const candidate = segments.slice(0, length).join('.');
    const aliased = options.aliases?.[candidate];
    if (aliased !== undefined && known.has(aliased)) return aliased;
    if (known.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Splits an API error into issues placed on the form's fields (first issue per field) and whatever is
 * left: an error without field issues, or with issues on fields the form does not show, is "unplaced"
 * and must be shown above the form so that nothing the server said is lost.
 */
export function placeServerIssues(error: unknown, options: ServerPathOptions): { placed: PlacedIssue[]; hasUnplaced: boolean } {
  if (!isApiError(error)) return { placed: [], hasUnplaced: error !== null && error !== undefined };
  const issues = serverFieldIssues(error);
  const placed: PlacedIssue[] = [];
  let hasUnplaced = issues.length === 0;
  for (const issue of issues) {
    const field = formFieldFor(issue.field, options);
    if (field === undefined) hasUnplaced = true;
    else if (!placed.some((entry) => entry.field === field)) placed.push({ field, issue, code: error.code });
  }
  return { placed, hasUnplaced };
}

/** A field error with its path in the form, in the order the form holds them. */
export interface FlatFieldError {
  path: string;
  error: FieldError;
}

function isFieldError(value: unknown): value is FieldError {
  return typeof value === 'object' && value !== null && 'type' in value && typeof value.type === 'string';
}

/** Flattens react-hook-form's nested errors ("when" → { minAny }) into paths ("when.minAny"). */
export function flattenFieldErrors<T extends FieldValues>(errors: FieldErrors<T>, parent = ''): FlatFieldError[] {
  const flat: FlatFieldError[] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (key === 'root' || value === undefined || value === null) continue;
    const path = parent ? `${parent}.${key}` : key;
    if (isFieldError(value)) flat.push({ path, error: value });
    else if (typeof value === 'object') flat.push(...flattenFieldErrors(value as FieldErrors, path));
  }
  return flat;
}

/** The id of a field's input, so that the error summary can link to it. */
export function fieldId(formId: string, path: string): string {
  return `${formId}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
