import { describe, expect, it } from 'vitest';
import { cellKeyParameters, perturbationTable, perturbTable } from '@lykt/shared';
import { procurementTables } from './statistics.procurement';

const facts = {
  contract: [
    { key: 10, highRisk: true },
    { key: 20, highRisk: true },
    { key: 30, highRisk: false },
  ],
  check: [
    { key: 1, done: true },
    { key: 2, done: false },
  ],
  finding: [
    { key: 100, sanction: true, concern: true },
    { key: 200, sanction: false, concern: false },
  ],
};

describe('procurement statistics tables', () => {
  it('counts contracts by risk, planned checks by done, and findings by sanction and concern, ids named by their dimension', () => {
    const tables = procurementTables(facts);
    expect(tables.map((table) => [table.id, table.rows, table.cells.map((row) => row[0]?.count), table.grandTotal.count])).toEqual([
      ['procurement.contract_risk', ['high_risk', 'not_high_risk'], [2, 1], 3],
      ['procurement.check_done', ['done', 'not_done'], [1, 1], 2],
      ['procurement.sanction', ['with_sanction', 'without_sanction'], [1, 1], 2],
      ['procurement.finding_concern', ['yes', 'no'], [1, 1], 2],
    ]);
  });

  it('gives the two finding tables the same total key, so their totals carry the same noise', () => {
    const [, , sanction, concern] = procurementTables(facts);
    expect(sanction?.grandTotal).toEqual(concern?.grandTotal);
    expect(sanction?.grandTotal.key).toBe(300 % 256);
    const parameters = cellKeyParameters({ threshold: 1, noiseMax: 2, noiseVariance: 1 });
    const table = perturbationTable(parameters.noiseMax, parameters.noiseVariance);
    if (!sanction || !concern) throw new Error('tables missing');
    expect(perturbTable(sanction, parameters, table).grandTotal).toEqual(perturbTable(concern, parameters, table).grandTotal);
  });
});
