/**
 * The Drizzle schema: the single source of truth for the database. One file per module
 * under schema/; this barrel is what drizzle-kit and the application read.
 */
export * from './schema/platform';
export * from './schema/tips';
export * from './schema/plans';
export * from './schema/cooperation';
export * from './schema/identification';
export * from './schema/cases';
export * from './schema/knowledge';
export * from './schema/reports';
export * from './schema/overview';
export * from './schema/statistics';
export * from './schema/prevalence';
export * from './schema/notifications';
export * from './schema/procurement';
export * from './schema/passkeys';
export * from './schema/oidc';
export * from './schema/operations';
export * from './schema/downloads';
