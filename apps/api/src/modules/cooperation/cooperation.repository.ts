import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';

export type MemberRow = typeof schema.coopMember.$inferSelect;
export type RoutingRow = typeof schema.routingEntry.$inferSelect;
export type MeetingRow = typeof schema.coopMeeting.$inferSelect;
export type AttendanceRow = typeof schema.coopMeetingAttendance.$inferSelect;
export type ItemRow = typeof schema.coopMeetingItem.$inferSelect;
export type ActionRow = typeof schema.coopActionItem.$inferSelect;

const member = schema.coopMember;

export async function findMembers(db: Database, municipalityId: string, includeRemoved: boolean): Promise<MemberRow[]> {
  return db
    .select()
    .from(member)
    .where(and(eq(member.municipalityId, municipalityId), includeRemoved ? undefined : isNull(member.removedAt)))
    .orderBy(asc(member.name));
}

export async function findMember(db: Database, municipalityId: string, memberId: string): Promise<MemberRow | null> {
  const [row] = await db.select().from(member).where(and(eq(member.municipalityId, municipalityId), eq(member.id, memberId), isNull(member.removedAt))).limit(1);
  return row ?? null;
}

export async function organisationIsInGroup(db: Database, municipalityId: string, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.municipalityId, municipalityId), eq(member.organisationId, organisationId), isNull(member.removedAt)))
    .limit(1);
  return Boolean(row);
}

export async function insertMember(tx: Database, municipalityId: string, values: Omit<typeof member.$inferInsert, 'id' | 'municipalityId'>): Promise<MemberRow> {
  const [row] = await tx.insert(member).values({ ...values, municipalityId }).returning();
  if (!row) throw new Error('member insert returned nothing');
  return row;
}

export async function updateMemberRow(tx: Database, municipalityId: string, memberId: string, values: Partial<typeof member.$inferInsert>): Promise<void> {
  await tx.update(member).set({ ...values, updatedAt: new Date() }).where(and(eq(member.municipalityId, municipalityId), eq(member.id, memberId)));
}

export async function findRouting(db: Database, municipalityId: string): Promise<RoutingRow[]> {
  return db.select().from(schema.routingEntry).where(eq(schema.routingEntry.municipalityId, municipalityId));
}

export async function replaceRouting(tx: Database, municipalityId: string, userId: string, entries: Omit<typeof schema.routingEntry.$inferInsert, 'id' | 'municipalityId' | 'updatedByUserId'>[]): Promise<void> {
  await tx.delete(schema.routingEntry).where(eq(schema.routingEntry.municipalityId, municipalityId));
  if (entries.length === 0) return;
  await tx.insert(schema.routingEntry).values(entries.map((entry) => ({ ...entry, municipalityId, updatedByUserId: userId, updatedAt: new Date() })));
}

export async function findMeetings(db: Database, municipalityId: string): Promise<MeetingRow[]> {
  return db.select().from(schema.coopMeeting).where(eq(schema.coopMeeting.municipalityId, municipalityId)).orderBy(desc(schema.coopMeeting.startsAt));
}

export async function findMeeting(db: Database, municipalityId: string, meetingId: string): Promise<MeetingRow | null> {
  const [row] = await db.select().from(schema.coopMeeting).where(and(eq(schema.coopMeeting.municipalityId, municipalityId), eq(schema.coopMeeting.id, meetingId))).limit(1);
  return row ?? null;
}

export async function findMeetingParts(db: Database, municipalityId: string, meetingIds: string[]) {
  if (meetingIds.length === 0) return { attendance: [] as AttendanceRow[], items: [] as ItemRow[], actions: [] as ActionRow[] };
  const [attendance, items, actions] = await Promise.all([
    db.select().from(schema.coopMeetingAttendance).where(and(eq(schema.coopMeetingAttendance.municipalityId, municipalityId), inArray(schema.coopMeetingAttendance.meetingId, meetingIds))),
    db
      .select()
      .from(schema.coopMeetingItem)
      .where(and(eq(schema.coopMeetingItem.municipalityId, municipalityId), inArray(schema.coopMeetingItem.meetingId, meetingIds)))
      .orderBy(asc(schema.coopMeetingItem.position)),
    db
      .select()
      .from(schema.coopActionItem)
      .where(and(eq(schema.coopActionItem.municipalityId, municipalityId), inArray(schema.coopActionItem.meetingId, meetingIds)))
      .orderBy(asc(schema.coopActionItem.position)),
  ]);
  return { attendance, items, actions };
}

