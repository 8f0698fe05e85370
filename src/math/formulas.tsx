// The formulas the lessons typeset, written once in MathML. Words inside a formula (training,
// inference) come from the message tables, so a formula reads in the page's language.
import type { ReactNode } from 'react';
import { translate, type Lang } from '../i18n/index.ts';
import { Frac, Hat, MathBlock, Mi, Mn, Mo, Mtext, Paren, Row, Space, Sqrt, Sub, SubSup, Sum, Sup } from './mathml.tsx';

export type FormulaId =
  | 'gap'
  | 'dropout-mask'
  | 'dropout-inverted'
  | 'dropout-classic'
  | 'dropout-expectation'
  | 'dropout-forgot'
  | 'bn-mean'
  | 'bn-var'
  | 'bn-normalize'
  | 'bn-affine'
  | 'bn-running'
  | 'bn-inference'
  | 'keras-momentum'
  | 'ln-mean'
  | 'variance-shift';

export const FORMULA_IDS: readonly FormulaId[] = [
  'gap', 'dropout-mask', 'dropout-inverted', 'dropout-classic', 'dropout-expectation', 'dropout-forgot',
  'bn-mean', 'bn-var', 'bn-normalize', 'bn-affine', 'bn-running', 'bn-inference', 'keras-momentum', 'ln-mean', 'variance-shift',
];

const x = <Mi>x</Mi>;
const y = <Mi>y</Mi>;
const p = <Mi>p</Mi>;
const eps = <Mi>ε</Mi>;
const xi = <Sub base={x} sub={<Mi>i</Mi>} />;
const xj = <Sub base={x} sub={<Mi>j</Mi>} />;
const yj = <Sub base={y} sub={<Mi>j</Mi>} />;
const mj = <Sub base={<Mi>m</Mi>} sub={<Mi>j</Mi>} />;
const muB = <Sub base={<Mi>μ</Mi>} sub={<Mi>B</Mi>} />;
const varB = <SubSup base={<Mi>σ</Mi>} sub={<Mi>B</Mi>} sup={<Mn>2</Mn>} />;
const muRun = <Sub base={<Mi>μ</Mi>} sub={<Mi normal>run</Mi>} />;
const varRun = <SubSup base={<Mi>σ</Mi>} sub={<Mi normal>run</Mi>} sup={<Mn>2</Mn>} />;
const oneMinusP = (
  <Row>
    <Mn>1</Mn>
    <Mo>−</Mo>
    {p}
  </Row>
);
const sumI = <Sum from={<Row><Mi>i</Mi><Mo>=</Mo><Mn>1</Mn></Row>} to={<Mi>m</Mi>} />;
const E = (arg: ReactNode) => (
  <Row>
    <Mi normal>E</Mi>
    <Paren open="[" close="]">{arg}</Paren>
  </Row>
);

function Labelled({ word, children }: { word: string; children: ReactNode }) {
  return (
    <Row>
      <Mtext>{word}:</Mtext>
      <Space em={0.5} />
      {children}
    </Row>
  );
}

