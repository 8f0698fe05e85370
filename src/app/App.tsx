// The page: header with the mode switch, transport and status, messages, then the learner's column
// (lessons, controls, code) beside the panels that show the network's internals.
import type { ComponentType } from 'react';
import { lazyNow } from '../dom/lazy-now.tsx';
import { Header } from './Header.tsx';
import { Transport } from './Transport.tsx';
import { Notices } from './Notices.tsx';
import { UpdateNotice } from './UpdateNotice.tsx';
import { Embed } from './Embed.tsx';
import { Sidebar } from './Sidebar.tsx';
import { NetworkPanel } from '../panels/network/NetworkPanel.tsx';
import { OutputPanel } from '../panels/output/OutputPanel.tsx';
import { useLab } from '../store/lab.ts';
import { PanelSlot } from '../charts/PanelSlot.tsx';
import { useT } from '../i18n/useT.ts';
import { loadMessages, type MessageKey } from '../i18n/index.ts';
import { Classroom, PresentationBar } from './Classroom.tsx';
import { PANEL_IDS, useShownPanels, type PanelId } from './presentation.ts';
import { QuickControls } from './QuickControls.tsx';

// Panels load as separate chunks, keeping the initial script small: the deeper ones, and of the first
// screen's the charts (Loss and accuracy, Batch normalization), whose sections show their headings
// meanwhile. The pictures (Network, Output) and the controls come with the page.
/** A chart panel's code and its strings in the page's language, together. */
function withChartStrings<T>(code: Promise<T>): Promise<T> {
  return Promise.all([code, loadMessages(useLab.getState().lang, 'charts').catch(() => undefined)]).then(([m]) => m);
}
const LossPanel = lazyNow(() => withChartStrings(import('../panels/loss/LossPanel.tsx')).then((m) => m.LossPanel));
const BatchNormPanel = lazyNow(() => withChartStrings(import('../panels/batchnorm/BatchNormPanel.tsx')).then((m) => m.BatchNormPanel));
const ActivationsPanel = lazyNow(() => import('../panels/activations/ActivationsPanel.tsx').then((m) => m.ActivationsPanel));
const ComparePanel = lazyNow(() => import('../panels/compare/ComparePanel.tsx').then((m) => m.ComparePanel));
const ExperimentsPanel = lazyNow(() => import('../panels/experiments/ExperimentsPanel.tsx').then((m) => m.ExperimentsPanel));
const InferencePanel = lazyNow(() => import('../panels/inference/InferencePanel.tsx').then((m) => m.InferencePanel));

/** Each panel, in page order (PANEL_IDS); the wide ones take the whole row; `title`: a lazy first-screen panel's heading (id, key). */
const PANELS: Record<PanelId, { Panel: ComponentType; wide?: boolean; title?: [string, MessageKey] }> = {
  network: { Panel: NetworkPanel },
  output: { Panel: OutputPanel },
  loss: { Panel: LossPanel, title: ['loss-title', 'panel.loss'] },
  batchnorm: { Panel: BatchNormPanel, title: ['bn-title', 'panel.batchnorm'] },
  activations: { Panel: ActivationsPanel },
  inference: { Panel: InferencePanel },
  compare: { Panel: ComparePanel, wide: true },
  experiments: { Panel: ExperimentsPanel, wide: true },
};

/** The panels the first screen shows side by side (styles.css: .panels.first-screen). */
const FIRST_SCREEN: readonly PanelId[] = ['network', 'output', 'loss', 'batchnorm'];

export function App() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const present = useLab((s) => s.present);
  const sidebarHidden = useLab((s) => s.sidebarHidden);
  // Presentation with the step's panels (not all of them): the page is one screen high (presentation.css).
  const fit = useLab((s) => present && !s.allPanels);
  const shown = useShownPanels();
  const embed = useLab((s) => s.embed);
  if (embed) return <Embed panel={embed} Panel={PANELS[embed].Panel} />;
  return (
    <div className={`app${present ? ' present' : ''}${fit ? ' present-fit' : ''}${sidebarHidden ? ' sidebar-hidden' : ''}`} lang={lang}>
      <Classroom />
      <a className="skip-link" href="#lab">
        {t('app.skip')}
      </a>
      <Header />
      <Transport />
      <PresentationBar />
      <Notices />
      <UpdateNotice />
      <div className="layout">
        <Sidebar />
        <main id="lab" className={`panels${FIRST_SCREEN.every((id) => shown.has(id)) ? ' first-screen' : ''}`} tabIndex={-1}>
          {present ? null : <QuickControls />}
          {PANEL_IDS.filter((id) => shown.has(id)).map((id) => {
            const { Panel, wide, title } = PANELS[id];
            return (
              <PanelSlot key={id} className={`panel-slot slot-${id}${wide ? ' wide' : ''}`} look={id} title={title && { id: title[0], text: t(title[1]) }}>
                <Panel />
              </PanelSlot>
            );
          })}
        </main>
      </div>
      <footer className="app-footer">
        <p>{t('data.credit')}</p>
      </footer>
    </div>
  );
}
