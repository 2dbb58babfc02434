import { and, eq } from 'drizzle-orm';
import type { Database } from '../client';
import * as schema from '../schema';
import type { SeedCapabilities } from './builders';

/**
 * Demo content for the council report: a draft report for the current year with the
 * coordinator's narrative and the saksframlegg header (clearly fictional), and the adopted plan published on the public pages.
 */
export async function seedReportsDemo(tx: Database, caps: SeedCapabilities, municipalityId: string, now = new Date()): Promise<void> {
  if (!caps.encrypt) throw new Error('the reports demo needs encryption (caps.encrypt)');
  const [coordinator] = await tx
    .select({ id: schema.appUser.id })
    .from(schema.appUser)
    .where(and(eq(schema.appUser.municipalityId, municipalityId), eq(schema.appUser.role, 'coordinator'), eq(schema.appUser.isDemoAccount, true)))
    .limit(1);
  const coordinatorId = coordinator?.id ?? null;
  const narrative = {
    summary:
      'Eksempel kommune (fiktiv) har i år tatt handlingsplanen i bruk. Samarbeidsgruppen har møttes jevnlig, og førstelinjen har fått en felles indikatorliste.\n\nRapporten er laget med demodata og beskriver ingen virkelige personer eller saker.',
    assessment: 'Arbeidet med å avdekke er kommet lengst. Opplæring og botilbud trenger mer tid og midler.',
    proposals: 'Kommunestyret bes om å videreføre koordinatorstillingen og sette av midler til opplæring av nye ansatte.',
    background:
      'Saken startet med et spørsmål til ordføreren i kommunestyret om hvordan kommunen forebygger, avdekker og håndterer menneskehandel. Kommunestyret vedtok deretter en lokal handlingsplan, laget sammen med politiet, helse- og sosialtjenestene, skolene, flyktningtjenesten og næringslivet, og ba om en årlig rapport.\n\nAlle navn og numre i dette saksframlegget er fiktive demodata.',
    questions: { prevalence: '', knowledge: '', tools: '', identification: '', assistance: '', plan: '' },
  };
  const year = now.getFullYear();
  const [report] = await tx
    .insert(schema.councilReport)
    .values({ municipalityId, year, language: 'nb', createdByUserId: coordinatorId })
    .returning();
  if (!report) throw new Error('demo report not created');
  await tx.insert(schema.councilReportVersion).values({
    municipalityId,
    reportId: report.id,
    number: 1,
    status: 'draft',
    narrativeEnc: await caps.encrypt(tx, municipalityId, 'council_report_version.narrative', JSON.stringify(narrative)),
    // The saksframlegg header, fictional like everything else in the demo.
    caseNumber: `${year}/1234`,
    archiveCode: 'F00 &13',
    committee: 'Kommunestyret',
    meetingDate: `${year + 1}-02-11`,
    caseOfficer: 'Kari Koordinator (demo)',
    recommendation: `Kommunestyret tar rapporten om arbeidet mot menneskehandel i ${year} til orientering.`,
    attachments: [`Handlingsplan mot menneskehandel, vedtatt versjon`, `Situasjonskart ${year} (sammendrag)`, 'Referater fra samarbeidsgruppen'],
    createdByUserId: coordinatorId,
  });
  await tx.insert(schema.publicPlanSetting).values({ municipalityId, enabled: true, updatedByUserId: coordinatorId });
}
