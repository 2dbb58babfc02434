import { eq } from 'drizzle-orm';
import { currentCatalogue, DEFAULT_PATHWAY_NO } from '@lykt/content/indicators';
import { evaluatePathway, isPossibleMinor, scoreScreening, type Answer, type PathwayRule, type ScreeningContext, type ScreeningFacts } from '@lykt/shared';
import type { Database } from '../client';
import * as schema from '../schema';

/** A small deterministic generator, so the demo looks the same on every install. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T };
}

const DAY = 86_400_000;

/** The national contact points (domain.md §3) the demo pathway points to, besides the demo partners. Fictional except the public numbers. */
const NATIONAL_ORGANISATIONS = [
  { key: 'rosa', name: 'ROSA – nasjonalt tilbud om trygt bosted (demo)', kind: 'shelter', phone: '+47 22 33 11 60', notes: 'Døgnåpen telefon for voksne ofre: trygt bosted, juridisk hjelp og helsehjelp.' },
  { key: 'akrim', name: 'A-krimsenteret i Eksempel-regionen (demo)', kind: 'labour_inspection', phone: '+47 99 00 00 11', notes: 'Arbeidstilsynet, NAV, politiet og Skatteetaten mot arbeidslivskriminalitet.' },
] as const;

type Scenario = { context: ScreeningContext; minor: boolean; forms: string[]; yes: string[]; facts: Partial<ScreeningFacts> };

/** Situations the demo screenings are drawn from: clearly fictional, coded facts only. */
const SCENARIOS: Scenario[] = [
  { context: 'health', minor: true, forms: [], yes: ['chi.not-in-school', 'gen.others-speak'], facts: { ageBand: '13_15', gender: 'female', placeKind: 'health_service', nationality: 'RO' } },
  { context: 'health', minor: false, forms: ['sexual'], yes: ['sex.escorted', 'gen.fear', 'sex.no-cash-id'], facts: { ageBand: '18_24', gender: 'female', sector: 'sex_industry', placeKind: 'health_service', nationality: 'NG', wantsHelp: 'yes' } },
  { context: 'health', minor: false, forms: [], yes: [], facts: { ageBand: '40_59', gender: 'male', placeKind: 'health_service' } },
  { context: 'inspection', minor: false, forms: ['labour'], yes: ['lab.wages-withheld', 'gen.documents-held', 'lab.poor-housing'], facts: { ageBand: '25_39', gender: 'male', sector: 'construction', placeKind: 'housing', nationality: 'LT' } },
  { context: 'inspection', minor: false, forms: ['labour'], yes: ['lab.excessive-hours', 'lab.no-contract'], facts: { ageBand: '25_39', gender: 'male', sector: 'restaurant', placeKind: 'workplace', nationality: 'VN' } },
  { context: 'social_services', minor: false, forms: ['labour'], yes: ['gen.money-controlled', 'gen.debt', 'lab.deductions'], facts: { ageBand: '40_59', gender: 'female', sector: 'cleaning', placeKind: 'public_office', nationality: 'PL', wantsHelp: 'yes' } },
  { context: 'school', minor: true, forms: ['forced_criminality'], yes: ['crim.made-to-commit', 'chi.unrelated-adults'], facts: { ageBand: '16_17', gender: 'male', placeKind: 'school' } },
  { context: 'school', minor: true, forms: [], yes: [], facts: { ageBand: '13_15', gender: 'female', placeKind: 'school' } },
  { context: 'refugee_service', minor: false, forms: ['domestic_servitude'], yes: ['dom.never-alone', 'dom.on-call', 'gen.isolation'], facts: { ageBand: '25_39', gender: 'female', sector: 'domestic_work', placeKind: 'home', nationality: 'PH' } },
  { context: 'refugee_service', minor: false, forms: [], yes: ['gen.vulnerable'], facts: { ageBand: '18_24', gender: 'male', placeKind: 'public_office', nationality: 'ER', wantsHelp: 'no' } },
  { context: 'child_welfare', minor: true, forms: ['sexual'], yes: ['chi.sexual-signs', 'gen.fear'], facts: { ageBand: '13_15', gender: 'female', placeKind: 'online' } },
  { context: 'police_liaison', minor: false, forms: ['forced_begging'], yes: ['beg.organised-group', 'beg.lives-with-controllers'], facts: { ageBand: '60_plus', gender: 'male', placeKind: 'street', nationality: 'RO' } },
  { context: 'other', minor: false, forms: [], yes: ['gen.others-speak'], facts: { ageBand: 'unknown', gender: 'unknown', placeKind: 'other' } },
];

const BASE_FACTS: ScreeningFacts = {
  ageBand: 'unknown',
  possibleMinor: false,
  gender: 'unknown',
  nationality: null,
  sector: 'none',
  placeKind: 'other',
  immediateDanger: false,
  wantsHelp: 'unknown',
};

/** The demo municipality's referral pathway: the national default bound to the demo's partner organisations. */
function demoPathway(organisationIdByKind: (kind: string) => string | undefined): PathwayRule[] {
  return DEFAULT_PATHWAY_NO.rules.map((rule) => {
    const kind = rule.step.organisationKind;
    const organisationId = kind ? (organisationIdByKind(kind) ?? null) : null;
    return { ...rule, step: { ...rule.step, organisationId, organisationKind: organisationId ? null : kind } };
  });
}

