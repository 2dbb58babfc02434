import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../client';
import * as schema from '../schema';
import type { SeedCapabilities } from './builders';

/** A day relative to today, as an ISO date. */
function day(offsetDays: number, now: Date): string {
  const date = new Date(now);
  date.setUTCDate(date.getUTCDate() + offsetDays);
  return date.toISOString().slice(0, 10);
}

type Org = 'municipality' | 'police' | 'child_welfare' | 'health' | 'nav' | 'school' | 'refugee' | 'shelter' | 'business';
type Update = { at: number; text: string; progress: number; status: string; by?: 'partner' };
type DemoMeasure = {
  key: string;
  area: string;
  title: string;
  description: string;
  why: string;
  owner: Org;
  partners?: Org[];
  responsible: string;
  start: number;
  due: number;
  weight?: number;
  parent?: string;
  milestones?: { title: string; due: number; done?: number }[];
  updates: Update[];
};

/**
 * The demo plan: adopted about a year ago, with realistic measures owned by the demo partners
 * and a year of dated updates. Days are relative to the day the demo is seeded, so deadlines
 * stay meaningful. Everything here is fictional.
 */
const MEASURES: DemoMeasure[] = [
  { key: 'A1', area: 'A', title: 'Navngitt koordinator for arbeidet mot menneskehandel', description: 'Koordinatoren holder i planen, samarbeidsgruppen og den årlige rapporten.', why: 'Ansatte visste ikke hvem de skulle spørre.', owner: 'municipality', responsible: 'Kommunedirektørens stab', start: -365, due: -300, updates: [{ at: -330, text: 'Koordinator utpekt og kunngjort på intranett.', progress: 100, status: 'done' }] },
  { key: 'A2', area: 'A', title: 'Intern rutine for å melde mistanke', description: 'Rutine i kvalitetssystemet for alle enheter: hvem melder, til hvem, og hva skjer videre.', why: 'Mistanker ble ikke meldt videre.', owner: 'municipality', partners: ['health', 'school'], responsible: 'Koordinator', start: -330, due: -120, milestones: [{ title: 'Høringsutkast', due: -240, done: -235 }, { title: 'Vedtatt i ledergruppen', due: -150, done: -140 }], updates: [{ at: -300, text: 'Arbeidsgruppe nedsatt med helse og skole.', progress: 20, status: 'in_progress' }, { at: -235, text: 'Høringsutkast sendt enhetene.', progress: 60, status: 'in_progress' }, { at: -140, text: 'Rutinen er vedtatt og lagt i kvalitetssystemet.', progress: 100, status: 'done' }] },
  { key: 'B1', area: 'B', title: 'Kartlegge risikogrupper og steder i kommunen', description: 'Sesongarbeid i landbruket, byggeplasser, renhold og servering; steder for tigging.', why: 'Vi visste ikke hvor ofre kan møtes hos oss.', owner: 'municipality', partners: ['police', 'nav', 'refugee'], responsible: 'Koordinator', start: -320, due: 60, updates: [{ at: -280, text: 'Innspill hentet fra politiet og NAV.', progress: 25, status: 'in_progress' }, { at: -190, text: 'Sesongarbeid i landbruket kartlagt sammen med bondelaget.', progress: 50, status: 'in_progress' }, { at: -60, text: 'Utkast til kartleggingsrapport drøftet i samarbeidsgruppen.', progress: 70, status: 'in_progress' }] },
  { key: 'B2', area: 'B', title: 'Årlig anslag over omfang', description: 'Tall fra egne saker, politiet og partnere, med små tall skjult.', why: 'Uten tall vet vi ikke om arbeidet virker.', owner: 'police', partners: ['municipality'], responsible: 'Politikontakt', start: -200, due: 20, updates: [{ at: -150, text: 'Politiet har hentet ut tall for forrige år.', progress: 30, status: 'in_progress', by: 'partner' }, { at: -45, text: 'Tallene er sammenstilt; venter på tall fra krisesenteret.', progress: 60, status: 'in_progress', by: 'partner' }] },
  { key: 'C1', area: 'C', title: 'Tverrfaglig samarbeidsgruppe med fast møterytme', description: 'Politi, barnevern, helse, NAV, skole, flyktningtjeneste, krisesenter og næringsliv møtes hvert kvartal.', why: 'Ingen etat ser hele bildet alene.', owner: 'municipality', partners: ['police', 'child_welfare', 'health', 'nav', 'school', 'refugee', 'shelter', 'business'], responsible: 'Koordinator', start: -360, due: -250, updates: [{ at: -340, text: 'Alle partnere har utpekt medlem.', progress: 60, status: 'in_progress' }, { at: -250, text: 'Første møte holdt; møteplan for året vedtatt.', progress: 100, status: 'done' }] },
  { key: 'C2', area: 'C', title: 'Samarbeidsavtale om roller og informasjonsdeling', description: 'Skriftlig avtale om roller, kontakter og hva som lovlig kan deles.', why: 'Usikkerhet om taushetsplikt stoppet samarbeid.', owner: 'municipality', partners: ['police', 'child_welfare'], responsible: 'Kommuneadvokaten', start: -250, due: -30, updates: [{ at: -200, text: 'Juridisk vurdering bestilt.', progress: 20, status: 'in_progress' }, { at: -90, text: 'Avtaleutkast på høring hos partnerne.', progress: 50, status: 'in_progress' }, { at: -20, text: 'Politiets merknader er ikke kommet; fristen er forlenget.', progress: 55, status: 'delayed' }] },
  { key: 'D1', area: 'D', title: 'Henvisningsrutiner for voksne og for barn', description: 'Hvem ringer hvem, når og hva skjer videre, med eget spor for barn.', why: 'Den som oppdager trenger en tydelig neste handling.', owner: 'municipality', partners: ['police', 'child_welfare'], responsible: 'Koordinator', start: -280, due: 90, updates: [{ at: -200, text: 'Arbeidet er delt i en rute for voksne og en for barn.', progress: 20, status: 'in_progress' }] },
  { key: 'D1a', parent: 'D1', area: 'D', title: 'Henvisningsrutine for voksne', description: 'Kontaktkortet «Hvem ringer jeg?» og rutine for samtykke.', why: 'Voksne ofre må få tilbud om hjelp også når de sier nei.', owner: 'police', partners: ['municipality', 'shelter'], responsible: 'Politikontakt', start: -200, due: -10, weight: 1, updates: [{ at: -160, text: 'Politiets interne rutine er tilpasset kommunens.', progress: 40, status: 'in_progress', by: 'partner' }, { at: -50, text: 'Kontaktkortet er testet på legevakten.', progress: 70, status: 'in_progress', by: 'partner' }, { at: -5, text: 'Avventer samarbeidsavtalen før rutinen kan vedtas.', progress: 75, status: 'delayed', by: 'partner' }] },
  { key: 'D1b', parent: 'D1', area: 'D', title: 'Henvisningsrutine for barn', description: 'Barnevernet har ansvaret; rutinen dekker omsorg, verge og skole.', why: 'Barn har egne rettigheter og behov.', owner: 'child_welfare', partners: ['police', 'school'], responsible: 'Barnevernleder', start: -200, due: 45, weight: 2, updates: [{ at: -150, text: 'Utkast skrevet etter mal fra Bufdir.', progress: 30, status: 'in_progress' }, { at: -40, text: 'Utkast drøftet med skolene.', progress: 50, status: 'in_progress' }] },
  { key: 'D2', area: 'D', title: 'Indikatorliste i alle frontlinjetjenester', description: 'En kort indikatorliste i helse, NAV, skole, barnevern og flyktningtjenesten.', why: 'Ofre identifiseres for sjelden og for sent.', owner: 'health', partners: ['nav', 'school', 'refugee'], responsible: 'Helsesykepleier', start: -240, due: 25, milestones: [{ title: 'Liste oversatt til enkelt språk', due: -120, done: -110 }, { title: 'Liste tatt i bruk på legevakten', due: 25 }], updates: [{ at: -180, text: 'Indikatorlisten fra Lykt er gjennomgått.', progress: 30, status: 'in_progress' }, { at: -110, text: 'Listen er skrevet om til enkelt språk.', progress: 60, status: 'in_progress' }] },
  { key: 'E1', area: 'E', title: 'Trygt botilbud avtalt før aksjoner', description: 'Plasser og tolk avtales på forhånd ved planlagte politi- og tilsynsaksjoner.', why: 'Ofre uten trygt sted går tilbake til utnytteren.', owner: 'shelter', partners: ['police', 'nav'], responsible: 'Daglig leder, krisesenteret', start: -300, due: -60, updates: [{ at: -250, text: 'Avtale om to beredskapsplasser signert.', progress: 70, status: 'in_progress' }, { at: -70, text: 'Rutinen ble brukt ved aksjonen i mars og fungerte.', progress: 100, status: 'done' }] },
  { key: 'E2', area: 'E', title: 'Fast saksbehandler og koordinert bistand', description: 'Én saksbehandler koordinerer bolig, helse, inntekt, tolk og rettshjelp.', why: 'Ofre falt mellom tjenestene.', owner: 'nav', partners: ['health', 'refugee'], responsible: 'Leder, NAV Eksempel', start: -260, due: 120, updates: [{ at: -210, text: 'To saksbehandlere har fått ansvaret.', progress: 30, status: 'in_progress' }, { at: -30, text: 'Samarbeidsrutine med helse er under arbeid.', progress: 45, status: 'in_progress' }] },
  { key: 'F1', area: 'F', title: 'Informasjon på risikogruppenes språk', description: 'I introduksjonsprogrammet og på mottaket, om rettigheter og hvor man får hjelp.', why: 'Den som ikke kjenner rettighetene sine er lettere å utnytte.', owner: 'refugee', partners: ['municipality'], responsible: 'Leder, flyktningtjenesten', start: -240, due: 150, updates: [{ at: -160, text: 'Informasjon finnes nå på polsk, rumensk, ukrainsk og arabisk.', progress: 50, status: 'in_progress' }] },
  { key: 'F2', area: 'F', title: 'Undervisning om grooming og utnyttelse på ungdomstrinnet', description: 'Undervisningsopplegg for 9. trinn.', why: 'Unge rekrutteres gjennom venner og sosiale medier.', owner: 'school', partners: ['police', 'health'], responsible: 'Rektor', start: -200, due: -20, updates: [{ at: -120, text: 'Opplegget er prøvd i to klasser.', progress: 60, status: 'in_progress' }, { at: -15, text: 'Alle 9. trinn har hatt undervisningen.', progress: 100, status: 'done' }] },
  { key: 'G1', area: 'G', title: 'Årlig opplæring for frontlinjetjenestene', description: 'Helse, NAV, skole, barnevern, flyktningtjeneste og tilsyn, også bibliotek og barnehage.', why: 'For lite opplæring er et kjent hull.', owner: 'municipality', partners: ['police', 'shelter'], responsible: 'Koordinator', start: -300, due: 200, updates: [{ at: -220, text: 'Opplæringsplan for året vedtatt.', progress: 20, status: 'in_progress' }, { at: -100, text: 'Tre av seks tjenester har hatt opplæring.', progress: 50, status: 'in_progress' }] },
  { key: 'H1', area: 'H', title: 'Krav om lønns- og arbeidsvilkår i kommunens kontrakter', description: 'Særlig renhold, bygg og catering, med kontroll av at kravene holdes.', why: 'Kommunen skal ikke kjøpe tjenester produsert med tvangsarbeid.', owner: 'municipality', partners: ['business'], responsible: 'Innkjøpssjef', start: -280, due: 10, updates: [{ at: -200, text: 'Nye kontraktsvilkår utarbeidet.', progress: 40, status: 'in_progress' }, { at: -90, text: 'Vilkårene er brukt i renholdsanbudet.', progress: 70, status: 'in_progress' }] },
  { key: 'H2', area: 'H', title: 'Felles tiltak med næringsforeningen', description: 'Frokostmøte og veileder for arbeidsgivere i utsatte bransjer.', why: 'Næringslivet ser ting kommunen ikke ser.', owner: 'business', partners: ['municipality', 'police'], responsible: 'Daglig leder, næringsforeningen', start: -150, due: 240, updates: [{ at: -80, text: 'Frokostmøte holdt med 35 deltakere.', progress: 30, status: 'in_progress' }] },
  { key: 'I1', area: 'I', title: 'Årlig rapport til kommunestyret', description: 'Status for planen, samarbeidsgruppens aktivitet og tall fra arbeidet.', why: 'Kommunestyret må kunne følge med på vedtaket.', owner: 'municipality', responsible: 'Koordinator', start: -30, due: 40, updates: [] },
];

