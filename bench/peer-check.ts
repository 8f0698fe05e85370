// Do the peers train the same thing? Each workload, without dropout (the one part drawn differently on
// each side), trains a few steps on the same prepared batches from the same initial weights, in our
// engine (where it builds the workload), tfjs cpu, tfjs wasm and jax-js; the per-step losses must agree.
//   node scripts/run-ts.mjs bench/peer-check.ts [steps=30]
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { engineBuilds, workloads, type Workload } from './workloads.ts';
import { buildEngineModel } from './engine-runner.ts';
import { preparedBatches } from './peer-data.ts';
import { tfjsRunner } from './tfjs-runner.ts';
import { initJax, jaxRunner } from './jax-runner.ts';
import { registerTfjsGradients } from './tfjs-gradients.ts';
import type { Runner } from './runner.ts';

/** Relative loss difference allowed (float32 sums in different orders, compounded over the steps). */
const TOLERANCE = 2e-3;

function engineLosses(w: Workload, steps: number): number[] {
  const model = buildEngineModel(w);
  const batches = preparedBatches(w);
  const out: number[] = [];
  for (let s = 0; s < steps; s++) {
    const b = batches[s % batches.length];
    out.push(model.trainStep(b.x, b.labels, w.batch).loss);
  }
  return out;
}

async function peerLosses(r: Runner, steps: number): Promise<number[]> {
  await r.activate();
  const out: number[] = [];
  for (let s = 0; s < steps; s++) {
    r.steps(1);
    out.push(r.lastLoss());
  }
  r.dispose();
  return out;
}

export async function main(args: string[]): Promise<number> {
  const steps = Number(args[0] ?? 30);
  await registerTfjsGradients();
  setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  await tf.setBackend('cpu');
  await tf.setBackend('wasm');
  await initJax();
  let worst = 0;
  for (const full of workloads()) {
    const w: Workload = { ...full, hidden: full.hidden.map((h) => ({ ...h, dropout: 0 })) };
    const sides: [string, number[]][] = [
      ['tfjs_cpu', await peerLosses(tfjsRunner(w, 'cpu'), steps)],
      ['tfjs_wasm', await peerLosses(tfjsRunner(w, 'wasm'), steps)],
      ['jax_wasm', await peerLosses(jaxRunner(w), steps)],
    ];
    if (engineBuilds(w)) sides.unshift(['engine', engineLosses(w, steps)]);
    const ref = sides[0][1];
    const parts = sides.slice(1).map(([label, ls]) => {
      const d = Math.max(...ls.map((l, i) => Math.abs(l - ref[i]) / Math.max(1e-6, Math.abs(ref[i]))));
      worst = Math.max(worst, Number.isFinite(d) ? d : Infinity);
      return `${label} ${d.toExponential(1)}`;
    });
    console.log(
      `${w.name}: loss ${ref[0].toFixed(4)} → ${ref[steps - 1].toFixed(4)} (${sides[0][0]}); largest relative difference from it over ${steps} steps: ${parts.join(', ')}`,
    );
  }
  console.log(worst <= TOLERANCE ? `peers agree (≤ ${TOLERANCE})` : `PEERS DISAGREE: ${worst.toExponential(2)} > ${TOLERANCE}`);
  return worst <= TOLERANCE ? 0 : 1;
}
