import { and, eq } from 'drizzle-orm';
import { CASE_PERSON_HASH_PURPOSE, duplicateKey, type CasePerson, type SharedFields } from '@lykt/shared';
import type { Database } from '../client';
import * as schema from '../schema';
import { buildUser, type SeedCapabilities } from './builders';

const DAY = 86_400_000;
const day = (date: Date) => date.toISOString().slice(0, 10);

/** Clearly fictional people: invented names ("Fiktiv", "Oppdiktet", "Eksempel") and dates. */
const PEOPLE: Record<'ana' | 'olena' | 'tomas', CasePerson> = {
  ana: {
    name: 'Ana Fiktivescu',
    aliases: ['Anuța'],
    dateOfBirth: '1996-04-12',
    phone: '+47 99 00 10 01',
    email: null,
    address: 'Midlertidig adresse hos krisesenteret (fiktiv)',
    languages: ['rumensk', 'engelsk'],
    interpreterNeeded: true,
    notes: 'Fiktiv demoperson. Jobbet i renhold uten lønn.',
  },
  olena: {
    name: 'Olena Oppdiktet',
    aliases: [],
    dateOfBirth: '2009-09-30',
    phone: null,
    email: null,
    address: null,
    languages: ['ukrainsk', 'russisk'],
    interpreterNeeded: true,
    notes: 'Fiktiv demoperson. Mindreårig, kom alene.',
  },
  tomas: {
    name: 'Tomas Eksempelsen',
    aliases: [],
    dateOfBirth: '1988-01-20',
    phone: '+47 99 00 10 03',
    email: null,
    address: null,
    languages: ['litauisk'],
    interpreterNeeded: false,
    notes: 'Fiktiv demoperson. Byggeplass.',
  },
};

type DemoIds = { caseworker: string; coordinator: string; shelterOrg: string; shelterUser: string };

/**
 * Fictional cases in different states for the demo municipality: an open adult case with a
 * consent and an accepted referral to the shelter, a minor's case awaiting the child-welfare
 * review, a closed case about to reach its retention limit (and an open case for the same
 * person, so the duplicate check finds it), and a closed case whose personal data is erased.
 * Also adds a partner user at the shelter (`partner-shelter@<domain>`), who sees the referral.
 */
