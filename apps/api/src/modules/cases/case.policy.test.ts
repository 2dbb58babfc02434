import { describe, expect, it } from 'vitest';
import type { Role } from '@lykt/shared';
import type { UserActor } from '../../platform/context';
import { abilitiesFor, canReadAccessReasons, canReadPersonalData, canSeeCase, type CaseAccess } from './case.policy';
import type { CaseRow } from './case.repository';

const actor = (role: Role): UserActor => ({ kind: 'user', userId: 'u', municipalityId: 'm', organisationId: 'o', role, sessionId: 's', name: 'N' });
const row = (overrides: Partial<CaseRow> = {}) => ({ status: 'open', personalDataErasedAt: null, ...overrides }) as CaseRow;
const access = (teamRole: CaseAccess['teamRole'], overrides: Partial<CaseRow> = {}, breakGlassUntil: Date | null = null): CaseAccess => ({ row: row(overrides), teamRole, breakGlassUntil });

describe('case policy', () => {
  it('lets only the team and the coordinator know a case exists', () => {
    expect(canSeeCase(actor('caseworker'), null)).toBe(false);
    expect(canSeeCase(actor('caseworker'), 'member')).toBe(true);
    expect(canSeeCase(actor('coordinator'), null)).toBe(true);
    expect(canSeeCase(actor('partner'), null)).toBe(false);
  });

  it('shows personal data to the team, or to a coordinator under break-glass only', () => {
    expect(canReadPersonalData(access(null))).toBe(false);
    expect(canReadPersonalData(access(null, {}, new Date()))).toBe(true);
    expect(canReadPersonalData(access('owner'))).toBe(true);
    expect(abilitiesFor(actor('coordinator'), access(null))).toMatchObject({ readPersonalData: false, edit: false, breakGlass: true, viewReadLog: true, erase: true });
    expect(abilitiesFor(actor('coordinator'), access(null, {}, new Date()))).toMatchObject({ readPersonalData: true, edit: true, breakGlass: false });
  });

  it('keeps a closed case read-only until reopened, and an erased one without personal data, export or a second erasure', () => {
    expect(abilitiesFor(actor('caseworker'), access('owner', { status: 'closed' }))).toMatchObject({ edit: false, close: false, reopen: true, manageTeam: false });
    expect(abilitiesFor(actor('caseworker'), access('member'))).toMatchObject({ edit: true, manageTeam: false, viewReadLog: false, viewDuplicates: false, erase: false });
    expect(abilitiesFor(actor('caseworker'), access('owner'))).toMatchObject({ manageTeam: true });
    expect(abilitiesFor(actor('coordinator'), access('owner', { personalDataErasedAt: new Date() }))).toMatchObject({ readPersonalData: false, export: false, erase: false, viewDuplicates: false });
  });
});

describe('canReadAccessReasons', () => {
  it('lets the case team and the coordinator read break-glass and revocation reasons, nobody else', () => {
    expect(canReadAccessReasons(actor('caseworker'), access('member'))).toBe(true);
    expect(canReadAccessReasons(actor('caseworker'), access('owner'))).toBe(true);
    expect(canReadAccessReasons(actor('coordinator'), access(null))).toBe(true);
    expect(canReadAccessReasons(actor('caseworker'), access(null))).toBe(false);
  });
});
