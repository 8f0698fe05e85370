// @vitest-environment jsdom
// Keyboard shortcuts: which key means what (Hangul IME and other layouts included), when a key belongs
// to the focused control instead, and each shortcut acting on the stores through the page's handler.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { render } from '../fixtures/render.tsx';
import { SHORTCUTS, keyName, shortcutFor, type KeyLike } from '../../src/app/shortcuts.ts';
import { Classroom } from '../../src/app/Classroom.tsx';
import { getPalette, setPalette } from '../../src/app/palette.ts';
import { connectPort, useLab } from '../../src/store/lab.ts';
import { useLesson } from '../../src/store/lesson.ts';
import type { Command } from '../../src/protocol/messages.ts';

const initialLab = useLab.getState();
const initialClassroom = useLab.getState();
let sent: Command[] = [];

beforeEach(() => {
  sent = [];
  connectPort({ send: (cmd) => sent.push(cmd) });
});

afterEach(() => {
  cleanup();
  connectPort(null);
  useLab.setState(initialLab, true);
  useLab.setState(initialClassroom, true);
  useLesson.getState().close();
  setPalette('standard');
});

function press(over: Partial<KeyLike>): KeyLike {
  return {
    key: '', code: '', shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, repeat: false,
    isComposing: false, defaultPrevented: false, target: document.body, ...over,
  };
}

const idFor = (e: Partial<KeyLike>, modalOpen = false) => shortcutFor(press(e), { modalOpen })?.id ?? null;

function el(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host.firstElementChild as HTMLElement;
}

describe('keyName', () => {
  it('reads Latin letters from the key, whatever the physical position (AZERTY)', () => {
    expect(keyName({ key: 'S', code: 'KeyS', shiftKey: true })).toBe('s');
    expect(keyName({ key: 'a', code: 'KeyQ', shiftKey: false })).toBe('a');
  });

  it('falls back to the physical key when a Korean IME reports jamo or Process', () => {
    expect(keyName({ key: 'ㄴ', code: 'KeyS', shiftKey: false })).toBe('s');
    expect(keyName({ key: 'ㅔ', code: 'KeyP', shiftKey: false })).toBe('p');
    expect(keyName({ key: 'Process', code: 'KeyM', shiftKey: false })).toBe('m');
    expect(keyName({ key: 'Process', code: 'Slash', shiftKey: true })).toBe('?');
    expect(keyName({ key: 'Process', code: 'Slash', shiftKey: false })).toBeNull();
  });

  it('names Space, ? and the brackets; other keys are not shortcuts', () => {
    expect(keyName({ key: ' ', code: 'Space', shiftKey: false })).toBe('space');
    expect(keyName({ key: '?', code: 'Slash', shiftKey: true })).toBe('?');
    expect(keyName({ key: ']', code: 'BracketRight', shiftKey: false })).toBe(']');
    expect(keyName({ key: 'Enter', code: 'Enter', shiftKey: false })).toBeNull();
    expect(keyName({ key: 'ArrowLeft', code: 'ArrowLeft', shiftKey: false })).toBeNull();
  });
});

