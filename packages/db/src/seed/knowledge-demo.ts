import { randomBytes } from 'node:crypto';
import { and, eq, like, sql } from 'drizzle-orm';
import { markdownPlainText } from '@lykt/shared';
import type { Database } from '../client';
import * as schema from '../schema';
import { buildOrganisation, buildUser, type SeedCapabilities } from './builders';

type Org = 'municipality' | 'child_welfare' | 'health' | 'nav' | 'school' | 'refugee';

/** Fictional staff per organisation (first names only, with "(demo)"), so coverage has something to count. */
const STAFF: Record<Org | 'library' | 'daycare', string[]> = {
  school: ['Anne', 'Bjørn', 'Camilla', 'Dag', 'Eli', 'Frode', 'Gro', 'Hans', 'Ida', 'Jon'],
  health: ['Kristin', 'Lars', 'Mona', 'Nils', 'Oda', 'Pål'],
  nav: ['Randi', 'Stein', 'Trine', 'Ulf', 'Vigdis'],
  refugee: ['Wenche', 'Yngve', 'Åse', 'Arne'],
  child_welfare: ['Berit', 'Cato', 'Dina', 'Erik'],
  municipality: ['Fia', 'Geir'],
  library: ['Hege', 'Ivar', 'Janne'],
  daycare: ['Kjell', 'Liv', 'Marit', 'Nora'],
};

/** Module keys, with the share of each organisation's staff who took it and when (days ago, spread over a year or more). */
const MODULES: Record<string, { orgs: Array<keyof typeof STAFF>; share: number }> = {
  basics: { orgs: ['school', 'health', 'nav', 'refugee', 'child_welfare', 'municipality', 'library', 'daycare'], share: 0.6 },
  'children-services': { orgs: ['school', 'child_welfare', 'library', 'daycare'], share: 0.45 },
  'adult-services': { orgs: ['health', 'nav', 'refugee'], share: 0.5 },
};

/** A small deterministic random source, so the demo looks the same every time it is seeded. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function addMonths(date: Date, months: number): string {
  const result = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, Math.min(date.getUTCDate(), 28)));
  return result.toISOString().slice(0, 10);
}

/**
 * Knowledge and training demo data: a teacher's demo account (`teacher@<domain>`), fictional
 * staff in the demo organisations plus a library and a day-care centre, completions spread over
 * the last 14 months (so coverage moves month by month and some are due for refreshing), the
 * municipality's own article with two versions, and the demo plan's training measure linked to
 * an 80 % target. Everything is fictional.
 */