export async function insertMeeting(tx: Database, municipalityId: string, values: Pick<MeetingRow, 'startsAt' | 'place' | 'minutesEnc'>): Promise<MeetingRow> {
  const [row] = await tx.insert(schema.coopMeeting).values({ ...values, municipalityId }).returning();
  if (!row) throw new Error('meeting insert returned nothing');
  return row;
}

export async function updateMeetingRow(tx: Database, municipalityId: string, meetingId: string, values: Pick<MeetingRow, 'startsAt' | 'place' | 'minutesEnc'>): Promise<void> {
  await tx
    .update(schema.coopMeeting)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(schema.coopMeeting.municipalityId, municipalityId), eq(schema.coopMeeting.id, meetingId)));
}

export async function replaceAttendanceAndItems(
  tx: Database,
  municipalityId: string,
  meetingId: string,
  attendance: { memberId: string; present: boolean }[],
  items: { title: string; notesEnc: string; decisionEnc: string }[],
): Promise<void> {
  await tx.delete(schema.coopMeetingAttendance).where(and(eq(schema.coopMeetingAttendance.municipalityId, municipalityId), eq(schema.coopMeetingAttendance.meetingId, meetingId)));
  await tx.delete(schema.coopMeetingItem).where(and(eq(schema.coopMeetingItem.municipalityId, municipalityId), eq(schema.coopMeetingItem.meetingId, meetingId)));
  if (attendance.length > 0) await tx.insert(schema.coopMeetingAttendance).values(attendance.map((row) => ({ ...row, municipalityId, meetingId })));
  if (items.length > 0) await tx.insert(schema.coopMeetingItem).values(items.map((row, position) => ({ ...row, position, municipalityId, meetingId })));
}

export async function deleteActions(tx: Database, municipalityId: string, actionIds: string[]): Promise<void> {
  if (actionIds.length === 0) return;
  await tx.delete(schema.coopActionItem).where(and(eq(schema.coopActionItem.municipalityId, municipalityId), inArray(schema.coopActionItem.id, actionIds)));
}

export async function upsertAction(tx: Database, municipalityId: string, meetingId: string, values: { id?: string | undefined; position: number; text: string; ownerOrganisationId: string | null; dueDate: string | null; measureId: string | null }): Promise<void> {
  const { id, ...rest } = values;
  if (id) {
    await tx.update(schema.coopActionItem).set(rest).where(and(eq(schema.coopActionItem.municipalityId, municipalityId), eq(schema.coopActionItem.id, id)));
  } else {
    await tx.insert(schema.coopActionItem).values({ ...rest, municipalityId, meetingId });
  }
}

export async function completeActionRow(tx: Database, municipalityId: string, actionId: string, completedOn: string, userId: string): Promise<void> {
  await tx
    .update(schema.coopActionItem)
    .set({ completedOn, completedByUserId: userId })
    .where(and(eq(schema.coopActionItem.municipalityId, municipalityId), eq(schema.coopActionItem.id, actionId)));
}

export async function deleteMeetingRow(tx: Database, municipalityId: string, meetingId: string): Promise<void> {
  await tx.delete(schema.coopActionItem).where(and(eq(schema.coopActionItem.municipalityId, municipalityId), eq(schema.coopActionItem.meetingId, meetingId)));
  await tx.delete(schema.coopMeeting).where(and(eq(schema.coopMeeting.municipalityId, municipalityId), eq(schema.coopMeeting.id, meetingId)));
}

/** Plan measures by id with their title and the status of their version. */
export async function measureTitles(db: Database, municipalityId: string, measureIds: string[]): Promise<Map<string, { title: string; versionStatus: string }>> {
  if (measureIds.length === 0) return new Map();
  const rows = await db
    .select({ id: schema.planMeasure.id, title: schema.planMeasure.title, status: schema.planVersion.status })
    .from(schema.planMeasure)
    .innerJoin(schema.planVersion, eq(schema.planVersion.id, schema.planMeasure.planVersionId))
    .where(and(eq(schema.planMeasure.municipalityId, municipalityId), inArray(schema.planMeasure.id, measureIds)));
  return new Map(rows.map((row) => [row.id, { title: row.title, versionStatus: row.status }]));
}
