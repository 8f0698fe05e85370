// The keyboard shortcuts list as a modal dialog: focus moves in and stays in (Tab wraps), Escape or
// the close button or a click outside closes it, and focus returns to where it was.
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { SHORTCUTS, keyLabel, shortcutHidden } from './shortcuts.ts';
import { setShortcutsOn } from './presentation.ts';
import { useLab } from '../store/lab.ts';
import { useT } from '../i18n/useT.ts';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export function closeHelp(): void {
  useLab.setState({ helpOpen: false });
}

/** A language's own name keeps its language inside the other one's text ("한국어" in English), WCAG 3.1.2. */
function inLangs(text: string) {
  return text.split(/(English|한국어)/).map((part, i) => (i % 2 ? <span key={i} lang={part === 'English' ? 'en' : 'ko'}>{part}</span> : part));
}

export function HelpOverlay() {
  const open = useLab((s) => s.helpOpen);
  if (!open || typeof document === 'undefined') return null;
  return createPortal(<HelpDialog />, document.body);
}

function HelpDialog() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const hide = useLab((s) => s.hide);
  const titleId = useId();
  const descId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    // The rest of the page is inert while the list is open: no focus, no clicks, not read out.
    const host = boxRef.current?.parentElement ?? null;
    const others = Array.from(document.body.children).filter((el): el is HTMLElement => el !== host && el instanceof HTMLElement && !el.inert);
    for (const el of others) el.inert = true;
    const onEscape = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      closeHelp();
    };
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('keydown', onEscape);
      for (const el of others) el.inert = false;
      // Back to the control that opened the list (or had the focus when ? was pressed).
      if (before && before.isConnected && typeof before.focus === 'function') before.focus();
    };
  }, []);

  // Tab wraps inside the dialog (browsers without `inert` would otherwise let focus out).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Tab' || !boxRef.current) return;
    const items = Array.from(boxRef.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    if (items.length === 0) return;
    const first = items[0], last = items[items.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !boxRef.current.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !boxRef.current.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="help-backdrop" onMouseDown={(e) => e.target === e.currentTarget && closeHelp()}>
      <div
        ref={boxRef}
        className="help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descId}
        lang={lang}
        onKeyDown={onKeyDown}
      >
        <div className="help-head">
          <h2 id={titleId}>{t('keys.title')}</h2>
          <button ref={closeRef} type="button" onClick={closeHelp}>
            {t('keys.close')}
          </button>
        </div>
        <p id={descId}>{t('keys.intro')}</p>
        <ShortcutSwitch />
        <table className="help-table">
          <thead>
            <tr>
              <th scope="col">{t('keys.keyHeader')}</th>
              <th scope="col">{t('keys.actionHeader')}</th>
            </tr>
          </thead>
          <tbody>
            {SHORTCUTS.filter((s) => !shortcutHidden(s.id, hide)).map((s) => (
              <tr key={s.id}>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? ` ${t('keys.or')} ` : null}
                      <kbd>{keyLabel(k, t('keys.space'))}</kbd>
                    </span>
                  ))}
                </td>
                <td>{inLangs(t(s.label))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="help-foot">{t('keys.closeHint')}</p>
      </div>
    </div>
  );
}

/** WCAG 2.1.4: single-key shortcuts can be turned off; the choice is kept. */
function ShortcutSwitch() {
  const t = useT();
  const on = useLab((s) => s.shortcutsOn);
  const hintId = useId();
  return (
    <div className="help-switch">
      <label>
        <input type="checkbox" checked={on} aria-describedby={hintId} onChange={(e) => setShortcutsOn(e.target.checked)} />
        {t('keys.enabled')}
      </label>
      <p id={hintId} className="help-switch-hint">
        {t('keys.enabledHint')}
      </p>
    </div>
  );
}
