// `npm run experiments`: every experiment on fixed seeds, headless; a table of figures and checks, then
// one JSON line (last) with each claim's median figure and whether it held on every seed.
// Options: --seeds 1,2,3   --only E1,E5   --strict (exit 1 when a claim does not hold).
import { EXPERIMENT_IDS, EXPERIMENT_SEEDS, runExperiment, summarize, type ExperimentId, type ExperimentResult, type ExperimentSummary } from '../src/experiments/index.ts';

function option(args: string[], name: string): string | null {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : null;
}

const fmt = (v: number | boolean | null): string =>
  typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : v === null ? '—' : String(v);

function printTable(id: ExperimentId, results: ExperimentResult[], s: ExperimentSummary, ms: number): void {
  console.log(`\n${id}  ${s.holds ? 'HOLDS' : 'DOES NOT HOLD'}  value ${fmt(s.value)} (median of ${results.map((r) => fmt(r.value)).join(', ')})  ${(ms / 1000).toFixed(1)} s`);
  console.log(`    ${s.figure}`);
  for (const name of Object.keys(results[0].checks)) {
    console.log(`    check ${name.padEnd(34)} ${results.map((r) => (r.checks[name] ? 'ok' : 'FAIL').padEnd(6)).join('')}`);
  }
  for (const name of Object.keys(results[0].details)) {
    console.log(`      ${name.padEnd(36)} ${results.map((r) => fmt(r.details[name]).padStart(11)).join(' ')}`);
  }
}

export function main(args: string[]): number {
  const seeds = (option(args, '--seeds') ?? EXPERIMENT_SEEDS.join(',')).split(',').map(Number);
  const only = option(args, '--only')?.split(',') ?? EXPERIMENT_IDS;
  const ids = EXPERIMENT_IDS.filter((id) => only.includes(id));
  if (seeds.some((s) => !Number.isInteger(s) || s < 0) || ids.length === 0) {
    console.error('usage: experiments [--seeds 1,2,3] [--only E1,E2] [--strict]');
    return 2;
  }
  console.log(`experiments ${ids.join(' ')} on seeds ${seeds.join(', ')}`);
  const memos = new Map(seeds.map((s) => [s, new Map()]));
  const summaries: ExperimentSummary[] = [];
  const t0 = performance.now();
  for (const id of ids) {
    const t = performance.now();
    const results = seeds.map((seed) => runExperiment(id, seed, memos.get(seed)));
    const s = summarize(results);
    summaries.push(s);
    printTable(id, results, s, performance.now() - t);
  }
  console.log(`\n${summaries.filter((s) => s.holds).length}/${summaries.length} claims hold on every seed; ${((performance.now() - t0) / 1000).toFixed(1)} s in all`);
  const line = { experiments: summaries.map((s) => ({ id: s.id, figure: s.figure, value: s.value, holds: s.holds, seeds: s.seeds, values: s.values, also: s.also })) };
  console.log(JSON.stringify(line));
  return args.includes('--strict') && summaries.some((s) => !s.holds) ? 1 : 0;
}
