// Settings to and from a JSON file. An import goes through the table's rules; whatever was not taken
// as written is listed, field by field, like a link's corrections.
import { useId, useState, type ChangeEvent } from 'react';
import { useT } from '../../i18n/useT.ts';
import { settingsFromJson, settingsToJson, type SettingsNotice } from '../../export/config.ts';
import { downloadText, exportFileName } from '../../export/download.ts';
import { useCustomData } from '../../data/store.ts';
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
      const key = ({ notJson: 'export.settings.notJson', notSettings: 'export.settings.notSettings', newerVersion: 'export.settings.newerVersion' } as const)[r.error];
      setOutcome({ kind: 'refused', text: t(key, { file: f.name, detail: r.detail }) });
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
          {outcome.notices.length > 0 ? (
            <ul className="export-notices">
              {outcome.notices.map((n) => (
                <li key={n.path}>{t(`export.notice.${n.kind}`, { path: fieldName(n.path), given: n.given, used: n.used })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
