// The page: header with the mode switch, transport and status, messages, then the learner's column
// (lessons, controls, code) beside the panels that show the network's internals.
import { Header } from './Header.tsx';
import { Transport } from './Transport.tsx';
import { Notices } from './Notices.tsx';
import { Sidebar } from './Sidebar.tsx';
import { NetworkPanel } from '../panels/network/NetworkPanel.tsx';
import { OutputPanel } from '../panels/output/OutputPanel.tsx';
import { LossPanel } from '../panels/loss/LossPanel.tsx';
import { BatchNormPanel } from '../panels/batchnorm/BatchNormPanel.tsx';
import { ActivationsPanel } from '../panels/activations/ActivationsPanel.tsx';
import { ComparePanel } from '../panels/compare/ComparePanel.tsx';
import { useLab } from '../store/lab.ts';
import { PanelSlot } from '../charts/PanelSlot.tsx';
import { useT } from './useT.ts';
import { Classroom, PresentationBar } from './Classroom.tsx';
import { useClassroom, useShownPanels } from './presentation.ts';

export function App() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const present = useLab((s) => s.present);
  const sidebarHidden = useClassroom((s) => s.sidebarHidden);
  const shown = useShownPanels();
  return (
    <div className={`app${present ? ' present' : ''}${sidebarHidden ? ' sidebar-hidden' : ''}`} lang={lang}>
      <Classroom />
      <a className="skip-link" href="#lab">
        {t('app.skip')}
      </a>
      <Header />
      <Transport />
      <PresentationBar />
      <Notices />
      <div className="layout">
        <Sidebar />
        <main id="lab" className="panels" tabIndex={-1}>
          {shown.has('network') && (
            <PanelSlot>
              <NetworkPanel />
            </PanelSlot>
          )}
          {shown.has('output') && (
            <PanelSlot>
              <OutputPanel />
            </PanelSlot>
          )}
          {shown.has('loss') && (
            <PanelSlot>
              <LossPanel />
            </PanelSlot>
          )}
          {shown.has('batchnorm') && (
            <PanelSlot>
              <BatchNormPanel />
            </PanelSlot>
          )}
          {shown.has('activations') && (
            <PanelSlot>
              <ActivationsPanel />
            </PanelSlot>
          )}
          {shown.has('compare') && (
            <PanelSlot className="panel-slot wide">
              <ComparePanel />
            </PanelSlot>
          )}
        </main>
      </div>
      <footer className="app-footer">
        <p>{t('data.credit')}</p>
      </footer>
    </div>
  );
}
