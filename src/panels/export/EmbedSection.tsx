// "Embed this panel": the <iframe> a teacher pastes into a course page, for one panel under the
// settings in force now (the share link plus embed=<panel>), 640×420 by default.
import { useId, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { EMBED_PANELS, type EmbedPanel } from '../../protocol/lab-state.ts';

export const EMBED_WIDTH = 640;
export const EMBED_HEIGHT = 420;

/** The iframe for `panel` on the page at `href` (its other URL settings kept). */
export function embedSnippet(href: string, panel: EmbedPanel, title: string): string {
  const url = new URL(href);
  url.hash = '';
  url.searchParams.set('embed', panel);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${esc(url.href)}" title="${esc(title)}" width="${EMBED_WIDTH}" height="${EMBED_HEIGHT}" style="border:0" loading="lazy"></iframe>`;
}

export function EmbedSection() {
  const t = useT();
  const id = useId();
  const [panel, setPanel] = useState<EmbedPanel>('loss');
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const snippet = embedSnippet(window.location.href, panel, `${t('app.title')} · ${t(`panel.${panel}`)}`);
  const copy = () => {
    navigator.clipboard?.writeText(snippet).then(
      () => setCopied('ok'),
      () => setCopied('failed'),
    ) ?? setCopied('failed');
  };
  return (
    <section className="export-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('embed.title')}</h3>
      <p className="export-hint">{t('embed.hint')}</p>
      <label className="embed-choice">
        <span>{t('embed.panel')}</span>
        <select value={panel} onChange={(e) => (setPanel(e.target.value as EmbedPanel), setCopied(null))}>
          {EMBED_PANELS.map((p) => (
            <option key={p} value={p}>
              {t(`panel.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="embed-snippet">
        <span>{t('embed.snippet')}</span>
        <textarea readOnly rows={4} value={snippet} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" onClick={copy}>
        {t('embed.copy')}
      </button>
      <p className="export-hint" aria-live="polite">
        {copied === 'ok' ? t('embed.copied') : copied === 'failed' ? t('embed.copyFailed') : ''}
      </p>
    </section>
  );
}
