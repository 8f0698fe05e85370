// Browser side of bench/chromium.ts: the engine and the jax-js peer in one page, timed in alternation.
import { workloads } from './workloads.ts';
import { engineRunner } from './engine-runner.ts';
import { initJax, jaxRunner } from './jax-runner.ts';

declare global {
  interface Window {
    benchPair?: (name: string, rounds: number, ms: number) => Promise<{ engine: number; jax: number; ratios: number[] }>;
  }
}

window.benchPair = async (name, rounds, ms) => {
  await initJax();
  const w = workloads().find((x) => x.name === name);
  if (!w) throw new Error(`unknown workload ${name}`);
  const sides = [engineRunner(w), jaxRunner(w)];
  for (const s of sides) await s.activate(), s.steps(3);
  const rates: number[][] = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < 2; k++) {
      const side = sides[(k + r) % 2], at = (k + r) % 2;
      let n = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < ms) side.steps(1), n++;
      rates[at].push((n * 1000) / (performance.now() - t0));
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const s of sides) s.dispose();
  return { engine: med(rates[0]), jax: med(rates[1]), ratios: rates[0].map((e, i) => e / rates[1][i]) };
};
