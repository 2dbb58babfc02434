import { describe, expect, it } from 'vitest';
import type { FieldErrors } from 'react-hook-form';
import { ApiError } from '../../api/client';
import { fieldId, flattenFieldErrors, formFieldFor, placeServerIssues, serverFieldIssues } from './field-paths';

const RULE_FIELDS = ['step.kind', 'step.target', 'step.phone', 'when.minAny', 'when.forms'];

describe('serverFieldIssues', () => {
  it('reads the field issues of an API error and ignores anything else', () => {
    const error = new ApiError('VALIDATION_ERROR', 400, 'Check the field', [{ field: 'legalBasisReason', message: 'Required' }, { nonsense: true }, 'text']);
    expect(serverFieldIssues(error)).toEqual([{ field: 'legalBasisReason', message: 'Required' }]);
    expect(serverFieldIssues(new ApiError('NOT_FOUND', 404, 'Gone'))).toEqual([]);
    expect(serverFieldIssues(new Error('plain'))).toEqual([]);
  });
});

describe('formFieldFor', () => {
  it('strips the prefix of the one rule the form edits', () => {
    expect(formFieldFor('rules.3.step.phone', { fields: RULE_FIELDS, prefix: 'rules.3.' })).toBe('step.phone');
  });
  it('ignores paths of other rules', () => {
    expect(formFieldFor('rules.2.step.phone', { fields: RULE_FIELDS, prefix: 'rules.3.' })).toBeUndefined();
  });
  it('follows an alias to the field that shows the value', () => {
    const options = { fields: RULE_FIELDS, prefix: 'rules.0.', aliases: { 'step.organisationId': 'step.target' } };
    expect(formFieldFor('rules.0.step.organisationId', options)).toBe('step.target');
  });
  it('puts an array element on the array field', () => {
    expect(formFieldFor('dataCategories.2', { fields: ['dataCategories'] })).toBe('dataCategories');
    expect(formFieldFor('when.forms.0', { fields: RULE_FIELDS })).toBe('when.forms');
  });
  it('knows no field the form does not show', () => {
    expect(formFieldFor('step.organisationKind', { fields: RULE_FIELDS })).toBeUndefined();
    expect(formFieldFor('body', { fields: RULE_FIELDS })).toBeUndefined();
  });
});

describe('placeServerIssues', () => {
  it('places every issue on its field, once per field', () => {
    const error = new ApiError('VALIDATION_ERROR', 400, 'Check', [
      { field: 'rules.1.step.phone', message: 'Too long' },
      { field: 'rules.1.when.minAny', message: 'Too big' },
      { field: 'rules.1.step.phone', message: 'Again' },
    ]);
    const { placed, hasUnplaced } = placeServerIssues(error, { fields: RULE_FIELDS, prefix: 'rules.1.' });
    expect(placed.map((entry) => [entry.field, entry.issue.message, entry.code])).toEqual([
      ['step.phone', 'Too long', 'VALIDATION_ERROR'],
      ['when.minAny', 'Too big', 'VALIDATION_ERROR'],
    ]);
    expect(hasUnplaced).toBe(false);
  });
  it('keeps an issue on another rule for the summary', () => {
    const error = new ApiError('VALIDATION_ERROR', 400, 'Check', [
      { field: 'rules.1.step.phone', message: 'Too long' },
      { field: 'rules.4.step.organisationId', message: 'No active organisation' },
    ]);
    const { placed, hasUnplaced } = placeServerIssues(error, { fields: RULE_FIELDS, prefix: 'rules.1.' });
    expect(placed.map((entry) => entry.field)).toEqual(['step.phone']);
    expect(hasUnplaced).toBe(true);
  });
  it('places issues of other codes too (a withdrawn consent names its field)', () => {
    const error = new ApiError('CONFLICT', 409, 'The consent has been withdrawn.', [{ field: 'consentId', message: 'Withdrawn' }]);
    const { placed, hasUnplaced } = placeServerIssues(error, { fields: ['consentId', 'dataCategories'] });
    expect(placed).toEqual([{ field: 'consentId', issue: { field: 'consentId', message: 'Withdrawn' }, code: 'CONFLICT' }]);
    expect(hasUnplaced).toBe(false);
  });
  it('treats an error without field issues, or a network failure, as one for the whole form', () => {
    expect(placeServerIssues(new ApiError('FORBIDDEN', 403, 'No'), { fields: RULE_FIELDS }).hasUnplaced).toBe(true);
    expect(placeServerIssues(new TypeError('Failed to fetch'), { fields: RULE_FIELDS }).hasUnplaced).toBe(true);
    expect(placeServerIssues(null, { fields: RULE_FIELDS }).hasUnplaced).toBe(false);
  });
});

describe('flattenFieldErrors', () => {
  it('lists nested errors by path, in order', () => {
    const errors = {
      step: { phone: { type: 'server', message: 'Rejected' } },
      when: { minAny: { type: 'too_big', message: 'Too big' }, forms: { type: 'too_small', message: 'Choose' } },
      root: { type: 'server', message: 'Form' },
    } as FieldErrors;
    expect(flattenFieldErrors(errors).map((entry) => [entry.path, entry.error.type])).toEqual([
      ['step.phone', 'server'],
      ['when.minAny', 'too_big'],
      ['when.forms', 'too_small'],
    ]);
  });
});

describe('fieldId', () => {
  it('makes an id the summary can link to', () => {
    expect(fieldId('pathway-rule', 'when.minAny')).toBe('pathway-rule-when-minAny');
  });
});
