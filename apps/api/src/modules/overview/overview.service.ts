import {
  RISK_LEVELS,
  type ConcernBody,
  type Inspection,
  type InspectionBody,
  type LocalMap,
  type Pattern,
  type PatternBody,
  type RiskGroup,
  type RiskGroupBody,
  type Service,
  type ServiceBody,
  type Site,
  type SiteBody,
  type SiteLinkBody,
  type TileSource,
  tileOrigin,
} from '@lykt/shared';
import { announce } from '../../platform/cluster/invalidation';
import type { Database } from '@lykt/db';
import type { AuditAction } from '@lykt/shared';
import { recordAudit } from '../../platform/audit';
import type { UserActor } from '../../platform/context';
import { inTransaction, type Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { createConcern } from '../concerns/concern.service';
import { assertMayReadMap, mayWriteMap } from './overview.policy';
import * as repo from './overview.repository';
import { localDate } from '../reports/period';

type Keyring = Deps['keyring'];

async function seal(deps: Deps, db: Database, municipalityId: string, field: string, value: string): Promise<string | null> {
  return value === '' ? null : deps.keyring.encrypt(db, municipalityId, field, value);
}

async function open(keyring: Keyring, db: Database, municipalityId: string, field: string, value: string | null): Promise<string> {
  return value === null ? '' : keyring.decrypt(db, municipalityId, field, value);
}

type Authored = {
  createdByUserId: string;
  createdAt: Date;
  updatedByUserId?: string | null;
  updatedAt?: Date;
};

function authorship(row: Authored, names: Map<string, string>) {
  return {
    createdBy: names.get(row.createdByUserId) ?? '',
    createdAt: row.createdAt.toISOString(),
    updatedBy: row.updatedByUserId ? (names.get(row.updatedByUserId) ?? null) : null,
    updatedAt: (row.updatedAt ?? row.createdAt).toISOString(),
  };
}

/** Columns every map entry has for its change stamp and archiving. */
type Stamp = { updatedByUserId?: string | null; updatedAt?: Date; archivedAt?: Date | null };

/** What the shared update and archive steps need to know about one kind of map entry. */
type MapEntry<Values> = {
  label: string;
  entityType: string;
  find: (db: Database, municipalityId: string, id: string) => Promise<unknown>;
  update: (tx: Database, municipalityId: string, id: string, values: Values | Stamp) => Promise<void>;
  updated: AuditAction;
  archived: AuditAction;
};

function mapEntry<Values>(entry: MapEntry<Values>): MapEntry<Values> {
  return entry;
}

const ENTRIES = {
  riskGroup: mapEntry({
    label: 'The risk group',
    entityType: 'map_risk_group',
    find: repo.findRiskGroup,
    update: repo.updateRiskGroupRow,
    updated: 'overview.risk_group.updated',
    archived: 'overview.risk_group.archived',
  }),
  site: mapEntry({
    label: 'The site',
    entityType: 'map_site',
    find: repo.findSite,
    update: repo.updateSiteRow,
    updated: 'overview.site.updated',
    archived: 'overview.site.archived',
  }),
  service: mapEntry({
    label: 'The service',
    entityType: 'map_service',
    find: repo.findService,
    update: repo.updateServiceRow,
    updated: 'overview.service.updated',
    archived: 'overview.service.archived',
  }),
  pattern: mapEntry({
    label: 'The pattern',
    entityType: 'map_pattern',
    find: repo.findPattern,
    update: repo.updatePatternRow,
    updated: 'overview.pattern.updated',
    archived: 'overview.pattern.archived',
  }),
};

async function assertEntry<Values>(deps: Deps, actor: UserActor, entry: MapEntry<Values>, id: string): Promise<void> {
  if (!(await entry.find(deps.db, actor.municipalityId, id))) throw notFound(entry.label);
}

/** Changes an entry (404 if it is not the actor's municipality's), stamps who and when, and audits the change in the same transaction. */
async function updateEntry<Values>(
  deps: Deps,
  actor: UserActor,
  entry: MapEntry<Values>,
  id: string,
  change: { values: (tx: Database) => Promise<Values>; details: Record<string, unknown>; check?: () => Promise<void> },
): Promise<void> {
  await assertEntry(deps, actor, entry, id);
  await change.check?.();
  await inTransaction(deps, async (tx) => {
    await entry.update(tx, actor.municipalityId, id, {
      ...(await change.values(tx)),
      updatedByUserId: actor.userId,
      updatedAt: new Date(),
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: entry.updated,
      entityType: entry.entityType,
      entityId: id,
      details: change.details,
    });
  });
}

/** Archives an entry (404 if it is not the actor's municipality's) and audits it in the same transaction. */
async function archiveEntry<Values>(deps: Deps, actor: UserActor, entry: MapEntry<Values>, id: string): Promise<void> {
  await assertEntry(deps, actor, entry, id);
  await inTransaction(deps, async (tx) => {
    await entry.update(tx, actor.municipalityId, id, {
      archivedAt: new Date(),
      updatedByUserId: actor.userId,
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: entry.archived,
      entityType: entry.entityType,
      entityId: id,
    });
  });
}

const riskOrder = (level: string) => RISK_LEVELS.length - RISK_LEVELS.indexOf(level as (typeof RISK_LEVELS)[number]);

/** The whole map for the municipality. Free text of sites stays out (it is read per site, audited). */
export async function getMap(deps: Deps, actor: UserActor): Promise<LocalMap> {
  const partners = await repo.partnersMayRead(deps.db, actor.municipalityId);
  assertMayReadMap(actor, partners);
  const municipalityId = actor.municipalityId;
  const [groups, sites, links, services, patterns, tiles] = await Promise.all([
    repo.listRiskGroups(deps.db, municipalityId),
    repo.listSites(deps.db, municipalityId),
    repo.linkCounts(deps.db, municipalityId),
    repo.listServices(deps.db, municipalityId),
    repo.listPatterns(deps.db, municipalityId),
    repo.tileSource(deps.db, municipalityId),
  ]);
  const all: Authored[] = [...groups, ...sites, ...services, ...patterns];
  const names = await repo.userNames(
    deps.db,
    municipalityId,
    all.flatMap((row) => [row.createdByUserId, row.updatedByUserId ?? null]),
  );
  return {
    riskGroups: await Promise.all(groups.map((row) => presentRiskGroup(deps, row, names))),
    sites: sites
      .sort((a, b) => riskOrder(a.riskLevel) - riskOrder(b.riskLevel) || a.name.localeCompare(b.name))
      .map((row) => ({
        id: row.id,
        name: row.name,
        isicSection: row.isicSection as Site['isicSection'],
        area: row.area,
        riskLevel: row.riskLevel as Site['riskLevel'],
        lastInspectedOn: row.lastInspectedOn,
        inspections: row.inspections,
        links: links.get(row.id) ?? 0,
        latitude: row.latitude,
        longitude: row.longitude,
        ...authorship(row, names),
      })),
    services: services.map((row) => ({
      id: row.id,
      kind: row.kind as Service['kind'],
      name: row.name,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      capacity: row.capacity,
      capacityUnit: row.capacityUnit,
      description: row.description,
      latitude: row.latitude,
      longitude: row.longitude,
      ...authorship(row, names),
    })),
    patterns: await Promise.all(patterns.map((row) => presentPattern(deps, row, names))),
    partnersMayRead: partners,
    tileSource: tiles,
    canWrite: mayWriteMap(actor),
  };
}

async function presentRiskGroup(deps: Deps, row: repo.RiskGroupRow, names: Map<string, string>): Promise<RiskGroup> {
  return {
    id: row.id,
    kind: row.kind as RiskGroup['kind'],
    title: row.title,
    sizeLow: row.sizeLow,
    sizeHigh: row.sizeHigh,
    sizeSource: row.sizeSource,
    notes: await open(deps.keyring, deps.db, row.municipalityId, 'map_risk_group.notes', row.notesEnc),
    ...authorship(row, names),
  };
}

async function presentPattern(deps: Deps, row: repo.PatternRow, names: Map<string, string>): Promise<Pattern> {
  return {
    id: row.id,
    kind: row.kind as Pattern['kind'],
    title: row.title,
    description: await open(deps.keyring, deps.db, row.municipalityId, 'map_pattern.description', row.descriptionEnc),
    ...authorship(row, names),
  };
}

export async function setMapSettings(deps: Deps, actor: UserActor, partnersMayRead: boolean): Promise<{ partnersMayRead: boolean }> {
  await inTransaction(deps, async (tx) => {
    await repo.upsertMapSettings(tx, actor.municipalityId, partnersMayRead);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'overview.settings.updated',
      entityType: 'map_settings',
      entityId: actor.municipalityId,
      details: { partnersMayRead },
    });
  });
  return { partnersMayRead };
}

