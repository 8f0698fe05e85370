// @vitest-environment jsdom
// The lessons panel as a learner uses it, by role and name, in both languages. The lab store is the
// real one, connected to a port that records the commands it sends the worker: a test checks the lab's
// resulting settings (values written here, from what each step sets out to show) and the order of the
// commands, never the lessons' own setup table.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { render } from '../fixtures/render.tsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LessonsPanel } from '../../src/panels/lessons/LessonsPanel.tsx';
import { connectPort, useLab, type LabStore } from '../../src/store/lab.ts';
import type { Command } from '../../src/protocol/messages.ts';
import { INITIAL_LESSON_STATE, useLesson } from '../../src/store/lesson.ts';
import { LESSON_BASE } from '../../src/lessons/measure.ts';
import { stopTraining } from '../../src/panels/lessons/train.ts';
import { resetAnnouncer } from '../../src/app/announce.ts';
import en from '../../src/lessons/content/en.ts';
import ko from '../../src/lessons/content/ko.ts';

const MATHML = 'http://www.w3.org/1998/Math/MathML';
const initialLab: LabStore = useLab.getState();
/** Every command the lab store sent, in order. */
let sent: Command[] = [];
/** The commands' types since the last call, in order. */
const commands = (): string[] => sent.splice(0).map((c) => c.type);
const lab = () => useLab.getState();
/** The overfitting picture: few noisy spiral points, a large plain network. */
const OVERFITTING = { data: { name: 'spiral', noise: 0.3, trainSize: 150 }, net: { hidden: [64, 64], norm: ['none', 'none'], dropoutInput: false, dropoutHidden: [false, false] } };

/** The step's hint (plain text; its changes are said through the page's announcer). */
const hint = () => document.querySelector('.lesson-setup .hint, .lesson-run .hint')?.textContent;
const spoken = () => useLab.getState().spoken.text;

beforeEach(() => {
  localStorage.clear();
  useLesson.setState({ ...INITIAL_LESSON_STATE });
  useLab.setState({ ...initialLab, lang: 'en' }, true);
  // After the lab's state is replaced: a fresh announcer (the initial one may still hold a message).
  resetAnnouncer();
  sent = [];
  connectPort({ send: (cmd) => void sent.push(cmd) });
});
afterEach(() => {
  cleanup();
  connectPort(null);
  useLab.setState(initialLab, true);
});

async function openLesson(name: RegExp) {
  render(<LessonsPanel />);
  fireEvent.click(await screen.findByRole('button', { name }));
}

