import { and, eq, lt } from 'drizzle-orm';
import { trainingModules } from '@lykt/content/knowledge';
import { reportTexts } from '@lykt/content/report-texts';
import { schema, type Database } from '@lykt/db';
import { ROLES } from '@lykt/shared';
import { isModuleFor } from '../../training/training.logic';
import { lastLocalDate } from '../period';
import { findStaff } from '../../training/training.repository';
import type { ReportFigure, ReportSectionInput } from '../report-section';

/**
 * Training coverage at the end of the period for the key-figures table and the narrative: of every
 * (staff member, module meant for them) pair, the share holding a valid completion. It is a share
 * of staff, not a count of victims or events, so it is exact. Null when no module has an audience.
 */
export async function trainingCoverageFigure(db: Database, input: ReportSectionInput): Promise<ReportFigure | null> {
  const periodEnd = lastLocalDate(input.to);
  const completions = await db
    .select({ userId: schema.trainingCompletion.userId, moduleKey: schema.trainingCompletion.moduleKey, completedAt: schema.trainingCompletion.completedAt, validUntil: schema.trainingCompletion.validUntil })
    .from(schema.trainingCompletion)
    .where(and(eq(schema.trainingCompletion.municipalityId, input.municipalityId), lt(schema.trainingCompletion.completedAt, input.to)));
  const staff = await findStaff(db, input.municipalityId);
  let audience = 0;
  let trained = 0;
  for (const module of trainingModules()) {
    const valid = new Set(completions.filter((row) => row.moduleKey === module.key && row.validUntil >= periodEnd).map((row) => row.userId));
    for (const person of staff) {
      const role = ROLES.find((known) => known === person.role);
      if (!role || !isModuleFor(module, role, person.organisationKind)) continue;
      audience += 1;
      if (valid.has(person.userId)) trained += 1;
    }
  }
  if (audience === 0 || completions.length === 0) return null;
  return { key: 'training.coverage', question: 'knowledge', label: reportTexts(input.lang).training.coverage, value: { kind: 'exact', value: Math.round((trained / audience) * 100) }, unit: 'percent' };
}
