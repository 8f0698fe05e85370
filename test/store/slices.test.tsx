// @vitest-environment jsdom
// The lab store is one store of slices: a change in one slice re-renders only its own readers. The
// status fields change with every frame (several times a second at full speed); the readers of the
// page's switches, the inspection, the learner's data and a lesson's run must not render again then.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { useLab } from '../../src/store/lab.ts';
import { useInspection } from '../../src/store/inspection.ts';
import { useCustomData } from '../../src/store/custom-data.ts';
import { useLessonTraining, useTraining } from '../../src/store/lesson-run.ts';
import { usePalette } from '../../src/app/palette.ts';
import { useOpenTab } from '../../src/app/sidebar-tab.ts';
import { useShownPanels } from '../../src/app/presentation.ts';

const initialLab = useLab.getState();
afterEach(() => {
  cleanup();
  useLab.setState(initialLab, true);
});

const renders: Record<string, number> = {};
function probe(name: string, use: () => unknown) {
  return function Probe() {
    renders[name] = (renders[name] ?? 0) + 1;
    use();
    return null;
  };
}

const READERS = {
  palette: usePalette,
  tab: useOpenTab,
  shownPanels: useShownPanels,
  sidebar: () => useLab((s) => s.sidebarHidden),
  help: () => useLab((s) => s.helpOpen),
  update: () => useLab((s) => s.update.ready && !s.update.dismissed),
  spoken: () => useLab((s) => s.spoken),
  report: () => useInspection((s) => s.report),
  knockout: () => useInspection((s) => s.knockout),
  data: () => useCustomData((s) => s.loaded),
  lessonRun: useTraining,
  lessonTraining: useLessonTraining,
};

describe('lab store slices', () => {
  it('a hundred frames’ status updates re-render none of the other slices’ readers; their own change does', () => {
    for (const k of Object.keys(renders)) delete renders[k];
    const probes = Object.entries(READERS).map(([name, use]) => [name, probe(name, use)] as const);
    render(<>{probes.map(([name, P]) => <P key={name} />)}</>);
    const after = { ...renders };
    for (const name of Object.keys(READERS)) expect(after[name], name).toBe(1);
    act(() => {
      for (let i = 1; i <= 100; i++) useLab.setState({ step: i, epoch: i >> 4, stepsPerSecond: 1000 + i, batchLoss: 1 / i });
    });
    expect(renders).toEqual(after);
    // Each reader follows its own slice.
    act(() => useLab.setState({ sidebarHidden: true, palette: 'safe', received: 1, lessonRun: { total: 5, done: 0, owner: 'k', finished: false } }));
    expect(renders.sidebar).toBe(2);
    expect(renders.palette).toBe(2);
    expect(renders.lessonRun).toBe(2);
    expect(renders.lessonTraining).toBe(2);
    expect(renders.report).toBe(1);
    expect(renders.help).toBe(1);
  });
});
