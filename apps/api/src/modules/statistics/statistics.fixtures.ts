import { schema, type Database } from '@lykt/db';

/** Test data for statistics: coded rows inserted directly (no personal data is needed to count). */

export type CaseSeed = {
  createdAt: Date;
  gender?: string;
  ageBand?: string;
  isMinor?: boolean;
  nationality?: string | null;
  forms?: string[];
  sectors?: string[];
  service?: string;
  residence?: string;
  outcome?: string | null;
  status?: string;
  closedAt?: Date | null;
  /** The record's statistics key 0..255; drawn at random by the database when left out. */
  statisticsKey?: number;
};

export async function insertCases(db: Database, tenant: { municipalityId: string; userId: string }, seeds: CaseSeed[], numberPrefix = 'T-'): Promise<void> {
  if (seeds.length === 0) return;
  await db.insert(schema.caseFile).values(
    seeds.map((seed, index) => ({
      municipalityId: tenant.municipalityId,
      caseNumber: `${numberPrefix}${index + 1}`,
      status: seed.status ?? 'open',
      sourceKind: 'direct',
      ownerUserId: tenant.userId,
      openedByUserId: tenant.userId,
      gender: seed.gender ?? 'female',
      ageBand: seed.ageBand ?? '25_39',
      isMinor: seed.isMinor ?? false,
      nationality: seed.nationality === undefined ? 'RO' : seed.nationality,
      exploitationForms: seed.forms ?? ['labour'],
      sectors: seed.sectors ?? ['cleaning'],
      identifyingService: seed.service ?? 'health',
      residenceStatus: seed.residence ?? 'eea_citizen',
      outcome: seed.outcome ?? null,
      closedAt: seed.closedAt ?? null,
      createdAt: seed.createdAt,
      ...(seed.statisticsKey === undefined ? {} : { statisticsKey: seed.statisticsKey }),
    })),
  );
}

export type ScreeningSeed = {
  createdAt: Date;
  gender?: string;
  ageBand?: string;
  nationality?: string | null;
  sector?: string;
  level?: string;
  context?: string;
  forms?: string[];
};

export async function insertScreenings(db: Database, tenant: { municipalityId: string; userId: string; organisationId: string }, seeds: ScreeningSeed[]): Promise<void> {
  if (seeds.length === 0) return;
  await db.insert(schema.screening).values(
    seeds.map((seed) => {
      const ageBand = seed.ageBand ?? '25_39';
      const possibleMinor = ['under_13', '13_15', '16_17'].includes(ageBand);
      return {
        municipalityId: tenant.municipalityId,
        createdByUserId: tenant.userId,
        organisationId: tenant.organisationId,
        context: seed.context ?? 'health',
        catalogueVersion: '1',
        suspectedForms: seed.forms ?? ['labour'],
        facts: {
          ageBand,
          possibleMinor,
          gender: seed.gender ?? 'male',
          nationality: seed.nationality ?? null,
          sector: seed.sector ?? 'construction',
          placeKind: 'workplace',
          immediateDanger: false,
          wantsHelp: 'unknown',
        },
        possibleMinor,
        answers: [],
        profile: { forms: [] },
        level: seed.level ?? 'some_indicators',
        nextStepRuleIds: [],
        createdAt: seed.createdAt,
      };
    }),
  );
}

/** n copies of a seed. */
export function times<T>(n: number, seed: T): T[] {
  return Array.from({ length: n }, () => seed);
}
