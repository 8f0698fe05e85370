// The classroom tools: header buttons (shortcuts list, presentation mode, colour palette), the bar
// shown in presentation mode, and the page-wide keyboard shortcuts with their help dialog.
import { useEffect, useLayoutEffect } from 'react';
import { lazyNow } from '../dom/lazy-now.tsx';
import { useLab } from '../store/lab.ts';
import { useLesson } from '../store/lesson.ts';
import { useT } from '../i18n/useT.ts';
import { installShortcuts, shortcutHidden, type ShortcutId } from './shortcuts.ts';
import { PANEL_IDS, togglePresent, useShownPanels } from './presentation.ts';
import { initPalette, togglePalette, usePalette } from './palette.ts';
import './presentation.css';

// The shortcuts list loads when it is first opened.
const HelpOverlay = lazyNow(() => import('./HelpOverlay.tsx').then((m) => m.HelpOverlay));

export function runShortcut(id: ShortcutId): void {
  const lab = useLab.getState();
  // hide=seed takes away every way to change the seed: the field, New seed, and N.
  if (shortcutHidden(id, lab.hide)) return;
  switch (id) {
    case 'playPause': return lab.togglePlay();
    case 'step': return lab.stepOnce(1);
    case 'reset': return lab.reset();
    case 'mode': return lab.setMode(lab.mode === 'training' ? 'inference' : 'training');
    case 'seed': return lab.newSeed();
    case 'lang': return lab.setLang(lab.lang === 'en' ? 'ko' : 'en');
    case 'present': return togglePresent();
    case 'sidebar': return useLab.setState({ sidebarHidden: !useLab.getState().sidebarHidden });
    case 'palette': return togglePalette();
    case 'prevStep': return useLesson.getState().prev();
    case 'nextStep': return useLesson.getState().open ? useLesson.getState().next() : undefined;
    case 'help': return useLab.setState({ helpOpen: !useLab.getState().helpOpen });
    default: {
      const never: never = id;
      return never;
    }
  }
}

/** Mounted once by the page: shortcuts on the document, the help dialog, the stored palette. */
export function Classroom() {
  useLayoutEffect(() => initPalette(), []);
  useEffect(() => installShortcuts(document, runShortcut, () => ({ modalOpen: useLab.getState().helpOpen, enabled: useLab.getState().shortcutsOn })), []);
  const helpOpen = useLab((s) => s.helpOpen);
  return helpOpen ? <HelpOverlay /> : null;
}

/** Header buttons: the shortcuts list, presentation mode, colour-blind-safe colours. */
export function ClassroomTools() {
  const t = useT();
  const present = useLab((s) => s.present);
  const palette = usePalette();
  const keysOn = useLab((s) => s.shortcutsOn);
  const keys = (k: string) => (keysOn ? k : undefined);
  return (
    <div className="classroom-tools">
      <button type="button" className="classroom-help" onClick={() => useLab.setState({ helpOpen: true })} aria-haspopup="dialog" aria-keyshortcuts={keys('?')}>
        <span aria-hidden="true">⌨ </span>
        {t('keys.open')}
      </button>
      <button type="button" onClick={togglePresent} aria-pressed={present} aria-keyshortcuts={keys('p')}>
        {t('present.enter')}
      </button>
      <button type="button" aria-pressed={palette === 'safe'} onClick={togglePalette} aria-keyshortcuts={keys('c')}>
        <span aria-hidden="true" className="classroom-swatch" />
        {t('palette.safe')}
      </button>
    </div>
  );
}

/** Shown in presentation mode: exit, fold the side column, every panel or the lesson's. */
export function PresentationBar() {
  const t = useT();
  const present = useLab((s) => s.present);
  const sidebarHidden = useLab((s) => s.sidebarHidden);
  const all = useLab((s) => s.allPanels);
  const shown = useShownPanels();
  if (!present) return null;
  const names = PANEL_IDS.filter((p) => shown.has(p)).map((p) => t(`panel.${p}`)).join(', ');
  return (
    <section className="present-bar" aria-label={t('present.bar')}>
      <button type="button" className="primary" onClick={togglePresent}>
        {t('present.exit')}
      </button>
      <button type="button" aria-pressed={!sidebarHidden} aria-keyshortcuts="b" onClick={() => useLab.setState({ sidebarHidden: !sidebarHidden })}>
        {t('present.sidebar')}
      </button>
      <button type="button" aria-pressed={all} onClick={() => useLab.setState({ allPanels: !all })}>
        {t('present.allPanels')}
      </button>
      <p className="present-showing">{t('present.showing', { panels: names })}</p>
    </section>
  );
}
