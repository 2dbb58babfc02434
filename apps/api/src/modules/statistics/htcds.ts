import { overviewContent, regionOf } from '@lykt/content/overview';
import type { HtcdsExport } from '@lykt/shared';
import type { CaseFacts } from './statistics.sources';

/** The HTCDS-shaped record of one case: coded fields only, mapped by packages/content/overview/htcds-mapping. */
export type HtcdsRecord = Record<string, string>;

const LABOUR_FORMS = new Set(['labour', 'forced_begging', 'forced_criminality', 'domestic_servitude']);

function mapped(field: string, value: string): string {
  const entry = overviewContent().htcds.fields.find((candidate) => candidate.field === field);
  return entry?.values?.[value] ?? '';
}

function uniqueJoined(values: string[]): string {
  return [...new Set(values.filter((value) => value !== ''))].sort().join(';');
}

/** One case as an HTCDS record. The row number, not the case id, identifies it inside the export. */
export function toHtcdsRecord(facts: CaseFacts, recordNo: number): HtcdsRecord {
  const isic = overviewContent().isic.sectorToIsic;
  const hasLabour = facts.forms.some((form) => LABOUR_FORMS.has(form));
  const labourTypes = hasLabour ? [...facts.forms.map((form) => mapped('vic_TypeOfLabourExploitation', form)), ...facts.sectors.map((sector) => mapped('vic_TypeOfLabourExploitation', sector))] : [];
  const industries = facts.sectors.map((sector) => {
    const section = isic[sector as keyof typeof isic];
    return section ? mapped('vic_LabourIndustry', section) : '';
  });
  return {
    lykt_RecordNo: String(recordNo),
    lykt_Year: facts.day.slice(0, 4),
    cas_Status: mapped('cas_Status', facts.status),
    prs_Gender: mapped('prs_Gender', facts.gender),
    prs_Nationality: facts.nationality ?? '',
    lykt_NationalityRegion: facts.nationality ? regionOf(facts.nationality) : '',
    lykt_AgeBand: facts.ageBand,
    lykt_Minor: facts.minor === 'minor' ? 'Yes' : facts.minor === 'adult' ? 'No' : '',
    lykt_ExploitationForms: uniqueJoined(facts.forms),
    vic_TypeOfLabourExploitation: uniqueJoined(labourTypes),
    vic_LabourIndustry: uniqueJoined(industries),
    org_Type: mapped('org_Type', facts.service),
    lykt_ResidenceStatus: facts.residence,
    lykt_Outcome: facts.outcome,
  };
}

export const HTCDS_FIELDS = overviewContent().htcds.fields.map((field) => field.field);

type Step = { key: string; apply: (record: HtcdsRecord) => void };

const STEPS: Step[] = [
  {
    key: 'nationality_to_region',
    apply: (record) => void (record.prs_Nationality = ''),
  },
  {
    key: 'age_band_to_minor',
    apply: (record) => void (record.lykt_AgeBand = ''),
  },
  {
    key: 'region_removed',
    apply: (record) => void (record.lykt_NationalityRegion = ''),
  },
  { key: 'gender_removed', apply: (record) => void (record.prs_Gender = '') },
];

/** The quasi-identifiers as they stand after generalisation (the minor flag stands in for the age band). */
function classOf(record: HtcdsRecord): string {
  return [record.lykt_Year, record.prs_Gender, record.prs_Nationality, record.lykt_NationalityRegion, record.lykt_AgeBand, record.lykt_Minor].join('|');
}

function smallClasses(records: readonly HtcdsRecord[], k: number): Set<string> {
  const sizes = new Map<string, number>();
  for (const record of records) sizes.set(classOf(record), (sizes.get(classOf(record)) ?? 0) + 1);
  return new Set([...sizes].filter(([, size]) => size < k).map(([key]) => key));
}

/**
 * k-anonymisation by global recoding: generalisation steps are applied to every record, in order,
 * until every combination of quasi-identifiers is shared by at least k records; records still in
 * a smaller group are dropped. The record numbers are reassigned so the order says nothing.
 */
export function kAnonymise(records: readonly HtcdsRecord[], k: number, lang: 'nb' | 'en'): { records: HtcdsRecord[]; report: HtcdsExport['report'] } {
  const working = records.map((record) => ({ ...record }));
  const applied: string[] = [];
  for (const step of STEPS) {
    if (smallClasses(working, k).size === 0) break;
    for (const record of working) step.apply(record);
    applied.push(step.key);
  }
  const small = smallClasses(working, k);
  const kept = working.filter((record) => !small.has(classOf(record)));
  // Sort by the generalised values so the output order does not follow case creation.
  kept.sort((a, b) => classOf(a).localeCompare(classOf(b)) || (a.lykt_ExploitationForms ?? '').localeCompare(b.lykt_ExploitationForms ?? ''));
  kept.forEach((record, index) => (record.lykt_RecordNo = String(index + 1)));
  const labels = overviewContent().htcds.generalisationSteps;
  return {
    records: kept,
    report: {
      casesInPeriod: records.length,
      exported: kept.length,
      dropped: records.length - kept.length,
      steps: applied.map((key) => ({
        key,
        label: labels.find((label) => label.key === key)?.[lang] ?? key,
      })),
    },
  };
}
