// Entry: settings from the URL, the training worker, the stores wired together, then the page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { applyUrl, syncUrlToHistory } from './app/url-sync.ts';
import { startSession } from './app/connect.ts';
import { createTrainingWorker } from './bridge/worker-factory.ts';
import { useLab } from './store/lab.ts';
import { startRunRecorder } from './store/lesson.ts';
import './app/styles.css';

applyUrl(window.location.search, navigator.languages ?? [navigator.language]);
document.documentElement.lang = useLab.getState().lang;
useLab.subscribe((s, p) => {
  if (s.lang !== p.lang) document.documentElement.lang = s.lang;
});
startSession(createTrainingWorker);
syncUrlToHistory(window);
// The comparison lesson's table records the learner's runs even while another tab is open.
startRunRecorder();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
