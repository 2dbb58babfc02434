import { and, eq } from 'drizzle-orm';
import { defaultTemplateItems } from '@lykt/content/procurement';
import type { Database } from '../client';
import * as schema from '../schema';

type Check = { kind: string; plannedOn: string; doneOn?: string; agencies?: string[]; documentsSeen?: string[]; outcome?: string };
type DemoContract = {
  title: string;
  supplier: { name: string; orgNumber: string };
  isicSection: string;
  valueNok: number;
  startsOn: string;
  endsOn: string;
  responsibleUnit: string;
  siteName?: string;
  /** Subcontractors in order; `under` names the one above (none: under the supplier). */
  subcontractors?: Array<{ name: string; orgNumber: string; under?: string }>;
  checks: Check[];
  finding?: { check: number; severity: string; category: string; sanction: string; deadlineOn: string };
};

/** Fictional contracts (organisation numbers in a range no real company has): cleaning, construction with two tiers, food delivery. */
const CONTRACTS: DemoContract[] = [
  {
    title: 'Renhold av skoler og barnehager',
    supplier: { name: 'Renhold Demo AS (fiktiv)', orgNumber: '999000101' },
    isicSection: 'N',
    valueNok: 4_800_000,
    startsOn: '2026-01-01',
    endsOn: '2028-12-31',
    responsibleUnit: 'Eiendomsavdelingen',
    checks: [
      { kind: 'documentation_request', plannedOn: '2026-03-01', doneOn: '2026-03-10', documentsSeen: ['payslips', 'time_sheets', 'hms_cards'], outcome: 'no_findings' },
      { kind: 'site_visit', plannedOn: '2026-12-15', agencies: ['labour_inspection'] },
    ],
  },
  {
    title: 'Rehabilitering av Eksempel skole',
    supplier: { name: 'Eksempel Bygg AS (fiktiv)', orgNumber: '999000202' },
    isicSection: 'F',
    valueNok: 18_500_000,
    startsOn: '2026-04-01',
    endsOn: '2027-08-31',
    responsibleUnit: 'Prosjektavdelingen bygg',
    siteName: 'Eksempel Bygg AS (fiktiv)',
    subcontractors: [
      { name: 'Grunnarbeid Demo AS (fiktiv)', orgNumber: '999000303' },
      { name: 'Stillas Fiktiv AS', orgNumber: '999000404' },
      { name: 'Montasje Eksempel UAB (fiktiv, utenlandsk)', orgNumber: '', under: 'Stillas Fiktiv AS' },
    ],
    checks: [
      { kind: 'site_visit', plannedOn: '2026-06-10', doneOn: '2026-06-12', agencies: ['labour_inspection', 'a_krim'], documentsSeen: ['hms_cards', 'crew_lists', 'subcontractor_list'], outcome: 'findings' },
      { kind: 'documentation_request', plannedOn: '2026-09-01', doneOn: '2026-09-20', documentsSeen: ['payslips', 'bank_payments'], outcome: 'no_findings' },
      { kind: 'site_visit', plannedOn: '2027-02-01', agencies: ['labour_inspection'] },
    ],
    finding: { check: 0, severity: 'high', category: 'hms', sanction: 'correction', deadlineOn: '2026-07-01' },
  },
  {
    title: 'Levering av mat til sykehjemmene',
    supplier: { name: 'Demo Storkjøkken AS (fiktiv)', orgNumber: '999000505' },
    isicSection: 'I',
    valueNok: 3_200_000,
    startsOn: '2025-09-01',
    endsOn: '2027-08-31',
    responsibleUnit: 'Helse og omsorg',
    checks: [{ kind: 'declaration_review', plannedOn: '2026-10-01' }],
  },
];

/** The demo procurement officer's contracts: registered, with their checklist from the shipped template, checks and one finding. */
export async function seedProcurementDemo(tx: Database, municipalityId: string): Promise<void> {
  const [officer] = await tx
    .select({ id: schema.appUser.id })
    .from(schema.appUser)
    .where(and(eq(schema.appUser.municipalityId, municipalityId), eq(schema.appUser.role, 'procurement')))
    .limit(1);
  if (!officer) throw new Error('the demo procurement officer must exist before contracts are seeded');
  const sites = await tx.select({ id: schema.mapSite.id, name: schema.mapSite.name }).from(schema.mapSite).where(eq(schema.mapSite.municipalityId, municipalityId));
  const template = defaultTemplateItems('nb');
  for (const spec of CONTRACTS) {
    const [supplier] = await tx.insert(schema.procurementSupplier).values({ municipalityId, ...spec.supplier }).returning();
    if (!supplier) throw new Error('supplier insert returned nothing');
    const [contract] = await tx
      .insert(schema.procurementContract)
      .values({
        municipalityId,
        title: spec.title,
        supplierId: supplier.id,
        isicSection: spec.isicSection,
        valueNok: spec.valueNok,
        startsOn: spec.startsOn,
        endsOn: spec.endsOn,
        responsibleUnit: spec.responsibleUnit,
        siteId: sites.find((site) => site.name === spec.siteName)?.id ?? null,
        createdByUserId: officer.id,
      })
      .returning();
    if (!contract) throw new Error('contract insert returned nothing');
    const applying = template.filter((item) => item.appliesTo.length === 0 || (item.appliesTo as readonly string[]).includes(spec.isicSection));
    await tx.insert(schema.procurementRequirement).values(
      applying.map((item, position) => ({ municipalityId, contractId: contract.id, key: item.key, kind: item.kind, title: item.title, position, status: item.kind === 'pay_conditions' ? 'met' : 'open' })),
    );
    const ids = new Map<string, string>();
    for (const sub of spec.subcontractors ?? []) {
      const parentId = sub.under ? (ids.get(sub.under) ?? null) : null;
      const [row] = await tx
        .insert(schema.procurementSubcontractor)
        .values({ municipalityId, contractId: contract.id, parentId, name: sub.name, orgNumber: sub.orgNumber, tier: parentId ? 2 : 1 })
        .returning();
      if (row) ids.set(sub.name, row.id);
    }
    const checkIds: string[] = [];
    for (const check of spec.checks) {
      const [row] = await tx
        .insert(schema.procurementCheck)
        .values({
          municipalityId,
          contractId: contract.id,
          kind: check.kind,
          plannedOn: check.plannedOn,
          doneOn: check.doneOn ?? null,
          agencies: check.agencies ?? [],
          documentsSeen: check.documentsSeen ?? [],
          outcome: check.outcome ?? null,
          createdByUserId: officer.id,
          doneByUserId: check.doneOn ? officer.id : null,
        })
        .returning();
      if (row) checkIds.push(row.id);
    }
    const finding = spec.finding;
    const checkId = finding ? checkIds[finding.check] : undefined;
    if (finding && checkId) {
      await tx.insert(schema.procurementFinding).values({
        municipalityId,
        contractId: contract.id,
        checkId,
        severity: finding.severity,
        category: finding.category,
        sanction: finding.sanction,
        deadlineOn: finding.deadlineOn,
        createdByUserId: officer.id,
      });
    }
  }
}
