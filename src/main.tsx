// Entry: settings from the URL, the training worker, the stores wired together, the first screen's
// strings in the page's language, then the page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { applyUrl, syncUrlToHistory } from './app/url-sync.ts';
import { startSession } from './app/connect.ts';
import { createTrainingWorker } from './bridge/worker-factory.ts';
import { useLab } from './store/lab.ts';
import { startRunRecorder } from './store/lesson.ts';
import { loadMessages } from './i18n/index.ts';
import { registerServiceWorker } from './app/sw-register.ts';
import './app/styles.css';
import './app/layout.css';

const { corrected } = applyUrl(window.location.search, navigator.languages ?? [navigator.language]);
const lang = useLab.getState().lang;
// The strings are fetched while the worker starts.
const strings = loadMessages(lang, 'first');
document.documentElement.lang = lang;
useLab.subscribe((s, p) => {
  if (s.lang !== p.lang) document.documentElement.lang = s.lang;
});
startSession(createTrainingWorker);
syncUrlToHistory(window, 250, corrected);
// The comparison lesson's table records the learner's runs even while another tab is open.
startRunRecorder();

void strings.catch(() => undefined).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The rest of this language's strings (lessons, code, compare, …) once the first screen is up.
  setTimeout(() => void loadMessages(useLab.getState().lang, 'rest'), 0);
});
// Offline after the first visit (built app only).
registerServiceWorker();