/** The map's tile source (the administrator's setting). */
export async function getTileSource(deps: Deps, actor: UserActor): Promise<{ tileSource: TileSource | null }> {
  return { tileSource: await repo.tileSource(deps.db, actor.municipalityId) };
}

/**
 * Sets or removes the map's tile source. The change is announced so every process's
 * Content-Security-Policy allows the new tile origin (and no longer the old one).
 */
export async function setTileSource(deps: Deps, actor: UserActor, source: TileSource | null): Promise<{ tileSource: TileSource | null }> {
  await inTransaction(deps, async (tx) => {
    await repo.upsertTileSource(tx, actor.municipalityId, source);
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'overview.settings.updated',
      entityType: 'map_settings',
      entityId: actor.municipalityId,
      details: { tileOrigin: source ? tileOrigin(source.url) : null, tileMaxZoom: source?.maxZoom ?? null },
    });
    await announce(tx, { kind: 'municipality', id: actor.municipalityId });
  });
  return { tileSource: source };
}

// ---- risk groups ----

export async function createRiskGroup(deps: Deps, actor: UserActor, body: RiskGroupBody): Promise<RiskGroup> {
  const row = await inTransaction(deps, async (tx) => {
    const created = await repo.insertRiskGroup(tx, {
      municipalityId: actor.municipalityId,
      kind: body.kind,
      title: body.title,
      sizeLow: body.sizeLow,
      sizeHigh: body.sizeHigh,
      sizeSource: body.sizeSource,
      notesEnc: await seal(deps, tx, actor.municipalityId, 'map_risk_group.notes', body.notes),
      createdByUserId: actor.userId,
      updatedByUserId: actor.userId,
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'overview.risk_group.created',
      entityType: 'map_risk_group',
      entityId: created.id,
      details: { kind: body.kind },
    });
    return created;
  });
  return presentRiskGroup(deps, row, new Map([[actor.userId, actor.name]]));
}

