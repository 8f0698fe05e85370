// What each normalization averages over, drawn: a batch × features grid with the slice BN normalizes
// together (one feature, over the batch) and the one LayerNorm does (one example, over its features),
// and for images BatchNorm2d's slice (one channel, over the batch and every position). Highlighted
// cells are filled and outlined, and each drawing has a caption and a text alternative, so colour is
// never the only signal. Generic: a lesson step about convolutions can show it too ({ figure: 'norm-axes' }).
import type { Lang } from '../../i18n/index.ts';

const TEXT = {
  en: {
    title: 'What each normalization averages over',
    batch: 'batch (examples)',
    features: 'features',
    bn: 'BatchNorm1d: one feature, over the batch',
    ln: 'LayerNorm: one example, over its features',
    bn2d: 'BatchNorm2d: one channel, over batch × height × width',
    example: 'example',
    channel: 'channels',
    bnAlt: 'A grid of 6 examples by 5 features; the whole third column (one feature across all examples) is highlighted.',
    lnAlt: 'The same grid; the whole fourth row (one example across all its features) is highlighted.',
    bn2dAlt: 'Three examples, each a stack of 3 channels of 3 × 3 positions; the second channel is highlighted in every example, at every position.',
  },
  ko: {
    title: '정규화마다 평균 내는 범위',
    batch: '배치(예제)',
    features: '특성',
    bn: 'BatchNorm1d: 특성 하나를 배치 전체에 걸쳐',
    ln: 'LayerNorm: 예제 하나를 그 특성 전체에 걸쳐',
    bn2d: 'BatchNorm2d: 채널 하나를 배치 × 높이 × 너비에 걸쳐',
    example: '예제',
    channel: '채널',
    bnAlt: '예제 6개 × 특성 5개 격자에서 세 번째 열 전체(모든 예제에 걸친 특성 하나)가 강조되어 있습니다.',
    lnAlt: '같은 격자에서 네 번째 행 전체(한 예제의 모든 특성)가 강조되어 있습니다.',
    bn2dAlt: '예제 3개가 각각 3 × 3 위치의 채널 3개로 쌓여 있고, 모든 예제의 모든 위치에서 두 번째 채널이 강조되어 있습니다.',
  },
} as const;

const ROWS = 6, COLS = 5, C = 16;

function Grid({ on, alt, caption, lang }: { on: (r: number, c: number) => boolean; alt: string; caption: string; lang: Lang }) {
  const t = TEXT[lang], left = 18, top = 16, w = left + COLS * C + 4, h = top + ROWS * C + 4;
  return (
    <figure className="norm-axes-fig">
      <svg viewBox={`0 0 ${w} ${h}`} width={w * 1.4} height={h * 1.4} role="img" aria-label={alt}>
        <text x={left} y={10} className="norm-axes-label">{t.features} →</text>
        <text x={10} y={top} className="norm-axes-label" transform={`rotate(90 10 ${top})`}>{t.batch} →</text>
        {Array.from({ length: ROWS }, (_, r) =>
          Array.from({ length: COLS }, (_, c) => (
            <rect key={`${r}-${c}`} x={left + c * C} y={top + r * C} width={C - 2} height={C - 2} className={on(r, c) ? 'norm-axes-on' : 'norm-axes-off'} />
          )),
        )}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

function Channels({ lang }: { lang: Lang }) {
  const t = TEXT[lang], cell = 7, plane = 3 * cell, shift = 7, gap = 18;
  const w = 3 * (plane + 2 * shift) + 2 * gap + 4, h = plane + 2 * shift + 24;
  return (
    <figure className="norm-axes-fig">
      <svg viewBox={`0 0 ${w} ${h}`} width={w * 1.4} height={h * 1.4} role="img" aria-label={t.bn2dAlt}>
        {[0, 1, 2].map((b) => {
          const x0 = 2 + b * (plane + 2 * shift + gap);
          return (
            <g key={b}>
              {[2, 1, 0].map((ch) => (
                <g key={ch} transform={`translate(${x0 + ch * shift} ${4 + (2 - ch) * shift})`}>
                  {Array.from({ length: 9 }, (_, k) => (
                    <rect key={k} x={(k % 3) * cell} y={Math.floor(k / 3) * cell} width={cell - 1} height={cell - 1} className={ch === 1 ? 'norm-axes-on' : 'norm-axes-off'} />
                  ))}
                </g>
              ))}
              <text x={x0} y={h - 4} className="norm-axes-label">{t.example} {b + 1}</text>
            </g>
          );
        })}
      </svg>
      <figcaption>{t.bn2d}</figcaption>
    </figure>
  );
}

export function NormAxes({ lang }: { lang: Lang }) {
  const t = TEXT[lang];
  return (
    <div className="norm-axes" role="group" aria-label={t.title}>
      <Grid lang={lang} on={(_, c) => c === 2} alt={t.bnAlt} caption={t.bn} />
      <Grid lang={lang} on={(r) => r === 3} alt={t.lnAlt} caption={t.ln} />
      <Channels lang={lang} />
    </div>
  );
}
