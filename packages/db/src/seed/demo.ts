import { count } from 'drizzle-orm';
import type { Database } from '../client';
import * as schema from '../schema';
import { buildContactPerson, buildMunicipality, buildOrganisation, buildUser, type SeedCapabilities } from './builders';
import { LANGUAGE_CODES } from '@lykt/shared';
import { seedIdentificationDemo } from './identification-demo';
import { seedTipsDemo } from './tips-demo';
import { seedPlansDemo } from './plans-demo';
import { seedReportsDemo } from './reports-demo';
import { seedCasesDemo } from './cases-demo';
import { seedKnowledgeDemo } from './knowledge-demo';
import { seedOverviewDemo } from './overview-demo';
import { seedProcurementDemo } from './procurement-demo';

export const DEMO_MUNICIPALITY_NAME = 'Eksempel kommune';
export const DEMO_EMAIL_DOMAIN = 'eksempel.kommune.no';
export const DEMO_ROLES = ['admin', 'coordinator', 'caseworker', 'frontline', 'partner', 'viewer', 'procurement'] as const;

/** The fictional partner organisations of the demo municipality. Phone numbers use the reserved test range. */
const DEMO_ORGANISATIONS = [
  { key: 'municipality', name: 'Eksempel kommune – kommunedirektørens stab', kind: 'municipal_service', isInternal: true, phone: '+47 99 00 00 01', notes: 'Koordinator for arbeidet mot menneskehandel.' },
  { key: 'police', name: 'Eksempel politidistrikt', kind: 'police', isInternal: false, phone: '02800', notes: 'Etterforskning, refleksjonsperiode søkes via politiet. Nødnummer 112.', contact: ['Ola Fiktiv', 'Kontaktperson menneskehandel'] },
  { key: 'child_welfare', name: 'Barneverntjenesten i Eksempel', kind: 'child_welfare', isInternal: true, phone: '+47 99 00 00 02', notes: 'Bekymringsmeldinger om barn; gjennomgang innen én uke.', contact: ['Berit Eksempel', 'Barnevernleder'] },
  { key: 'health', name: 'Eksempel helsestasjon og legevakt', kind: 'health', isInternal: true, phone: '+47 99 00 00 03', notes: 'Helsehjelp, også under refleksjonsperioden.' },
  { key: 'nav', name: 'NAV Eksempel', kind: 'social_services', isInternal: false, phone: '+47 99 00 00 04', notes: 'Økonomisk sosialhjelp og midlertidig bolig.' },
  { key: 'school', name: 'Eksempel ungdomsskole', kind: 'school', isInternal: true, phone: '+47 99 00 00 05', notes: 'Forebyggende arbeid og bekymringer om elever.' },
  { key: 'refugee', name: 'Flyktningtjenesten i Eksempel', kind: 'immigrant_service', isInternal: true, phone: '+47 99 00 00 06', notes: 'Introduksjonsprogram og bosetting.' },
  { key: 'shelter', name: 'Krisesenteret i Eksempel-regionen', kind: 'shelter', isInternal: false, phone: '+47 99 00 00 07', notes: 'Trygt botilbud. Nasjonalt: ROSA.', contact: ['Siri Skjult', 'Daglig leder'] },
  { key: 'business', name: 'Eksempel næringsforening', kind: 'business', isInternal: false, phone: '+47 99 00 00 08', notes: 'Samarbeid om seriøsitet i bygg, renhold og servering.' },
] as const;

export type DemoSeedResult = { municipalityId: string; users: { role: string; email: string }[] } | null;

/** Whether the database has no municipality yet (a fresh install). */
export async function isDatabaseEmpty(db: Database): Promise<boolean> {
  const [row] = await db.select({ total: count() }).from(schema.municipality);
  return (row?.total ?? 0) === 0;
}

/**
 * Creates the clearly fictional demo municipality with partner organisations and one user per
 * role (`<role>@eksempel.kommune.no`). Does nothing unless the database is empty (tests may
 * seed it beside other data with another e-mail domain).
 */
export async function seedDemo(
  db: Database,
  caps: SeedCapabilities,
  password: string,
  options: { emailDomain?: string; onlyIfEmpty?: boolean } = {},
): Promise<DemoSeedResult> {
  const { emailDomain = DEMO_EMAIL_DOMAIN, onlyIfEmpty = true } = options;
  if (onlyIfEmpty && !(await isDatabaseEmpty(db))) return null;
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Database;
    const municipality = await buildMunicipality(tx, caps, {
      name: DEMO_MUNICIPALITY_NAME,
      isDemo: true,
      settings: { mfaPolicy: 'privileged', languages: [...LANGUAGE_CODES], defaultLanguage: 'nb', suppressionThreshold: 5 },
    });
    const organisations = new Map<string, string>();
    for (const spec of DEMO_ORGANISATIONS) {
      const organisation = await buildOrganisation(tx, municipality.id, {
        name: spec.name,
        kind: spec.kind,
        isInternal: spec.isInternal,
        phone: spec.phone,
        notes: spec.notes,
      });
      organisations.set(spec.key, organisation.id);
      if ('contact' in spec) {
        await buildContactPerson(tx, municipality.id, organisation.id, {
          name: spec.contact[0],
          roleTitle: spec.contact[1],
          phone: spec.phone,
          email: `${spec.key}@${DEMO_EMAIL_DOMAIN}`,
        });
      }
    }
    const organisationFor: Record<(typeof DEMO_ROLES)[number], string> = {
      admin: 'municipality',
      coordinator: 'municipality',
      caseworker: 'refugee',
      frontline: 'health',
      partner: 'police',
      viewer: 'municipality',
      procurement: 'municipality',
    };
    const names: Record<(typeof DEMO_ROLES)[number], string> = {
      admin: 'Ada Administrator (demo)',
      coordinator: 'Kari Koordinator (demo)',
      caseworker: 'Sara Saksbehandler (demo)',
      frontline: 'Nina Helsesykepleier (demo)',
      partner: 'Per Politikontakt (demo)',
      viewer: 'Vera Kommunestyre (demo)',
      procurement: 'Ines Innkjøper (demo)',
    };
    const users = [];
    for (const role of DEMO_ROLES) {
      const email = `${role}@${emailDomain}`;
      const organisationId = organisations.get(organisationFor[role]);
      if (!organisationId) throw new Error(`demo organisation missing for ${role}`);
      await buildUser(tx, caps, { municipalityId: municipality.id, organisationId, role, email, name: names[role], password, isDemoAccount: true });
      users.push({ role, email });
    }
    await seedIdentificationDemo(tx, municipality.id);
    await seedTipsDemo(tx, municipality.id);
    await seedPlansDemo(tx, caps, municipality.id, organisations);
    await seedReportsDemo(tx, caps, municipality.id);
    const cases = await seedCasesDemo(tx, caps, municipality.id, organisations, { emailDomain, password });
    users.push(...cases.users);
    const knowledge = await seedKnowledgeDemo(tx, caps, municipality.id, organisations, { emailDomain, password });
    users.push(...knowledge.users);
    await seedOverviewDemo(tx, caps, municipality.id, organisations);
    await seedProcurementDemo(tx, municipality.id);
    return { municipalityId: municipality.id, users };
  });
}
