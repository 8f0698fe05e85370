// The worker-thread side of bench/stream.ts: the real session loop (Runner + handleCommand) on a
// node:worker_threads port, plus a "bare" mode that trains the same network with nothing else, as the
// throughput reference. Loaded inside the thread through Vite's module runner (Node 20 runs no .ts).
import { parentPort } from 'node:worker_threads';
import type { LabConfig, TeachFlags } from '../src/protocol/config.ts';
import type { Command } from '../src/protocol/messages.ts';
import { handleCommand } from '../src/worker/handle-command.ts';
import { Runner, type Host } from '../src/worker/loop.ts';
import { Run } from '../src/worker/run.ts';

export type BareRequest = { bench: 'bare'; ms: number; config: LabConfig; teach: TeachFlags };
export type BareReply = { bench: 'bare'; stepsPerSecond: number };

function bare(req: BareRequest): BareReply {
  const run = new Run(0, req.config, req.teach, new Map());
  const t = run.trainer;
  for (let i = 0; i < 200; i++) t.trainStep();
  // Read the clock every 16 steps so the timing itself costs nothing measurable.
  const t0 = performance.now();
  let steps = 0, now = t0;
  while (now - t0 < req.ms) {
    for (let i = 0; i < 16; i++) t.trainStep();
    steps += 16;
    now = performance.now();
  }
  return { bench: 'bare', stepsPerSecond: (steps * 1000) / (now - t0) };
}

const port = parentPort;
if (port) {
  const host: Host = {
    post: (ev, transfer) => port.postMessage(ev, transfer),
    now: () => performance.now(),
    soon: (fn) => setImmediate(fn),
    later: (fn, ms) => {
      const id = setTimeout(fn, ms);
      return () => clearTimeout(id);
    },
  };
  const runner = new Runner(host);
  port.on('message', (msg: Command | BareRequest) => {
    if ('bench' in msg) port.postMessage(bare(msg));
    else handleCommand(runner, msg);
  });
  port.postMessage({ bench: 'loaded' });
}
