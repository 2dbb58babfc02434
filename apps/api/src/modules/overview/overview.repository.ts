import { and, asc, count, desc, eq, inArray, isNull, max } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';

export type RiskGroupRow = typeof schema.mapRiskGroup.$inferSelect;
export type SiteRow = typeof schema.mapSite.$inferSelect;
export type InspectionRow = typeof schema.mapInspection.$inferSelect;
export type SiteLinkRow = typeof schema.mapSiteLink.$inferSelect;
export type ServiceRow = typeof schema.mapService.$inferSelect;
export type PatternRow = typeof schema.mapPattern.$inferSelect;
export type MaturityRow = typeof schema.maturityRating.$inferSelect;

/** Names of the municipality's users, for "added by" (only ids that occur are asked for). */
export async function userNames(db: Database, municipalityId: string, ids: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: schema.appUser.id, name: schema.appUser.name })
    .from(schema.appUser)
    .where(and(eq(schema.appUser.municipalityId, municipalityId), inArray(schema.appUser.id, wanted)));
  return new Map(rows.map((row) => [row.id, row.name]));
}

export async function partnersMayRead(db: Database, municipalityId: string): Promise<boolean> {
  const [row] = await db.select({ value: schema.mapSettings.partnersMayRead }).from(schema.mapSettings).where(eq(schema.mapSettings.municipalityId, municipalityId)).limit(1);
  return row?.value ?? false;
}

export async function upsertMapSettings(tx: Database, municipalityId: string, value: boolean): Promise<void> {
  await tx
    .insert(schema.mapSettings)
    .values({ municipalityId, partnersMayRead: value })
    .onConflictDoUpdate({
      target: schema.mapSettings.municipalityId,
      set: { partnersMayRead: value, updatedAt: new Date() },
    });
}

export type TileSourceRow = { url: string; attribution: string; maxZoom: number };

export async function tileSource(db: Database, municipalityId: string): Promise<TileSourceRow | null> {
  const [row] = await db
    .select({ url: schema.mapSettings.tileUrl, attribution: schema.mapSettings.tileAttribution, maxZoom: schema.mapSettings.tileMaxZoom })
    .from(schema.mapSettings)
    .where(eq(schema.mapSettings.municipalityId, municipalityId))
    .limit(1);
  return row?.url ? { url: row.url, attribution: row.attribution, maxZoom: row.maxZoom } : null;
}

export async function upsertTileSource(tx: Database, municipalityId: string, source: TileSourceRow | null): Promise<void> {
  const values = { tileUrl: source?.url ?? null, tileAttribution: source?.attribution ?? '', tileMaxZoom: source?.maxZoom ?? 18 };
  await tx
    .insert(schema.mapSettings)
    .values({ municipalityId, ...values })
    .onConflictDoUpdate({ target: schema.mapSettings.municipalityId, set: { ...values, updatedAt: new Date() } });
}

export async function listRiskGroups(db: Database, municipalityId: string): Promise<RiskGroupRow[]> {
  return db
    .select()
    .from(schema.mapRiskGroup)
    .where(and(eq(schema.mapRiskGroup.municipalityId, municipalityId), isNull(schema.mapRiskGroup.archivedAt)))
    .orderBy(asc(schema.mapRiskGroup.kind), asc(schema.mapRiskGroup.title));
}

export async function findRiskGroup(db: Database, municipalityId: string, id: string): Promise<RiskGroupRow | null> {
  const [row] = await db
    .select()
    .from(schema.mapRiskGroup)
    .where(and(eq(schema.mapRiskGroup.municipalityId, municipalityId), eq(schema.mapRiskGroup.id, id), isNull(schema.mapRiskGroup.archivedAt)))
    .limit(1);
  return row ?? null;
}

export async function insertRiskGroup(tx: Database, values: typeof schema.mapRiskGroup.$inferInsert): Promise<RiskGroupRow> {
  const [row] = await tx.insert(schema.mapRiskGroup).values(values).returning();
  if (!row) throw new Error('risk group insert returned nothing');
  return row;
}

export async function updateRiskGroupRow(tx: Database, municipalityId: string, id: string, values: Partial<typeof schema.mapRiskGroup.$inferInsert>): Promise<void> {
  await tx
    .update(schema.mapRiskGroup)
    .set(values)
    .where(and(eq(schema.mapRiskGroup.municipalityId, municipalityId), eq(schema.mapRiskGroup.id, id)));
}

