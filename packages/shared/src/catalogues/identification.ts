/* Zod-free, so the web app's route search parsing can use it without loading zod. */
export const EXPLOITATION_FORMS = ['labour', 'sexual', 'domestic_servitude', 'forced_begging', 'forced_criminality', 'organ_removal'] as const;
