// @vitest-environment jsdom
// The palette switch on the page: the header toggle's pressed state, CSS properties on the root for
// the charts, the choice kept for the next visit, and canvases handed the current frame to repaint.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import { render } from '../fixtures/render.tsx';
import { ClassroomTools, Classroom } from '../../src/app/Classroom.tsx';
import { SAFE_SCHEME, getPalette, setPalette } from '../../src/app/palette.ts';
import { CLASS_COLORS } from '../../src/charts/colors.ts';
import { frameStore, setFrame } from '../../src/store/frame.ts';
import type { Frame } from '../../src/protocol/frame.ts';

afterEach(() => {
  cleanup();
  setPalette('standard');
  setFrame(null);
  localStorage.clear();
});

describe('palette switch', () => {
  it('sets the chart colours on the root, remembers the choice and repaints the current frame', () => {
    const frame = { step: 7 } as unknown as Frame;
    setFrame(frame);
    const seen: (Frame | null)[] = [];
    const unsub = frameStore.subscribe((s) => seen.push(s.frame));
    render(<ClassroomTools />);
    const toggle = screen.getByRole('button', { name: 'Colour-blind-safe colours', pressed: false });
    act(() => toggle.click());
    const root = document.documentElement;
    expect(screen.getByRole('button', { name: 'Colour-blind-safe colours', pressed: true })).toBeTruthy();
    expect(root.style.getPropertyValue('--train')).toBe(SAFE_SCHEME.css['--train']);
    expect(root.style.getPropertyValue('--test')).toBe(SAFE_SCHEME.css['--test']);
    expect(root.dataset.palette).toBe('safe');
    expect(CLASS_COLORS[0]).toBe(SAFE_SCHEME.classes[0]);
    expect(localStorage.getItem('reglab.palette')).toBe('safe');
    expect(seen).toEqual([frame]);

    act(() => toggle.click());
    expect(root.style.getPropertyValue('--train')).toBe('');
    expect(root.dataset.palette).toBe('standard');
    expect(CLASS_COLORS[0]).not.toBe(SAFE_SCHEME.classes[0]);
    expect(localStorage.getItem('reglab.palette')).toBe('standard');
    unsub();
  });

  it('comes back on the next visit', () => {
    setPalette('standard');
    localStorage.setItem('reglab.palette', 'safe');
    render(<Classroom />);
    expect(getPalette()).toBe('safe');
    expect(document.documentElement.dataset.palette).toBe('safe');
  });
});
