/* Zod-free, so the web app's route search parsing can use it without loading zod. */
export const KNOWLEDGE_SERVICES = ['school', 'health', 'nav', 'child_welfare', 'refugee_service', 'inspection', 'library', 'day_care'] as const;