/**
 * Adds the identification demo: the national contact points, a configured referral pathway and
 * about three dozen screenings and concerns spread over the past year, in several service contexts.
 * Holds no identifying details (the demo has none to encrypt). Call inside seedDemo's transaction, after the users exist.
 */
export async function seedIdentificationDemo(tx: Database, municipalityId: string, now = new Date()): Promise<{ screenings: number; concerns: number }> {
  const organisations = await tx.select().from(schema.organisation).where(eq(schema.organisation.municipalityId, municipalityId));
  const added: { key: string; row: typeof schema.organisation.$inferSelect }[] = [];
  for (const spec of NATIONAL_ORGANISATIONS) {
    const [row] = await tx
      .insert(schema.organisation)
      .values({ municipalityId, name: spec.name, kind: spec.kind, isInternal: false, phone: spec.phone, notes: spec.notes })
      .returning();
    if (row) added.push({ key: spec.key, row });
  }
  const all = [...organisations, ...added.map((entry) => entry.row)];
  const byKind = (kind: string) => {
    if (kind === 'shelter') return added.find((entry) => entry.key === 'rosa')?.row.id;
    return all.find((organisation) => organisation.kind === kind)?.id;
  };
  const rules = demoPathway(byKind);

  const users = await tx.select().from(schema.appUser).where(eq(schema.appUser.municipalityId, municipalityId));
  const userWithRole = (role: string) => users.find((user) => user.role === role);
  const frontline = userWithRole('frontline');
  const caseworker = userWithRole('caseworker');
  const coordinator = userWithRole('coordinator');
  if (!frontline || !caseworker || !coordinator) throw new Error('identification demo needs the frontline, caseworker and coordinator demo users');
  await tx.insert(schema.referralPathway).values({ municipalityId, rules, version: 1, updatedByUserId: coordinator.id, updatedAt: new Date(now.getTime() - 300 * DAY) });

  const catalogue = currentCatalogue();
  const random = generator(20_261_128);
  const reporters = [frontline, frontline, frontline, caseworker, coordinator];
  let screenings = 0;
  let concerns = 0;
  for (let index = 0; index < 36; index += 1) {
    const scenario = random.pick(SCENARIOS);
    const reporter = random.pick(reporters);
    // Spread over the past year, the newest a day ago.
    const createdAt = new Date(now.getTime() - (1 + Math.floor(((36 - index) / 36) * 360) - Math.floor(random.next() * 5)) * DAY);
    const facts: ScreeningFacts = { ...BASE_FACTS, ...scenario.facts, possibleMinor: scenario.minor };
    facts.possibleMinor = isPossibleMinor(facts);
    const answers: { indicatorId: string; answer: Answer }[] = [
      ...scenario.yes.map((indicatorId) => ({ indicatorId, answer: 'yes' as const })),
      { indicatorId: 'gen.threats', answer: random.next() < 0.3 ? ('unknown' as const) : ('no' as const) },
      { indicatorId: 'gen.movement-restricted', answer: 'no' as const },
    ].filter((entry, position, list) => list.findIndex((other) => other.indicatorId === entry.indicatorId) === position);
    const answerMap = Object.fromEntries(answers.map((entry) => [entry.indicatorId, entry.answer]));
    const profile = scoreScreening(catalogue, answerMap, facts.possibleMinor);
    const ruleIds = evaluatePathway(rules, { facts, profile }).map((rule) => rule.id);
    const [screening] = await tx
      .insert(schema.screening)
      .values({
        municipalityId,
        createdByUserId: reporter.id,
        organisationId: reporter.organisationId,
        context: scenario.context,
        catalogueVersion: catalogue.version,
        suspectedForms: scenario.forms,
        facts,
        possibleMinor: facts.possibleMinor,
        answers,
        profile,
        level: profile.level,
        nextStepRuleIds: ruleIds,
        createdAt,
      })
      .returning();
    if (!screening) throw new Error('demo screening insert returned nothing');
    screenings += 1;
    if (profile.level === 'none' || random.next() < 0.25) continue;
    const age = (now.getTime() - createdAt.getTime()) / DAY;
    const closed = age > 60;
    const status = closed ? 'closed' : age > 25 ? 'in_progress' : 'new';
    await tx.insert(schema.concern).values({
      municipalityId,
      screeningId: screening.id,
      reporterUserId: reporter.id,
      reporterOrganisationId: reporter.organisationId,
      context: scenario.context,
      suspectedForms: scenario.forms,
      facts,
      possibleMinor: facts.possibleMinor,
      profile,
      level: profile.level,
      status,
      assignedUserId: status === 'new' ? null : caseworker.id,
      closeReason: closed ? random.pick(['no_indication', 'referred_elsewhere', 'case_opened', 'case_opened']) : null,
      closedAt: closed ? new Date(createdAt.getTime() + 9 * DAY) : null,
      childWelfareDueAt: facts.possibleMinor ? new Date(createdAt.getTime() + 7 * DAY) : null,
      createdAt,
      updatedAt: closed ? new Date(createdAt.getTime() + 9 * DAY) : createdAt,
    });
    concerns += 1;
  }
  return { screenings, concerns };
}

