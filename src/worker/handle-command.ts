// One command from the page, applied to the session at once (so a `set` is in force before the next
// training step), then the loop is nudged to post a frame that shows it. Errors become events; the
// session stays usable.
import type { Command } from '../protocol/messages.ts';
import { CommandError, type Runner } from './loop.ts';
import { inspect, validateInspect } from './inspect.ts';

function requireRun(r: Runner): void {
  if (!r.session.run) throw new CommandError('not_configured', 'no configuration yet: send configure first');
}

export function handleCommand(r: Runner, cmd: Command): void {
  if (cmd === null || typeof cmd !== 'object') {
    r.fail(new CommandError('bad_command', `not a command: ${String(cmd)}`), 'command');
    return;
  }
  if (cmd.type === 'ack') {
    r.ack(cmd.seq);
    return;
  }
  const s = r.session;
  try {
    switch (cmd.type) {
      case 'configure':
        r.ready(s.configure(cmd.config, cmd.teach, cmd.mode, cmd.options));
        break;
      case 'play':
        requireRun(r);
        r.play();
        break;
      case 'pause':
        r.pause();
        break;
      case 'step':
        requireRun(r);
        if (!(Number.isInteger(cmd.n) && cmd.n >= 1 && cmd.n <= 1e9)) throw new CommandError('bad_command', `step: n must be a whole number ≥ 1 (got ${cmd.n})`);
        r.step(cmd.n, cmd.add === true);
        break;
      case 'reset':
        r.ready(s.reset());
        break;
      case 'newSeed':
        r.ready(s.newSeed(cmd.seed));
        break;
      case 'set': {
        const info = s.set(cmd.patch);
        if (info) r.ready(info);
        break;
      }
      case 'setNorm':
        s.setNorm(cmd);
        break;
      case 'mode':
        s.setMode(cmd.mode);
        break;
      case 'speed': {
        const v = cmd.stepsPerSecond;
        if (v !== null && !(Number.isFinite(v) && v > 0 && v <= 1e6)) throw new CommandError('bad_command', `speed: steps per second must be in (0, 1000000] or null (got ${v})`);
        r.setSpeed(v);
        break;
      }
      case 'options':
        s.setOptions(cmd.options);
        break;
      case 'data': {
        const info = s.setData(cmd.dataset);
        if (info) r.ready(info);
        break;
      }
      case 'inspect': {
        requireRun(r);
        const bad = validateInspect(cmd.k, cmd.rows, cmd.knockout, cmd.probe);
        if (bad) throw new CommandError('bad_command', bad);
        r.post({ type: 'inspection', report: inspect(s.current, cmd.k, cmd.rows, undefined, cmd.knockout, cmd.probe) });
        break;
      }
      default: {
        const unknown: never = cmd;
        throw new CommandError('bad_command', `unknown command type: ${String((unknown as { type?: unknown }).type)}`);
      }
    }
  } catch (e) {
    r.fail(e, 'command', cmd.type, cmd.rev);
  }
  // A refused command still counts as handled: the next frame shows what is in force.
  if (typeof cmd.rev === 'number' && cmd.rev > r.rev) r.rev = cmd.rev;
  r.changed();
}
