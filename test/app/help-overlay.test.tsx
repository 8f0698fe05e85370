// @vitest-environment jsdom
// The shortcuts list: a modal dialog opened by ? or the header button, focus inside and kept there,
// Escape closes and gives focus back, every shortcut listed in English and in Korean.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { render } from '../fixtures/render.tsx';
import { Classroom, ClassroomTools } from '../../src/app/Classroom.tsx';
import { SHORTCUTS, keyLabel } from '../../src/app/shortcuts.ts';
import { messages, type Lang } from '../../src/i18n/index.ts';
import { useLab } from '../../src/store/lab.ts';

const initialLab = useLab.getState();

afterEach(() => {
  cleanup();
  useLab.setState(initialLab, true);
  useLab.setState({ helpOpen: false, sidebarHidden: false, allPanels: false });
});

const question = () => act(() => {
  fireEvent.keyDown(document.activeElement ?? document.body, { key: '?', code: 'Slash', shiftKey: true });
});

describe('HelpOverlay', () => {
  // The dialog's code loads when it is first opened: the first look waits for it (findByRole).
  it.each<Lang>(['en', 'ko'])('lists every shortcut with its key in %s', async (lang) => {
    useLab.setState({ lang });
    render(<Classroom />);
    question();
    const dialog = await screen.findByRole('dialog', { name: messages[lang]['keys.title'] });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('lang')).toBe(lang);
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(SHORTCUTS.length);
    SHORTCUTS.forEach((s, i) => {
      const cells = within(rows[i]).getAllByRole('cell');
      expect(cells[1].textContent).toBe(messages[lang][s.label]);
      for (const k of s.keys) expect(cells[0].textContent).toContain(keyLabel(k, messages[lang]['keys.space']));
    });
  });

  it('takes the focus, keeps it inside with Tab, and closes on Escape with focus back where it was', async () => {
    render(
      <div>
        <ClassroomTools />
        <Classroom />
      </div>,
    );
    const opener = screen.getByRole('button', { name: /Keyboard shortcuts/ });
    opener.focus();
    act(() => opener.click());
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    // Close and the shortcut switch are the focusable items: Tab wraps between them.
    const box = within(dialog).getByRole('checkbox', { name: 'Single-key shortcuts' });
    box.focus();
    fireEvent.keyDown(box, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(box);
    close.focus();
    // Other shortcuts are off while it is open.
    act(() => {
      fireEvent.keyDown(close, { key: 'p', code: 'KeyP' });
    });
    expect(useLab.getState().present).toBe(false);
    act(() => {
      fireEvent.keyDown(close, { key: 'Escape', code: 'Escape' });
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('closes with ? again, with its button, and by a click outside', async () => {
    render(<Classroom />);
    question();
    expect(await screen.findByRole('dialog')).toBeTruthy();
    question();
    expect(screen.queryByRole('dialog')).toBeNull();
    question();
    act(() => screen.getByRole('button', { name: 'Close' }).click());
    expect(screen.queryByRole('dialog')).toBeNull();
    question();
    const backdrop = (await screen.findByRole('dialog')).parentElement!;
    act(() => {
      fireEvent.mouseDown(backdrop);
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
