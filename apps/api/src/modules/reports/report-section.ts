import type { Database } from '@lykt/db';
import type { DocBlock } from '../../platform/documents/model';

/** What a council-report section is asked for: one municipality, one reporting period, one language. */
export type ReportSectionInput = {
  municipalityId: string;
  /** Inclusive start and exclusive end of the reporting period (normally one calendar year). */
  from: Date;
  to: Date;
  lang: 'nb' | 'en';
  /** The municipality's small-count threshold k (settings.suppressionThreshold, default 5, minimum 3). */
  suppressionThreshold: number;
  /** Round shown counts to a multiple of this (settings.roundingBase; absent or 1: no rounding). */
  roundingBase?: number;
};

/**
 * One section of the council report. hasData false means the module has nothing for the period
 * (or is not in use); the report then prints emptyText instead of blocks, so the council reads
 * "no data" rather than a silent gap. Every figure in blocks that counts people or events must
 * already be disclosure-controlled: the report leaves the case team.
 */
export type ReportSection = {
  key: string;
  title: string;
  hasData: boolean;
  emptyText?: string;
  blocks: DocBlock[];
};

export type ReportSectionProvider = {
  key: string;
  /** Order in the report; lower first. plan 10, cooperation 20, identification 30, tips 40, cases 50, statistics 60, training 70. */
  order: number;
  build: (db: Database, input: ReportSectionInput) => Promise<ReportSection>;
};
