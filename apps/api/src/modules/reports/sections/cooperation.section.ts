import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import { schema, type Database } from '@lykt/db';
import { fillPlural, reportTexts } from '@lykt/content/report-texts';
import { numberFormatFor } from '../../../platform/documents/options';
import { localDate } from '../period';
import type { ReportSection, ReportSectionInput, ReportSectionProvider } from '../report-section';
import { dateTimeFormat, numberFormat } from '../../../platform/intl';

/**
 * The cooperation group's activity: meetings held, attendance per organisation and the action
 * items agreed. These count meetings and organisations, not people, so they are shown as they are;
 * no member's name is printed.
 */
export async function buildCooperationSection(db: Database, input: ReportSectionInput): Promise<ReportSection> {
  const texts = reportTexts(input.lang).cooperation;
  const meeting = schema.coopMeeting;
  const meetings = await db
    .select({ id: meeting.id, startsAt: meeting.startsAt, place: meeting.place })
    .from(meeting)
    .where(and(eq(meeting.municipalityId, input.municipalityId), gte(meeting.startsAt, input.from), lt(meeting.startsAt, input.to)))
    .orderBy(asc(meeting.startsAt));
  if (meetings.length === 0) return { key: 'cooperation', title: texts.title, hasData: false, emptyText: texts.empty, blocks: [] };

  const ids = meetings.map((row) => row.id);
  const attendance = schema.coopMeetingAttendance;
  const member = schema.coopMember;
  const present = await db
    .select({ meetingId: attendance.meetingId, organisationId: member.organisationId, organisationName: schema.organisation.name })
    .from(attendance)
    .innerJoin(member, and(eq(member.id, attendance.memberId), eq(member.municipalityId, input.municipalityId)))
    .innerJoin(schema.organisation, and(eq(schema.organisation.id, member.organisationId), eq(schema.organisation.municipalityId, input.municipalityId)))
    .where(and(eq(attendance.municipalityId, input.municipalityId), inArray(attendance.meetingId, ids), eq(attendance.present, true)));
  const actions = await db
    .select({ completedOn: schema.coopActionItem.completedOn })
    .from(schema.coopActionItem)
    .where(and(eq(schema.coopActionItem.municipalityId, input.municipalityId), inArray(schema.coopActionItem.meetingId, ids)));

  const perOrganisation = new Map<string, { name: string; meetings: Set<string> }>();
  const perMeeting = new Map<string, number>();
  for (const row of present) {
    const entry = perOrganisation.get(row.organisationId) ?? { name: row.organisationName, meetings: new Set<string>() };
    entry.meetings.add(row.meetingId);
    perOrganisation.set(row.organisationId, entry);
    perMeeting.set(row.meetingId, (perMeeting.get(row.meetingId) ?? 0) + 1);
  }
  const format = numberFormatFor(input.lang);
  const percent = numberFormat(input.lang === 'nb' ? 'nb-NO' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 });
  const dateFormat = dateTimeFormat(input.lang === 'nb' ? 'nb-NO' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
  const organisations = [...perOrganisation.values()].sort((a, b) => b.meetings.size - a.meetings.size || a.name.localeCompare(b.name, 'nb'));

  return {
    key: 'cooperation',
    title: texts.title,
    hasData: true,
    figures: [
      { key: 'cooperation.meetings', question: 'plan', label: texts.figures.meetings, value: { kind: 'exact', value: meetings.length } },
      { key: 'cooperation.organisations', question: 'plan', label: texts.figures.organisations, value: { kind: 'exact', value: organisations.length } },
    ],
    blocks: [
      { type: 'paragraph', text: fillPlural(texts.meetings, meetings.length, { count: format(meetings.length) }) },
      { type: 'paragraph', text: fillPlural(texts.actions, actions.length, { created: format(actions.length), completed: format(actions.filter((action) => action.completedOn !== null).length) }) },
      {
        type: 'table',
        caption: texts.meetingsCaption,
        headers: [texts.meetingColumns.date, texts.meetingColumns.place, texts.meetingColumns.present],
        rows: meetings.map((row) => [dateFormat.format(new Date(`${localDate(row.startsAt)}T00:00:00Z`)), row.place, format(perMeeting.get(row.id) ?? 0)]),
      },
      {
        type: 'table',
        caption: texts.attendanceCaption,
        headers: [texts.columns.organisation, texts.columns.attended, texts.columns.share],
        rows: organisations.map((entry) => [entry.name, format(entry.meetings.size), percent.format(entry.meetings.size / meetings.length)]),
      },
    ],
  };
}

export const cooperationSection: ReportSectionProvider = { key: 'cooperation', order: 20, build: buildCooperationSection };
