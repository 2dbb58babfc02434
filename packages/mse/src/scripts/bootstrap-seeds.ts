/**
 * Monte Carlo spread of the BCa bootstrap interval: runs `bootstrapInterval` on a shipped table
 * with several seeds and prints each interval, the mean and the seed-to-seed standard deviation
 * of each limit, and the time per run.
 *
 *   npx tsx packages/mse/src/scripts/bootstrap-seeds.ts <table> [samples=1000] [seeds=10] [pThreshold=0.02]
 *
 * <table> is a file name in packages/mse/data without ".csv" (e.g. Western, NewOrl_5, NewOrl).
 */
import fs from 'node:fs';
import path from 'node:path';
import { bootstrapInterval, stepwiseEstimate } from '../bootstrap';
import { normaliseTable, parseOverlapCsv } from '../table';

const [name = 'Western', samplesArg = '1000', seedsArg = '10', thresholdArg = '0.02'] = process.argv.slice(2);
const samples = Number(samplesArg);
const seeds = Number(seedsArg);
const pThreshold = Number(thresholdArg);
const table = normaliseTable(parseOverlapCsv(fs.readFileSync(path.resolve(import.meta.dirname, '../../data', `${name}.csv`), 'utf8')));
const estimate = await stepwiseEstimate(table, pThreshold);
const lowers: number[] = [];
const uppers: number[] = [];
for (let seed = 1; seed <= seeds; seed++) {
  const started = Date.now();
  const result = await bootstrapInterval(table, estimate, { samples, seed, pThreshold });
  lowers.push(result.lower);
  uppers.push(result.upper);
  process.stdout.write(`${name} seed ${seed}: ${result.lower.toFixed(1)}–${result.upper.toFixed(1)} z0 ${result.biasCorrection.toFixed(3)} a ${result.acceleration.toFixed(4)} non-finite ${result.nonFinite} (${Date.now() - started} ms)\n`);
}
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
process.stdout.write(`${name} (threshold ${pThreshold}, ${samples} samples, ${seeds} seeds): estimate ${estimate.toFixed(1)}; lower mean ${mean(lowers).toFixed(1)} sd ${sd(lowers).toFixed(1)}; upper mean ${mean(uppers).toFixed(1)} sd ${sd(uppers).toFixed(1)}\n`);
