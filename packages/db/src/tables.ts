import * as schema from './schema';

/**
 * Every table in dependency order (parents first). Backup writes and restore reads them in
 * this order; a module that adds tables adds them here.
 */
export const TABLES_IN_ORDER = [
  { name: 'municipality', table: schema.municipality },
  { name: 'data_key', table: schema.dataKey },
  { name: 'organisation', table: schema.organisation },
  { name: 'contact_person', table: schema.contactPerson },
  { name: 'app_user', table: schema.appUser },
  { name: 'session', table: schema.session },
  { name: 'audit_event', table: schema.auditEvent },
  { name: 'tip', table: schema.tip },
  { name: 'tip_message', table: schema.tipMessage },
  { name: 'tip_public_settings', table: schema.tipPublicSettings },
  { name: 'plan', table: schema.plan },
  { name: 'plan_version', table: schema.planVersion },
  { name: 'plan_measure', table: schema.planMeasure },
  { name: 'plan_milestone', table: schema.planMilestone },
  { name: 'plan_measure_update', table: schema.planMeasureUpdate },
  { name: 'coop_member', table: schema.coopMember },
  { name: 'routing_entry', table: schema.routingEntry },
  { name: 'coop_meeting', table: schema.coopMeeting },
  { name: 'coop_meeting_attendance', table: schema.coopMeetingAttendance },
  { name: 'coop_meeting_item', table: schema.coopMeetingItem },
  { name: 'coop_action_item', table: schema.coopActionItem },
  { name: 'screening', table: schema.screening },
  { name: 'concern', table: schema.concern },
  { name: 'concern_message', table: schema.concernMessage },
  { name: 'referral_pathway', table: schema.referralPathway },
] as const;
