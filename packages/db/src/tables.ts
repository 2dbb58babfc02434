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
] as const;
