import { DeclarationSubmissionSchema, type Check, type Declaration, type Finding } from '@lykt/shared';
import type { CheckRow, DeclarationRow, FindingRow } from './procurement.repository';

/** Whitelisted fields of a check; observations come decrypted from the service. */
export function presentCheck(row: CheckRow, observations: string, names: Map<string, string>): Check {
  return {
    id: row.id,
    kind: row.kind as Check['kind'],
    plannedOn: row.plannedOn,
    doneOn: row.doneOn,
    agencies: row.agencies as Check['agencies'],
    documentsSeen: row.documentsSeen as Check['documentsSeen'],
    outcome: row.outcome as Check['outcome'],
    observations,
    doneBy: row.doneByUserId ? (names.get(row.doneByUserId) ?? null) : null,
  };
}

export function presentFinding(row: FindingRow, description: string, closingNote: string, today: string): Finding {
  return {
    id: row.id,
    checkId: row.checkId,
    severity: row.severity as Finding['severity'],
    category: row.category as Finding['category'],
    description,
    deadlineOn: row.deadlineOn,
    overdue: row.status === 'open' && row.deadlineOn !== null && row.deadlineOn < today,
    sanction: row.sanction as Finding['sanction'],
    status: row.status as Finding['status'],
    closingNote,
    concernId: row.concernId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The status a reader sees: a link past its day is expired even before anyone touches it. */
export function declarationStatus(row: Pick<DeclarationRow, 'status' | 'expiresAt'>, now = new Date()): Declaration['status'] {
  if (row.status === 'sent' && row.expiresAt <= now) return 'expired';
  return row.status as Declaration['status'];
}

export function presentDeclaration(row: DeclarationRow, comment: string): Declaration {
  const stored = row.submission && typeof row.submission === 'object' ? (row.submission as Record<string, unknown>) : null;
  const { commentEnc: _sealed, ...answers } = stored ?? {};
  const submission = stored ? DeclarationSubmissionSchema.safeParse({ ...answers, comment }) : null;
  return {
    id: row.id,
    status: declarationStatus(row),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    submission: submission?.success ? submission.data : null,
  };
}