const MEMBERS: { org: Org; name: string; role: string; title: string; phone: string }[] = [
  { org: 'municipality', name: 'Kari Koordinator (demo)', role: 'chair', title: 'Koordinator mot menneskehandel', phone: '+47 99 00 00 10' },
  { org: 'police', name: 'Per Politikontakt (demo)', role: 'member', title: 'Politikontakt', phone: '+47 99 00 00 11' },
  { org: 'child_welfare', name: 'Berit Eksempel (demo)', role: 'member', title: 'Barnevernleder', phone: '+47 99 00 00 12' },
  { org: 'health', name: 'Nina Helsesykepleier (demo)', role: 'member', title: 'Helsesykepleier', phone: '+47 99 00 00 13' },
  { org: 'nav', name: 'Nils Navesen (demo)', role: 'member', title: 'Veileder', phone: '+47 99 00 00 14' },
  { org: 'refugee', name: 'Sara Saksbehandler (demo)', role: 'secretary', title: 'Saksbehandler, flyktningtjenesten', phone: '+47 99 00 00 15' },
  { org: 'shelter', name: 'Siri Skjult (demo)', role: 'adviser', title: 'Daglig leder', phone: '+47 99 00 00 16' },
  { org: 'business', name: 'Bjørn Bedrift (demo)', role: 'member', title: 'Daglig leder', phone: '+47 99 00 00 17' },
];

