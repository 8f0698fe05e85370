// Panel 6, the Inference lab: the same test inputs through training and inference mode, dropout's
// scaling done right and forgotten, Monte-Carlo dropout, and BatchNorm at inference with running
// statistics, batch statistics and a batch of one. The worker measures on request (`inspect`) on a
// copy of the network; this panel asks when it opens, after a change, every 2 s while training, and
// when the learner presses "Measure again". The CNN (arch=cnn) gets the same sections through the same
// worker measurement, with its conv blocks and channels (every class of one digit for MC, BatchNorm2d
// with one image at a time for BN).
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/useT.ts';
import { formatNumber } from '../../i18n/index.ts';
import { useInspection } from '../../store/inspection.ts';
import { useLab } from '../../store/lab.ts';
import { BnSection, LnSection } from './BnSection.tsx';
import { McSection } from './McSection.tsx';
import { ModesSection } from './ModesSection.tsx';
import { ScalingSection } from './ScalingSection.tsx';
import { measure, useAutoInspect } from './useAutoInspect.ts';
import { KnockoutSection } from './KnockoutSection.tsx';
import { McDigit } from './McDigit.tsx';
import { Bn2dSection } from './Bn2dSection.tsx';
import '../../charts/charts.css';
import './inference.css';

export function InferencePanel() {
  const t = useT();
  const lang = useLab((s) => s.lang);
  const ready = useLab((s) => s.ready);
  const net = useLab((s) => s.config.net);
  const conv = useLab((s) => (s.config.arch === 'cnn' ? s.config.conv : null));
  const teach = useLab((s) => s.teach);
  const playing = useLab((s) => s.playing);
  const k = useLab((s) => s.options.mcSamples);
  const patch = useLab((s) => s.patch);
  const setOptions = useLab((s) => s.setOptions);
  const report = useInspection((s) => s.report);
  const received = useInspection((s) => s.received);
  const [waitingFor, setWaitingFor] = useState<number | null>(null);
  useAutoInspect();

  // "Measuring…" lasts until the next report (or a few seconds, should the worker refuse).
  useEffect(() => {
    if (waitingFor === null) return;
    if (received > waitingFor) {
      setWaitingFor(null);
      return;
    }
    const id = setTimeout(() => setWaitingFor(null), 4000);
    return () => clearTimeout(id);
  }, [received, waitingFor]);

  const current = report && ready && report.runId === ready.runId ? report : null;
  const head = (
    <div className="inf-head">
      <h2 id="inf-title">{t('inf.title')}</h2>
      <button
        type="button"
        disabled={!ready}
        onClick={() => {
          setWaitingFor(received);
          measure(useLab.getState());
        }}
      >
        {t('inf.measure')}
      </button>
    </div>
  );
  if (!ready || !current) {
    return (
      <section className="panel inf-panel" aria-labelledby="inf-title">
        {head}
        <p className="empty">{t(ready ? 'inf.measuring' : 'inf.empty')}</p>
      </section>
    );
  }
  return (
    <section className="panel inf-panel" aria-labelledby="inf-title" aria-busy={waitingFor !== null}>
      {head}
      <p className="inf-note">{t('inf.intro')}</p>
      <p className="inf-measured" data-testid="inf-measured">
        {waitingFor !== null ? t('inf.measuring') : t('inf.measuredAt', { step: current.step, ms: formatNumber(lang, current.ms, 2) })}
        {playing ? <> {t('inf.auto')}</> : null}
      </p>
      <ModesSection report={current} t={t} lang={lang} teach={teach} />
      <ScalingSection
        report={current} t={t} lang={lang} net={net} teach={teach} patch={patch}
        turnOn={conv ? () => patch({ conv: { dropout: conv.dropout === 'none' ? 'channel' : conv.dropout }, net: net.dropoutP > 0 ? {} : { dropoutP: 0.3 } }) : undefined}
      />
      <KnockoutSection report={current} t={t} lang={lang} layers={conv ? conv.layers : net.hidden.length} channels={conv?.channels} />
      <McSection report={current} ready={ready} t={t} lang={lang} k={k} setK={(v) => setOptions({ mcSamples: v })}>
        {conv && current.mc ? <McDigit digit={current.mc.digit} k={current.mc.k} ready={ready} t={t} lang={lang} /> : null}
      </McSection>
      {conv ? (
        <Bn2dSection report={current} testSize={ready.data.testSize} t={t} lang={lang} />
      ) : (
        <>
          <BnSection report={current} testSize={ready.data.testSize} t={t} lang={lang} net={net} patch={patch} />
          <LnSection report={current} t={t} lang={lang} />
        </>
      )}
    </section>
  );
}
