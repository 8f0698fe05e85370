// The worker entry: a thin adapter from the worker scope to the pure session code. Messages become
// handleCommand calls; the loop yields through a MessageChannel (a setTimeout(0) chain is clamped to
// 4 ms after a few nestings, which would cost a third of the training time).
import type { Command } from '../protocol/messages.ts';
import { handleCommand } from './handle-command.ts';
import { Runner, type Host } from './loop.ts';

declare const self: DedicatedWorkerGlobalScope;

const queue: (() => void)[] = [];
const channel = new MessageChannel();
channel.port1.onmessage = () => {
  const fn = queue.shift();
  if (fn) fn();
};

const host: Host = {
  post: (ev, transfer) => self.postMessage(ev, transfer),
  now: () => performance.now(),
  soon: (fn) => {
    queue.push(fn);
    channel.port2.postMessage(null);
  },
  later: (fn, ms) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

const runner = new Runner(host);
self.onmessage = (e: MessageEvent<Command>) => handleCommand(runner, e.data);
