// Entry: settings from the URL, the training worker, the stores wired together, the first screen's
// strings in the page's language, then the page.
// First, so the worker starts booting while the modules below are evaluated.
import { earlyWorker } from './bridge/early-worker.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { applyUrl, namesLesson, syncUrlToHistory } from './app/url-sync.ts';
import { startSession } from './app/connect.ts';
import { withEarlyWorker } from './bridge/worker-factory.ts';
import { useLab } from './store/lab.ts';
import { ControllersProvider } from './panels/controllers.tsx';
import { createControllers } from './app/controllers.ts';
import { loadLanguage, loadMessages, translate } from './i18n/index.ts';
import { frameStore } from './store/frame.ts';
import { announce, isLessonRunning } from './app/announce.ts';
import { dropState, netColumns } from './panels/network/structure.ts';
import { registerServiceWorker } from './app/sw-register.ts';
import type { StepSetup } from './lessons/setups.ts';
import type { StepKey } from './lessons/steps.ts';
import './app/styles.css';
import './app/layout.css';

function start(setupOf?: (key: StepKey) => StepSetup | undefined): void {
  const { corrected } = applyUrl(window.location.search, navigator.languages ?? [navigator.language], setupOf);
  const lang = useLab.getState().lang;
  // The strings are fetched while the worker starts.
  const strings = loadMessages(lang, 'first');
  document.documentElement.lang = lang;
  useLab.subscribe((s, p) => {
    if (s.lang !== p.lang) document.documentElement.lang = s.lang;
  });
  // The page's controllers, made once here and handed down (no module holds them).
  const controllers = createControllers();
  startSession(withEarlyWorker(earlyWorker), controllers.runs);
  syncUrlToHistory(window, 250, corrected);

  void strings.catch(() => undefined).then(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <ControllersProvider value={controllers}>
          <App />
        </ControllersProvider>
      </StrictMode>,
    );
    setTimeout(() => {
      // The rest of this language's strings (charts, lessons, code, compare, …) once the first screen is up.
      const rest = loadLanguage(useLab.getState().lang).catch(() => undefined);
      // Focus never left on <body> when the focused element goes, and what Step says (after the first screen).
      void import('./app/a11y-later.ts').then((m) =>
        m.startA11y({ lab: useLab, frames: frameStore, netColumns, dropState, quiet: isLessonRunning, announce, translate }, rest),
      );
      // The comparison lesson's table records the learner's runs even while another tab is open.
      void import('./store/run-recorder.ts').then((m) => m.recorderOf(controllers).start());
    }, 0);
  });
}

// A link to a lesson step sets the lab up as that step does: the course's set-ups load first, and only
// for such a link. (Not a top-level await: the set-ups' chunk imports this one, which must finish first.)
if (namesLesson(window.location.search)) {
  import('./lessons/structure.ts').then(
    (m) => start(m.setupOf),
    () => start(),
  );
} else start();
// Offline after the first visit (built app only). Registered once the first frame is in: on a first
// visit the service worker fetches and stores every file of the build, which would otherwise compete
// with the training worker's start for the CPU and the network.
const untilFirstFrame = frameStore.subscribe((s) => {
  if (!s.frame) return;
  untilFirstFrame();
  registerServiceWorker();
});
