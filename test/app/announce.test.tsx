// @vitest-environment jsdom
// The page's one voice: at most one announcement a second (a later message replaces one waiting),
// a notice counts as speaking, and the lab says started / paused / restarted but never the step count.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { ANNOUNCE_GAP_MS, announce, isLessonRunning, markSpoken, resetAnnouncer } from '../../src/app/announce.ts';
import { Announcer } from '../../src/app/Announcer.tsx';
import { StatusLine } from '../../src/app/Transport.tsx';
import { shortcutFor } from '../../src/app/shortcuts.ts';
import { useLab } from '../../src/store/lab.ts';
import { frameStore } from '../../src/store/frame.ts';
import type { Frame } from '../../src/protocol/frame.ts';
import type { ReadyInfo } from '../../src/protocol/frame.ts';

const initialLab = useLab.getState();
let clock = 0;
const spoken: string[] = [];
let unsub = () => {};

beforeEach(() => {
  vi.useFakeTimers();
  clock = 10_000;
  resetAnnouncer(() => clock);
  spoken.length = 0;
  unsub = useLab.subscribe((s, p) => {
    if (s.spoken !== p.spoken) spoken.push(s.spoken.text);
  });
});
afterEach(() => {
  unsub();
  cleanup();
  vi.useRealTimers();
  useLab.setState(initialLab, true);
  frameStore.setState({ frame: null });
});

const advance = (ms: number) => {
  clock += ms;
  vi.advanceTimersByTime(ms);
};

describe('announce', () => {
  it('speaks at once, then holds the next message until a second has passed; the latest waiting wins', () => {
    announce('one');
    expect(spoken).toEqual(['one']);
    advance(200);
    announce('two');
    announce('three');
    expect(spoken).toEqual(['one']);
    advance(ANNOUNCE_GAP_MS - 201);
    expect(spoken).toEqual(['one']);
    advance(1);
    expect(spoken).toEqual(['one', 'three']);
    advance(5000);
    expect(spoken).toEqual(['one', 'three']);
  });

  it('counts a notice (role="alert") as speaking', () => {
    markSpoken();
    announce('after the alert');
    expect(spoken).toEqual([]);
    advance(ANNOUNCE_GAP_MS);
    expect(spoken).toEqual(['after the alert']);
  });

  it('makes the same words a new message', () => {
    announce('same');
    advance(ANNOUNCE_GAP_MS);
    announce('same');
    expect(useLab.getState().spoken.n).toBe(2);
  });
});

function frame(step: number, runId: number, playing: boolean): Frame {
  return { step, runId, playing } as unknown as Frame;
}

describe('the lab’s state, spoken', () => {
  it('says started, paused and restarted, and nothing for the frames in between; the visible line is not live', () => {
    useLab.setState({ ready: {} as ReadyInfo, lang: 'en' });
    const { container } = render(
      <>
        <StatusLine />
        <Announcer />
      </>,
    );
    // An explicit aria-live="off" overrides role=status's implicit polite region: the status line is not live.
    const live = container.querySelectorAll(':is([aria-live], [role="status"], [role="alert"], output):not([aria-live="off"])');
    expect(live).toHaveLength(1);
    expect(container.querySelector('[data-testid="status-line"]')?.getAttribute('aria-live')).toBe('off');
    expect(container.querySelector('[data-testid="status-line"]')?.parentElement?.closest('[aria-live]')).toBeNull();
    act(() => frameStore.setState({ frame: frame(0, 1, false) }));
    act(() => useLab.setState({ playing: true }));
    for (let i = 1; i <= 100; i++) {
      act(() => {
        useLab.setState({ step: i * 30 });
        frameStore.setState({ frame: frame(i * 30, 1, true) });
        advance(33);
      });
    }
    act(() => useLab.setState({ playing: false }));
    act(() => advance(ANNOUNCE_GAP_MS));
    act(() => frameStore.setState({ frame: frame(0, 2, false) }));
    act(() => advance(ANNOUNCE_GAP_MS));
    expect(spoken).toEqual(['Training started at step 0.', 'Paused at step 3,000.', 'Restarted from step 0 (seed 1).']);
    expect(container.querySelector('[data-announcer]')?.textContent).toBe('Restarted from step 0 (seed 1).');
    expect(container.querySelector('[data-testid="status-line"]')?.textContent).toMatch(/^Step 3,000/);
  });

  it('leaves a divergence to its notice', () => {
    useLab.setState({ ready: {} as ReadyInfo, playing: true, lang: 'en' });
    render(<Announcer />);
    act(() => {
      useLab.setState({ playing: false });
      useLab.getState().notify({ kind: 'error', key: 'error.diverged', vars: { step: 5, loss: 'NaN' } });
    });
    act(() => advance(3000));
    expect(spoken).toEqual([]);
  });
});

describe('the shortcut switch', () => {
  it('turned off, no single key acts', () => {
    const e = { key: 'l', code: 'KeyL', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, repeat: false, isComposing: false, defaultPrevented: false, target: document.body };
    expect(shortcutFor(e, { modalOpen: false })?.id).toBe('lang');
    expect(shortcutFor(e, { modalOpen: false, enabled: false })).toBeNull();
    expect(shortcutFor({ ...e, key: '?', code: 'Slash', shiftKey: true }, { modalOpen: false, enabled: false })).toBeNull();
  });
});

describe('a lesson run', () => {
  it('is known from the lesson-run slice alone, before the lessons chunk has loaded', () => {
    expect(isLessonRunning()).toBe(false);
    useLab.setState({ lessonRun: { total: 500, done: 20, owner: 'k', finished: false } });
    expect(isLessonRunning()).toBe(true);
    useLab.setState({ lessonRun: { total: 500, done: 500, owner: 'k', finished: true } });
    expect(isLessonRunning()).toBe(false);
    useLab.setState({ lessonRun: null });
  });
});
