import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../client';
import * as schema from '../schema';
import type { SeedCapabilities } from './builders';

/**
 * The demo municipality's local situation map and maturity self-assessments. Every place, group
 * and business here is fictional.
 */
export async function seedOverviewDemo(tx: Database, caps: SeedCapabilities, municipalityId: string, organisations: Map<string, string>): Promise<void> {
  const [coordinator] = await tx
    .select({ id: schema.appUser.id })
    .from(schema.appUser)
    .where(and(eq(schema.appUser.municipalityId, municipalityId), eq(schema.appUser.role, 'coordinator')))
    .orderBy(asc(schema.appUser.createdAt))
    .limit(1);
  if (!coordinator) throw new Error('the demo coordinator must exist before the map is seeded');
  const coordinatorId = coordinator.id;
  const seal = async (field: string, text: string) => (caps.encrypt ? caps.encrypt(tx, municipalityId, field, text) : null);
  await tx.insert(schema.mapSettings).values({ municipalityId, partnersMayRead: false });
  await tx.insert(schema.mapRiskGroup).values([
    {
      municipalityId,
      kind: 'labour_migrants',
      title: 'Sesongarbeidere på jordbærgårdene (fiktivt)',
      sizeLow: 120,
      sizeHigh: 180,
      sizeSource: 'Bondelaget og NAV, 2025',
      notesEnc: await seal('map_risk_group.notes', 'Mest juni–august. Bor ofte på gården.'),
      createdByUserId: coordinatorId,
      updatedByUserId: coordinatorId,
    },
    {
      municipalityId,
      kind: 'unaccompanied_minors',
      title: 'Enslige mindreårige i bofellesskapet (fiktivt)',
      sizeLow: 8,
      sizeHigh: 12,
      sizeSource: 'Flyktningtjenesten',
      createdByUserId: coordinatorId,
      updatedByUserId: coordinatorId,
    },
    {
      municipalityId,
      kind: 'people_selling_sex',
      title: 'Personer som selger sex via annonser (fiktivt)',
      sizeLow: null,
      sizeHigh: null,
      sizeSource: 'Ukjent, politiets vurdering',
      createdByUserId: coordinatorId,
      updatedByUserId: coordinatorId,
    },
  ]);
  const [restaurant] = await tx
    .insert(schema.mapSite)
    .values([
      {
        municipalityId,
        name: 'Demo Sushi og Grill (fiktiv)',
        isicSection: 'I',
        area: 'Sentrum',
        riskLevel: 'high',
        riskReasonEnc: await seal('map_site.risk_reason', 'Lange dager, ansatte bor over restauranten.'),
        knownEnc: await seal('map_site.known', 'Tips om at ansatte ikke får lønn.'),
        createdByUserId: coordinatorId,
        updatedByUserId: coordinatorId,
      },
      {
        municipalityId,
        name: 'Eksempel Bygg AS (fiktiv)',
        isicSection: 'F',
        area: 'Nordre industriområde',
        riskLevel: 'medium',
        createdByUserId: coordinatorId,
        updatedByUserId: coordinatorId,
      },
      {
        municipalityId,
        name: 'Bærgården Fiktiv',
        isicSection: 'A',
        area: 'Vestbygda',
        riskLevel: 'medium',
        createdByUserId: coordinatorId,
        updatedByUserId: coordinatorId,
      },
      {
        municipalityId,
        name: 'Bilvask Demo (fiktiv)',
        isicSection: 'G',
        area: 'Sentrum',
        riskLevel: 'low',
        createdByUserId: coordinatorId,
        updatedByUserId: coordinatorId,
      },
    ])
    .returning({ id: schema.mapSite.id });
  if (restaurant) {
    await tx.insert(schema.mapInspection).values({
      municipalityId,
      siteId: restaurant.id,
      inspectedOn: `${new Date().getUTCFullYear() - 1}-10-14`,
      agencies: ['labour_inspection', 'police', 'tax'],
      findingsEnc: await seal('map_inspection.findings', 'Fire ansatte uten skriftlig kontrakt.'),
      followUpEnc: await seal('map_inspection.follow_up', 'Ny kontroll om seks måneder.'),
      createdByUserId: coordinatorId,
    });
  }
  const shelter = organisations.get('shelter') ?? null;
  await tx.insert(schema.mapService).values([
    {
      municipalityId,
      kind: 'shelter',
      name: 'Krisesenteret (demo)',
      organisationId: shelter,
      capacity: 4,
      capacityUnit: 'plasser',
      description: 'Døgnåpent. Tar imot voksne.',
      createdByUserId: coordinatorId,
      updatedByUserId: coordinatorId,
    },
    {
      municipalityId,
      kind: 'interpreter',
      name: 'Tolketjenesten (demo)',
      capacity: 20,
      capacityUnit: 'timer i uka',
      description: 'Rumensk, polsk, ukrainsk, arabisk, vietnamesisk.',
      createdByUserId: coordinatorId,
      updatedByUserId: coordinatorId,
    },
    {
      municipalityId,
      kind: 'legal_aid',
      name: 'Gratis rettshjelp (demo)',
      description: 'Onsdager 12–16.',
      createdByUserId: coordinatorId,
      updatedByUserId: coordinatorId,
    },
  ]);
  await tx.insert(schema.mapPattern).values([
    {
      municipalityId,
      kind: 'recruitment',
      title: 'Jobbannonser på sosiale medier (fiktivt)',
      descriptionEnc: await seal('map_pattern.description', 'Lover høy lønn og bolig; krever gebyr for reisen.'),
      createdByUserId: coordinatorId,
      updatedByUserId: coordinatorId,
    },
    {
      municipalityId,
      kind: 'seasonal_trend',
      title: 'Bærsesongen (fiktivt)',
      createdByUserId: coordinatorId,
      updatedByUserId: coordinatorId,
    },
  ]);
  const year = new Date().getUTCFullYear();
  const lastYear: Record<string, string> = {
    A: 'early_progress',
    B: 'first_steps',
    C: 'early_progress',
    D: 'first_steps',
    E: 'first_steps',
    F: 'first_steps',
    G: 'first_steps',
    H: 'first_steps',
    I: 'early_progress',
  };
  const thisYear: Record<string, string> = {
    A: 'substantial_progress',
    B: 'early_progress',
    C: 'substantial_progress',
    D: 'early_progress',
    E: 'early_progress',
    F: 'first_steps',
    G: 'early_progress',
    H: 'first_steps',
    I: 'early_progress',
  };
  await tx.insert(schema.maturityRating).values([
    ...Object.entries(lastYear).map(([areaCode, level]) => ({
      municipalityId,
      year: year - 1,
      areaCode,
      level,
      ratedByUserId: coordinatorId,
    })),
    ...Object.entries(thisYear).map(([areaCode, level]) => ({
      municipalityId,
      year,
      areaCode,
      level,
      ratedByUserId: coordinatorId,
    })),
  ]);
}
