import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';

export type ContractRow = typeof schema.procurementContract.$inferSelect;
export type SupplierRow = typeof schema.procurementSupplier.$inferSelect;
export type SubcontractorRow = typeof schema.procurementSubcontractor.$inferSelect;
export type RequirementRow = typeof schema.procurementRequirement.$inferSelect;
export type CheckRow = typeof schema.procurementCheck.$inferSelect;
export type FindingRow = typeof schema.procurementFinding.$inferSelect;
export type DeclarationRow = typeof schema.procurementDeclaration.$inferSelect;

const c = schema.procurementContract;
const s = schema.procurementSupplier;

/** The supplier with this organisation number (or, for a foreign company, this name), created when new. */
export async function findOrCreateSupplier(tx: Database, municipalityId: string, input: { name: string; orgNumber: string }): Promise<SupplierRow> {
  const match = input.orgNumber === '' ? and(eq(s.orgNumber, ''), eq(s.name, input.name)) : eq(s.orgNumber, input.orgNumber);
  const [found] = await tx.select().from(s).where(and(eq(s.municipalityId, municipalityId), match)).limit(1);
  if (found) return found;
  const [row] = await tx.insert(s).values({ municipalityId, name: input.name, orgNumber: input.orgNumber }).returning();
  if (!row) throw new Error('supplier insert returned nothing');
  return row;
}

export async function insertContract(tx: Database, values: typeof c.$inferInsert): Promise<ContractRow> {
  const [row] = await tx.insert(c).values(values).returning();
  if (!row) throw new Error('contract insert returned nothing');
  return row;
}

export async function updateContractRow(tx: Database, municipalityId: string, id: string, values: Partial<typeof c.$inferInsert>): Promise<void> {
  await tx
    .update(c)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(c.municipalityId, municipalityId), eq(c.id, id)));
}

export async function findContract(db: Database, municipalityId: string, id: string): Promise<{ contract: ContractRow; supplier: SupplierRow } | null> {
  const [row] = await db
    .select({ contract: c, supplier: s })
    .from(c)
    .innerJoin(s, eq(s.id, c.supplierId))
    .where(and(eq(c.municipalityId, municipalityId), eq(c.id, id)))
    .limit(1);
  return row ?? null;
}

export async function listContracts(db: Database, municipalityId: string): Promise<Array<{ contract: ContractRow; supplier: SupplierRow }>> {
  return db
    .select({ contract: c, supplier: s })
    .from(c)
    .innerJoin(s, eq(s.id, c.supplierId))
    .where(eq(c.municipalityId, municipalityId))
    .orderBy(asc(c.status), desc(c.startsOn), asc(c.title));
}

/** Checks planned and done, and open findings, per contract. */
export async function contractCounts(db: Database, municipalityId: string): Promise<Map<string, { planned: number; done: number; openFindings: number }>> {
  const checks = await db
    .select({ contractId: schema.procurementCheck.contractId, planned: count(), done: count(schema.procurementCheck.doneOn) })
    .from(schema.procurementCheck)
    .where(eq(schema.procurementCheck.municipalityId, municipalityId))
    .groupBy(schema.procurementCheck.contractId);
  const findings = await db
    .select({ contractId: schema.procurementFinding.contractId, open: count() })
    .from(schema.procurementFinding)
    .where(and(eq(schema.procurementFinding.municipalityId, municipalityId), eq(schema.procurementFinding.status, 'open')))
    .groupBy(schema.procurementFinding.contractId);
  const counts = new Map<string, { planned: number; done: number; openFindings: number }>();
  for (const row of checks) counts.set(row.contractId, { planned: row.planned, done: row.done, openFindings: 0 });
  for (const row of findings) counts.set(row.contractId, { ...(counts.get(row.contractId) ?? { planned: 0, done: 0 }), openFindings: row.open });
  return counts;
}

// ---- what the risk rests on ----