export async function updateRiskGroup(deps: Deps, actor: UserActor, id: string, body: RiskGroupBody): Promise<RiskGroup> {
  await updateEntry(deps, actor, ENTRIES.riskGroup, id, {
    values: async (tx) => ({
      kind: body.kind,
      title: body.title,
      sizeLow: body.sizeLow,
      sizeHigh: body.sizeHigh,
      sizeSource: body.sizeSource,
      notesEnc: await seal(deps, tx, actor.municipalityId, 'map_risk_group.notes', body.notes),
    }),
    details: { kind: body.kind },
  });
  const row = await repo.findRiskGroup(deps.db, actor.municipalityId, id);
  if (!row) throw notFound('The risk group');
  return presentRiskGroup(deps, row, await repo.userNames(deps.db, actor.municipalityId, [row.createdByUserId, row.updatedByUserId]));
}

export async function archiveRiskGroup(deps: Deps, actor: UserActor, id: string): Promise<void> {
  await archiveEntry(deps, actor, ENTRIES.riskGroup, id);
}

// ---- sites, inspections and links ----

/** One site with its free text, inspections and links. The read is audited: it may hold sensitive findings. */
export async function getSite(deps: Deps, actor: UserActor, id: string, audit = true): Promise<Site> {
  assertMayReadMap(actor, await repo.partnersMayRead(deps.db, actor.municipalityId));
  const row = await repo.findSite(deps.db, actor.municipalityId, id);
  if (!row) throw notFound('The site');
  const [inspections, links] = await Promise.all([repo.listInspections(deps.db, actor.municipalityId, id), repo.listSiteLinks(deps.db, actor.municipalityId, id)]);
  const names = await repo.userNames(deps.db, actor.municipalityId, [row.createdByUserId, row.updatedByUserId, ...inspections.map((inspection) => inspection.createdByUserId)]);
  if (audit) {
    await inTransaction(deps, (tx) =>
      recordAudit(tx, {
        municipalityId: actor.municipalityId,
        action: 'overview.site.viewed',
        entityType: 'map_site',
        entityId: id,
      }),
    );
  }
  const municipalityId = actor.municipalityId;
  const inspectionList: Inspection[] = await Promise.all(
    inspections.map(async (inspection) => ({
      id: inspection.id,
      inspectedOn: inspection.inspectedOn,
      agencies: inspection.agencies as Inspection['agencies'],
      findings: await open(deps.keyring, deps.db, municipalityId, 'map_inspection.findings', inspection.findingsEnc),
      followUp: await open(deps.keyring, deps.db, municipalityId, 'map_inspection.follow_up', inspection.followUpEnc),
      concernId: inspection.concernId,
      createdBy: names.get(inspection.createdByUserId) ?? '',
      createdAt: inspection.createdAt.toISOString(),
    })),
  );
  return {
    id: row.id,
    name: row.name,
    isicSection: row.isicSection as Site['isicSection'],
    area: row.area,
    riskLevel: row.riskLevel as Site['riskLevel'],
    riskReason: await open(deps.keyring, deps.db, municipalityId, 'map_site.risk_reason', row.riskReasonEnc),
    known: await open(deps.keyring, deps.db, municipalityId, 'map_site.known', row.knownEnc),
    lastInspectedOn: inspections[0]?.inspectedOn ?? null,
    inspections: inspections.length,
    links: links.length,
    latitude: row.latitude,
    longitude: row.longitude,
    inspectionList,
    linkList: links.map((link) => ({
      id: link.id,
      targetKind: link.targetKind as 'concern' | 'tip',
      targetId: link.targetId,
      createdAt: link.createdAt.toISOString(),
    })),
    ...authorship(row, names),
  };
}