function build(id: FormulaId, lang: Lang): ReactNode {
  const w = (k: 'math.training' | 'math.inference' | 'math.keep' | 'math.gap' | 'math.trainLoss' | 'math.testLoss' | 'math.forgotten' | 'math.correct' | 'math.tooLarge') =>
    translate(lang, k);
  switch (id) {
    case 'gap':
      return (
        <Row>
          <Mtext>{w('math.gap')}</Mtext><Mo>=</Mo><Mtext>{w('math.testLoss')}</Mtext><Mo>−</Mo><Mtext>{w('math.trainLoss')}</Mtext>
        </Row>
      );
    case 'dropout-mask':
      return (
        <Row>
          {mj}<Mo>∼</Mo><Mi normal>Bernoulli</Mi><Paren>{oneMinusP}</Paren>
          <Space em={1.5} />
          <Mtext>{w('math.keep')}</Mtext><Mo>=</Mo>{oneMinusP}
        </Row>
      );
    case 'dropout-inverted':
      return (
        <Row>
          <Labelled word={w('math.training')}>
            {yj}<Mo>=</Mo><Frac num={<Row>{mj}<Mo>⁢</Mo>{xj}</Row>} den={oneMinusP} />
          </Labelled>
          <Space em={2} />
          <Labelled word={w('math.inference')}>
            {yj}<Mo>=</Mo>{xj}
          </Labelled>
        </Row>
      );
    case 'dropout-classic':
      return (
        <Row>
          <Labelled word={w('math.training')}>
            {yj}<Mo>=</Mo>{mj}<Mo>⁢</Mo>{xj}
          </Labelled>
          <Space em={2} />
          <Labelled word={w('math.inference')}>
            {yj}<Mo>=</Mo><Paren>{oneMinusP}</Paren><Mo>⁢</Mo>{xj}
          </Labelled>
        </Row>
      );
    case 'dropout-expectation':
      return (
        <Row>
          {E(yj)}<Mo>=</Mo><Paren>{oneMinusP}</Paren><Mo>·</Mo><Frac num={xj} den={oneMinusP} /><Mo>=</Mo>{xj}
        </Row>
      );
    case 'dropout-forgot':
      return (
        <Row>
          <Labelled word={w('math.forgotten')}>
            {yj}<Mo>=</Mo>{xj}
          </Labelled>
          <Space em={2} />
          <Labelled word={w('math.correct')}>
            {yj}<Mo>=</Mo><Paren>{oneMinusP}</Paren><Mo>⁢</Mo>{xj}
          </Labelled>
          <Space em={2} />
          <Labelled word={w('math.tooLarge')}>
            <Frac num={<Mn>1</Mn>} den={oneMinusP} />
          </Labelled>
        </Row>
      );
    case 'bn-mean':
      return (
        <Row>
          {muB}<Mo>=</Mo><Frac num={<Mn>1</Mn>} den={<Mi>m</Mi>} />{sumI}{xi}
        </Row>
      );
    case 'bn-var':
      return (
        <Row>
          {varB}<Mo>=</Mo><Frac num={<Mn>1</Mn>} den={<Mi>m</Mi>} />{sumI}
          <Sup base={<Paren>{xi}<Mo>−</Mo>{muB}</Paren>} sup={<Mn>2</Mn>} />
        </Row>
      );
    case 'bn-normalize':
      return (
        <Row>
          <Sub base={<Hat>{x}</Hat>} sub={<Mi>i</Mi>} /><Mo>=</Mo>
          <Frac num={<Row>{xi}<Mo>−</Mo>{muB}</Row>} den={<Sqrt>{varB}<Mo>+</Mo>{eps}</Sqrt>} />
        </Row>
      );
    case 'bn-affine':
      return (
        <Row>
          <Sub base={y} sub={<Mi>i</Mi>} /><Mo>=</Mo><Mi>γ</Mi><Mo>⁢</Mo><Sub base={<Hat>{x}</Hat>} sub={<Mi>i</Mi>} /><Mo>+</Mo><Mi>β</Mi>
        </Row>
      );
    case 'bn-running':
      return (
        <Row>
          {muRun}<Mo>←</Mo><Paren><Mn>1</Mn><Mo>−</Mo><Mi>α</Mi></Paren><Mo>⁢</Mo>{muRun}<Mo>+</Mo><Mi>α</Mi><Mo>⁢</Mo>{muB}
          <Space em={2} />
          {varRun}<Mo>←</Mo><Paren><Mn>1</Mn><Mo>−</Mo><Mi>α</Mi></Paren><Mo>⁢</Mo>{varRun}<Mo>+</Mo><Mi>α</Mi><Mo>⁢</Mo>
          <Frac num={<Mi>m</Mi>} den={<Row><Mi>m</Mi><Mo>−</Mo><Mn>1</Mn></Row>} /><Mo>⁢</Mo>{varB}
        </Row>
      );
    case 'bn-inference':
      return (
        <Row>
          {y}<Mo>=</Mo><Mi>γ</Mi><Mo>⁢</Mo>
          <Frac num={<Row>{x}<Mo>−</Mo>{muRun}</Row>} den={<Sqrt>{varRun}<Mo>+</Mo>{eps}</Sqrt>} />
          <Mo>+</Mo><Mi>β</Mi>
        </Row>
      );
    case 'keras-momentum':
      return (
        <Row>
          <Sub base={<Mi>α</Mi>} sub={<Mi normal>Keras</Mi>} /><Mo>=</Mo><Mn>1</Mn><Mo>−</Mo>
          <Sub base={<Mi>α</Mi>} sub={<Mi normal>PyTorch</Mi>} />
          <Space em={2} />
          <Mn>0.9</Mn><Mo>=</Mo><Mn>1</Mn><Mo>−</Mo><Mn>0.1</Mn>
        </Row>
      );
    case 'ln-mean':
      return (
        <Row>
          <Mi>μ</Mi><Mo>=</Mo><Frac num={<Mn>1</Mn>} den={<Mi>H</Mi>} />
          <Sum from={<Row><Mi>j</Mi><Mo>=</Mo><Mn>1</Mn></Row>} to={<Mi>H</Mi>} />{xj}
        </Row>
      );
    case 'variance-shift':
      return (
        <Row>
          <Labelled word={w('math.training')}>
            <Mi normal>Var</Mi><Mo>=</Mo><Frac num={E(<Sup base={x} sup={<Mn>2</Mn>} />)} den={oneMinusP} /><Mo>−</Mo>
            <Sup base={E(x)} sup={<Mn>2</Mn>} />
          </Labelled>
          <Space em={2} />
          <Labelled word={w('math.inference')}>
            <Mi normal>Var</Mi><Mo>=</Mo>{E(<Sup base={x} sup={<Mn>2</Mn>} />)}<Mo>−</Mo><Sup base={E(x)} sup={<Mn>2</Mn>} />
          </Labelled>
        </Row>
      );
  }
}

export function Formula({ id, lang }: { id: FormulaId; lang: Lang }) {
  return (
    // A formula wider than the lessons' column scrolls sideways and so becomes a Tab stop: it is a named group.
    <div className="formula" data-formula={id} role="group" aria-label={translate(lang, 'math.formula')}>
      <MathBlock>{build(id, lang)}</MathBlock>
    </div>
  );
}
