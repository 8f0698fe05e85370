// Keyboard shortcuts for the classroom: one table (key, action, label) that both the key handler and
// the help overlay read, and the rules for when a key belongs to the page rather than to the focused
// control (text fields, lists and sliders keep every key; buttons keep Space).
import type { MessageKey } from '../i18n/index.ts';

export type ShortcutId =
  | 'playPause' | 'step' | 'reset' | 'mode' | 'seed' | 'lang' | 'present' | 'sidebar' | 'palette'
  | 'prevStep' | 'nextStep' | 'help';

export interface Shortcut {
  id: ShortcutId;
  /** Resolved key names (see keyName): lower-case letters, 'space', or the character itself. */
  keys: readonly string[];
  label: MessageKey;
  /** Holding the key down repeats the action (stepping); toggles never repeat. */
  repeat?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'playPause', keys: ['space'], label: 'keys.playPause' },
  { id: 'step', keys: ['s'], label: 'keys.step', repeat: true },
  { id: 'reset', keys: ['r'], label: 'keys.reset' },
  { id: 'mode', keys: ['m'], label: 'keys.mode' },
  { id: 'seed', keys: ['n'], label: 'keys.seed' },
  { id: 'lang', keys: ['l'], label: 'keys.lang' },
  { id: 'present', keys: ['p'], label: 'keys.present' },
  { id: 'sidebar', keys: ['b'], label: 'keys.sidebar' },
  { id: 'palette', keys: ['c'], label: 'keys.palette' },
  { id: 'prevStep', keys: ['['], label: 'keys.prevStep', repeat: true },
  { id: 'nextStep', keys: [']'], label: 'keys.nextStep', repeat: true },
  { id: 'help', keys: ['?'], label: 'keys.help' },
];

/** The control a shortcut changes, where a teacher's `hide` can take it away (N the seed, M the mode). */
const HIDE_ID: Partial<Record<ShortcutId, string>> = { seed: 'seed', mode: 'mode' };

/** Whether a teacher's hide list takes this shortcut away with its control. */
export function shortcutHidden(id: ShortcutId, hide: readonly string[]): boolean {
  const h = HIDE_ID[id];
  return h !== undefined && hide.includes(h);
}

/** The subset of KeyboardEvent the rules read (so tests can pass plain objects). */
export interface KeyLike {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  isComposing: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

/**
 * The key's name for the table. With a Korean IME in Hangul mode the letter keys report jamo (ㄴ for
 * S) or 'Process', so the physical key code is the fallback; a layout that really types a Latin
 * letter elsewhere (AZERTY) still gets its own letter from `key`.
 */
export function keyName(e: Pick<KeyLike, 'key' | 'code' | 'shiftKey'>): string | null {
  if (e.key === ' ' || e.key === 'Spacebar') return 'space';
  if (e.key.length === 1) {
    if (/^[a-z]$/i.test(e.key)) return e.key.toLowerCase();
    if (e.key === '?' || e.key === '[' || e.key === ']') return e.key;
  }
  const m = /^Key([A-Z])$/.exec(e.code);
  if (m) return m[1].toLowerCase();
  if (e.code === 'Space') return 'space';
  if (e.code === 'Slash' && e.shiftKey) return '?';
  if (e.code === 'BracketLeft') return '[';
  if (e.code === 'BracketRight') return ']';
  return null;
}

const TEXT_ROLES: ReadonlySet<string> = new Set(['textbox', 'searchbox', 'combobox', 'listbox', 'slider', 'spinbutton', 'menu', 'grid', 'tree']);
const ACTIVATE_ROLES: ReadonlySet<string> = new Set(['button', 'link', 'tab', 'radio', 'checkbox', 'switch', 'menuitem', 'menuitemradio', 'menuitemcheckbox', 'option', 'treeitem']);
const CLICKY_INPUTS: ReadonlySet<string> = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'image', 'color', 'file']);

function asElement(t: EventTarget | null): Element | null {
  return t && typeof (t as Element).closest === 'function' ? (t as Element) : null;
}

/** Focus is where every key is typed or moves a value: text fields, selects, sliders, editable text. */
export function ownsAllKeys(target: EventTarget | null): boolean {
  const el = asElement(target);
  if (!el) return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return !CLICKY_INPUTS.has(((el as HTMLInputElement).type || 'text').toLowerCase());
  if ((el as HTMLElement).isContentEditable || el.closest('[contenteditable=""], [contenteditable="true"]')) return true;
  const role = el.getAttribute('role');
  return role !== null && TEXT_ROLES.has(role);
}

/** Focus is on something Space activates natively (a button, link, radio, checkbox, tab, summary). */
export function ownsSpace(target: EventTarget | null): boolean {
  const el = asElement(target);
  if (!el) return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'button' || tag === 'summary' || tag === 'a' || tag === 'input') return true;
  const role = el.getAttribute('role');
  return role !== null && ACTIVATE_ROLES.has(role);
}

export interface ShortcutContext {
  /** The help dialog is open: only its own key (?) and Escape (the dialog's) act. */
  modalOpen: boolean;
  /** The learner's switch in the help dialog (WCAG 2.1.4): off, no single key acts on the page. */
  enabled?: boolean;
}

/** The shortcut a key press means here, or null when the key belongs to the page's focused control. */
export function shortcutFor(e: KeyLike, ctx: ShortcutContext): Shortcut | null {
  if (ctx.enabled === false) return null;
  if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return null;
  const name = keyName(e);
  if (name === null) return null;
  const s = SHORTCUTS.find((x) => x.keys.includes(name));
  if (!s) return null;
  if (ctx.modalOpen && s.id !== 'help') return null;
  if (e.repeat && !s.repeat) return null;
  // Shift is only part of '?'; Shift+letters stay free for the browser and assistive technology.
  if (e.shiftKey && name !== '?') return null;
  if (ownsAllKeys(e.target)) return null;
  // A focused button is activated by Space natively (on key-up); acting here too would do it twice.
  if (name === 'space' && ownsSpace(e.target)) return null;
  return s;
}

/** How a key is written in the help list. */
export function keyLabel(name: string, spaceWord: string): string {
  if (name === 'space') return spaceWord;
  return name.length === 1 ? name.toUpperCase() : name;
}

/**
 * Listens on `target` (the document) and runs the matching action. Listens in the bubbling phase so
 * a control that handles a key itself (arrows in a radio group, Space on a button) calls
 * preventDefault first and wins.
 */
export function installShortcuts(
  target: Pick<Document, 'addEventListener' | 'removeEventListener'>,
  run: (id: ShortcutId) => void,
  context: () => ShortcutContext,
): () => void {
  const onKey = (e: KeyboardEvent) => {
    const s = shortcutFor(e, context());
    if (!s) return;
    e.preventDefault();
    run(s.id);
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