export async function findSiteRisk(db: Database, municipalityId: string, siteId: string): Promise<{ name: string; riskLevel: string; inspectionConcerns: number } | null> {
  const [site] = await db
    .select({ name: schema.mapSite.name, riskLevel: schema.mapSite.riskLevel })
    .from(schema.mapSite)
    .where(and(eq(schema.mapSite.municipalityId, municipalityId), eq(schema.mapSite.id, siteId), isNull(schema.mapSite.archivedAt)))
    .limit(1);
  if (!site) return null;
  const [concerns] = await db
    .select({ total: count() })
    .from(schema.mapInspection)
    .where(and(eq(schema.mapInspection.municipalityId, municipalityId), eq(schema.mapInspection.siteId, siteId), isNotNull(schema.mapInspection.concernId)));
  return { ...site, inspectionConcerns: concerns?.total ?? 0 };
}

/** The supplier's findings in the municipality's other contracts; serious means high or critical. */
export async function earlierFindings(db: Database, municipalityId: string, supplierId: string, contractId: string | null): Promise<{ total: number; serious: number }> {
  const f = schema.procurementFinding;
  const [row] = await db
    .select({ total: count(), serious: sql<number>`count(*) filter (where ${f.severity} in ('high', 'critical'))`.mapWith(Number) })
    .from(f)
    .innerJoin(c, eq(c.id, f.contractId))
    .where(and(eq(f.municipalityId, municipalityId), eq(c.supplierId, supplierId), contractId ? ne(c.id, contractId) : undefined));
  return { total: row?.total ?? 0, serious: row?.serious ?? 0 };
}

// ---- subcontractors ----

export async function listSubcontractors(db: Database, municipalityId: string, contractId: string): Promise<SubcontractorRow[]> {
  const t = schema.procurementSubcontractor;
  return db
    .select()
    .from(t)
    .where(and(eq(t.municipalityId, municipalityId), eq(t.contractId, contractId)))
    .orderBy(asc(t.tier), asc(t.name));
}

export async function insertSubcontractors(tx: Database, values: Array<typeof schema.procurementSubcontractor.$inferInsert>): Promise<SubcontractorRow[]> {
  if (values.length === 0) return [];
  return tx.insert(schema.procurementSubcontractor).values(values).returning();
}

export async function deleteSubcontractors(tx: Database, municipalityId: string, contractId: string, ids: string[]): Promise<void> {
  const t = schema.procurementSubcontractor;
  if (ids.length === 0) return;
  await tx.delete(t).where(and(eq(t.municipalityId, municipalityId), eq(t.contractId, contractId), inArray(t.id, ids)));
}

// ---- template and requirements ----

export async function findTemplate(db: Database, municipalityId: string): Promise<typeof schema.procurementTemplate.$inferSelect | null> {
  const [row] = await db.select().from(schema.procurementTemplate).where(eq(schema.procurementTemplate.municipalityId, municipalityId)).limit(1);
  return row ?? null;
}

export async function upsertTemplate(tx: Database, municipalityId: string, items: unknown, userId: string): Promise<void> {
  await tx
    .insert(schema.procurementTemplate)
    .values({ municipalityId, items, updatedByUserId: userId })
    .onConflictDoUpdate({ target: schema.procurementTemplate.municipalityId, set: { items, updatedByUserId: userId, updatedAt: new Date() } });
}

export async function insertRequirements(tx: Database, values: Array<typeof schema.procurementRequirement.$inferInsert>): Promise<void> {
  if (values.length > 0) await tx.insert(schema.procurementRequirement).values(values);
}

export async function listRequirements(db: Database, municipalityId: string, contractId: string): Promise<RequirementRow[]> {
  const t = schema.procurementRequirement;
  return db
    .select()
    .from(t)
    .where(and(eq(t.municipalityId, municipalityId), eq(t.contractId, contractId)))
    .orderBy(asc(t.position));
}

export async function updateRequirementRow(tx: Database, municipalityId: string, contractId: string, id: string, status: string): Promise<boolean> {
  const t = schema.procurementRequirement;
  const rows = await tx
    .update(t)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(t.municipalityId, municipalityId), eq(t.contractId, contractId), eq(t.id, id)))
    .returning({ id: t.id });
  return rows.length > 0;
}

// ---- checks and findings ----

export async function insertCheck(tx: Database, values: typeof schema.procurementCheck.$inferInsert): Promise<CheckRow> {
  const [row] = await tx.insert(schema.procurementCheck).values(values).returning();
  if (!row) throw new Error('check insert returned nothing');
  return row;
}

