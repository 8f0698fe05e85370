// A teacher's link to a lesson step: lesson and step alone apply the step's setup; a link that also
// carries lab settings keeps them. hide=seed takes the N shortcut away with the seed field.
import { beforeEach, describe, expect, it } from 'vitest';
import { applyUrl, namesLesson } from '../../src/app/url-sync.ts';
import { useLab } from '../../src/store/lab.ts';
import { INITIAL_LESSON_STATE, useLesson } from '../../src/store/lesson.ts';
import { hasLabSettings } from '../../src/url/state.ts';
import { DROPOUT_MASKS } from '../../src/lessons/setups.ts';
import { setupOf } from '../../src/lessons/structure.ts';
import { DEFAULT_CONFIG } from '../../src/protocol/config.ts';
import { shortcutHidden } from '../../src/app/shortcuts.ts';
import { runShortcut } from '../../src/app/Classroom.tsx';

const initialLab = useLab.getState();
beforeEach(() => {
  useLab.setState(initialLab, true);
  useLesson.setState({ ...INITIAL_LESSON_STATE });
});

describe('lesson links', () => {
  it('tell page keys from lab settings', () => {
    expect(hasLabSettings('?lang=ko&present&hide=seed,lr&lesson=dropout&step=2')).toBe(false);
    expect(hasLabSettings('?lesson=dropout&step=0&p=0.2')).toBe(true);
    expect(hasLabSettings('?mode=inference')).toBe(true);
    expect(hasLabSettings('')).toBe(false);
  });

  it('apply the step’s setup when the link carries only the lesson and step', () => {
    applyUrl('?lang=en&lesson=dropout&step=0', ['en'], setupOf);
    expect(useLesson.getState().open).toEqual({ id: 'dropout', step: 0 });
    expect(useLesson.getState().setupFor).toBe('dropout/masks');
    expect(useLab.getState().config.net).toEqual(DROPOUT_MASKS.patch.net);
    expect(useLab.getState().config.net.dropoutP).toBe(0.5);
  });

  it('keep the link’s own settings when it carries some', () => {
    applyUrl('?lang=en&lesson=dropout&step=0&p=0.2', ['en'], setupOf);
    expect(useLesson.getState().open).toEqual({ id: 'dropout', step: 0 });
    expect(useLesson.getState().setupFor).toBeNull();
    expect(useLab.getState().config.net.dropoutP).toBe(0.2);
    expect(useLab.getState().config.net.dropoutHidden).toEqual(DEFAULT_CONFIG.net.dropoutHidden);
  });

  it('the page loads the set-ups only for a link that names a lesson', () => {
    expect(namesLesson('?lang=en&lesson=dropout&step=0')).toBe(true);
    expect(namesLesson('?lang=en&p=0.2')).toBe(false);
    expect(namesLesson('')).toBe(false);
  });

  it('a step with no setup leaves the lab as it is', () => {
    applyUrl('?lesson=compare&step=0', ['en'], setupOf);
    expect(useLesson.getState().open).toEqual({ id: 'compare', step: 0 });
    expect(useLab.getState().config).toEqual(DEFAULT_CONFIG);
  });
});

describe('hide=seed', () => {
  it('takes the N shortcut away', () => {
    expect(shortcutHidden('seed', ['seed'])).toBe(true);
    expect(shortcutHidden('seed', ['lr'])).toBe(false);
    expect(shortcutHidden('step', ['seed'])).toBe(false);
    useLab.setState({ hide: ['seed'], config: { ...DEFAULT_CONFIG, seed: 7 } });
    runShortcut('seed');
    expect(useLab.getState().config.seed).toBe(7);
    useLab.setState({ hide: [] });
    runShortcut('seed');
    expect(useLab.getState().config.seed).not.toBe(7);
  });
});
