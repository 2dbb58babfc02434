import { and, eq, gte, isNull, lt, lte, or } from 'drizzle-orm';
import { overviewContent } from '@lykt/content/overview';
import { fillPlural, fillText, reportTexts } from '@lykt/content/report-texts';
import { schema, type Database } from '@lykt/db';
import { RISK_GROUP_KINDS, RISK_LEVELS, SERVICE_KINDS } from '@lykt/shared';
import type { DocBlock } from '../../../platform/documents/model';
import { numberFormatFor } from '../../../platform/documents/options';
import { lastLocalDate, localDate } from '../period';
import type { ReportFigure, ReportSection, ReportSectionInput, ReportSectionProvider } from '../report-section';

/** Present at the end of the period: created before it ended and not archived by then. */
const presentAt = (table: typeof schema.mapRiskGroup | typeof schema.mapSite | typeof schema.mapService, to: Date) => and(lt(table.createdAt, to), or(isNull(table.archivedAt), gte(table.archivedAt, to)));

/**
 * The local situation map at the end of the period, as counts per category: risk groups by kind
 * (with the summed size estimates), sites by sector and risk level, services by kind with capacity,
 * and inspections in the period. The map describes groups and places, never persons; no site name,
 * note or finding is printed, only how many entries fall in each category.
 */
export async function buildMapSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const texts = reportTexts(input.lang).map;
  const groups = await db
    .select({ kind: schema.mapRiskGroup.kind, sizeLow: schema.mapRiskGroup.sizeLow, sizeHigh: schema.mapRiskGroup.sizeHigh })
    .from(schema.mapRiskGroup)
    .where(and(eq(schema.mapRiskGroup.municipalityId, input.municipalityId), presentAt(schema.mapRiskGroup, input.to)));
  const sites = await db
    .select({ sector: schema.mapSite.isicSection, riskLevel: schema.mapSite.riskLevel })
    .from(schema.mapSite)
    .where(and(eq(schema.mapSite.municipalityId, input.municipalityId), presentAt(schema.mapSite, input.to)));
  const services = await db
    .select({ kind: schema.mapService.kind, capacity: schema.mapService.capacity, unit: schema.mapService.capacityUnit })
    .from(schema.mapService)
    .where(and(eq(schema.mapService.municipalityId, input.municipalityId), presentAt(schema.mapService, input.to)));
  const inspections = await db
    .select({ id: schema.mapInspection.id })
    .from(schema.mapInspection)
    .where(and(eq(schema.mapInspection.municipalityId, input.municipalityId), gte(schema.mapInspection.inspectedOn, localDate(input.from)), lte(schema.mapInspection.inspectedOn, lastLocalDate(input.to))));
  if (groups.length === 0 && sites.length === 0 && services.length === 0 && inspections.length === 0) return { key: 'map', title: texts.title, hasData: false, emptyText: texts.empty, blocks: [] };

  const format = numberFormatFor(input.lang);
  const blocks: DocBlock[] = [{ type: 'paragraph', text: texts.intro }];
  if (groups.length > 0) {
    const rows = RISK_GROUP_KINDS.filter((kind) => groups.some((group) => group.kind === kind)).map((kind) => {
      const ofKind = groups.filter((group) => group.kind === kind);
      const estimated = ofKind.filter((group) => group.sizeLow !== null || group.sizeHigh !== null);
      const low = estimated.reduce((sum, group) => sum + (group.sizeLow ?? group.sizeHigh ?? 0), 0);
      const high = estimated.reduce((sum, group) => sum + (group.sizeHigh ?? group.sizeLow ?? 0), 0);
      const estimate = estimated.length === 0 ? texts.noEstimate : low === high ? format(low) : fillText(texts.estimate, { low: format(low), high: format(high) });
      return [texts.riskGroupKinds[kind], format(ofKind.length), estimate];
    });
    blocks.push({ type: 'table', caption: texts.riskGroupsCaption, headers: [texts.riskGroupColumns.kind, texts.riskGroupColumns.count, texts.riskGroupColumns.estimate], rows });
  }
  if (sites.length > 0) {
    const sectors = overviewContent().isic.sections.filter((section) => sites.some((site) => site.sector === section.code));
    const count = (sector: string, level: string) => sites.filter((site) => site.sector === sector && site.riskLevel === level).length;
    const rows = sectors.map((section) => [
      `${section.code} ${section.title[input.lang]}`,
      ...[...RISK_LEVELS].reverse().map((level) => format(count(section.code, level))),
      format(sites.filter((site) => site.sector === section.code).length),
    ]);
    blocks.push({ type: 'table', caption: texts.sitesCaption, headers: [texts.siteColumns.sector, texts.siteColumns.high, texts.siteColumns.medium, texts.siteColumns.low, texts.siteColumns.total], rows });
  }
  if (services.length > 0) {
    const rows = SERVICE_KINDS.filter((kind) => services.some((service) => service.kind === kind)).map((kind) => {
      const ofKind = services.filter((service) => service.kind === kind && service.capacity !== null);
      const units = [...new Set(ofKind.map((service) => service.unit.trim()))];
      const capacity = ofKind.length === 0 ? texts.noEstimate : `${format(ofKind.reduce((sum, service) => sum + (service.capacity ?? 0), 0))}${units.length === 1 && units[0] ? ` ${units[0]}` : ''}`;
      return [texts.serviceKinds[kind], format(services.filter((service) => service.kind === kind).length), capacity];
    });
    blocks.push({ type: 'table', caption: texts.servicesCaption, headers: [texts.serviceColumns.kind, texts.serviceColumns.count, texts.serviceColumns.capacity], rows });
  }
  blocks.push({ type: 'paragraph', text: inspections.length === 0 ? texts.inspectionsNone : fillPlural(texts.inspections, inspections.length, { count: format(inspections.length) }) });

  const exact = (value: number) => ({ kind: 'exact' as const, value });
  const figures: ReportFigure[] = [
    { key: 'map.riskGroups', question: 'prevalence', label: texts.figures.riskGroups, value: exact(groups.length) },
    { key: 'map.sites', question: 'prevalence', label: texts.figures.sites, value: exact(sites.length) },
    { key: 'map.sites.high', question: 'prevalence', label: texts.figures.highRisk, value: exact(sites.filter((site) => site.riskLevel === 'high').length) },
    { key: 'map.inspections', question: 'identification', label: texts.figures.inspections, value: exact(inspections.length) },
    { key: 'map.services', question: 'assistance', label: texts.figures.services, value: exact(services.length) },
  ];
  return { key: 'map', title: texts.title, hasData: true, blocks, figures };
}

export const mapSection: ReportSectionProvider = { key: 'map', order: 24, build: buildMapSection };