export async function listSites(db: Database, municipalityId: string): Promise<Array<SiteRow & { inspections: number; lastInspectedOn: string | null }>> {
  const rows = await db
    .select({
      site: schema.mapSite,
      inspections: count(schema.mapInspection.id),
      lastInspectedOn: max(schema.mapInspection.inspectedOn),
    })
    .from(schema.mapSite)
    .leftJoin(schema.mapInspection, and(eq(schema.mapInspection.siteId, schema.mapSite.id), eq(schema.mapInspection.municipalityId, municipalityId)))
    .where(and(eq(schema.mapSite.municipalityId, municipalityId), isNull(schema.mapSite.archivedAt)))
    .groupBy(schema.mapSite.id)
    .orderBy(desc(schema.mapSite.riskLevel), asc(schema.mapSite.name));
  return rows.map((row) => ({
    ...row.site,
    inspections: row.inspections,
    lastInspectedOn: row.lastInspectedOn ?? null,
  }));
}

export async function linkCounts(db: Database, municipalityId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ siteId: schema.mapSiteLink.siteId, total: count() })
    .from(schema.mapSiteLink)
    .where(eq(schema.mapSiteLink.municipalityId, municipalityId))
    .groupBy(schema.mapSiteLink.siteId);
  return new Map(rows.map((row) => [row.siteId, row.total]));
}

export async function findSite(db: Database, municipalityId: string, id: string): Promise<SiteRow | null> {
  const [row] = await db
    .select()
    .from(schema.mapSite)
    .where(and(eq(schema.mapSite.municipalityId, municipalityId), eq(schema.mapSite.id, id), isNull(schema.mapSite.archivedAt)))
    .limit(1);
  return row ?? null;
}

export async function insertSite(tx: Database, values: typeof schema.mapSite.$inferInsert): Promise<SiteRow> {
  const [row] = await tx.insert(schema.mapSite).values(values).returning();
  if (!row) throw new Error('site insert returned nothing');
  return row;
}

export async function updateSiteRow(tx: Database, municipalityId: string, id: string, values: Partial<typeof schema.mapSite.$inferInsert>): Promise<void> {
  await tx
    .update(schema.mapSite)
    .set(values)
    .where(and(eq(schema.mapSite.municipalityId, municipalityId), eq(schema.mapSite.id, id)));
}

export async function listInspections(db: Database, municipalityId: string, siteId: string): Promise<InspectionRow[]> {
  return db
    .select()
    .from(schema.mapInspection)
    .where(and(eq(schema.mapInspection.municipalityId, municipalityId), eq(schema.mapInspection.siteId, siteId)))
    .orderBy(desc(schema.mapInspection.inspectedOn));
}

export async function findInspection(db: Database, municipalityId: string, siteId: string, id: string): Promise<InspectionRow | null> {
  const [row] = await db
    .select()
    .from(schema.mapInspection)
    .where(and(eq(schema.mapInspection.municipalityId, municipalityId), eq(schema.mapInspection.siteId, siteId), eq(schema.mapInspection.id, id)))
    .limit(1);
  return row ?? null;
}

export async function insertInspection(tx: Database, values: typeof schema.mapInspection.$inferInsert): Promise<InspectionRow> {
  const [row] = await tx.insert(schema.mapInspection).values(values).returning();
  if (!row) throw new Error('inspection insert returned nothing');
  return row;
}

export async function setInspectionConcern(tx: Database, municipalityId: string, id: string, concernId: string): Promise<void> {
  await tx
    .update(schema.mapInspection)
    .set({ concernId })
    .where(and(eq(schema.mapInspection.municipalityId, municipalityId), eq(schema.mapInspection.id, id)));
}

export async function listSiteLinks(db: Database, municipalityId: string, siteId: string): Promise<SiteLinkRow[]> {
  return db
    .select()
    .from(schema.mapSiteLink)
    .where(and(eq(schema.mapSiteLink.municipalityId, municipalityId), eq(schema.mapSiteLink.siteId, siteId)))
    .orderBy(asc(schema.mapSiteLink.createdAt));
}

/** Inserts a link unless it exists; returns whether it was new. */
export async function insertSiteLink(tx: Database, values: typeof schema.mapSiteLink.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(schema.mapSiteLink).values(values).onConflictDoNothing().returning({ id: schema.mapSiteLink.id });
  return rows.length > 0;
}

export async function concernExists(db: Database, municipalityId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: schema.concern.id })
    .from(schema.concern)
    .where(and(eq(schema.concern.municipalityId, municipalityId), eq(schema.concern.id, id)))
    .limit(1);
  return row !== undefined;
}