async function siteValues(deps: Deps, tx: Database, actor: UserActor, body: SiteBody) {
  return {
    name: body.name,
    isicSection: body.isicSection,
    area: body.area,
    riskLevel: body.riskLevel,
    riskReasonEnc: await seal(deps, tx, actor.municipalityId, 'map_site.risk_reason', body.riskReason),
    knownEnc: await seal(deps, tx, actor.municipalityId, 'map_site.known', body.known),
    latitude: body.latitude,
    longitude: body.longitude,
    updatedByUserId: actor.userId,
  };
}

export async function createSite(deps: Deps, actor: UserActor, body: SiteBody): Promise<Site> {
  const id = await inTransaction(deps, async (tx) => {
    const row = await repo.insertSite(tx, {
      municipalityId: actor.municipalityId,
      createdByUserId: actor.userId,
      ...(await siteValues(deps, tx, actor, body)),
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'overview.site.created',
      entityType: 'map_site',
      entityId: row.id,
      details: { isicSection: body.isicSection, riskLevel: body.riskLevel },
    });
    return row.id;
  });
  return getSite(deps, actor, id, false);
}

export async function updateSite(deps: Deps, actor: UserActor, id: string, body: SiteBody): Promise<Site> {
  await updateEntry(deps, actor, ENTRIES.site, id, {
    values: (tx) => siteValues(deps, tx, actor, body),
    details: { isicSection: body.isicSection, riskLevel: body.riskLevel },
  });
  return getSite(deps, actor, id, false);
}

