// Engine-only driver for profiling one workload:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof scripts/run-ts.mjs bench/profile.ts W3 [seconds]
import { workloads } from './workloads.ts';
import { engineRunner } from './engine-runner.ts';

export async function main(args: string[]): Promise<number> {
  const name = args[0] ?? 'W3', seconds = Number(args[1] ?? 5);
  const w = workloads().find((x) => x.name === name);
  if (!w) throw new Error(`unknown workload ${name}`);
  const r = engineRunner(w);
  const t0 = performance.now();
  let steps = 0;
  while (performance.now() - t0 < seconds * 1000) {
    r.steps(10);
    steps += 10;
  }
  const dt = (performance.now() - t0) / 1000;
  console.log(`${name}: ${(steps / dt).toFixed(1)} steps/s over ${dt.toFixed(1)} s (loss sum ${r.lastLoss().toFixed(3)})`);
  return 0;
}
