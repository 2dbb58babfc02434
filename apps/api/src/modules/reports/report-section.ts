import type { Database } from '@lykt/db';
import type { DocBlock } from '../../platform/documents/model';
import type { Release } from '../statistics/statistics.service';

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
  /**
   * The statistics releases read so far while building one report, by period key: several sections
   * print figures from the same release, which is then read (and its tables parsed) once.
   */
  releases?: Map<string, Promise<Release | null>>;
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
  /**
   * Headline figures the section offers the rest of the report (the key-figures table at the front
   * and the generated narrative per council question). Already disclosure-controlled: a figure about
   * people or events comes from the published (protected) statistics, never from a live count.
   */
  figures?: ReportFigure[];
};

/** A published figure: exact, a protected range ("fewer than 5", "5–9"), or withheld. */
export type PublishedValue = { kind: 'exact'; value: number } | { kind: 'range'; low: number; high: number | null } | { kind: 'withheld' };

/**
 * One headline figure. key is stable (e.g. 'concerns.received', 'cases.new', 'training.coverage');
 * question links it to the council's questions (prevalence, knowledge, tools, identification,
 * assistance, plan) so the narrative can be written from the figures.
 */
export type ReportFigure = {
  key: string;
  question: 'prevalence' | 'knowledge' | 'tools' | 'identification' | 'assistance' | 'plan';
  label: string;
  value: PublishedValue;
  /** The period the figure covers when it is not the report's year (pooled years), e.g. '2024–2026'. */
  period?: string;
  /** What the number is: a count (default) or a percentage (shown with "%"). */
  unit?: 'count' | 'percent';
};

export type ReportSectionProvider = {
  key: string;
  /** Order in the report; lower first. plan 10, cooperation 20, situation map 24, maturity 26, identification 30, tips 40, cases 50, statistics 60, training 70. */
  order: number;
  build: (db: Database, input: ReportSectionInput) => Promise<ReportSection>;
};
