// `npm run experiments`: every experiment on fixed seeds, headless; a table of figures and checks, then
// one JSON line (last) with each claim's median figure and whether it held on every seed.
// Options: --seeds 1,2,3   --only E1,E5   --strict (exit 1 when a claim does not hold).
import { EXPERIMENT_IDS, EXPERIMENT_SEEDS, runExperiment, summarize, type ExperimentId, type ExperimentResult, type ExperimentSummary } from '../src/experiments/index.ts';
import { E9_INIT, E9_KEYS, E9_PYTORCH, judgeE9, measureE9, type E9Figures } from '../src/experiments/e9.ts';

const E9_FIGURE = 'test accuracy of the deep CNN with BN2d under SGD momentum 0.9, lr 0.1 (digits 1×8×8, 6 conv 3×3 × 16, pool after the 2nd, batch 32, 400 steps)';

/** E9 (the deep CNN) runs the engine's conv layers directly; its table puts PyTorch's figures beside the engine's. */
function runE9(seeds: number[]): { id: string; figure: string; value: number | null; holds: boolean; seeds: number[]; values: number[] } {
  const t = performance.now();
  const figs: E9Figures[] = seeds.map((s) => measureE9(s));
  const judged = figs.map(judgeE9);
  const holds = judged.every((j) => Object.values(j.checks).every(Boolean));
  const values = judged.map((j) => j.value);
  const sorted = [...values].sort((a, b) => a - b), m = sorted.length >> 1;
  const value = sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  console.log(`\nE9  ${holds ? 'HOLDS' : 'DOES NOT HOLD'}  value ${fmt(value)} (median of ${values.map(fmt).join(', ')})  ${((performance.now() - t) / 1000).toFixed(1)} s`);
  console.log(`    ${E9_FIGURE}; init: ${E9_INIT}`);
  for (const name of Object.keys(judged[0].checks)) {
    console.log(`    check ${name.padEnd(34)} ${judged.map((j) => (j.checks[name] ? 'ok' : 'FAIL').padEnd(6)).join('')}`);
  }
  for (const k of E9_KEYS) {
    const cell = (f: E9Figures): string => {
      const r = f[k];
      return `acc ${fmt(r.testAcc)} loss ${fmt(r.trainLoss)} ${r.divergedAt !== null ? `diverged@${r.divergedAt}` : `0.3@${r.stepsToTarget ?? '—'}`}`;
    };
    console.log(`      ${k.padEnd(11)} ${figs.map(cell).join(' | ')}`);
    console.log(`      ${''.padEnd(11)} PyTorch: ${E9_PYTORCH[k]}`);
  }
  return { id: 'E9', figure: E9_FIGURE, value, holds, seeds, values };
}

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
  const only = option(args, '--only')?.split(',') ?? [...EXPERIMENT_IDS, 'E9'];
  const ids = EXPERIMENT_IDS.filter((id) => only.includes(id));
  const e9 = only.includes('E9');
  if (seeds.some((s) => !Number.isInteger(s) || s < 0) || (ids.length === 0 && !e9)) {
    console.error('usage: experiments [--seeds 1,2,3] [--only E1,E2,E9] [--strict]');
    return 2;
  }
  console.log(`experiments ${[...ids, ...(e9 ? ['E9'] : [])].join(' ')} on seeds ${seeds.join(', ')}`);
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
  const rows: { id: string; figure: string; value: number | null; holds: boolean; seeds: number[]; values: (number | null)[]; also?: object }[] =
    summaries.map((s) => ({ id: s.id, figure: s.figure, value: s.value, holds: s.holds, seeds: s.seeds, values: s.values, also: s.also }));
  if (e9) rows.push(runE9(seeds));
  console.log(`\n${rows.filter((s) => s.holds).length}/${rows.length} claims hold on every seed; ${((performance.now() - t0) / 1000).toFixed(1)} s in all`);
  const line = { experiments: rows };
  console.log(JSON.stringify(line));
  return args.includes('--strict') && rows.some((s) => !s.holds) ? 1 : 0;
}
