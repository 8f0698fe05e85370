// @vitest-environment jsdom
// Presentation mode: the panels a lesson step is about, the bar with its visible Exit button, and the
// page showing only those panels (the real App, fed no frames).
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { render } from '../fixtures/render.tsx';
import { DEFAULT_PANELS, PANEL_IDS, panelsForStep, shownPanels } from '../../src/app/presentation.ts';
import { ClassroomTools, PresentationBar } from '../../src/app/Classroom.tsx';
import { App } from '../../src/app/App.tsx';
import { LESSON_IDS, STEPS, stepKey, type StepKey } from '../../src/lessons/structure.ts';
import { useLab } from '../../src/store/lab.ts';
import { useLesson } from '../../src/store/lesson.ts';

const initialLab = useLab.getState();

afterEach(() => {
  cleanup();
  useLab.setState(initialLab, true);
  useLab.setState({ helpOpen: false, sidebarHidden: false, allPanels: false });
  useLesson.getState().close();
});

const ALL_STEPS: StepKey[] = LESSON_IDS.flatMap((id) => STEPS[id].map((_, i) => stepKey(id, i)));

describe('panels per lesson step', () => {
  it('names one to three known panels, without repeats, for every step of every lesson', () => {
    for (const key of ALL_STEPS) {
      const p = panelsForStep(key);
      expect(p.length, key).toBeGreaterThan(0);
      expect(p.length, key).toBeLessThanOrEqual(3);
      expect(new Set(p).size, key).toBe(p.length);
      for (const id of p) expect(PANEL_IDS, key).toContain(id);
    }
  });

  it('shows the batch-normalization panel in the BN lessons and the activations for covariate shift', () => {
    expect(panelsForStep('batchnorm/three-steps')).toContain('batchnorm');
    expect(panelsForStep('batchnorm/covariate-shift')).toContain('activations');
    expect(panelsForStep('dropout/masks')).toContain('network');
    expect(panelsForStep(null)).toEqual(DEFAULT_PANELS);
  });

  it('shows every panel outside presentation mode or with All panels', () => {
    expect([...shownPanels(false, false, 'dropout/mc')]).toEqual(PANEL_IDS);
    expect([...shownPanels(true, true, 'dropout/mc')]).toEqual(PANEL_IDS);
    expect([...shownPanels(true, false, 'dropout/mc')]).toEqual(panelsForStep('dropout/mc'));
  });
});

const panelTitles = () => screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);

describe('presentation on the page', () => {
  it('keeps only the open step’s panels, and brings all back with All panels or Exit', async () => {
    useLesson.getState().openLesson('batchnorm', STEPS.batchnorm.indexOf('covariate-shift'));
    render(<App />);
    // Panels below the first screen are lazy chunks: wait until every one has loaded.
    await waitFor(() => expect(document.querySelectorAll('.panel-loading')).toHaveLength(0));
    const before = panelTitles();
    expect(before).toEqual(expect.arrayContaining(['Network', 'Batch normalization']));
    act(() => screen.getByRole('button', { name: 'Presentation mode' }).click());
    expect(document.querySelector('.app')!.classList.contains('present')).toBe(true);
    const during = panelTitles();
    expect(during).not.toContain('Network');
    expect(during).not.toContain('Batch normalization');
    expect(during.length).toBeLessThan(before.length);
    expect(screen.getByText(/Showing: Loss and accuracy, Activations over time/)).toBeTruthy();

    act(() => screen.getByRole('button', { name: 'All panels' }).click());
    expect(panelTitles()).toEqual(before);
    act(() => screen.getByRole('button', { name: 'All panels' }).click());

    act(() => screen.getByRole('button', { name: 'Side column', pressed: true }).click());
    expect(document.querySelector('.app')!.classList.contains('sidebar-hidden')).toBe(true);

    act(() => screen.getByRole('button', { name: 'Exit presentation' }).click());
    expect(useLab.getState().present).toBe(false);
    expect(document.querySelector('.app')!.classList.contains('sidebar-hidden')).toBe(false);
    expect(panelTitles()).toEqual(before);
  });

  it('has a pressed state on the header toggle and no bar outside presentation', () => {
    render(
      <div>
        <ClassroomTools />
        <PresentationBar />
      </div>,
    );
    expect(screen.getByRole('button', { name: 'Presentation mode', pressed: false })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Exit presentation' })).toBeNull();
    act(() => useLab.setState({ present: true, lang: 'ko' }));
    expect(screen.getByRole('button', { name: '발표 모드', pressed: true })).toBeTruthy();
    expect(screen.getByRole('region', { name: '발표' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '발표 모드 끝내기' })).toBeTruthy();
  });
});