export async function archiveSite(deps: Deps, actor: UserActor, id: string): Promise<void> {
  await archiveEntry(deps, actor, ENTRIES.site, id);
}

export async function addInspection(deps: Deps, actor: UserActor, siteId: string, body: InspectionBody): Promise<Site> {
  if (!(await repo.findSite(deps.db, actor.municipalityId, siteId))) throw notFound('The site');
  // A day in Norway: just after midnight there, the UTC date is still yesterday.
  if (body.inspectedOn > localDate(new Date()))
    throw new AppError('VALIDATION_ERROR', 'The inspection date is in the future.', {
      fields: [{ field: 'inspectedOn', message: 'Must not be in the future' }],
    });
  await inTransaction(deps, async (tx) => {
    const row = await repo.insertInspection(tx, {
      municipalityId: actor.municipalityId,
      siteId,
      inspectedOn: body.inspectedOn,
      agencies: body.agencies,
      findingsEnc: await seal(deps, tx, actor.municipalityId, 'map_inspection.findings', body.findings),
      followUpEnc: await seal(deps, tx, actor.municipalityId, 'map_inspection.follow_up', body.followUp),
      createdByUserId: actor.userId,
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'overview.inspection.created',
      entityType: 'map_inspection',
      entityId: row.id,
      details: { siteId, agencies: body.agencies },
    });
  });
  return getSite(deps, actor, siteId, false);
}

export async function linkSite(deps: Deps, actor: UserActor, siteId: string, body: SiteLinkBody): Promise<Site> {
  if (!(await repo.findSite(deps.db, actor.municipalityId, siteId))) throw notFound('The site');
  const exists = body.targetKind === 'concern' ? await repo.concernExists(deps.db, actor.municipalityId, body.targetId) : await repo.tipExists(deps.db, actor.municipalityId, body.targetId);
  if (!exists) throw notFound(body.targetKind === 'concern' ? 'The concern' : 'The tip');
  await inTransaction(deps, async (tx) => {
    const created = await repo.insertSiteLink(tx, {
      municipalityId: actor.municipalityId,
      siteId,
      targetKind: body.targetKind,
      targetId: body.targetId,
      createdByUserId: actor.userId,
    });
    if (created)
      await recordAudit(tx, {
        municipalityId: actor.municipalityId,
        action: 'overview.site.linked',
        entityType: 'map_site',
        entityId: siteId,
        details: { targetKind: body.targetKind, targetId: body.targetId },
      });
  });
  return getSite(deps, actor, siteId, false);
}

/**
 * An inspection finding starts a concern: the concern is created through the concerns module
 * (its own rules, encryption and audit), then linked to the inspection and the site.
 */
export async function startConcernFromInspection(deps: Deps, actor: UserActor, siteId: string, inspectionId: string, body: ConcernBody): Promise<Site> {
  const inspection = await repo.findInspection(deps.db, actor.municipalityId, siteId, inspectionId);
  if (!inspection) throw notFound('The inspection');
  if (inspection.concernId) throw new AppError('CONFLICT', 'This inspection has already started a concern.');
  const concern = await createConcern(deps, actor, {
    ...body,
    screeningId: null,
    context: body.context ?? 'inspection',
  });
  await inTransaction(deps, async (tx) => {
    await repo.setInspectionConcern(tx, actor.municipalityId, inspectionId, concern.id);
    await repo.insertSiteLink(tx, {
      municipalityId: actor.municipalityId,
      siteId,
      targetKind: 'concern',
      targetId: concern.id,
      createdByUserId: actor.userId,
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'overview.site.linked',
      entityType: 'map_site',
      entityId: siteId,
      details: { targetKind: 'concern', targetId: concern.id, inspectionId },
    });
  });
  return getSite(deps, actor, siteId, false);
}