describe('lessons panel (English)', () => {
  it('lists the nine lessons', async () => {
    render(<LessonsPanel />);
    const list = await screen.findByRole('list', { name: 'Lessons' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(9);
    expect(within(list).getByRole('button', { name: /Lesson 4 .*Dropout vs batch normalization/ })).toBeTruthy();
  });

  it('“Set up this experiment” applies the step’s setup with one press', async () => {
    await openLesson(/Overfitting and regularization/);
    expect(screen.getByRole('heading', { name: en.steps['overfitting/small-data'].title })).toBeTruthy();
    commands();
    fireEvent.click(screen.getByRole('button', { name: 'Set up this experiment' }));
    // Paused first, the settings in one change, fresh weights last; the seed (already 1) and the mode
    // (already training) are left alone.
    expect(commands()).toEqual(['pause', 'set', 'reset']);
    expect(lab().config).toMatchObject({ ...OVERFITTING, seed: 1 });
    expect(lab().mode).toBe('training');
    expect(lab().playing).toBe(false);
    expect(hint()).toMatch(/set up and reset/);
    expect(spoken()).toMatch(/set up and reset/);
  });

  it('a setup also sets the seed and the view mode when they differ', async () => {
    useLab.setState({ config: { ...initialLab.config, seed: 42 } });
    await openLesson(/Three frequent questions/);
    commands();
    fireEvent.click(screen.getByRole('button', { name: 'Set up this experiment' }));
    expect(commands()).toEqual(['pause', 'set', 'newSeed', 'mode', 'reset']);
    // "Dropout acts only in training": a network with dropout, seen in inference mode.
    expect(lab().config.seed).toBe(1);
    expect(lab().mode).toBe('inference');
    expect(lab().config.net).toMatchObject({ dropoutHidden: [true, true], dropoutP: 0.5 });
  });

  it('Next moves to the next step; leaving and coming back shows the same step', async () => {
    await openLesson(/Overfitting and regularization/);
    expect(screen.getByText('Step 1 of 3')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Previous step' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /Next step/ }));
    const heading = screen.getByRole('heading', { name: en.steps['overfitting/more-data'].title });
    expect(screen.getByText('Step 2 of 3')).toBeTruthy();
    expect(document.activeElement).toBe(heading);
    fireEvent.click(screen.getByRole('button', { name: /All lessons/ }));
    expect(screen.getByText('Continue at step 2 of 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Overfitting and regularization/ }));
    expect(screen.getByRole('heading', { name: en.steps['overfitting/more-data'].title })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Previous step' }));
    expect(screen.getByText('Step 1 of 3')).toBeTruthy();
  });

  it('the last step of a lesson leads to the next lesson', async () => {
    await openLesson(/Overfitting and regularization/);
    fireEvent.click(screen.getByRole('button', { name: /Next step/ }));
    fireEvent.click(screen.getByRole('button', { name: /Next step/ }));
    fireEvent.click(screen.getByRole('button', { name: /Next lesson/ }));
    expect(screen.getByRole('heading', { name: en.lessons.dropout.title })).toBeTruthy();
    expect(screen.getByRole('heading', { name: en.steps['dropout/masks'].title })).toBeTruthy();
  });

  it('asks for a prediction first and reveals the lab’s answer when Play is pressed', async () => {
    await openLesson(/Overfitting and regularization/);
    const group = screen.getByRole('group', { name: /Predict first/ });
    const explain = en.steps['overfitting/small-data'].predict.explain;
    fireEvent.click(within(group).getByRole('radio', { name: /test loss falls, then turns up/ }));
    expect(useLesson.getState().predictions['overfitting/small-data']).toBe('test-turns-up');
    expect(screen.queryByText(explain)).toBeNull();
    act(() => useLab.setState({ playing: true }));
    expect(screen.getByRole('heading', { name: 'What the lab shows' })).toBeTruthy();
    expect(screen.getByText('Right.')).toBeTruthy();
    expect(screen.getByText(explain)).toBeTruthy();
  });

  it('reveals the answer on Step (or S) as on Play', async () => {
    await openLesson(/Overfitting and regularization/);
    expect(screen.queryByRole('heading', { name: 'What the lab shows' })).toBeNull();
    act(() => useLab.setState({ stepRequests: useLab.getState().stepRequests + 1 }));
    expect(screen.getByRole('heading', { name: 'What the lab shows' })).toBeTruthy();
    expect(screen.getByText('You did not predict this one.')).toBeTruthy();
  });

  it('embeds the controls a step needs and links what it says to look at', async () => {
    useLesson.getState().openLesson('dropout', 0);
    render(<LessonsPanel />);
    await screen.findByRole('heading', { name: en.steps['dropout/masks'].title });
    const tryHere = screen.getByRole('region', { name: 'Try it here' });
    expect(within(tryHere).getByRole('slider', { name: /^Dropout p/ })).toBeTruthy();
    const link = screen.getByRole('link', { name: /The network drawing/ });
    expect(link.getAttribute('data-target')).toBe('network');
    act(() => useLab.setState({ hide: ['dropoutP'] }));
    expect(screen.queryByRole('region', { name: 'Try it here' })).toBeNull();
  });

  it('“Train 500 steps” sets the step up if needed, reveals the answer and trains exact chunks; after a setup it keeps the learner’s changes', async () => {
    useLab.setState({ notices: [{ id: 1, kind: 'error', key: 'error.bnBatchOne' }] });
    useLesson.getState().openLesson('batchnorm', 2);
    render(<LessonsPanel />);
    const train = await screen.findByRole('button', { name: /Train 500 steps/ });
    commands();
    fireEvent.click(train);
    // Set up (weights 10× too small, SGD with momentum), then exact steps, never Play.
    const first = sent.find((c) => c.type === 'step');
    expect(commands()).toEqual(['pause', 'set', 'reset', 'step']);
    expect(first).toMatchObject({ type: 'step' });
    const n = (first as Extract<Command, { type: 'step' }>).n;
    expect(n > 0 && n <= 500 && 500 % n === 0).toBe(true);
    expect(lab().config.net).toMatchObject({ initScale: 0.1, norm: ['none', 'none'] });
    expect(lab().config.train).toMatchObject({ optimizer: 'sgd', lr: 0.05, momentum: 0.9 });
    expect(lab().playing).toBe(false);
    expect(useLab.getState().notices).toEqual([]); // a message about the old settings is gone
    expect(screen.getByRole('heading', { name: 'What the lab shows' })).toBeTruthy();
    expect(hint()).toBe('Training 500 steps…');
    expect(spoken()).toBe('Training 500 steps…');
    expect(screen.getByRole('progressbar', { name: 'Training progress' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(screen.queryByRole('progressbar')).toBeNull();

    // The learner changes a setting after the setup: training again keeps it, and starts afresh.
    act(() => lab().patch({ train: { lr: 0.01 } }));
    commands();
    fireEvent.click(screen.getByRole('button', { name: /Train 500 steps/ }));
    expect(commands()).toEqual(['pause', 'reset', 'step']);
    expect(lab().config.train.lr).toBe(0.01);
    stopTraining();
  });

  it('says when a run has finished, and forgets it when the step is set up again', async () => {
    useLab.setState({ lessonRun: { total: 500, done: 500, owner: 'batchnorm/bad-init', finished: true } });
    useLesson.getState().openLesson('batchnorm', 2);
    render(<LessonsPanel />);
    await screen.findByRole('button', { name: 'Set up this experiment' });
    expect(hint()).toBe('Trained 500 steps from step 0.');
    expect(spoken()).toBe(''); // opening a step says nothing; its heading takes the focus
    fireEvent.click(screen.getByRole('button', { name: 'Set up this experiment' }));
    expect(hint()).toBe('The lab is set up and reset. Predict first, then press “Train 500 steps”.');
    expect(spoken()).toBe('The lab is set up and reset. Predict first, then press “Train 500 steps”.');
  });

  it('“Show me” reveals the answer without a prediction, and a wrong one is marked', async () => {
    await openLesson(/Overfitting and regularization/);
    fireEvent.click(screen.getByRole('button', { name: /Next step/ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Larger' }));
    fireEvent.click(screen.getByRole('button', { name: 'Show me' }));
    expect(screen.getByText('Not quite.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Next step/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Show me' }));
    expect(screen.getByText('You did not predict this one.')).toBeTruthy();
  });

  it('typesets formulas as MathML in the page', async () => {
    await openLesson(/^Lesson 3 /);
    const math = document.querySelectorAll('math');
    expect(math.length).toBe(4); // μ_B, σ²_B, x̂, y
    for (const m of math) expect(m.namespaceURI).toBe(MATHML);
    const normalize = document.querySelector('[data-formula="bn-normalize"] math')!;
    expect(normalize.querySelector('mfrac msqrt')).not.toBeNull();
    expect(normalize.textContent).toContain('ε');
  });
});

describe('comparison table', () => {
  it('shows “—” and a “Run it” button for each variant without a run; Run it sets the variant up and trains exact steps', async () => {
    await openLesson(/Dropout vs batch normalization/);
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    commands();
    fireEvent.click(within(table).getByRole('button', { name: 'Set up and train 3,000 steps: Dropout' }));
    // The overfitting picture with dropout after both hidden layers; fresh weights, then exact steps
    // (not Play: at full speed the losses are evaluated only every few hundred steps).
    const step = sent.find((c) => c.type === 'step') as Extract<Command, { type: 'step' }>;
    expect(commands()).toEqual(['pause', 'set', 'reset', 'step']);
    expect(3000 % step.n).toBe(0);
    expect(lab().config).toMatchObject({ data: OVERFITTING.data, net: { ...OVERFITTING.net, dropoutHidden: [true, true], dropoutP: 0.5 }, seed: 1 });
    expect(within(table).getAllByRole('button', { name: /^Set up and train 3,000 steps:/ })).toHaveLength(4);
    stopTraining();
  });

  it('fills rows from measured runs and recomputes steps when the target changes', async () => {
    useLesson.setState({
      runs: {
        bn: {
          kind: 'bn', dataset: 'spiral', seed: 1, base: LESSON_BASE, inferBn: 0.8,
          points: [
            { step: 0, train: 0.69, test: 0.7 },
            { step: 1230, train: 0.45, test: 0.5 },
            { step: 2470, train: 0.2, test: 0.45 },
          ],
        },
      },
    });
    await openLesson(/Dropout vs batch normalization/);
    const row = screen.getByRole('row', { name: /Batch norm/ });
    const cells = within(row).getAllByRole('cell');
    expect(cells[0].textContent).toBe('2,470');
    expect(cells[1].textContent).toBe('0.25test 0.45train 0.2');
    expect(cells[2].textContent).toMatch(/BN: yes/);
    expect(within(row).getByRole('button', { name: 'Set up and train 3,000 steps again: Batch norm' })).toBeTruthy();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Target training loss' }), { target: { value: '0.5' } });
    expect(within(screen.getByRole('row', { name: /Batch norm/ })).getAllByRole('cell')[0].textContent).toBe('1,230');
    expect(screen.getByRole('columnheader', { name: 'Steps to train loss ≤ 0.5' })).toBeTruthy();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Target training loss' }), { target: { value: '0.1' } });
    expect(within(screen.getByRole('row', { name: /Batch norm/ })).getAllByRole('cell')[0].textContent).toMatch(/not yet \(2,470 steps\)/);
  });
});

describe('lessons panel (Korean)', () => {
  beforeEach(() => useLab.setState({ lang: 'ko' }));

  it('shows the lessons, the controls and the steps in Korean', async () => {
    render(<LessonsPanel />);
    expect(await screen.findByRole('list', { name: '레슨 목록' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /과적합과 정규화/ }));
    expect(screen.getByRole('heading', { name: ko.steps['overfitting/small-data'].title })).toBeTruthy();
    expect(screen.getByText('3단계 중 1단계')).toBeTruthy();
    commands();
    fireEvent.click(screen.getByRole('button', { name: '이 실험 준비하기' }));
    expect(commands()).toEqual(['pause', 'set', 'reset']);
    expect(lab().config).toMatchObject(OVERFITTING);
    expect(screen.getByRole('group', { name: /먼저 예측해 보기/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '결과 보기' }));
    expect(screen.getByRole('heading', { name: '실험실이 보여 주는 것' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /다음 단계/ }));
    expect(screen.getByRole('heading', { name: ko.steps['overfitting/more-data'].title })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: '레슨 단계 이동' })).toBeTruthy();
  });

  it('switching language keeps the place', async () => {
    useLab.setState({ lang: 'en' });
    useLesson.getState().openLesson('batchnorm', 8);
    render(<LessonsPanel />);
    expect(await screen.findByRole('heading', { name: en.steps['batchnorm/inference'].title })).toBeTruthy();
    act(() => useLab.setState({ lang: 'ko' }));
    expect(await screen.findByRole('heading', { name: ko.steps['batchnorm/inference'].title })).toBeTruthy();
    expect(screen.getByText('11단계 중 9단계')).toBeTruthy();
  });

  it('formats the table’s numbers for the Korean locale and names its buttons in Korean', async () => {
    useLesson.setState({ runs: { none: { kind: 'none', dataset: 'spiral', seed: 1, base: LESSON_BASE, points: [{ step: 0, train: 0.7, test: 0.7 }, { step: 12340, train: 0.01, test: 0.79 }] } } });
    await openLesson(/드롭아웃과 배치 정규화 비교/);
    const row = screen.getByRole('row', { name: /둘 다 없음/ });
    expect(within(row).getAllByRole('cell')[0].textContent).toBe('12,340');
    expect(within(row).getAllByRole('cell')[2].textContent).toBe('작동할 층 없음');
    expect(screen.getByRole('button', { name: '준비하고 3,000 스텝 학습하기: 드롭아웃' })).toBeTruthy();
  });
});
