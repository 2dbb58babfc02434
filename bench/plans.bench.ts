import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { buildOrganisation, buildTenant, schema, TEST_PASSWORD } from '@lykt/db';
import { PLAN_AREA_CODES } from '@lykt/shared';
import { buildApp } from '../apps/api/src/app';
import { seedCapabilities } from '../apps/api/src/platform/seed-capabilities';
import { benchDatabase, measure, printTable } from './support';

/**
 * The plan page's API calls for a plan of 60 measures (15 of them sub-measures) with 600
 * updates: GET the adopted version (measures, roll-up, milestones) and GET one measure with
 * its timeline, as the coordinator.
 */
export async function benchPlans(seconds: number): Promise<void> {
  const { handle, deps } = await benchDatabase();
  // A coordinator is a privileged role: MFA is switched off for this fictional tenant so the load generator can sign in.
  const tenant = await buildTenant(deps.db, seedCapabilities(deps.keyring), { settings: { mfaPolicy: 'off', languages: ['nb'], defaultLanguage: 'nb', suppressionThreshold: 5 } });
  const municipalityId = tenant.municipality.id;
  const owners = await Promise.all(Array.from({ length: 6 }, (_, index) => buildOrganisation(deps.db, municipalityId, { name: `Partner ${index + 1}` })));
  const [plan] = await deps.db.insert(schema.plan).values({ municipalityId, title: 'Bench plan', periodStart: '2026-01-01', periodEnd: '2029-12-31' }).returning();
  if (!plan) throw new Error('plan insert returned nothing');
  const [version] = await deps.db
    .insert(schema.planVersion)
    .values({ municipalityId, planId: plan.id, number: 1, status: 'adopted', decisionRef: 'KS 1/26', decisionDate: '2026-01-15', adoptedAt: new Date(), adoptedByUserId: tenant.users.coordinator.id })
    .returning();
  if (!version) throw new Error('version insert returned nothing');
  const measures: { id: string; lineageId: string }[] = [];
  const parents: string[] = [];
  const areaOf = new Map<string, string>();
  for (let index = 0; index < 60; index++) {
    const isChild = index % 4 === 3 && parents.length > 0;
    const area = PLAN_AREA_CODES[index % PLAN_AREA_CODES.length] ?? 'A';
    const parentId = isChild ? (parents[parents.length - 1] ?? null) : null;
    const parentArea = parentId ? areaOf.get(parentId) : undefined;
    const [row] = await deps.db
      .insert(schema.planMeasure)
      .values({
        municipalityId,
        planVersionId: version.id,
        lineageId: randomUUID(),
        parentId,
        area: parentArea ?? area,
        position: index,
        title: `Tiltak ${index + 1}`,
        description: 'Beskrivelse av tiltaket. '.repeat(8),
        why: 'Hvorfor tiltaket trengs.',
        ownerOrganisationId: owners[index % owners.length]?.id ?? null,
        partnerOrganisationIds: [owners[(index + 1) % owners.length]?.id ?? ''],
        responsiblePerson: 'Koordinator',
        startDate: '2026-02-01',
        dueDate: '2026-12-31',
        status: 'in_progress',
        progress: (index * 7) % 100,
        weight: index % 3 === 0 ? 2 : null,
      })
      .returning();
    if (!row) throw new Error('measure insert returned nothing');
    measures.push({ id: row.id, lineageId: row.lineageId });
    areaOf.set(row.id, row.area);
    if (!isChild) parents.push(row.id);
    await deps.db.insert(schema.planMilestone).values({ municipalityId, measureId: row.id, title: 'Milepæl', dueDate: '2026-06-30', position: 0 });
  }
  const updates = measures.flatMap((measure, index) =>
    Array.from({ length: 10 }, (_, n) => ({
      municipalityId,
      planId: plan.id,
      lineageId: measure.lineageId,
      measureId: measure.id,
      authorUserId: tenant.users.coordinator.id,
      source: 'update',
      occurredOn: `2026-${String((n % 12) + 1).padStart(2, '0')}-15`,
      text: `Oppdatering ${n + 1} for tiltak ${index + 1}: arbeidet går etter planen.`,
      progressBefore: n * 5,
      progressAfter: n * 5 + 5,
      statusBefore: 'in_progress',
      statusAfter: 'in_progress',
    })),
  );
  await deps.db.insert(schema.planMeasureUpdate).values(updates);

  const app = await buildApp(deps, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const login = await fetch(`${appUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: appUrl },
      body: JSON.stringify({ email: tenant.users.coordinator.email, password: TEST_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
    const versionUrl = `${appUrl}/api/v1/plans/${plan.id}/versions/1`;
    const check = await fetch(versionUrl, { headers: { cookie } });
    const body = (await check.json()) as { measures: unknown[] };
    if (check.status !== 200 || body.measures.length !== 60) throw new Error(`unexpected plan page answer ${check.status}`);
    const rows = [
      await measure(`GET plan version (60 measures, ${deps.dbKind})`, versionUrl, { cookie }, seconds, 10),
      await measure('GET measure with 10-update timeline', `${appUrl}/api/v1/measures/${measures[0]?.id ?? ''}`, { cookie }, seconds, 10),
    ];
    printTable(`Action plan API: 60 measures, 600 updates (${seconds} s each, 10 connections)`, rows);
    console.log(`rss after run: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  } finally {
    await app.close();
    await handle.close();
  }
}
