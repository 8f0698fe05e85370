// Settings to and from a JSON file. An import goes through the table's rules; whatever was not taken
// as written is listed, field by field, like a link's corrections.
import { useId, useState, type ChangeEvent } from 'react';
import { useT } from '../../i18n/useT.ts';
import { MAX_SETTINGS_BYTES, MAX_SETTINGS_DEPTH, settingsFromJson, settingsToJson, type SettingsNotice } from '../../export/config.ts';
import { downloadText, exportFileName } from '../../export/download.ts';
import { useCustomData } from '../../store/custom-data.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { HYPERPARAMS } from '../../protocol/hyperparams.ts';
import { useLab } from '../../store/lab.ts';
import { StatusLine, type Status } from './StatusLine.tsx';

type Outcome = { kind: 'imported'; file: string; notices: SettingsNotice[] } | { kind: 'refused'; text: string } | null;

export function SettingsSection() {
  const t = useT();
  const inputId = useId();
  const [saved, setSaved] = useState<Status>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const save = () => {
    const { config, teach, mode } = useLab.getState();
    const file = exportFileName('settings', 'json');
    downloadText(settingsToJson({ config, teach, mode }), file, 'application/json');
    setSaved({ kind: 'ok', text: t('export.saved', { file }) });
  };

  const load = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const f = input.files?.[0];
    if (!f) return;
    if (f.size > MAX_SETTINGS_BYTES) {
      // Refused unread: a 5 MB file of unknown keys froze the page for 14 s.
      input.value = '';
      setOutcome({ kind: 'refused', text: t('export.settings.tooLarge', { file: f.name, size: Math.ceil(f.size / 1024), max: MAX_SETTINGS_BYTES / 1024 }) });
      return;
    }
    let text: string;
    try {
      text = await f.text();
    } catch {
      setOutcome({ kind: 'refused', text: t('export.settings.readFailed', { file: f.name }) });
      return;
    } finally {
      input.value = ''; // the same file can be chosen again
    }
    const r = settingsFromJson(text, useCustomData.getState().loaded !== null);
    if (!r.ok) {
      const key = ({ notJson: 'export.settings.notJson', notSettings: 'export.settings.notSettings', newerVersion: 'export.settings.newerVersion', tooLarge: 'export.settings.tooLarge', tooDeep: 'export.settings.tooDeep' } as const)[r.error];
      setOutcome({ kind: 'refused', text: t(key, { file: f.name, detail: r.detail, size: r.detail, max: r.error === 'tooLarge' ? MAX_SETTINGS_BYTES / 1024 : MAX_SETTINGS_DEPTH }) });
      return;
    }
    useLab.getState().applySettings(r.settings);
    setOutcome({ kind: 'imported', file: f.name, notices: r.notices });
  };

  const fieldName = (path: string): string => {
    const e = HYPERPARAMS.find((x) => x.path === path);
    return e ? t(e.label as MessageKey) : path;
  };

  return (
    <section className="export-section" aria-labelledby="export-settings-title">
      <h3 id="export-settings-title">{t('export.settings.title')}</h3>
      <p className="export-hint">{t('export.settings.hint')}</p>
      <div className="export-buttons">
        <button type="button" onClick={save}>
          {t('export.settings.export')}
        </button>
        <label className="export-file" htmlFor={inputId}>
          <span>{t('export.settings.import')}</span>
          <input id={inputId} type="file" accept=".json,application/json" onChange={(e) => void load(e)} />
        </label>
      </div>
      <StatusLine status={saved} />
      {outcome?.kind === 'refused' ? (
        <p role="alert" className="export-error">
          {outcome.text}
        </p>
      ) : null}
      {outcome?.kind === 'imported' ? (
        <div role="status" className="export-result">
          <p>
            {outcome.notices.length === 0
              ? t('export.settings.imported', { file: outcome.file })
              : t('export.settings.importedWith', { file: outcome.file, n: outcome.notices.length })}
          </p>
          {outcome.notices.length > 0 ? <NoticeList notices={outcome.notices} fieldName={fieldName} /> : null}
        </div>
      ) : null}
    </section>
  );
}

/** Fields the lab does not know are listed up to this many, then counted. */
export const MAX_IGNORED_SHOWN = 10;

/** The settings' own corrections in full (at most one per setting); unknown fields capped with a count. */
function NoticeList({ notices, fieldName }: { notices: SettingsNotice[]; fieldName: (path: string) => string }) {
  const t = useT();
  const ignored = notices.filter((n) => n.kind === 'ignored');
  const shown = [...notices.filter((n) => n.kind !== 'ignored'), ...ignored.slice(0, MAX_IGNORED_SHOWN)];
  const more = ignored.length - Math.min(ignored.length, MAX_IGNORED_SHOWN);
  return (
    <ul className="export-notices">
      {shown.map((n) => (
        <li key={n.path}>{t(`export.notice.${n.kind}`, { path: fieldName(n.path), given: n.given, used: n.used })}</li>
      ))}
      {more > 0 ? <li>{t('export.notice.ignoredMore', { n: more })}</li> : null}
    </ul>
  );
}
