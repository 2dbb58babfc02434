import { and, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';

/**
 * One aggregation layer per source: each function reads only the coded, non-identifying columns
 * of one municipality's records in one period and returns them as flat facts. Nothing here reads
 * an encrypted column, a name or free text.
 */

export type MinorGroup = 'minor' | 'adult' | 'unknown';

export type PersonFacts = {
  /** The record's statistics key (0..255, drawn once when it was stored): the cell-key method's input. */
  key: number;
  /** The local calendar day the record counts on (YYYY-MM-DD). */
  day: string;
  forms: string[];
  sectors: string[];
  ageBand: string;
  minor: MinorGroup;
  gender: string;
  nationality: string | null;
  service: string;
};

export type ScreeningFacts = PersonFacts & { level: string };
export type ConcernFacts = PersonFacts & { outcome: string };
export type TipFacts = {
  key: number;
  day: string;
  place: string;
  minor: string;
  status: string;
  immediateDanger: 'yes' | 'no';
  becameConcern: 'yes' | 'no';
};
export type CaseFacts = PersonFacts & {
  isNew: boolean;
  residence: string;
  outcome: string;
  assistedReturn: string;
  childWelfareMeasure: string;
  policeReport: string;
  status: string;
};
export type ReferralFacts = { key: number; day: string; need: string; status: string };
/** A training module completed by a member of staff: staff figures, not victims, but protected the same way. */
export type TrainingFacts = { key: number; day: string; module: string; service: string };

export type Period = { from: Date; to: Date };

const osloDay = sql<string>`to_char(timezone('Europe/Oslo', ${sql.raw('"created_at"')}), 'YYYY-MM-DD')`;

function minorOf(possibleMinor: boolean, ageBand: string): MinorGroup {
  if (possibleMinor) return 'minor';
  return ageBand === 'unknown' ? 'unknown' : 'adult';
}

type FactsJson = {
  ageBand?: string;
  gender?: string;
  nationality?: string | null;
  sector?: string;
};

export async function screeningFacts(db: Database, municipalityId: string, period: Period): Promise<ScreeningFacts[]> {
  const rows = await db
    .select({
      key: schema.screening.statisticsKey,
      day: osloDay,
      context: schema.screening.context,
      facts: schema.screening.facts,
      possibleMinor: schema.screening.possibleMinor,
      profile: schema.screening.profile,
      suspected: schema.screening.suspectedForms,
      level: schema.screening.level,
    })
    .from(schema.screening)
    .where(and(eq(schema.screening.municipalityId, municipalityId), gte(schema.screening.createdAt, period.from), lt(schema.screening.createdAt, period.to)));
  return rows.map((row) => {
    const facts = row.facts as FactsJson;
    const profileForms = ((row.profile as { forms?: Array<{ form: string; level: string }> }).forms ?? []).filter((form) => form.level !== 'none').map((form) => form.form);
    const ageBand = facts.ageBand ?? 'unknown';
    return {
      key: row.key,
      day: row.day,
      forms: [...new Set([...row.suspected, ...profileForms])],
      sectors: [facts.sector ?? 'unknown'],
      ageBand,
      minor: minorOf(row.possibleMinor, ageBand),
      gender: facts.gender ?? 'unknown',
      nationality: facts.nationality ?? null,
      service: row.context,
      level: row.level,
    };
  });
}

export async function concernFacts(db: Database, municipalityId: string, period: Period): Promise<ConcernFacts[]> {
  const rows = await db
    .select({
      key: schema.concern.statisticsKey,
      day: osloDay,
      context: schema.concern.context,
      facts: schema.concern.facts,
      possibleMinor: schema.concern.possibleMinor,
      forms: schema.concern.suspectedForms,
      status: schema.concern.status,
      closeReason: schema.concern.closeReason,
    })
    .from(schema.concern)
    .where(and(eq(schema.concern.municipalityId, municipalityId), gte(schema.concern.createdAt, period.from), lt(schema.concern.createdAt, period.to)));
  return rows.map((row) => {
    const facts = row.facts as FactsJson;
    const ageBand = facts.ageBand ?? 'unknown';
    return {
      key: row.key,
      day: row.day,
      forms: [...new Set(row.forms)],
      sectors: [facts.sector ?? 'unknown'],
      ageBand,
      minor: minorOf(row.possibleMinor, ageBand),
      gender: facts.gender ?? 'unknown',
      nationality: facts.nationality ?? null,
      service: row.context,
      outcome: row.status === 'closed' ? (row.closeReason ?? 'closed') : 'open',
    };
  });
}

export async function tipFacts(db: Database, municipalityId: string, firstDay: string, lastDay: string): Promise<TipFacts[]> {
  const rows = await db
    .select({
      key: schema.tip.statisticsKey,
      day: schema.tip.submittedOn,
      place: schema.tip.placeKind,
      minor: schema.tip.minor,
      status: schema.tip.status,
      danger: schema.tip.immediateDanger,
      concernId: schema.tip.concernId,
    })
    .from(schema.tip)
    .where(and(eq(schema.tip.municipalityId, municipalityId), gte(schema.tip.submittedOn, firstDay), sql`${schema.tip.submittedOn} <= ${lastDay}`));
  return rows.map(({ danger, concernId, ...row }) => ({ ...row, immediateDanger: danger ? 'yes' : 'no', becameConcern: concernId === null ? 'no' : 'yes' }));
}

const yesNo = (value: boolean | null) => (value === null ? 'unknown' : value ? 'yes' : 'no');

/** Cases active in the period: opened before its end and not closed before its start. */
export async function caseFacts(db: Database, municipalityId: string, period: Period): Promise<CaseFacts[]> {
  const c = schema.caseFile;
  const rows = await db
    .select({
      key: c.statisticsKey,
      day: osloDay,
      createdAt: c.createdAt,
      gender: c.gender,
      ageBand: c.ageBand,
      isMinor: c.isMinor,
      nationality: c.nationality,
      forms: c.exploitationForms,
      sectors: c.sectors,
      service: c.identifyingService,
      residence: c.residenceStatus,
      outcome: c.outcome,
      assistedReturn: c.assistedReturn,
      childWelfareMeasure: c.childWelfareMeasure,
      policeReport: c.policeReportMade,
      status: c.status,
    })
    .from(c)
    .where(and(eq(c.municipalityId, municipalityId), lt(c.createdAt, period.to), or(isNull(c.closedAt), gte(c.closedAt, period.from))));
  return rows.map((row) => ({
    key: row.key,
    day: row.day,
    isNew: row.createdAt >= period.from,
    forms: [...new Set(row.forms)],
    sectors: row.sectors.length > 0 ? [...new Set(row.sectors)] : ['unknown'],
    ageBand: row.ageBand,
    minor: row.isMinor ? 'minor' : row.ageBand === 'unknown' ? 'unknown' : 'adult',
    gender: row.gender,
    nationality: row.nationality,
    service: row.service,
    residence: row.residence,
    outcome: row.outcome ?? 'pending',
    assistedReturn: yesNo(row.assistedReturn),
    childWelfareMeasure: yesNo(row.childWelfareMeasure),
    policeReport: yesNo(row.policeReport),
    status: row.status,
  }));
}

export async function referralFacts(db: Database, municipalityId: string, period: Period): Promise<ReferralFacts[]> {
  const r = schema.caseReferral;
  const rows = await db
    .select({
      key: r.statisticsKey,
      day: sql<string>`to_char(timezone('Europe/Oslo', ${r.sentAt}), 'YYYY-MM-DD')`,
      need: r.needKind,
      status: r.status,
    })
    .from(r)
    .where(and(eq(r.municipalityId, municipalityId), gte(r.sentAt, period.from), lt(r.sentAt, period.to)));
  return rows;
}

export async function trainingFacts(db: Database, municipalityId: string, period: Period): Promise<TrainingFacts[]> {
  const c = schema.trainingCompletion;
  return db
    .select({ key: c.statisticsKey, day: sql<string>`to_char(timezone('Europe/Oslo', ${c.completedAt}), 'YYYY-MM-DD')`, module: c.moduleKey, service: sql<string>`coalesce(${schema.organisation.kind}, 'other')` })
    .from(c)
    .leftJoin(schema.organisation, and(eq(schema.organisation.id, c.organisationId), eq(schema.organisation.municipalityId, municipalityId)))
    .where(and(eq(c.municipalityId, municipalityId), gte(c.completedAt, period.from), lt(c.completedAt, period.to)));
}

/** Yearly totals per source, for the trend table. */
export async function yearlyTotals(db: Database, municipalityId: string, years: Array<{ year: number; from: Date; to: Date }>): Promise<Array<{ year: number; source: string; total: number }>> {
  const out: Array<{ year: number; source: string; total: number }> = [];
  for (const { year, from, to } of years) {
    const counts = await db.execute(sql`
      select
        (select count(*)::int from ${schema.screening} where municipality_id = ${municipalityId} and created_at >= ${from.toISOString()} and created_at < ${to.toISOString()}) as screening,
        (select count(*)::int from ${schema.concern} where municipality_id = ${municipalityId} and created_at >= ${from.toISOString()} and created_at < ${to.toISOString()}) as concern,
        (select count(*)::int from ${schema.tip} where municipality_id = ${municipalityId} and submitted_on >= ${`${year}-01-01`} and submitted_on <= ${`${year}-12-31`}) as tip,
        (select count(*)::int from ${schema.caseFile} where municipality_id = ${municipalityId} and created_at < ${to.toISOString()} and (closed_at is null or closed_at >= ${from.toISOString()})) as "case",
        (select count(*)::int from ${schema.caseReferral} where municipality_id = ${municipalityId} and sent_at >= ${from.toISOString()} and sent_at < ${to.toISOString()}) as referral,
        (select count(*)::int from ${schema.trainingCompletion} where municipality_id = ${municipalityId} and completed_at >= ${from.toISOString()} and completed_at < ${to.toISOString()}) as training,
        (select count(*)::int from ${schema.procurementContract} where municipality_id = ${municipalityId} and starts_on <= ${`${year}-12-31`} and ends_on >= ${`${year}-01-01`}) as procurement`);
    const row = rowsOf<Record<'screening' | 'concern' | 'tip' | 'case' | 'referral' | 'training' | 'procurement', number | string>>(counts)[0];
    if (!row) continue;
    for (const source of ['screening', 'concern', 'tip', 'case', 'referral', 'training', 'procurement'] as const) out.push({ year, source, total: Number(row[source]) });
  }
  return out;
}

/** PGlite and node-postgres return execute() results in slightly different shapes. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return (result as { rows?: T[] }).rows ?? [];
}
