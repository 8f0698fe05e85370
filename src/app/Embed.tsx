// One panel alone, for a course page's iframe (?embed=loss …): a compact transport (Play/Pause, Step,
// Reset), the Training ↔ Inference switch, messages, and the panel with its own controls. Every other
// URL setting (data, network, p, a lesson's set-up) applies as on the full page, and a link opens the
// full lab with the same settings.
import type { ComponentType } from 'react';
import { Transport } from './Transport.tsx';
import { ModeSwitch } from './Header.tsx';
import { Notices } from './Notices.tsx';
import { UpdateNotice } from './UpdateNotice.tsx';
import { Classroom } from './Classroom.tsx';
import { PanelSlot } from '../charts/PanelSlot.tsx';
import { useLab } from '../store/lab.ts';
import { useT } from '../i18n/useT.ts';
import type { EmbedPanel } from '../protocol/lab-state.ts';

/** The same page without embed=…, for the "open the full lab" link. */
export function fullLabHref(loc: Pick<Location, 'pathname' | 'search'> = window.location): string {
  const q = new URLSearchParams(loc.search);
  q.delete('embed');
  const s = q.toString();
  return loc.pathname + (s ? `?${s}` : '');
}

export function Embed({ panel, Panel }: { panel: EmbedPanel; Panel: ComponentType }) {
  const t = useT();
  const lang = useLab((s) => s.lang);
  return (
    <div className="app embed" lang={lang} data-embed={panel}>
      <Classroom />
      <div className="embed-bar">
        <ModeSwitch />
        <Transport compact />
      </div>
      <Notices />
      <UpdateNotice />
      <main id="lab" className="panels embed-panels" tabIndex={-1}>
        <PanelSlot>
          <Panel />
        </PanelSlot>
      </main>
      <p className="embed-footer">
        <a href={fullLabHref()} target="_blank" rel="noopener">
          {t('embed.openFull')}
        </a>
      </p>
    </div>
  );
}