export async function seedCasesDemo(
  tx: Database,
  caps: SeedCapabilities,
  municipalityId: string,
  organisations: ReadonlyMap<string, string>,
  options: { emailDomain: string; password: string },
  now = new Date(),
): Promise<{ users: { role: string; email: string }[] }> {
  const encrypt = caps.encrypt;
  const keyedHash = caps.keyedHash;
  if (!encrypt || !keyedHash) throw new Error('the cases demo needs field encryption and keyed hashes');
  const userId = async (email: string) => {
    const [row] = await tx
      .select({ id: schema.appUser.id })
      .from(schema.appUser)
      .where(and(eq(schema.appUser.municipalityId, municipalityId), eq(schema.appUser.email, email)))
      .limit(1);
    if (!row) throw new Error(`demo user missing: ${email}`);
    return row.id;
  };
  const shelterOrg = organisations.get('shelter');
  if (!shelterOrg) throw new Error('demo shelter missing');
  const shelterEmail = `partner-shelter@${options.emailDomain}`;
  const shelterUser = await buildUser(tx, caps, {
    municipalityId,
    organisationId: shelterOrg,
    role: 'partner',
    email: shelterEmail,
    name: 'Siri Skjermet (demo)',
    password: options.password,
    isDemoAccount: true,
  });
  const ids: DemoIds = {
    caseworker: await userId(`caseworker@${options.emailDomain}`),
    coordinator: await userId(`coordinator@${options.emailDomain}`),
    shelterOrg,
    shelterUser: shelterUser.id,
  };
  const year = now.getUTCFullYear();
  let sequence = 0;
  const nextNumber = () => `${year}-${String(++sequence).padStart(4, '0')}`;
  const personColumns = async (person: CasePerson) => {
    const key = duplicateKey(person.name, person.dateOfBirth);
    return {
      personEnc: await encrypt(tx, municipalityId, 'case_file.person', JSON.stringify(person)),
      personHash: key ? await keyedHash(tx, municipalityId, CASE_PERSON_HASH_PURPOSE, key) : null,
    };
  };
  const insertCase = async (values: Omit<typeof schema.caseFile.$inferInsert, 'municipalityId' | 'caseNumber' | 'sourceKind' | 'openedByUserId'>, team: string[]) => {
    const [row] = await tx
      .insert(schema.caseFile)
      .values({ ...values, municipalityId, caseNumber: nextNumber(), sourceKind: 'direct', openedByUserId: values.ownerUserId })
      .returning();
    if (!row) throw new Error('demo case insert returned nothing');
    for (const member of team) await tx.insert(schema.caseMember).values({ municipalityId, caseId: row.id, userId: member, teamRole: member === values.ownerUserId ? 'owner' : 'member' });
    return row;
  };

  // 1. Open adult case: reflection period ending soon, consent and an accepted referral to the shelter.
  const reflectionStart = new Date(now.getTime() - 170 * DAY);
  const ana = await insertCase(
    {
      ...(await personColumns(PEOPLE.ana)),
      status: 'open',
      ownerUserId: ids.caseworker,
      gender: 'female',
      ageBand: '25_39',
      nationality: 'RO',
      exploitationForms: ['labour'],
      sectors: ['cleaning'],
      identifyingService: 'health',
      residenceStatus: 'reflection_period',
      reflectionPeriodStart: day(reflectionStart),
      reflectionPeriodEnd: day(new Date(now.getTime() + 12 * DAY)),
      policeReportMade: true,
      safetyPlanEnc: await encrypt(tx, municipalityId, 'case_file.safety_plan', 'Fiktiv plan: bor på krisesenteret, har nødnummer lagret, møter ikke arbeidsgiveren alene.'),
      createdAt: reflectionStart,
      updatedAt: now,
    },
    [ids.caseworker, ids.coordinator],
  );
  for (const [kind, status, note] of [
    ['housing', 'in_progress', 'Trenger trygt bosted (fiktivt).'],
    ['health', 'met', null],
    ['income', 'needed', 'Søknad om økonomisk sosialhjelp.'],
    ['interpreter', 'in_progress', 'Rumensk tolk bestilt.'],
    ['legal_aid', 'needed', null],
  ] as const) {
    await tx.insert(schema.caseNeed).values({ municipalityId, caseId: ana.id, kind, status, noteEnc: note ? await encrypt(tx, municipalityId, 'case_need.note', note) : null });
  }
  await tx.insert(schema.caseTask).values({ municipalityId, caseId: ana.id, titleEnc: await encrypt(tx, municipalityId, 'case_task.title', 'Søk om begrenset oppholdstillatelse'), ownerUserId: ids.caseworker, dueOn: day(new Date(now.getTime() + 2 * DAY)) });
  await tx.insert(schema.caseJournalEntry).values({
    municipalityId,
    caseId: ana.id,
    authorUserId: ids.caseworker,
    entryDate: day(new Date(now.getTime() - 3 * DAY)),
    textEnc: await encrypt(tx, municipalityId, 'case_journal_entry.text', 'Fiktivt notat: samtale med tolk, personen ønsker å fortsette samarbeidet med politiet.'),
  });
  const [consent] = await tx
    .insert(schema.caseConsent)
    .values({ municipalityId, caseId: ana.id, purpose: 'share_with_organisation', recipientOrganisationId: ids.shelterOrg, dataCategories: ['first_name', 'languages', 'interpreter_need', 'need'], method: 'written', withInterpreter: true, givenOn: day(new Date(now.getTime() - 20 * DAY)), recordedByUserId: ids.caseworker })
    .returning();
  await tx.insert(schema.caseConsent).values({ municipalityId, caseId: ana.id, purpose: 'statistics', method: 'written', withInterpreter: true, givenOn: day(new Date(now.getTime() - 20 * DAY)), recordedByUserId: ids.caseworker });
  const shared: SharedFields = { firstName: 'Ana', languages: PEOPLE.ana.languages, interpreterNeeded: true, need: { kind: 'housing', note: 'Trenger trygt bosted (fiktivt).' } };
  await tx.insert(schema.caseReferral).values({
    municipalityId,
    caseId: ana.id,
    organisationId: ids.shelterOrg,
    consentId: consent?.id ?? null,
    needKind: 'housing',
    dataCategories: ['first_name', 'languages', 'interpreter_need', 'need'],
    sharedSnapshotEnc: await encrypt(tx, municipalityId, 'case_referral.shared_snapshot', JSON.stringify(shared)),
    status: 'accepted',
    partnerNoteEnc: await encrypt(tx, municipalityId, 'case_referral.partner_note', 'Plass på senteret fra mandag (fiktivt).'),
    answerDueAt: new Date(now.getTime() - 12 * DAY),
    sentByUserId: ids.caseworker,
    respondedByUserId: ids.shelterUser,
    sentAt: new Date(now.getTime() - 19 * DAY),
    respondedAt: new Date(now.getTime() - 18 * DAY),
  });

  // 2. A minor: follow-up, child-welfare review due in three days.
  const olena = await insertCase(
    {
      ...(await personColumns(PEOPLE.olena)),
      status: 'follow_up',
      ownerUserId: ids.coordinator,
      gender: 'female',
      ageBand: '16_17',
      isMinor: true,
      nationality: 'UA',
      exploitationForms: ['forced_criminality'],
      identifyingService: 'school',
      residenceStatus: 'asylum_seeker',
      childWelfareReviewDueAt: new Date(now.getTime() + 3 * DAY),
      createdAt: new Date(now.getTime() - 4 * DAY),
      updatedAt: new Date(now.getTime() - 1 * DAY),
    },
    [ids.coordinator, ids.caseworker],
  );
  await tx.insert(schema.caseNeed).values({ municipalityId, caseId: olena.id, kind: 'child_welfare', status: 'needed', noteEnc: null });

  // 3. Closed almost 24 months ago: the retention warning is due; and 4. the same person again, now open (a duplicate).
  const closedAt = new Date(now.getTime() - 710 * DAY);
  await insertCase(
    {
      ...(await personColumns(PEOPLE.tomas)),
      status: 'closed',
      ownerUserId: ids.caseworker,
      gender: 'male',
      ageBand: '25_39',
      nationality: 'LT',
      exploitationForms: ['labour'],
      sectors: ['construction'],
      identifyingService: 'labour_inspection',
      residenceStatus: 'eea_citizen',
      policeReportMade: false,
      outcome: 'declined_assistance',
      closeReasonEnc: await encrypt(tx, municipalityId, 'case_file.close_reason', 'Takket nei til videre bistand (fiktivt).'),
      closedAt,
      createdAt: new Date(closedAt.getTime() - 60 * DAY),
      updatedAt: closedAt,
    },
    [ids.caseworker],
  );
  await insertCase(
    {
      ...(await personColumns({ ...PEOPLE.tomas, name: 'Eksempelsen, Tomas' })),
      status: 'open',
      ownerUserId: ids.caseworker,
      gender: 'male',
      ageBand: '25_39',
      nationality: 'LT',
      exploitationForms: ['labour'],
      sectors: ['construction'],
      identifyingService: 'police',
      residenceStatus: 'eea_citizen',
      createdAt: new Date(now.getTime() - 2 * DAY),
      updatedAt: new Date(now.getTime() - 2 * DAY),
    },
    [ids.caseworker],
  );

  // 5. Closed and referred three years ago: personal data erased, coded facts kept.
  const longAgo = new Date(now.getTime() - 3 * 365 * DAY);
  await insertCase(
    {
      status: 'closed_referred',
      ownerUserId: ids.coordinator,
      gender: 'male',
      ageBand: '18_24',
      nationality: 'GH',
      exploitationForms: ['forced_begging'],
      identifyingService: 'ngo',
      residenceStatus: 'limited_permit',
      outcome: 'referred_elsewhere',
      closedAt: longAgo,
      personalDataErasedAt: new Date(longAgo.getTime() + 731 * DAY),
      createdAt: new Date(longAgo.getTime() - 90 * DAY),
      updatedAt: new Date(longAgo.getTime() + 731 * DAY),
    },
    [ids.coordinator],
  );
  return { users: [{ role: 'partner', email: shelterEmail }] };
}
