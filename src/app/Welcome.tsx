// A first visit's offer of lesson 1: a line above the side column's tabs, never a dialog, so the lab
// stays in view and in reach. Dismissed (or taken) once, it stays away; presentation mode and an
// embedded lab never show it.
import { useState } from 'react';
import { useLab } from '../store/lab.ts';
import { useLesson } from '../store/lesson.ts';
import { handoff } from '../panels/lessons/focus-handoff.ts';
import { LESSON_IDS } from '../lessons/steps.ts';
import { useT } from '../i18n/useT.ts';
import { openTab } from './sidebar-tab.ts';

const KEY = 'reglab.welcome.v1';

function seen(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(KEY) === 'done';
  } catch {
    return true; // storage refused: better never to offer than to offer on every visit
  }
}

function remember(): void {
  try {
    localStorage.setItem(KEY, 'done');
  } catch {
    /* storage refused: the offer goes away for this visit only */
  }
}

/** An embedded lab (another page's frame, or a link asking for the embed view) shows only the lab. */
function embedded(): boolean {
  if (typeof window === 'undefined') return false;
  if (new URLSearchParams(window.location.search).has('embed')) return true;
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

export function Welcome() {
  const t = useT();
  const present = useLab((s) => s.present);
  const [hidden, setHidden] = useState(() => seen() || embedded());
  if (hidden || present) return null;
  const close = () => {
    remember();
    setHidden(true);
  };
  return (
    <div className="welcome" role="region" aria-label={t('welcome.start')}>
      <p>{t('welcome.text')}</p>
      <div className="welcome-actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            // The offer goes away: focus goes to the lesson's heading once it shows.
            handoff.toStep = true;
            useLesson.getState().openLesson(LESSON_IDS[0], 0);
            openTab('lessons');
            close();
          }}
        >
          {t('welcome.start')}
        </button>
        <button type="button" onClick={close}>
          {t('welcome.dismiss')}
        </button>
      </div>
    </div>
  );
}
