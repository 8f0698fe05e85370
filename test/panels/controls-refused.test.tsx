// @vitest-environment jsdom
// Asked vs in force on the page: after the worker refuses a value, the slider keeps what the learner
// asked for and a note (its accessible description) says what training goes on with, in each language.
import { afterEach, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { ParamSlider } from '../../src/panels/controls/fields.tsx';
import { useLab } from '../../src/store/lab.ts';
import { DEFAULT_CONFIG } from '../../src/protocol/config.ts';

const initial = useLab.getState();
afterEach(() => {
  cleanup();
  useLab.setState(initial, true);
});

function refuseP(asked: number): void {
  act(() => {
    const s = useLab.getState();
    useLab.setState({ config: { ...s.config, net: { ...s.config.net, dropoutP: asked } } });
    useLab.getState().refused({ config: DEFAULT_CONFIG, teach: s.teach });
  });
}

it('the slider shows what was asked; a note, its description, says what is in force', () => {
  render(<ParamSlider id="dropoutP" />);
  const slider = screen.getByRole('slider', { name: /^Dropout p/ });
  expect(slider.getAttribute('aria-valuetext')).toBe('0.30');
  expect(screen.queryByTestId('in-force-dropoutP')).toBeNull();
  refuseP(0.7);
  const s = screen.getByRole('slider', { name: /^Dropout p/ });
  expect(s.getAttribute('aria-valuetext')).toBe('0.70');
  const note = screen.getByTestId('in-force-dropoutP');
  expect(note.textContent).toBe('Refused: training goes on with 0.30');
  expect(s.getAttribute('aria-describedby')?.split(' ')).toContain(note.id);
  expect(useLab.getState().config.net.dropoutP).toBe(0.3);
});

it('in Korean too', () => {
  useLab.setState({ lang: 'ko' });
  render(<ParamSlider id="dropoutP" />);
  refuseP(0.7);
  expect(screen.getByTestId('in-force-dropoutP').textContent).toBe('거부됨: 학습은 0.30 값으로 계속됩니다');
});

it('moving the slider to a value in force clears the note', () => {
  render(<ParamSlider id="dropoutP" />);
  refuseP(0.7);
  act(() => useLab.getState().patch({ net: { dropoutP: 0.3 } }));
  expect(useLab.getState().asked).toBeNull();
  expect(screen.queryByTestId('in-force-dropoutP')).toBeNull();
  expect(screen.getByRole('slider', { name: /^Dropout p/ }).getAttribute('aria-valuetext')).toBe('0.30');
});
