import { describe, expect, it } from 'vitest';
import { kAnonymise, toHtcdsRecord } from './htcds';
import type { CaseFacts } from './statistics.sources';

const base: CaseFacts = {
  key: 0,
  day: '2026-03-01',
  isNew: true,
  forms: ['labour'],
  sectors: ['construction'],
  ageBand: '25_39',
  minor: 'adult',
  gender: 'male',
  nationality: 'PL',
  service: 'labour_inspection',
  residence: 'eea_citizen',
  outcome: 'pending',
  assistedReturn: 'unknown',
  childWelfareMeasure: 'unknown',
  policeReport: 'yes',
  status: 'open',
};

describe('HTCDS mapping', () => {
  it('maps coded fields to HTCDS names and values', () => {
    const record = toHtcdsRecord(
      {
        ...base,
        forms: ['labour', 'sexual'],
        sectors: ['construction', 'cleaning'],
      },
      1,
    );
    expect(record).toMatchObject({
      cas_Status: 'Active',
      prs_Gender: 'Male',
      prs_Nationality: 'PL',
      lykt_NationalityRegion: 'central_eastern_europe_eu',
      vic_LabourIndustry: 'F_Construction;N_AdministrativeAndSupportServiceActivities',
      vic_TypeOfLabourExploitation: 'Construction;Other',
      org_Type: 'CentralGovernmentOrganisation',
      lykt_ExploitationForms: 'labour;sexual',
      lykt_Year: '2026',
    });
    // Sectors count as labour types only for labour exploitation.
    expect(toHtcdsRecord({ ...base, forms: ['sexual'] }, 1).vic_TypeOfLabourExploitation).toBe('');
  });
});

describe('k-anonymisation', () => {
  it('leaves data that is already k-anonymous as it is', () => {
    const records = Array.from({ length: 6 }, (_, i) => toHtcdsRecord(base, i + 1));
    const result = kAnonymise(records, 5, 'en');
    expect(result.report).toEqual({
      casesInPeriod: 6,
      exported: 6,
      dropped: 0,
      steps: [],
    });
    expect(result.records[0]?.prs_Nationality).toBe('PL');
  });

  it('generalises nationality to region before dropping anyone', () => {
    const records = [...Array.from({ length: 3 }, () => toHtcdsRecord(base, 0)), ...Array.from({ length: 3 }, () => toHtcdsRecord({ ...base, nationality: 'LT' }, 0))];
    const result = kAnonymise(records, 5, 'nb');
    expect(result.report.steps.map((step) => step.key)).toEqual(['nationality_to_region']);
    expect(result.report.dropped).toBe(0);
    expect(result.records.every((record) => record.prs_Nationality === '' && record.lykt_NationalityRegion === 'central_eastern_europe_eu')).toBe(true);
    expect(result.report.steps[0]?.label).toBe('Nasjonalitet erstattet med region');
  });

  it('drops a record that stays unique after every step, and renumbers the rest', () => {
    const records = [...Array.from({ length: 5 }, () => toHtcdsRecord(base, 0)), toHtcdsRecord({ ...base, day: '2025-02-01', nationality: 'VN' }, 0)];
    const result = kAnonymise(records, 5, 'en');
    expect(result.report.dropped).toBe(1);
    expect(result.records.map((record) => record.lykt_RecordNo)).toEqual(['1', '2', '3', '4', '5']);
    expect(result.records.some((record) => record.lykt_Year === '2025')).toBe(false);
  });
});
