import type { Database } from '@lykt/db';
import type { DocModel } from '../../platform/documents/model';
import { findMunicipality } from '../municipality/municipality.repository';
import { documentLogo } from '../municipality/municipality.service';
import { localDate } from './period';

/**
 * The report as printed (PDF, DOCX): the stored or generated document with what belongs to the
 * print rather than to the content: the edition line (figures as of, version, draft or final, and
 * when a final version was frozen), the table of contents and the municipality's current logo.
 * Kept out of the frozen snapshot, so a logo is never stored twice and old snapshots still print.
 */
export async function printableReport(db: Database, municipalityId: string, document: DocModel, version: { number: number; status: string; finalisedAt: Date | null }, generatedAt: Date): Promise<DocModel> {
  const municipality = await findMunicipality(db, municipalityId);
  const logo = municipality ? documentLogo(municipality) : undefined;
  const isFinal = version.status === 'final';
  return {
    ...document,
    toc: true,
    edition: { dataAsOf: localDate(generatedAt), version: version.number, status: isFinal ? 'final' : 'draft', ...(isFinal && version.finalisedAt ? { frozenAt: version.finalisedAt.toISOString() } : {}) },
    ...(logo ? { logo } : {}),
  };
}