const ROUTING = [
  { situation: 'immediate_danger', org: 'police' as Org, contact: 'Politiet – nødnummer', phone: '112', whatToTell: 'Hvor du er, hva du ser, om noen er i fare nå, og om barn er involvert.' },
  { situation: 'minor', org: 'child_welfare' as Org, contact: 'Barneverntjenesten (etter kl. 15: barnevernvakten)', phone: '+47 99 00 00 02', whatToTell: 'Barnets omtrentlige alder, hvor barnet er nå, og hva som gjør deg bekymret.' },
  { situation: 'adult_wants_help', org: 'municipality' as Org, contact: 'Koordinator mot menneskehandel', phone: '+47 99 00 00 10', whatToTell: 'At personen ønsker hjelp, hvilket språk personen snakker, og om personen har et trygt sted å sove i natt.' },
  { situation: 'adult_declines_help', org: 'municipality' as Org, contact: 'Koordinator mot menneskehandel', phone: '+47 99 00 00 10', whatToTell: 'Hva du har sett. Ikke press personen; gi informasjon om hjelp på et språk personen forstår.' },
  { situation: 'labour_exploitation', org: 'police' as Org, contact: 'Politiet, når det ikke haster (be om den som har menneskehandel i distriktet)', phone: '02800', whatToTell: 'Arbeidsstedet, bransjen, antall arbeidere og tegn på tvang (pass inndratt, gjeld, bor på arbeidsplassen). A-krimsentrene er et samarbeid mellom Arbeidstilsynet, Nav, politiet og Skatteetaten, ikke et kontaktpunkt hos politiet; koordinatoren kan trekke dem inn.' },
  { situation: 'after_hours', org: 'health' as Org, contact: 'Legevakten', phone: '116117', whatToTell: 'At du mistenker menneskehandel, og om personen trenger helsehjelp eller et trygt sted i natt.' },
];