export async function seedKnowledgeDemo(
  tx: Database,
  caps: SeedCapabilities,
  municipalityId: string,
  organisations: ReadonlyMap<string, string>,
  options: { emailDomain: string; password: string; now?: Date },
): Promise<{ users: { role: string; email: string }[] }> {
  const now = options.now ?? new Date();
  const orgIds = new Map<keyof typeof STAFF, string>();
  for (const key of ['municipality', 'child_welfare', 'health', 'nav', 'school', 'refugee'] as const) {
    const id = organisations.get(key);
    if (id) orgIds.set(key, id);
  }
  orgIds.set('library', (await buildOrganisation(tx, municipalityId, { name: 'Eksempel folkebibliotek', kind: 'municipal_service', isInternal: true, phone: '+47 99 00 00 09', notes: 'Bibliotek med språkkafé og leksehjelp.' })).id);
  orgIds.set('daycare', (await buildOrganisation(tx, municipalityId, { name: 'Solsikken barnehage', kind: 'municipal_service', isInternal: true, phone: '+47 99 00 00 10', notes: 'Kommunal barnehage.' })).id);

  const schoolId = orgIds.get('school');
  if (!schoolId) throw new Error('demo school missing');
  const teacherEmail = `teacher@${options.emailDomain}`;
  await buildUser(tx, caps, { municipalityId, organisationId: schoolId, role: 'frontline', email: teacherEmail, name: 'Tor Lærer (demo)', password: options.password, isDemoAccount: true });

  // Staff without a way to sign in: a random password nobody knows.
  const unknownPassword = randomBytes(24).toString('base64url');
  const staff: Array<{ userId: string; org: keyof typeof STAFF; organisationId: string }> = [];
  for (const [org, names] of Object.entries(STAFF) as Array<[keyof typeof STAFF, string[]]>) {
    const organisationId = orgIds.get(org);
    if (!organisationId) continue;
    for (const [index, name] of names.entries()) {
      const user = await buildUser(tx, caps, {
        municipalityId,
        organisationId,
        role: org === 'municipality' && index === 0 ? 'caseworker' : 'frontline',
        email: `ansatt-${org}-${index + 1}@${options.emailDomain}`,
        name: `${name} (demo)`,
        password: unknownPassword,
      });
      staff.push({ userId: user.id, org, organisationId });
    }
  }

  const next = random(20_261_128);
  const completions: Array<typeof schema.trainingCompletion.$inferInsert> = [];
  for (const [moduleKey, plan] of Object.entries(MODULES)) {
    for (const person of staff.filter((member) => plan.orgs.includes(member.org))) {
      if (next() > plan.share) continue;
      // Mostly within the last year; a few 22-25 months ago, so they are due for refreshing or expired.
      const daysAgo = next() < 0.12 ? 670 + Math.floor(next() * 90) : Math.floor(next() * 365);
      const completedAt = new Date(now.getTime() - daysAgo * 86_400_000);
      completions.push({ municipalityId, userId: person.userId, organisationId: person.organisationId, moduleKey, moduleVersion: 1, score: 80 + Math.round(next() * 4) * 5, completedAt, validUntil: addMonths(completedAt, 24) });
    }
  }
  if (completions.length > 0) await tx.insert(schema.trainingCompletion).values(completions);

  // The municipality's own article, changed once (two versions).
  const coordinator = await tx
    .select({ id: schema.appUser.id })
    .from(schema.appUser)
    .where(and(eq(schema.appUser.municipalityId, municipalityId), eq(schema.appUser.role, 'coordinator')))
    .limit(1);
  const coordinatorId = coordinator[0]?.id ?? null;
  const first = {
    title: 'Tolk på telefon i Eksempel kommune',
    summary: 'Slik bestiller du en kvalifisert tolk på telefon når du møter en mulig utsatt.',
    body: '## Bestilling\n\n- Ring kommunens tolketjeneste på **+47 99 00 00 11** (fiktivt nummer).\n- Oppgi språk og at samtalen er fortrolig.\n\n## Husk\n\nBruk aldri ledsageren som tolk. Les [hvordan du snakker med en mulig utsatt](kb:talking-with-a-possible-victim).',
  };
  const second = { ...first, body: `${first.body}\n\nTolketjenesten har også videotolk for tegnspråk.` };
  const search = (text: typeof first) => sqlVector(text);
  const [article] = await tx
    .insert(schema.knowledgeArticle)
    .values({ municipalityId, slug: 'tolk-pa-telefon', lang: 'nb', source: 'municipal', kind: 'local', ...second, services: [], forms: [], contentVersion: null, version: 2, search: search(second), updatedByUserId: coordinatorId })
    .returning();
  if (article) {
    await tx.insert(schema.knowledgeArticleVersion).values([
      { municipalityId, articleId: article.id, version: 1, change: 'created', ...first, services: [], forms: [], changedByUserId: coordinatorId, changedAt: new Date(now.getTime() - 90 * 86_400_000) },
      { municipalityId, articleId: article.id, version: 2, change: 'updated', ...second, services: [], forms: [], changedByUserId: coordinatorId, changedAt: new Date(now.getTime() - 20 * 86_400_000) },
    ]);
  }

  // The plan's training measure follows the coverage of the basics module.
  const [measure] = await tx
    .select({ lineageId: schema.planMeasure.lineageId, planId: schema.planVersion.planId })
    .from(schema.planMeasure)
    .innerJoin(schema.planVersion, eq(schema.planVersion.id, schema.planMeasure.planVersionId))
    .where(and(eq(schema.planMeasure.municipalityId, municipalityId), like(schema.planMeasure.title, 'Årlig opplæring%')))
    .limit(1);
  if (measure) {
    await tx.insert(schema.trainingPlanLink).values({
      municipalityId,
      planId: measure.planId,
      measureLineageId: measure.lineageId,
      moduleKey: 'basics',
      organisationKinds: [],
      targetShare: 80,
      targetDate: addMonths(now, 12),
      createdByUserId: coordinatorId,
    });
  }
  return { users: [{ role: 'frontline', email: teacherEmail }] };
}

/** The Norwegian search vector of an article, as the API writes it (title A, summary B, body C). */
function sqlVector(text: { title: string; summary: string; body: string }) {
  const plain = markdownPlainText(text.body);
  return sql`setweight(to_tsvector('norwegian', ${text.title}), 'A') || setweight(to_tsvector('norwegian', ${text.summary}), 'B') || setweight(to_tsvector('norwegian', ${plain}), 'C')`;
}