export async function findCheck(db: Database, municipalityId: string, contractId: string, id: string): Promise<CheckRow | null> {
  const t = schema.procurementCheck;
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.municipalityId, municipalityId), eq(t.contractId, contractId), eq(t.id, id)))
    .limit(1);
  return row ?? null;
}

export async function updateCheckRow(tx: Database, municipalityId: string, id: string, values: Partial<typeof schema.procurementCheck.$inferInsert>): Promise<void> {
  const t = schema.procurementCheck;
  await tx
    .update(t)
    .set(values)
    .where(and(eq(t.municipalityId, municipalityId), eq(t.id, id)));
}

export async function listChecks(db: Database, municipalityId: string, contractIds: string[]): Promise<CheckRow[]> {
  const t = schema.procurementCheck;
  if (contractIds.length === 0) return [];
  return db
    .select()
    .from(t)
    .where(and(eq(t.municipalityId, municipalityId), inArray(t.contractId, contractIds)))
    .orderBy(asc(t.plannedOn), asc(t.createdAt));
}

export async function insertFinding(tx: Database, values: typeof schema.procurementFinding.$inferInsert): Promise<FindingRow> {
  const [row] = await tx.insert(schema.procurementFinding).values(values).returning();
  if (!row) throw new Error('finding insert returned nothing');
  return row;
}

export async function findFinding(db: Database, municipalityId: string, contractId: string, id: string): Promise<FindingRow | null> {
  const t = schema.procurementFinding;
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.municipalityId, municipalityId), eq(t.contractId, contractId), eq(t.id, id)))
    .limit(1);
  return row ?? null;
}

export async function updateFindingRow(tx: Database, municipalityId: string, id: string, values: Partial<typeof schema.procurementFinding.$inferInsert>): Promise<void> {
  const t = schema.procurementFinding;
  await tx
    .update(t)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(t.municipalityId, municipalityId), eq(t.id, id)));
}

/** Sets the finding's concern only if it has none yet; false when another request got there first. */
export async function claimFindingForConcern(tx: Database, municipalityId: string, id: string, concernId: string): Promise<boolean> {
  const t = schema.procurementFinding;
  const rows = await tx
    .update(t)
    .set({ concernId, updatedAt: new Date() })
    .where(and(eq(t.municipalityId, municipalityId), eq(t.id, id), isNull(t.concernId)))
    .returning({ id: t.id });
  return rows.length > 0;
}

export async function listFindings(db: Database, municipalityId: string, contractId: string): Promise<FindingRow[]> {
  const t = schema.procurementFinding;
  return db
    .select()
    .from(t)
    .where(and(eq(t.municipalityId, municipalityId), eq(t.contractId, contractId)))
    .orderBy(asc(t.createdAt));
}

// ---- declarations ----

export async function insertDeclaration(tx: Database, values: typeof schema.procurementDeclaration.$inferInsert): Promise<DeclarationRow> {
  const [row] = await tx.insert(schema.procurementDeclaration).values(values).returning();
  if (!row) throw new Error('declaration insert returned nothing');
  return row;
}

/** By token hash alone: the supplier's page has no municipality context but the token. */
export async function findDeclarationByHash(db: Database, tokenHash: string): Promise<DeclarationRow | null> {
  const [row] = await db.select().from(schema.procurementDeclaration).where(eq(schema.procurementDeclaration.tokenHash, tokenHash)).limit(1);
  return row ?? null;
}

export async function listDeclarations(db: Database, municipalityId: string, contractId: string): Promise<DeclarationRow[]> {
  const t = schema.procurementDeclaration;
  return db
    .select()
    .from(t)
    .where(and(eq(t.municipalityId, municipalityId), eq(t.contractId, contractId)))
    .orderBy(desc(t.createdAt));
}

/** Moves a declaration on only from the status it was read in, so two submissions cannot both land. */
export async function updateDeclarationRow(tx: Database, municipalityId: string, id: string, fromStatus: string, values: Partial<typeof schema.procurementDeclaration.$inferInsert>): Promise<boolean> {
  const t = schema.procurementDeclaration;
  const rows = await tx
    .update(t)
    .set(values)
    .where(and(eq(t.municipalityId, municipalityId), eq(t.id, id), eq(t.status, fromStatus)))
    .returning({ id: t.id });
  return rows.length > 0;
}

