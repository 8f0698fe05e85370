// The address bar as a share link: the page starts from the URL's settings (out-of-range values
// clamped, unknown ones dropped, each named in a notice) and rewrites the URL as the learner changes
// anything, so a copied link reproduces the same run.
import { hasLabSettings, parseUrl, serializeUrl, type UrlState } from '../url/state.ts';
import { useLab, type NoticeItem } from '../store/lab.ts';
import { shorten } from '../url/codec.ts';
import { applySetup, useLesson } from '../store/lesson.ts';
import type { Lang } from '../i18n/index.ts';
import { LESSON_IDS, stepKey, type LessonId, type StepKey } from '../lessons/steps.ts';
import type { StepSetup } from '../lessons/setups.ts';
import { ARRIVAL_CONFIG } from '../protocol/config.ts';

/** Query keys that say how to show the lab, not what to train: a link with only these is an arrival. */
const NOT_SETTINGS: ReadonlySet<string> = new Set(['lang', 'present', 'embed']);

/** Whether a query carries any setting (anything beyond language, presentation and embedding). */
export function carriesSettings(search: string): boolean {
  const q = search.indexOf('?');
  const query = (q >= 0 ? search.slice(q + 1) : search).split('#')[0];
  for (const key of new URLSearchParams(query).keys()) if (!NOT_SETTINGS.has(key)) return true;
  return false;
}

export function browserLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const p = l.toLowerCase();
    if (p.startsWith('ko')) return 'ko';
    if (p.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Whether a query names a lesson: the entry then loads the course's set-ups before applying it. */
export function namesLesson(search: string): boolean {
  return new URLSearchParams(search.split('#')[0]).has('lesson');
}

/**
 * Applies the URL to the stores before the worker starts; returns the parsed state, and whether the
 * link held anything not taken as written (then the address bar should be rewritten at once).
 * `setupOf`: the course's set-ups (lessons/structure.ts), needed only by a link that names a lesson.
 */
export function applyUrl(
  search: string,
  languages: readonly string[],
  setupOf?: (key: StepKey) => StepSetup | undefined,
): { state: UrlState; corrected: boolean } {
  const parsed = parseUrl(search);
  const { notices } = parsed;
  // A plain link opens the arrival network; the URL written back then names its settings.
  const arrival = !carriesSettings(search);
  const state = arrival ? { ...parsed.state, config: ARRIVAL_CONFIG } : parsed.state;
  useLab.setState({
    arrival,
    config: state.config,
    teach: state.teach,
    mode: state.mode,
    lang: state.lang ?? browserLang(languages),
    hide: state.hide,
    present: state.present,
    embed: state.embed,
  });
  const lab = useLab.getState();
  if (state.lesson) {
    if ((LESSON_IDS as readonly string[]).includes(state.lesson.id)) {
      const lessons = useLesson.getState();
      lessons.openLesson(state.lesson.id as LessonId, state.lesson.step);
      // A teacher's link to a step (lesson and step, nothing the lab trains with) opens the lab as that
      // step sets it up. A link that also carries settings (a reload mid-lesson, a shared experiment)
      // keeps them: they are what the learner had.
      const open = useLesson.getState().open;
      const setup = open && setupOf ? setupOf(stepKey(open.id, open.step)) : undefined;
      if (open && setup && !hasLabSettings(search)) {
        applySetup(setup);
        lessons.markSetup(stepKey(open.id, open.step));
      }
    }
    // A well-formed id of no lesson (lesson=999): said, not silently dropped.
    else notices.push({ param: 'lesson', id: 'lesson', kind: 'dropped', given: shorten(state.lesson.id), used: '' });
  }
  const items = notices.map((n): NoticeItem =>
    n.reason
      ? { key: `url.${n.reason}`, vars: { given: n.given, used: n.used } }
      : n.kind === 'clamped'
        ? { key: 'url.clamped', vars: { param: n.param, given: n.given, used: n.used } }
        : n.kind === 'duplicate'
          ? { key: 'url.duplicate', vars: { param: n.param, given: n.given, used: n.used } }
          : { key: 'url.dropped', vars: { param: n.param, given: n.given } },
  );
  // One notice for the whole link, however many values it corrects (300 unknown keys gave 300 notices).
  if (items.length === 1) lab.notify({ kind: 'warning', ...items[0] });
  else if (items.length > 1) lab.notify({ kind: 'warning', key: 'url.summary', vars: { n: items.length }, items });
  return { state, corrected: items.length > 0 };
}

export function currentUrlState(): UrlState {
  const s = useLab.getState();
  const open = useLesson.getState().open;
  return {
    config: s.config,
    mode: s.mode,
    teach: s.teach,
    lang: s.lang,
    lesson: open ? { id: open.id, step: open.step } : null,
    hide: s.hide,
    present: s.present,
    embed: s.embed,
  };
}

/**
 * Keeps the address bar in step with the stores (debounced). `now`: write it at once too — after a
 * link with refused or clamped values, so a copied address carries the settings in force, not the
 * values the notices were about. Returns an unsubscribe function.
 */
export function syncUrlToHistory(win: Window, delayMs = 250, now = false): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const q = serializeUrl(currentUrlState());
    const url = win.location.pathname + q + win.location.hash;
    if (url !== win.location.pathname + win.location.search + win.location.hash) win.history.replaceState(null, '', url);
  };
  const schedule = () => {
    if (timer === null) timer = setTimeout(write, delayMs);
  };
  if (now) write();
  const a = useLab.subscribe((s, p) => {
    if (s.config !== p.config || s.mode !== p.mode || s.teach !== p.teach || s.lang !== p.lang || s.hide !== p.hide || s.present !== p.present || s.embed !== p.embed) schedule();
  });
  const b = useLesson.subscribe((s, p) => {
    if (s.open !== p.open) schedule();
  });
  return () => {
    a();
    b();
    if (timer !== null) clearTimeout(timer);
  };
}

/** Reloads the page at the address of the settings in force (the lab gave up on its worker, say). */
export function reloadWithSettings(win: Window): void {
  const url = win.location.pathname + serializeUrl(currentUrlState());
  // Only the hash would differ: replace() would just scroll, so reload the page itself.
  if (url === win.location.pathname + win.location.search) win.location.reload();
  else win.location.replace(url);
}