describe('shortcutFor', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('maps every key of the table to its own shortcut, each key once', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SHORTCUTS) {
      for (const k of s.keys) {
        const e = k === 'space' ? { key: ' ', code: 'Space' } : k === '?' ? { key: '?', code: 'Slash', shiftKey: true } : { key: k, code: '' };
        expect(idFor(e), k).toBe(s.id);
      }
    }
  });

  it('leaves every key to text fields, selects, sliders and editable text', () => {
    const fields = [
      el('<input type="text">'), el('<input>'), el('<input type="number">'), el('<input type="range">'), el('<textarea></textarea>'),
      el('<select><option>a</option></select>'), el('<div role="slider" tabindex="0"></div>'), el('<div contenteditable="true"><b>x</b></div>'),
    ];
    for (const target of fields) {
      expect(idFor({ key: 's', code: 'KeyS', target }), target.outerHTML).toBeNull();
      expect(idFor({ key: ' ', code: 'Space', target }), target.outerHTML).toBeNull();
    }
    // Inside the editable block too.
    expect(idFor({ key: 'r', code: 'KeyR', target: fields[7].firstElementChild })).toBeNull();
  });

  it('leaves Space to a focused button, radio, checkbox or tab, but letters still act there', () => {
    for (const html of ['<button>Step</button>', '<input type="checkbox">', '<input type="radio">', '<div role="tab" tabindex="0"></div>', '<summary>x</summary>', '<a href="#x">x</a>']) {
      const target = el(html);
      expect(idFor({ key: ' ', code: 'Space', target }), html).toBeNull();
      expect(idFor({ key: 's', code: 'KeyS', target }), html).toBe('step');
    }
    expect(idFor({ key: ' ', code: 'Space', target: el('<div tabindex="0">panel</div>') })).toBe('playPause');
  });

  it('ignores keys with Ctrl, Cmd or Alt, Shift+letters, IME composition and keys already handled', () => {
    expect(idFor({ key: 'r', code: 'KeyR', ctrlKey: true })).toBeNull();
    expect(idFor({ key: 'r', code: 'KeyR', metaKey: true })).toBeNull();
    expect(idFor({ key: 'r', code: 'KeyR', altKey: true })).toBeNull();
    expect(idFor({ key: 'R', code: 'KeyR', shiftKey: true })).toBeNull();
    expect(idFor({ key: 'r', code: 'KeyR', isComposing: true })).toBeNull();
    expect(idFor({ key: 'r', code: 'KeyR', defaultPrevented: true })).toBeNull();
    expect(idFor({ key: 'r', code: 'KeyR' })).toBe('reset');
  });

  it('repeats only stepping when a key is held, and lets only ? act while the help is open', () => {
    expect(idFor({ key: 's', code: 'KeyS', repeat: true })).toBe('step');
    expect(idFor({ key: ']', code: 'BracketRight', repeat: true })).toBe('nextStep');
    expect(idFor({ key: 'p', code: 'KeyP', repeat: true })).toBeNull();
    expect(idFor({ key: ' ', code: 'Space', repeat: true })).toBeNull();
    expect(idFor({ key: 's', code: 'KeyS' }, true)).toBeNull();
    expect(idFor({ key: ' ', code: 'Space' }, true)).toBeNull();
    expect(idFor({ key: '?', code: 'Slash', shiftKey: true }, true)).toBe('help');
  });
});

describe('shortcuts on the page', () => {
  const key = (key: string, code: string, target: Element = document.body, shiftKey = false) => act(() => {
    fireEvent.keyDown(target, { key, code, shiftKey });
  });

  it('drive the transport, mode, seed, language, presentation, side column and palette', () => {
    render(<Classroom />);
    key(' ', 'Space');
    expect(useLab.getState().playing).toBe(true);
    key(' ', 'Space');
    expect(useLab.getState().playing).toBe(false);
    key('s', 'KeyS');
    key('r', 'KeyR');
    const seed = useLab.getState().config.seed;
    key('n', 'KeyN');
    expect(useLab.getState().config.seed).not.toBe(seed);
    key('m', 'KeyM');
    expect(useLab.getState().mode).toBe('inference');
    key('ㅡ', 'KeyM');
    expect(useLab.getState().mode).toBe('training');
    expect(sent.map((c) => c.type)).toEqual(['play', 'pause', 'step', 'reset', 'newSeed', 'mode', 'mode']);

    key('l', 'KeyL');
    expect(useLab.getState().lang).toBe('ko');
    key('ㅣ', 'KeyL');
    expect(useLab.getState().lang).toBe('en');
    key('p', 'KeyP');
    expect(useLab.getState().present).toBe(true);
    key('b', 'KeyB');
    expect(useLab.getState().sidebarHidden).toBe(true);
    key('c', 'KeyC');
    expect(getPalette()).toBe('safe');
    key('p', 'KeyP');
    expect(useLab.getState().present).toBe(false);
    // Leaving presentation brings the side column back.
    expect(useLab.getState().sidebarHidden).toBe(false);
  });

  it('does not toggle Play when Space activates a focused button, nor act from a slider', () => {
    render(
      <div>
        <Classroom />
        <button type="button">Step</button>
        <input type="range" aria-label="Dropout p" />
      </div>,
    );
    key(' ', 'Space', screen.getByRole('button', { name: 'Step' }));
    key(' ', 'Space', screen.getByRole('slider', { name: 'Dropout p' }));
    key('s', 'KeyS', screen.getByRole('slider', { name: 'Dropout p' }));
    expect(useLab.getState().playing).toBe(false);
    expect(sent).toEqual([]);
  });

  it('moves through the open lesson with [ and ], and does nothing without one', () => {
    render(<Classroom />);
    key(']', 'BracketRight');
    expect(useLesson.getState().open).toBeNull();
    act(() => useLesson.getState().openLesson('dropout', 0));
    key(']', 'BracketRight');
    key(']', 'BracketRight');
    expect(useLesson.getState().open).toEqual({ id: 'dropout', step: 2 });
    key('[', 'BracketLeft');
    expect(useLesson.getState().open).toEqual({ id: 'dropout', step: 1 });
  });
});
