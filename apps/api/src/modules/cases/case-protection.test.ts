import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '@lykt/db';
import type { Case } from '@lykt/shared';
import { freshDatabases } from '../../../test/fresh-databases';
import { call, createHarness, signIn, type TestHarness } from '../../../test/harness';
import { backupDatabase } from '../../platform/backup';
import { auditOf, caseState, directCaseBody, openCase, PERSON, seedCaseTenant, seedShelter } from './case.fixtures';
import { runCaseRetention } from './case-protection.service';

// runCaseRetention erases and warns in every municipality in the database (and a second run must warn
// none at all), and the dump covers the whole database: on PostgreSQL the file gets a database of its own
// (dropped after the file), so it never acts on or counts the cases other test files are setting up.
const ownDatabase = freshDatabases(process.env.TEST_DATABASE_URL, 'lykt_case_protection');
let h: TestHarness;
beforeAll(async () => {
  h = await createHarness({}, { ownDatabase });
});
afterAll(async () => {
  await h.close();
});

const MONTH = 30.5 * 86_400_000;

describe('retention', () => {
  it('erases personal data of cases closed longer than the period, warns 30 days before, audits each as the system', async () => {
    const tenant = await seedCaseTenant(h);
    const owner = await signIn(h, tenant.users.caseworker);
    const old = await openCase(h, owner);
    const soon = await openCase(h, owner);
    const open = await openCase(h, owner);
    await call(h, owner, 'POST', `/api/v1/cases/${old.id}/journal`, { entryDate: '2024-01-01', text: 'Hemmelig journaltekst' });
    const coordinator = await signIn(h, tenant.users.coordinator);
    for (const theCase of [old, soon]) {
      const glass = await call(h, coordinator, 'POST', `/api/v1/cases/${theCase.id}/break-glass`, { reason: 'Broren til Anna ringte' });
      expect(glass.statusCode, glass.body).toBeLessThan(300);
    }
    const grantsOf = async (caseId: string) => h.deps.db.select().from(schema.caseAccessGrant).where(eq(schema.caseAccessGrant.caseId, caseId));
    for (const theCase of [old, soon]) await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/closure`, { status: 'closed', reason: 'Avsluttet' });
    const now = new Date();
    await h.deps.db.update(schema.caseFile).set({ closedAt: new Date(now.getTime() - 25 * MONTH) }).where(eq(schema.caseFile.id, old.id));
    await h.deps.db.update(schema.caseFile).set({ closedAt: new Date(now.getTime() - 23.5 * MONTH) }).where(eq(schema.caseFile.id, soon.id));

    const outcome = await runCaseRetention(h.deps, now);
    expect(outcome.erased).toBeGreaterThanOrEqual(1);
    const state = await caseState(h, tenant.municipality.id);
    const byId = new Map(state.cases.map((row) => [row.id, row]));
    expect(byId.get(old.id)).toMatchObject({ personEnc: null, personHash: null, closeReasonEnc: null, nationality: 'RO', gender: 'female' });
    expect(byId.get(old.id)?.personalDataErasedAt).not.toBeNull();
    expect(state.journal).toEqual([]);
    // Break-glass reasons are erased with the rest; the audit log still tells who opened the case.
    expect(await grantsOf(old.id)).toEqual([]);
    expect(await grantsOf(soon.id)).toHaveLength(1);
    expect(await auditOf(h, tenant.municipality.id, 'case.break_glass')).toHaveLength(2);
    expect(byId.get(soon.id)?.personEnc).not.toBeNull();
    expect(byId.get(soon.id)?.retentionWarnedAt).not.toBeNull();
    expect(byId.get(open.id)?.personEnc).not.toBeNull();
    const [erased] = await auditOf(h, tenant.municipality.id, 'case.personal.erased');
    expect(erased).toMatchObject({ entityId: old.id, actorUserId: null, actorLabel: 'case-retention', details: { trigger: 'retention', retentionMonths: 24 } });
    expect(await auditOf(h, tenant.municipality.id, 'case.retention.warned')).toHaveLength(1);

    const reminders = (await call(h, await signIn(h, tenant.users.coordinator), 'GET', '/api/v1/cases/reminders')).json<{ items: { kind: string; caseId: string }[] }>();
    expect(reminders.items).toContainEqual(expect.objectContaining({ kind: 'retention_erasure', caseId: soon.id }));

    // A second run the same night does nothing more.
    const again = await runCaseRetention(h.deps, now);
    const mine = await auditOf(h, tenant.municipality.id, 'case.personal.erased');
    expect(mine).toHaveLength(1);
    expect(again.warned).toBe(0);
  });

  it('follows the configured retention period', async () => {
    const tenant = await seedCaseTenant(h);
    const owner = await signIn(h, tenant.users.caseworker);
    const theCase = await openCase(h, owner);
    await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/closure`, { status: 'closed', reason: 'Avsluttet' });
    await call(h, await signIn(h, tenant.users.coordinator), 'PUT', '/api/v1/cases/settings', { retentionMonths: 6 });
    await h.deps.db.update(schema.caseFile).set({ closedAt: new Date(Date.now() - 7 * MONTH) }).where(eq(schema.caseFile.id, theCase.id));
    await runCaseRetention(h.deps);
    const read = (await call(h, owner, 'GET', `/api/v1/cases/${theCase.id}`)).json<Case>();
    expect(read).toMatchObject({ person: null, personalDataErased: true });
  });
});

describe('a database dump', () => {
  it('contains no seeded name, birth date, journal text or shared referral data in clear', async () => {
    const tenant = await seedCaseTenant(h);
    const shelter = await seedShelter(h, tenant);
    const owner = await signIn(h, tenant.users.caseworker);
    const theCase = await openCase(h, owner, directCaseBody({ person: { ...PERSON, name: 'Oksana Dumptestova', dateOfBirth: '1987-11-23' } }));
    await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/journal`, { entryDate: '2026-01-02', text: 'Journalen nevner Oksana' });
    const consent = (await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/consents`, { purpose: 'share_with_organisation', recipientOrganisationId: shelter.organisation.id, dataCategories: ['full_name', 'date_of_birth'], method: 'written', givenOn: '2026-01-02' })).json<Case>().consents[0];
    const referred = await call(h, owner, 'POST', `/api/v1/cases/${theCase.id}/referrals`, { organisationId: shelter.organisation.id, needKind: 'housing', dataCategories: ['full_name', 'date_of_birth'], consentId: consent?.id });
    expect(referred.statusCode, referred.body).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lykt-dump-')), 'dump.jsonl');
    await backupDatabase(h.deps.db, file);
    const dump = gunzipSync(fs.readFileSync(file)).toString('utf8');
    expect(dump).toContain(theCase.caseNumber);
    for (const value of ['Oksana', 'Dumptestova', '1987-11-23', '23.11.1987', 'Journalen nevner']) expect(dump, value).not.toContain(value);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