export async function municipalityName(db: Database, municipalityId: string): Promise<string> {
  const [row] = await db.select({ name: schema.municipality.name }).from(schema.municipality).where(eq(schema.municipality.id, municipalityId)).limit(1);
  return row?.name ?? '';
}

// ---- plan links ----

const l = schema.procurementMeasureLink;

export async function linksOfContract(db: Database, municipalityId: string, contractId: string): Promise<string[]> {
  const rows = await db
    .select({ lineageId: l.measureLineageId })
    .from(l)
    .where(and(eq(l.municipalityId, municipalityId), eq(l.contractId, contractId)));
  return rows.map((row) => row.lineageId);
}

export async function contractsOfLineage(db: Database, municipalityId: string, lineageId: string): Promise<string[]> {
  const rows = await db
    .select({ contractId: l.contractId })
    .from(l)
    .where(and(eq(l.municipalityId, municipalityId), eq(l.measureLineageId, lineageId)));
  return rows.map((row) => row.contractId);
}

export async function insertLink(tx: Database, values: typeof l.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(l).values(values).onConflictDoNothing().returning({ contractId: l.contractId });
  return rows.length > 0;
}

export async function deleteLink(tx: Database, municipalityId: string, contractId: string, lineageId: string): Promise<boolean> {
  const rows = await tx
    .delete(l)
    .where(and(eq(l.municipalityId, municipalityId), eq(l.contractId, contractId), eq(l.measureLineageId, lineageId)))
    .returning({ contractId: l.contractId });
  return rows.length > 0;
}

/** Measures of a plan area in the plans' adopted versions, with the plan's title. */
export async function adoptedMeasuresOfArea(db: Database, municipalityId: string, area: string) {
  const m = schema.planMeasure;
  const v = schema.planVersion;
  const p = schema.plan;
  return db
    .select({ id: m.id, lineageId: m.lineageId, title: m.title, progress: m.progress, planTitle: p.title })
    .from(m)
    .innerJoin(v, and(eq(v.id, m.planVersionId), eq(v.municipalityId, municipalityId), eq(v.status, 'adopted')))
    .innerJoin(p, and(eq(p.id, v.planId), eq(p.municipalityId, municipalityId)))
    .where(and(eq(m.municipalityId, municipalityId), eq(m.area, area)))
    .orderBy(asc(p.title), asc(m.position), asc(m.title));
}

/** The links of several measure lineages, with the linked contracts' titles. */
export async function linksOfLineages(db: Database, municipalityId: string, lineageIds: string[]) {
  if (lineageIds.length === 0) return [];
  return db
    .select({ lineageId: l.measureLineageId, contractId: l.contractId, title: c.title })
    .from(l)
    .innerJoin(c, and(eq(c.id, l.contractId), eq(c.municipalityId, municipalityId)))
    .where(and(eq(l.municipalityId, municipalityId), inArray(l.measureLineageId, lineageIds)))
    .orderBy(asc(c.title));
}

/** A plan measure with its area and lineage (for links). */
export async function findMeasureForLink(db: Database, municipalityId: string, measureId: string): Promise<{ id: string; lineageId: string; area: string } | null> {
  const m = schema.planMeasure;
  const [row] = await db
    .select({ id: m.id, lineageId: m.lineageId, area: m.area })
    .from(m)
    .where(and(eq(m.municipalityId, municipalityId), eq(m.id, measureId)))
    .limit(1);
  return row ?? null;
}

/** The language the municipality writes in by default: bokmål for nb and nn, else English. */
export async function municipalityLanguage(db: Database, municipalityId: string): Promise<'nb' | 'en'> {
  const [row] = await db.select({ settings: schema.municipality.settings }).from(schema.municipality).where(eq(schema.municipality.id, municipalityId)).limit(1);
  const lang = row?.settings.defaultLanguage;
  return lang === 'nb' || lang === 'nn' ? 'nb' : 'en';
}
