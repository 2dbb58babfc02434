import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { planMeasure } from './plans';
import { appUser, organisation } from './platform';
import { day, municipalityRef, ts } from './columns';


/** A named member of the municipality's cooperation group (work contact details only). */
export const coopMember = pgTable(
  'coop_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    name: text('name').notNull(),
    groupRole: text('group_role').notNull(),
    title: text('title').notNull().default(''),
    phone: text('phone'),
    email: text('email'),
    removedAt: ts('removed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('coop_member_municipality_idx').on(t.municipalityId, t.organisationId)],
);

/** One line of the "who to call" routing card per situation. */
export const routingEntry = pgTable(
  'routing_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    situation: text('situation').notNull(),
    contact: text('contact').notNull(),
    organisationId: uuid('organisation_id').references(() => organisation.id),
    phone: text('phone').notNull(),
    whatToTell: text('what_to_tell').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    updatedByUserId: uuid('updated_by_user_id').references(() => appUser.id),
  },
  (t) => [uniqueIndex('routing_entry_situation_idx').on(t.municipalityId, t.situation)],
);

export const coopMeeting = pgTable(
  'coop_meeting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    startsAt: ts('starts_at').notNull(),
    place: text('place').notNull().default(''),
    /** Encrypted (coop_meeting.minutes); empty string when none. */
    minutesEnc: text('minutes_enc').notNull().default(''),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('coop_meeting_municipality_idx').on(t.municipalityId, t.startsAt)],
);

export const coopMeetingAttendance = pgTable(
  'coop_meeting_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => coopMeeting.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => coopMember.id),
    present: boolean('present').notNull(),
  },
  (t) => [uniqueIndex('coop_attendance_member_idx').on(t.meetingId, t.memberId)],
);

export const coopMeetingItem = pgTable(
  'coop_meeting_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => coopMeeting.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** Encrypted (coop_meeting_item.notes / .decision); empty string when none. */
    notesEnc: text('notes_enc').notNull().default(''),
    decisionEnc: text('decision_enc').notNull().default(''),
  },
  (t) => [index('coop_meeting_item_meeting_idx').on(t.municipalityId, t.meetingId)],
);

export const coopActionItem = pgTable(
  'coop_action_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: municipalityRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => coopMeeting.id),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisation.id),
    dueDate: day('due_date'),
    measureId: uuid('measure_id').references(() => planMeasure.id),
    completedOn: day('completed_on'),
    completedByUserId: uuid('completed_by_user_id').references(() => appUser.id),
  },
  (t) => [index('coop_action_item_meeting_idx').on(t.municipalityId, t.meetingId), index('coop_action_item_measure_idx').on(t.municipalityId, t.measureId)],
);