// ---- services ----

async function presentService(deps: Deps, actor: UserActor, id: string): Promise<Service> {
  const row = (await repo.listServices(deps.db, actor.municipalityId)).find((service) => service.id === id);
  if (!row) throw notFound('The service');
  const names = await repo.userNames(deps.db, actor.municipalityId, [row.createdByUserId, row.updatedByUserId]);
  return {
    id: row.id,
    kind: row.kind as Service['kind'],
    name: row.name,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    capacity: row.capacity,
    capacityUnit: row.capacityUnit,
    description: row.description,
    latitude: row.latitude,
    longitude: row.longitude,
    ...authorship(row, names),
  };
}

async function assertOrganisation(deps: Deps, actor: UserActor, organisationId: string | null): Promise<void> {
  if (organisationId && !(await repo.organisationExists(deps.db, actor.municipalityId, organisationId))) {
    throw new AppError('VALIDATION_ERROR', 'The organisation does not exist.', {
      fields: [{ field: 'organisationId', message: 'Unknown organisation' }],
    });
  }
}

export async function createService(deps: Deps, actor: UserActor, body: ServiceBody): Promise<Service> {
  await assertOrganisation(deps, actor, body.organisationId);
  const id = await inTransaction(deps, async (tx) => {
    const row = await repo.insertService(tx, {
      municipalityId: actor.municipalityId,
      ...body,
      createdByUserId: actor.userId,
      updatedByUserId: actor.userId,
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'overview.service.created',
      entityType: 'map_service',
      entityId: row.id,
      details: { kind: body.kind },
    });
    return row.id;
  });
  return presentService(deps, actor, id);
}

export async function updateService(deps: Deps, actor: UserActor, id: string, body: ServiceBody): Promise<Service> {
  await updateEntry(deps, actor, ENTRIES.service, id, {
    check: () => assertOrganisation(deps, actor, body.organisationId),
    values: () => Promise.resolve({ ...body }),
    details: { kind: body.kind },
  });
  return presentService(deps, actor, id);
}

export async function archiveService(deps: Deps, actor: UserActor, id: string): Promise<void> {
  await archiveEntry(deps, actor, ENTRIES.service, id);
}

// ---- patterns ----

export async function createPattern(deps: Deps, actor: UserActor, body: PatternBody): Promise<Pattern> {
  const row = await inTransaction(deps, async (tx) => {
    const created = await repo.insertPattern(tx, {
      municipalityId: actor.municipalityId,
      kind: body.kind,
      title: body.title,
      descriptionEnc: await seal(deps, tx, actor.municipalityId, 'map_pattern.description', body.description),
      createdByUserId: actor.userId,
      updatedByUserId: actor.userId,
    });
    await recordAudit(tx, {
      municipalityId: actor.municipalityId,
      action: 'overview.pattern.created',
      entityType: 'map_pattern',
      entityId: created.id,
      details: { kind: body.kind },
    });
    return created;
  });
  return presentPattern(deps, row, new Map([[actor.userId, actor.name]]));
}

export async function updatePattern(deps: Deps, actor: UserActor, id: string, body: PatternBody): Promise<Pattern> {
  await updateEntry(deps, actor, ENTRIES.pattern, id, {
    values: async (tx) => ({
      kind: body.kind,
      title: body.title,
      descriptionEnc: await seal(deps, tx, actor.municipalityId, 'map_pattern.description', body.description),
    }),
    details: { kind: body.kind },
  });
  const row = await repo.findPattern(deps.db, actor.municipalityId, id);
  if (!row) throw notFound('The pattern');
  return presentPattern(deps, row, await repo.userNames(deps.db, actor.municipalityId, [row.createdByUserId, row.updatedByUserId]));
}

export async function archivePattern(deps: Deps, actor: UserActor, id: string): Promise<void> {
  await archiveEntry(deps, actor, ENTRIES.pattern, id);
}
