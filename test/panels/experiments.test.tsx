// @vitest-environment jsdom
// The Experiments panel by role, with a fake worker that answers from the real handler run in Node.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ExperimentsPanel } from '../../src/panels/experiments/ExperimentsPanel.tsx';
import type { ExperimentsWorkerFactory } from '../../src/bridge/experiments-worker-factory.ts';
import { handleExperimentRequest } from '../../src/worker/experiments-handler.ts';
import type { ExperimentEvent, ExperimentRequest } from '../../src/protocol/experiments.ts';
import { EXPERIMENT_IDS, PRESETS, presetRun, type ExperimentResult } from '../../src/experiments/index.ts';
import { connectPort, useLab } from '../../src/store/lab.ts';
import { formatNumber } from '../../src/i18n/index.ts';
import type { Command } from '../../src/protocol/messages.ts';
import { xt } from '../../src/panels/experiments/text.ts';

// Labels and claims come from the table (their wording is edited elsewhere); structure is what is tested.
const runLabel = (lang: 'en' | 'ko', key: 'batchnorm' | 'gaussians' | 'layernorm' | 'before-bn') => xt(lang, `experiment.run.${key}`);

const initial = useLab.getState();
let sent: Command[] = [];

beforeEach(() => {
  sent = [];
  connectPort({ send: (c) => sent.push(c) });
  useLab.setState({ config: { ...initial.config, seed: 5 } });
});

afterEach(() => {
  cleanup();
  connectPort(null);
  useLab.setState(initial, true);
});

/** A clock that moves 4 ms per read, so the run reports progress and takes a known kind of time. */
function ticking(): () => number {
  let t = 0;
  return () => (t += 4);
}

interface Fake {
  factory: ExperimentsWorkerFactory;
  posted: ExperimentRequest[];
  terminated: number;
  /** Events the worker computed and has not delivered yet (delivered by `deliver`). */
  pending: ExperimentEvent[];
  deliver(n?: number): void;
  crash(reason: string): void;
}

/** A worker whose answers are the real handler's, computed at once and handed over when the test says. */
function fakeWorker(rewrite: (ev: ExperimentEvent) => ExperimentEvent = (ev) => ev): Fake {
  let handlers: Parameters<ExperimentsWorkerFactory>[0] | null = null;
  let live = false;
  const fake: Fake = {
    posted: [],
    terminated: 0,
    pending: [],
    factory: (h) => {
      handlers = h;
      live = true;
      return {
        post: (req) => {
          fake.posted.push(req);
          handleExperimentRequest(req, (ev) => fake.pending.push(rewrite(ev)), ticking());
        },
        terminate: () => {
          live = false;
          fake.terminated++;
        },
      };
    },
    deliver: (n = Infinity) => {
      act(() => {
        // A terminated worker says nothing more; a real one cannot either.
        for (const ev of fake.pending.splice(0, n)) if (live) handlers?.message(ev);
      });
    },
    crash: (reason) => act(() => handlers?.error(reason)),
  };
  return fake;
}

const card = (id: string) => screen.getByRole('article', { name: new RegExp(`^${id} ·`) });
const statusOf = (id: string) => within(card(id)).getAllByRole('status')[0];
const resultOf = (fake: Fake): { result: ExperimentResult; ms: number } => {
  const ev = fake.pending.find((e) => e.type === 'result');
  if (!ev || ev.type !== 'result') throw new Error('no result computed');
  return ev;
};

