export * from './client';
export * as schema from './schema';
export { TABLES_IN_ORDER } from './tables';
export type { MunicipalitySettingsJson } from './schema';
export * from './seed/builders';
export * from './seed/demo';