export async function seedPlansDemo(tx: Database, caps: SeedCapabilities, municipalityId: string, organisations: ReadonlyMap<string, string>, now = new Date()): Promise<void> {
  const org = (key: Org) => {
    const id = organisations.get(key);
    if (!id) throw new Error(`demo organisation missing: ${key}`);
    return id;
  };
  // The demo accounts are found by role, whatever e-mail domain they were seeded with.
  const userId = async (role: string) => {
    const [row] = await tx
      .select({ id: schema.appUser.id })
      .from(schema.appUser)
      .where(and(eq(schema.appUser.municipalityId, municipalityId), eq(schema.appUser.role, role), eq(schema.appUser.isDemoAccount, true)));
    if (!row) throw new Error(`demo user missing: ${role}`);
    return row.id;
  };
  const coordinatorId = await userId('coordinator');
  const partnerId = await userId('partner');

  const [plan] = await tx.insert(schema.plan).values({ municipalityId, title: 'Tiltaksplan mot menneskehandel 2026–2029 (demo)', periodStart: day(-380, now), periodEnd: day(1080, now) }).returning();
  if (!plan) throw new Error('demo plan insert returned nothing');
  const [version] = await tx
    .insert(schema.planVersion)
    .values({ municipalityId, planId: plan.id, number: 1, status: 'adopted', decisionRef: 'KS-sak 14/26 (demo)', decisionDate: day(-370, now), adoptedAt: new Date(`${day(-368, now)}T10:00:00Z`), adoptedByUserId: coordinatorId })
    .returning();
  if (!version) throw new Error('demo plan version insert returned nothing');

  const ids = new Map<string, string>();
  let position = 0;
  for (const measure of MEASURES) {
    const last = measure.updates[measure.updates.length - 1];
    const [row] = await tx
      .insert(schema.planMeasure)
      .values({
        municipalityId,
        planVersionId: version.id,
        lineageId: randomUUID(),
        parentId: measure.parent ? (ids.get(measure.parent) ?? null) : null,
        templateKey: null,
        area: measure.area,
        position: position++,
        title: measure.title,
        description: measure.description,
        why: measure.why,
        ownerOrganisationId: org(measure.owner),
        partnerOrganisationIds: (measure.partners ?? []).map(org),
        responsiblePerson: measure.responsible,
        startDate: day(measure.start, now),
        dueDate: day(measure.due, now),
        status: last?.status ?? 'planned',
        progress: last?.progress ?? 0,
        weight: measure.weight ?? null,
      })
      .returning();
    if (!row) throw new Error('demo measure insert returned nothing');
    ids.set(measure.key, row.id);
    for (const [index, milestone] of (measure.milestones ?? []).entries()) {
      await tx.insert(schema.planMilestone).values({ municipalityId, measureId: row.id, title: milestone.title, dueDate: day(milestone.due, now), doneOn: milestone.done === undefined ? null : day(milestone.done, now), position: index });
    }
    let progress = 0;
    let status = 'not_started';
    for (const update of measure.updates) {
      await tx.insert(schema.planMeasureUpdate).values({
        municipalityId,
        planId: plan.id,
        lineageId: row.lineageId,
        measureId: row.id,
        authorUserId: update.by === 'partner' ? partnerId : coordinatorId,
        source: 'update',
        occurredOn: day(update.at, now),
        text: update.text,
        progressBefore: progress,
        progressAfter: update.progress,
        statusBefore: status,
        statusAfter: update.status,
        createdAt: new Date(`${day(update.at, now)}T12:00:00Z`),
      });
      progress = update.progress;
      status = update.status;
    }
  }

  const memberIds: string[] = [];
  for (const member of MEMBERS) {
    const [row] = await tx
      .insert(schema.coopMember)
      .values({ municipalityId, organisationId: org(member.org), name: member.name, groupRole: member.role, title: member.title, phone: member.phone, email: `${member.org}@eksempel.kommune.no` })
      .returning();
    if (row) memberIds.push(row.id);
  }
  await tx.insert(schema.routingEntry).values(
    ROUTING.map((entry) => ({ municipalityId, situation: entry.situation, contact: entry.contact, organisationId: org(entry.org), phone: entry.phone, whatToTell: entry.whatToTell, updatedByUserId: coordinatorId, updatedAt: new Date(`${day(-40, now)}T09:00:00Z`) })),
  );

  // Meeting text is stored encrypted; without the application's key ring the demo meetings carry titles only.
  const encrypt = async (field: string, plaintext: string) => (caps.encrypt ? caps.encrypt(tx, municipalityId, field, plaintext) : '');
  const meetings = [
    {
      at: -250,
      place: 'Rådhuset, møterom Fjorden',
      minutes: 'Første møte i samarbeidsgruppen. Alle partnere var representert unntatt næringsforeningen.',
      absent: [7],
      items: [
        { title: 'Mandat og møteplan', notes: 'Koordinator la fram utkast til mandat. Gruppen møtes hvert kvartal.', decision: 'Mandatet vedtas med de endringene som kom fram i møtet.' },
        { title: 'Kartlegging av lokal situasjon', notes: 'Politiet og NAV orienterte om sesongarbeid og byggeprosjekter.', decision: 'Koordinator leder kartleggingen; politiet og NAV bidrar.' },
      ],
      actions: [{ text: 'Hente tall fra politiet for forrige år', owner: 'police' as Org, due: -150, measure: 'B2', done: -150 }],
    },
    {
      at: -60,
      place: 'Politihuset, møterom 2',
      minutes: 'Gjennomgang av framdriften i tiltaksplanen og av samarbeidsavtalen.',
      absent: [4],
      items: [
        { title: 'Status for tiltaksplanen', notes: 'Henvisningsrutinene er forsinket; samarbeidsavtalen må på plass først.', decision: 'Fristen for samarbeidsavtalen forlenges med en måned.' },
        { title: 'Kontaktkortet «Hvem ringer jeg?»', notes: 'Legevakten har testet kortet. Nummer for barnevernvakten må med.', decision: 'Kortet oppdateres av koordinator.' },
      ],
      actions: [
        { text: 'Oppdatere kontaktkortet med barnevernvakten', owner: 'municipality' as Org, due: -40, measure: 'D1a', done: -40 },
        { text: 'Sende politiets merknader til samarbeidsavtalen', owner: 'police' as Org, due: 5, measure: 'C2', done: undefined },
      ],
    },
  ];
  for (const meeting of meetings) {
    const [row] = await tx
      .insert(schema.coopMeeting)
      .values({ municipalityId, startsAt: new Date(`${day(meeting.at, now)}T08:30:00Z`), place: meeting.place, minutesEnc: await encrypt('coop_meeting.minutes', meeting.minutes) })
      .returning();
    if (!row) throw new Error('demo meeting insert returned nothing');
    await tx.insert(schema.coopMeetingAttendance).values(memberIds.map((memberId, index) => ({ municipalityId, meetingId: row.id, memberId, present: !meeting.absent.includes(index) })));
    for (const [index, item] of meeting.items.entries()) {
      await tx.insert(schema.coopMeetingItem).values({
        municipalityId,
        meetingId: row.id,
        position: index,
        title: item.title,
        notesEnc: await encrypt('coop_meeting_item.notes', item.notes),
        decisionEnc: await encrypt('coop_meeting_item.decision', item.decision),
      });
    }
    for (const [index, action] of meeting.actions.entries()) {
      const measureId = ids.get(action.measure) ?? null;
      const [actionRow] = await tx
        .insert(schema.coopActionItem)
        .values({ municipalityId, meetingId: row.id, position: index, text: action.text, ownerOrganisationId: org(action.owner), dueDate: day(action.due, now), measureId, completedOn: action.done === undefined ? null : day(action.done, now), completedByUserId: action.done === undefined ? null : coordinatorId })
        .returning();
      const measure = MEASURES.find((candidate) => candidate.key === action.measure);
      if (actionRow && action.done !== undefined && measureId && measure) {
        const [measureRow] = await tx.select({ lineageId: schema.planMeasure.lineageId }).from(schema.planMeasure).where(eq(schema.planMeasure.id, measureId));
        await tx.insert(schema.planMeasureUpdate).values({
          municipalityId,
          planId: plan.id,
          lineageId: measureRow?.lineageId ?? randomUUID(),
          measureId,
          authorUserId: coordinatorId,
          source: 'meeting_action',
          actionItemId: actionRow.id,
          occurredOn: day(action.done, now),
          text: action.text,
          createdAt: new Date(`${day(action.done, now)}T13:00:00Z`),
        });
      }
    }
  }
}
