// The page: header with the mode switch, transport and status, messages, then the panels.
import { Header } from './Header.tsx';
import { Transport } from './Transport.tsx';
import { Notices } from './Notices.tsx';
import { LossPanel } from '../panels/loss/LossPanel.tsx';
import { useT } from './useT.ts';

export function App() {
  const t = useT();
  return (
    <div className="app">
      <a className="skip-link" href="#lab">
        {t('app.skip')}
      </a>
      <Header />
      <Transport />
      <Notices />
      <main id="lab" className="panels">
        <LossPanel />
      </main>
      <footer className="app-footer">
        <p>{t('data.credit')}</p>
      </footer>
    </div>
  );
}