export async function tipExists(db: Database, municipalityId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: schema.tip.id })
    .from(schema.tip)
    .where(and(eq(schema.tip.municipalityId, municipalityId), eq(schema.tip.id, id)))
    .limit(1);
  return row !== undefined;
}

export async function listServices(db: Database, municipalityId: string): Promise<Array<ServiceRow & { organisationName: string | null }>> {
  const rows = await db
    .select({
      service: schema.mapService,
      organisationName: schema.organisation.name,
    })
    .from(schema.mapService)
    .leftJoin(schema.organisation, and(eq(schema.organisation.id, schema.mapService.organisationId), eq(schema.organisation.municipalityId, municipalityId)))
    .where(and(eq(schema.mapService.municipalityId, municipalityId), isNull(schema.mapService.archivedAt)))
    .orderBy(asc(schema.mapService.kind), asc(schema.mapService.name));
  return rows.map((row) => ({
    ...row.service,
    organisationName: row.organisationName,
  }));
}

export async function findService(db: Database, municipalityId: string, id: string): Promise<ServiceRow | null> {
  const [row] = await db
    .select()
    .from(schema.mapService)
    .where(and(eq(schema.mapService.municipalityId, municipalityId), eq(schema.mapService.id, id), isNull(schema.mapService.archivedAt)))
    .limit(1);
  return row ?? null;
}

export async function organisationExists(db: Database, municipalityId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: schema.organisation.id })
    .from(schema.organisation)
    .where(and(eq(schema.organisation.municipalityId, municipalityId), eq(schema.organisation.id, id)))
    .limit(1);
  return row !== undefined;
}

export async function insertService(tx: Database, values: typeof schema.mapService.$inferInsert): Promise<ServiceRow> {
  const [row] = await tx.insert(schema.mapService).values(values).returning();
  if (!row) throw new Error('service insert returned nothing');
  return row;
}

export async function updateServiceRow(tx: Database, municipalityId: string, id: string, values: Partial<typeof schema.mapService.$inferInsert>): Promise<void> {
  await tx
    .update(schema.mapService)
    .set(values)
    .where(and(eq(schema.mapService.municipalityId, municipalityId), eq(schema.mapService.id, id)));
}

export async function listPatterns(db: Database, municipalityId: string): Promise<PatternRow[]> {
  return db
    .select()
    .from(schema.mapPattern)
    .where(and(eq(schema.mapPattern.municipalityId, municipalityId), isNull(schema.mapPattern.archivedAt)))
    .orderBy(asc(schema.mapPattern.kind), asc(schema.mapPattern.title));
}

export async function findPattern(db: Database, municipalityId: string, id: string): Promise<PatternRow | null> {
  const [row] = await db
    .select()
    .from(schema.mapPattern)
    .where(and(eq(schema.mapPattern.municipalityId, municipalityId), eq(schema.mapPattern.id, id), isNull(schema.mapPattern.archivedAt)))
    .limit(1);
  return row ?? null;
}

export async function insertPattern(tx: Database, values: typeof schema.mapPattern.$inferInsert): Promise<PatternRow> {
  const [row] = await tx.insert(schema.mapPattern).values(values).returning();
  if (!row) throw new Error('pattern insert returned nothing');
  return row;
}

export async function updatePatternRow(tx: Database, municipalityId: string, id: string, values: Partial<typeof schema.mapPattern.$inferInsert>): Promise<void> {
  await tx
    .update(schema.mapPattern)
    .set(values)
    .where(and(eq(schema.mapPattern.municipalityId, municipalityId), eq(schema.mapPattern.id, id)));
}

export async function listMaturity(db: Database, municipalityId: string): Promise<MaturityRow[]> {
  return db.select().from(schema.maturityRating).where(eq(schema.maturityRating.municipalityId, municipalityId)).orderBy(desc(schema.maturityRating.year), asc(schema.maturityRating.areaCode));
}

export async function upsertMaturity(tx: Database, values: typeof schema.maturityRating.$inferInsert): Promise<void> {
  await tx
    .insert(schema.maturityRating)
    .values(values)
    .onConflictDoUpdate({
      target: [schema.maturityRating.municipalityId, schema.maturityRating.year, schema.maturityRating.areaCode],
      set: {
        level: values.level,
        note: values.note ?? '',
        ratedByUserId: values.ratedByUserId,
        ratedAt: new Date(),
      },
    });
}
