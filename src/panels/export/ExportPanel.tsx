// Export and import: any chart on the page as PNG or SVG, the metrics history as CSV or JSON, the
// settings as a JSON file (and back), and the learner's own data from a CSV file. Files are made in
// the page and saved through a download link; nothing leaves the machine.
import { useCallback, useEffect, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { chartToPng, chartToSvg } from '../../export/image.ts';
import { historyToCsv, historyToJson } from '../../export/csv.ts';
import { downloadBlob, downloadText, exportFileName } from '../../export/download.ts';
import { getFrame } from '../../store/frame.ts';
import { useLab } from '../../store/lab.ts';
import { chartLabelKey, chartRoot, chartsOnPage, type ChartId } from './charts.ts';
import { OwnDataSection } from './OwnDataSection.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { EmbedSection } from './EmbedSection.tsx';
import { ClassLinkSection } from './ClassLinkSection.tsx';
import { captionFor } from './caption.ts';
import { StatusLine, type Status } from './StatusLine.tsx';
import './export.css';

const RESCAN_MS = 1500;

function ChartsSection() {
  const t = useT();
  const ready = useLab((s) => s.ready);
  const [charts, setCharts] = useState<ChartId[]>([]);
  const [status, setStatus] = useState<Status>(null);
  const scan = useCallback(() => {
    const now = chartsOnPage();
    setCharts((prev) => (prev.join() === now.join() ? prev : now));
  }, []);
  // Panels mount after the first ready, change with the data set and with presentation mode, and some
  // draw only once on screen: look again then, and every little while (a query of a few attributes).
  useEffect(scan, [scan, ready]);
  useEffect(() => {
    const id = setInterval(scan, RESCAN_MS);
    return () => clearInterval(id);
  }, [scan]);

  const save = async (id: ChartId, format: 'png' | 'svg') => {
    const chart = t(chartLabelKey(id));
    const root = chartRoot(id);
    if (!root) {
      setStatus({ kind: 'error', text: t('export.charts.missing', { chart }) });
      scan();
      return;
    }
    const file = exportFileName(id, format);
    // The picture carries its title, axis names and legend, so it reads on its own.
    const caption = captionFor(id, chart, root, useLab.getState().lang);
    try {
      if (format === 'svg') downloadText(chartToSvg(root, { title: chart, caption }), file, 'image/svg+xml');
      else downloadBlob(await chartToPng(root, { title: chart, caption }), file);
      setStatus({ kind: 'ok', text: t('export.saved', { file }) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('export.charts.failed', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  return (
    <section className="export-section" aria-labelledby="export-charts-title" onFocus={scan} onPointerEnter={scan}>
      <h3 id="export-charts-title">{t('export.charts.title')}</h3>
      <p className="export-hint">{t('export.charts.hint')}</p>
      {charts.length === 0 ? (
        <p className="empty">{t('export.charts.none')}</p>
      ) : (
        <ul className="export-charts">
          {charts.map((id) => {
            const chart = t(chartLabelKey(id));
            return (
              <li key={id}>
                <span className="export-chart-name">{chart}</span>
                {(['png', 'svg'] as const).map((f) => (
                  <button key={f} type="button" aria-label={t('export.charts.download', { chart, format: f.toUpperCase() })} onClick={() => void save(id, f)}>
                    {f.toUpperCase()}
                  </button>
                ))}
              </li>
            );
          })}
        </ul>
      )}
      <StatusLine status={status} />
    </section>
  );
}

function HistorySection() {
  const t = useT();
  const evaluated = useLab((s) => s.metrics !== null);
  const [status, setStatus] = useState<Status>(null);
  const save = (format: 'csv' | 'json') => {
    const frame = getFrame();
    if (!frame || frame.history.step.length === 0) {
      setStatus({ kind: 'error', text: t('export.history.none') });
      return;
    }
    const file = exportFileName('history', format);
    const { config } = useLab.getState();
    if (format === 'csv') downloadText(historyToCsv(frame.history), file, 'text/csv');
    else downloadText(historyToJson(frame.history, { runId: frame.runId, config, exportedAt: new Date().toISOString() }), file, 'application/json');
    setStatus({ kind: 'ok', text: t('export.saved', { file }) });
  };
  return (
    <section className="export-section" aria-labelledby="export-history-title">
      <h3 id="export-history-title">{t('export.history.title')}</h3>
      <p className="export-hint">{evaluated ? t('export.history.hint') : t('export.history.none')}</p>
      <div className="export-buttons">
        <button type="button" aria-label={t('export.history.csv')} onClick={() => save('csv')}>
          CSV
        </button>
        <button type="button" aria-label={t('export.history.json')} onClick={() => save('json')}>
          JSON
        </button>
      </div>
      <StatusLine status={status} />
    </section>
  );
}

export function ExportPanel() {
  const t = useT();
  return (
    <section className="panel export-panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <ChartsSection />
      <HistorySection />
      <SettingsSection />
      <ClassLinkSection />
      <OwnDataSection />
      <EmbedSection />
    </section>
  );
}
