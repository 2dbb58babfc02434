import fs from 'node:fs';
import type { Command } from 'commander';
import { estimatePrevalence, OverlapTableError, parseOverlapCsv, type PrevalenceResult } from '@lykt/mse';

/** Bad input to a CLI command: printed as is, exit code 2. */
export class CliInputError extends Error {}

const number = (n: number) => n.toLocaleString('en-GB');

/** The estimate as lines of plain text. */
export function formatPrevalence(result: PrevalenceResult): string[] {
  if (result.kind === 'refusal') {
    return [`No estimate: ${result.message}`, `(${number(result.observed)} people observed on ${result.lists.length} lists; reason: ${result.reason})`];
  }
  const lines = [
    `Estimated total: ${number(result.estimate)} (95 % interval ${number(result.lower)} to ${number(result.upper)}, ${result.bootstrap ? `BCa bootstrap, ${number(result.bootstrap.samples)} samples, seed ${result.bootstrap.seed}` : 'profile likelihood'})`,
    `Observed on at least one list: ${number(result.observed)}; estimated unobserved: ${number(result.unobserved)}`,
    `Model (${result.method === 'stepwise' ? 'SparseMSE stepwise, p < 0.02' : `forward selection by ${result.method.toUpperCase()}`}): ${result.model}`,
  ];
  if (result.chosen.emptyOverlaps.length > 0) lines.push(`Pairs that share no one, fixed at no overlap: ${result.chosen.emptyOverlaps.join(', ')}`);
  lines.push(`Alternative models (estimates from ${number(result.spread.lowest)} to ${number(result.spread.highest)}):`);
  for (const alt of result.alternatives) {
    const by = alt.chosenBy.length > 0 ? ` [chosen by ${alt.chosenBy.join(', ')}]` : '';
    lines.push(`  ${alt.terms.length === 0 ? 'main effects only' : alt.terms.join(' + ')}: ${number(alt.estimate)} (${number(alt.lower)}–${number(alt.upper)}), AIC ${alt.aic}, BIC ${alt.bic}${by}`);
  }
  for (const warning of result.warnings) lines.push(`Note: ${warning}`);
  lines.push('Assumes a closed population in the period, and that what links the lists is captured by the two-list interactions (heterogeneity left unmodelled biases the estimate).');
  return lines;
}

/**
 * `lykt prevalence estimate --table file.csv [--json]`: runs the estimate on an overlap
 * table. Needs no server and opens no database.
 */
export function registerPrevalenceCommand(program: Command, out: (line: string) => void): void {
  const prevalence = program.command('prevalence').description('Prevalence estimates by multiple-systems estimation (no database needed)');
  prevalence
    .command('estimate')
    .description('Estimate the total population from an overlap table: CSV with one 0/1 column per list and a last column "count" (the all-zero pattern absent). Exit 1 when the data cannot support an estimate, 2 on bad input.')
    .requiredOption('--table <file>', 'the overlap table (CSV)')
    .option('--json', 'print one JSON object (estimate, lower, upper, observed, model, ...)')
    .option('--method <method>', 'model choice: stepwise (SparseMSE, default), aic or bic', 'stepwise')
    .option('--interval <interval>', 'profile (profile likelihood, default) or bootstrap (BCa, model re-chosen in each sample, as SparseMSE publishes; stepwise only)', 'profile')
    .option('--samples <n>', 'bootstrap samples (10 to 100000)', '1000')
    .option('--seed <n>', 'seed of the bootstrap (the same seed gives the same interval)', '1234')
    .action(async (options: { table: string; json?: boolean; method: string; interval: string; samples: string; seed: string }) => {
      if (options.method !== 'stepwise' && options.method !== 'aic' && options.method !== 'bic') throw new CliInputError(`--method must be stepwise, aic or bic (got "${options.method}").`);
      if (options.interval !== 'profile' && options.interval !== 'bootstrap') throw new CliInputError(`--interval must be profile or bootstrap (got "${options.interval}").`);
      if (options.interval === 'bootstrap' && options.method !== 'stepwise') throw new CliInputError('--interval bootstrap re-chooses the model stepwise in each sample: use it with --method stepwise.');
      const samples = Number(options.samples);
      const seed = Number(options.seed);
      if (!/^\d+$/.test(options.samples) || samples < 10 || samples > 100_000) throw new CliInputError(`--samples must be a whole number from 10 to 100000 (got "${options.samples}").`);
      if (!/^\d+$/.test(options.seed) || seed > 0xffffffff) throw new CliInputError(`--seed must be a whole number from 0 to 4294967295 (got "${options.seed}").`);
      let text: string;
      try {
        text = fs.readFileSync(options.table, 'utf8');
      } catch {
        throw new CliInputError(`Cannot read the table file "${options.table}".`);
      }
      let result: PrevalenceResult;
      try {
        result = await estimatePrevalence(parseOverlapCsv(text), { method: options.method, interval: options.interval, samples, seed });
      } catch (error) {
        if (error instanceof OverlapTableError) throw new CliInputError(`The table "${options.table}" cannot be read: ${error.message}`);
        throw error;
      }
      if (options.json) out(JSON.stringify(result));
      else for (const line of formatPrevalence(result)) out(line);
      if (result.kind === 'refusal') process.exitCode = 1;
    });
}