describe('Experiments panel', () => {
  it('lists E1–E8 with headings, each claim and a run button, and the seed field follows the lab', () => {
    render(<ExperimentsPanel createWorker={fakeWorker().factory} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Experiments' })).toBeTruthy();
    expect(screen.getAllByRole('article')).toHaveLength(EXPERIMENT_IDS.length);
    expect(screen.getByRole('heading', { level: 3, name: `E1 · ${xt('en', 'experiment.E1.title')}` })).toBeTruthy();
    expect(within(card('E6')).getByText(xt('en', 'experiment.E6.claim'))).toBeTruthy();
    for (const id of EXPERIMENT_IDS) expect(screen.getByRole('button', { name: `Run ${id} on this machine` })).toBeTruthy();
    expect((screen.getByRole('spinbutton', { name: 'Seed' }) as HTMLInputElement).value).toBe('5');
    act(() => useLab.setState({ config: { ...useLab.getState().config, seed: 9 } }));
    expect((screen.getByRole('spinbutton', { name: 'Seed' }) as HTMLInputElement).value).toBe('9');
  });

  it('runs E7 in the worker: progress by run and step, then the figure, each check, the verdict and the time', () => {
    const fake = fakeWorker();
    render(<ExperimentsPanel createWorker={fake.factory} />);
    const run = screen.getByRole('button', { name: 'Run E7 on this machine' });
    run.focus();
    fireEvent.click(run);
    expect(fake.posted).toEqual([{ type: 'run', id: 'E7', seed: 5 }]);
    expect(statusOf('E7').textContent).toBe('Running E7 on seed 5…');
    // The same button turns into Cancel, so focus stays put; other runs wait.
    expect(document.activeElement).toBe(run);
    expect(run.textContent).toBe('Cancel');
    expect(screen.getByRole('button', { name: 'Run E1 on this machine' }).getAttribute('aria-disabled')).toBe('true');

    fake.deliver(1);
    expect(within(card('E7')).getByText(`Run 1 of 1 (${runLabel('en', 'batchnorm')}): step 0 of ${PRESETS.E7.steps}`)).toBeTruthy();
    expect(within(card('E7')).getByRole('progressbar', { name: 'Progress of E7' })).toBeTruthy();

    const { result, ms } = resultOf(fake);
    fake.deliver();
    const status = statusOf('E7');
    expect(result.value).not.toBeNull();
    expect(status.textContent).toContain(`${formatNumber('en', result.value! * 100, 3)} %`);
    expect(status.textContent).toContain(result.holds ? 'The claim holds on seed 5.' : 'The claim does not hold on seed 5.');
    expect(status.textContent).toContain(`Measured in ${formatNumber('en', ms / 1000, 2)} s on this machine.`);
    const items = within(status).getAllByRole('listitem');
    expect(items).toHaveLength(Object.keys(result.checks).length);
    Object.values(result.checks).forEach((ok, i) => expect(items[i].textContent).toMatch(ok ? /^✓ passed: / : /^✗ failed: /));
    // The sentences quote the measured numbers.
    expect(status.textContent).toContain(`right ${formatNumber('en', Number(result.details.accRunning) * 100, 3)} % of the time`);
    expect(fake.terminated).toBe(1);
    expect(run.textContent).toBe('Run E7 on this machine');
    expect(screen.getByRole('button', { name: 'Run E1 on this machine' }).getAttribute('aria-disabled')).toBe('false');
  });

  it('says when the claim does not hold on a seed, and which check failed', () => {
    const fake = fakeWorker((ev) => (ev.type === 'result' ? { ...ev, result: { ...ev.result, holds: false, checks: { ...ev.result.checks, oneClassPredicted: false } } } : ev));
    render(<ExperimentsPanel createWorker={fake.factory} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run E7 on this machine' }));
    fake.deliver();
    const status = statusOf('E7');
    expect(status.textContent).toContain('The claim does not hold on seed 5.');
    const failed = within(status).getAllByRole('listitem').filter((li) => li.textContent!.startsWith('✗ failed:'));
    expect(failed.map((li) => li.textContent)).toEqual([expect.stringContaining('Every test input gets the same class')]);
  });

  it('cancels by terminating the worker; a late answer is ignored', () => {
    const fake = fakeWorker();
    render(<ExperimentsPanel createWorker={fake.factory} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run E5 on this machine' }));
    fake.deliver(2);
    fireEvent.click(within(card('E5')).getByRole('button', { name: 'Cancel' }));
    expect(fake.terminated).toBe(1);
    expect(statusOf('E5').textContent).toBe('Cancelled E5 on seed 5.');
    fake.deliver();
    expect(statusOf('E5').textContent).toBe('Cancelled E5 on seed 5.');
    expect(screen.getByRole('button', { name: 'Run E5 on this machine' }).getAttribute('aria-disabled')).toBe('false');
  });

  it('shows a worker crash as an error', () => {
    const fake = fakeWorker();
    render(<ExperimentsPanel createWorker={fake.factory} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run E8 on this machine' }));
    fake.crash('out of memory');
    expect(statusOf('E8').textContent).toBe('E8 could not run: out of memory');
    expect(fake.terminated).toBe(1);
  });

  it('runs on a typed seed, and refuses one that is not a whole number', () => {
    const fake = fakeWorker();
    render(<ExperimentsPanel createWorker={fake.factory} />);
    const seed = screen.getByRole('spinbutton', { name: 'Seed' });
    fireEvent.change(seed, { target: { value: '1.5' } });
    expect(seed.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/A seed is a whole number from 0 to/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run E7 on this machine' }));
    expect(fake.posted).toEqual([]);
    fireEvent.change(seed, { target: { value: '42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run E7 on this machine' }));
    expect(fake.posted).toEqual([{ type: 'run', id: 'E7', seed: 42 }]);
  });

  it('loads a run into the lab: pause, its settings and teaching switches, the chosen seed, reset', () => {
    render(<ExperimentsPanel createWorker={fakeWorker().factory} />);
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Seed' }), { target: { value: '7' } });
    fireEvent.click(within(card('E6')).getByRole('button', { name: (n) => n.startsWith(`Load into the lab ${runLabel('en', 'gaussians')} E6 · `) }));
    const preset = presetRun('E6', 'gaussians');
    expect(sent.map((c) => c.type)).toEqual(['pause', 'set', 'newSeed', 'reset']);
    const set = sent[1];
    if (set.type !== 'set') throw new Error('expected a set');
    expect(set.patch).toEqual({ data: preset.config.data, net: preset.config.net, train: preset.config.train, teach: preset.teach });
    const lab = useLab.getState();
    expect(lab.config).toEqual({ ...preset.config, seed: 7 });
    expect(lab.teach.forgetDropoutScaling).toBe(true);
    expect(lab.playing).toBe(false);
    // The store was handed copies: the preset's lists are not shared with it.
    expect(lab.config.net.hidden).not.toBe(preset.config.net.hidden);
    expect(within(card('E6')).getAllByRole('status')[1].textContent).toBe(`Loaded “${runLabel('en', 'gaussians')}” into the lab on seed 7. Press Play to train it.`);
  });

  it('does not ask for a new seed when the lab already has it', () => {
    render(<ExperimentsPanel createWorker={fakeWorker().factory} />);
    fireEvent.click(within(card('E8')).getByRole('button', { name: (n) => n.startsWith(`Load into the lab ${runLabel('en', 'layernorm')} E8 · `) }));
    expect(sent.map((c) => c.type)).toEqual(['pause', 'set', 'reset']);
    expect(useLab.getState().config.net.norm).toEqual(['layernorm', 'layernorm']);
    expect(useLab.getState().config.train.batchSize).toBe(1);
  });

  it('speaks Korean: titles, buttons, progress and the result', () => {
    act(() => useLab.setState({ lang: 'ko' }));
    const fake = fakeWorker();
    render(<ExperimentsPanel createWorker={fake.factory} />);
    expect(screen.getByRole('heading', { level: 2, name: '실험' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: `E1 · ${xt('ko', 'experiment.E1.title')}` })).toBeTruthy();
    expect(xt('ko', 'experiment.E1.title')).toMatch(/[\uac00-\ud7a3]/);
    expect(screen.getByRole('spinbutton', { name: '시드' })).toBeTruthy();
    expect(within(card('E5')).getByRole('button', { name: (n) => n.startsWith(`실험실에 불러오기 ${runLabel('ko', 'before-bn')} E5 · `) })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '이 컴퓨터에서 E7 실행' }));
    expect(statusOf('E7').textContent).toBe('E7 실행 중(시드 5)…');
    fake.deliver(1);
    expect(within(card('E7')).getByText(`실행 1개 중 1번째(${runLabel('ko', 'batchnorm')}): ${PRESETS.E7.steps} 스텝 중 0 스텝`)).toBeTruthy();
    const { result } = resultOf(fake);
    fake.deliver();
    const text = statusOf('E7').textContent!;
    expect(text).toContain(`${formatNumber('ko', result.value! * 100, 3)}%`);
    expect(text).toContain(result.holds ? '주장이 성립합니다(시드 5).' : '주장이 성립하지 않습니다(시드 5).');
    expect(text).toMatch(/(통과|실패): /);
    expect(text).not.toMatch(/passed|failed|Measured/);
  });
});
