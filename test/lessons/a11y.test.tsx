// @vitest-environment jsdom
// Automated accessibility rules (axe-core) over the lessons and code panels in both languages: names
// for every control, labelled fields, valid ARIA, list and table structure. Colour contrast needs a
// real renderer and is left to the browser test.
import { cleanup, screen } from '@testing-library/react';
import { render } from '../fixtures/render.tsx';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LessonsPanel } from '../../src/panels/lessons/LessonsPanel.tsx';
import { CodePanel } from '../../src/panels/code/CodePanel.tsx';
import { useLab, type LabStore } from '../../src/store/lab.ts';
import { INITIAL_LESSON_STATE, useLesson } from '../../src/store/lesson.ts';
import type { Lang } from '../../src/i18n/index.ts';

const initialLab: LabStore = useLab.getState();

async function violations(container: HTMLElement): Promise<string[]> {
  const res = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

beforeEach(() => {
  localStorage.clear();
  useLesson.setState({ ...INITIAL_LESSON_STATE });
});
afterEach(() => {
  cleanup();
  useLab.setState(initialLab, true);
});

it('the checker itself catches an unnamed button and an unlabelled field', async () => {
  const bad = render(
    <div>
      <button type="button" />
      <input type="text" />
    </div>,
  );
  const found = (await violations(bad.container)).map((v) => v.split(':')[0]);
  expect(found).toEqual(expect.arrayContaining(['button-name', 'label']));
});

describe.each<Lang>(['en', 'ko'])('accessibility (%s)', (lang) => {
  beforeEach(() => useLab.setState({ lang }));

  it('lesson list, a step with a prediction and formulas, the comparison table, and the code panel pass axe', async () => {
    const list = render(<LessonsPanel />);
    await screen.findByRole('list');
    expect(await violations(list.container)).toEqual([]);
    list.unmount();

    for (const [id, step] of [['batchnorm', 0], ['compare', 2]] as const) {
      useLesson.getState().openLesson(id, step);
      useLesson.getState().reveal(id === 'batchnorm' ? 'batchnorm/three-steps' : 'compare/run-dropout');
      const view = render(<LessonsPanel />);
      await screen.findAllByRole('heading', { level: 4 });
      expect(await violations(view.container)).toEqual([]);
      view.unmount();
    }

    const code = render(<CodePanel />);
    expect(await violations(code.container)).toEqual([]);
  });
});
