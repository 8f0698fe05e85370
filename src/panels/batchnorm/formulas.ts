// The formula of each step as MathML (browsers render <math> natively). Static strings with no user
// data in them, so setting them as markup is safe; JSX has no MathML element types.
const mi = (s: string) => `<mi>${s}</mi>`;
const sub = (a: string, b: string) => `<msub>${a}${b}</msub>`;
const MU_B = sub(mi('μ'), mi('B'));
const VAR_B = `<msubsup>${mi('σ')}${mi('B')}<mn>2</mn></msubsup>`;
const MU_R = sub(mi('μ'), '<mtext>run</mtext>');
const VAR_R = `<msubsup>${mi('σ')}<mtext>run</mtext><mn>2</mn></msubsup>`;
const XI = sub(mi('x'), mi('i'));
const XJ = sub(mi('x'), mi('j'));
const sum = (i: string, n: string) => `<munderover><mo>∑</mo><mrow>${mi(i)}<mo>=</mo><mn>1</mn></mrow>${mi(n)}</munderover>`;
const frac1 = (n: string) => `<mfrac><mn>1</mn>${mi(n)}</mfrac>`;
const sq = (inner: string) => `<msup><mrow><mo>(</mo>${inner}<mo>)</mo></mrow><mn>2</mn></msup>`;
const math = (...rows: string[]) => rows.map((r) => `<math display="block"><mrow>${r}</mrow></math>`).join('');
const normalize = (x: string, mu: string, v: string) =>
  `${sub('<mover><mi>x</mi><mo>^</mo></mover>', mi(x === XI ? 'i' : 'j'))}<mo>=</mo><mfrac><mrow>${x}<mo>−</mo>${mu}</mrow><msqrt>${v}<mo>+</mo>${mi('ε')}</msqrt></mfrac>`;

export type FormulaKey = 'stats' | 'statsRunning' | 'statsLn' | 'normalize' | 'normalizeRunning' | 'normalizeLn' | 'scale' | 'scaleLn';

export const FORMULAS: Record<FormulaKey, string> = {
  stats: math(`${MU_B}<mo>=</mo>${frac1('m')}${sum('i', 'm')}${XI}`, `${VAR_B}<mo>=</mo>${frac1('m')}${sum('i', 'm')}${sq(`${XI}<mo>−</mo>${MU_B}`)}`),
  statsRunning: math(
    `${MU_R}<mo>←</mo><mo>(</mo><mn>1</mn><mo>−</mo>${mi('α')}<mo>)</mo>${MU_R}<mo>+</mo>${mi('α')}${MU_B}`,
    `${VAR_R}<mo>←</mo><mo>(</mo><mn>1</mn><mo>−</mo>${mi('α')}<mo>)</mo>${VAR_R}<mo>+</mo>${mi('α')}<mfrac>${mi('m')}<mrow>${mi('m')}<mo>−</mo><mn>1</mn></mrow></mfrac>${VAR_B}`,
  ),
  statsLn: math(`${mi('μ')}<mo>=</mo>${frac1('H')}${sum('j', 'H')}${XJ}`, `<msup>${mi('σ')}<mn>2</mn></msup><mo>=</mo>${frac1('H')}${sum('j', 'H')}${sq(`${XJ}<mo>−</mo>${mi('μ')}`)}`),
  normalize: math(normalize(XI, MU_B, VAR_B)),
  normalizeRunning: math(normalize(XI, MU_R, VAR_R)),
  normalizeLn: math(normalize(XJ, mi('μ'), `<msup>${mi('σ')}<mn>2</mn></msup>`)),
  scale: math(`${sub(mi('y'), mi('i'))}<mo>=</mo>${mi('γ')}${sub('<mover><mi>x</mi><mo>^</mo></mover>', mi('i'))}<mo>+</mo>${mi('β')}`),
  scaleLn: math(`${sub(mi('y'), mi('j'))}<mo>=</mo>${sub(mi('γ'), mi('j'))}${sub('<mover><mi>x</mi><mo>^</mo></mover>', mi('j'))}<mo>+</mo>${sub(mi('β'), mi('j'))}`),
};
