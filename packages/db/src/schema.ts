/**
 * The Drizzle schema: the single source of truth for the database. One file per module
 * under schema/; this barrel is what drizzle-kit and the application read.
 */
export * from './schema/platform';
