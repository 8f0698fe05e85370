// @vitest-environment jsdom
// Issue 15's hostile inputs at unit level: links and files that used to freeze the page, pile up
// notices or reorder text, and numbers that ran out of their box.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useLab } from '../../src/store/lab.ts';
import { useLesson } from '../../src/store/lesson.ts';
import { applyUrl, syncUrlToHistory } from '../../src/app/url-sync.ts';
import { parseUrl } from '../../src/url/state.ts';
import { Notices, MAX_SHOWN } from '../../src/app/Notices.tsx';
import { formatNumber, formatValue, translate } from '../../src/i18n/index.ts';
import { MAX_SETTINGS_BYTES, nestsDeeperThan, settingsFromJson, settingsToJson, SETTINGS_FORMAT } from '../../src/export/config.ts';
import { DEFAULT_CONFIG, DEFAULT_TEACH } from '../../src/protocol/config.ts';
import { parseCsv } from '../../src/data/parse-csv.ts';

const initial = useLab.getState();
beforeEach(() => useLab.setState({ ...initial, notices: [] }, true));
afterEach(cleanup);

const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

it('300 unknown link parameters make one notice: five lines and a count', () => {
  const q = Array.from({ length: 300 }, (_, i) => `junk${i}=${i}`).join('&');
  applyUrl(`?lang=en&${q}`, ['en']);
  const notices = useLab.getState().notices;
  expect(notices).toHaveLength(1);
  expect(notices[0].items).toHaveLength(300);
  render(<Notices />);
  expect(screen.getAllByRole('listitem')).toHaveLength(6);
  expect(screen.getByRole('alert').textContent).toContain('… and 295 more.');
});

it('many notices: the newest few show with a count of the rest, and Dismiss all clears them', () => {
  for (let i = 0; i < 9; i++) useLab.getState().notify({ kind: 'error', key: 'error.generic', vars: { message: `m${i}` } });
  render(<Notices />);
  expect(screen.getAllByRole('button', { name: 'Dismiss' })).toHaveLength(MAX_SHOWN);
  expect(screen.getByRole('alert').textContent).toContain(`${9 - MAX_SHOWN} earlier messages not shown`);
  expect(screen.getByRole('alert').textContent).toContain('m8');
  fireEvent.click(screen.getByRole('button', { name: 'Dismiss all' }));
  expect(useLab.getState().notices).toEqual([]);
});

it('a duplicated parameter is reported as given twice, the first used; not as "not understood"', () => {
  const { state, notices } = parseUrl('?p=0.2&p=0.9');
  expect(state.config.net.dropoutP).toBe(0.2);
  expect(notices).toEqual([{ param: 'p', id: 'dropoutP', kind: 'duplicate', given: '0.9', used: '0.2' }]);
  applyUrl('?lang=en&p=0.2&p=0.9', ['en']);
  const n = useLab.getState().notices[0];
  const text = translate('en', n.key, n.vars);
  expect(text).toContain('twice');
  expect(text).toContain('the first is used');
  expect(text).not.toContain('not understood');
});

it('lesson=999 (well-formed, no such lesson) gets a notice', () => {
  useLesson.setState({ open: null });
  const r = applyUrl('?lang=en&lesson=999', ['en']);
  expect(r.corrected).toBe(true);
  expect(useLab.getState().notices.map((n) => n.vars?.param)).toEqual(['lesson']);
  expect(useLesson.getState().open).toBeNull();
});

it('after a corrected link the address bar holds the settings in force at once', () => {
  const calls: string[] = [];
  const win = {
    location: { pathname: '/lab/', search: '?lr=1e9&p=0.2&p=0.9&lang=en', hash: '' },
    history: { replaceState: (_: unknown, __: string, url: string) => calls.push(url) },
  } as unknown as Window;
  const { corrected } = applyUrl(win.location.search, ['en']);
  expect(corrected).toBe(true);
  const stop = syncUrlToHistory(win, 250, corrected);
  stop();
  expect(calls).toHaveLength(1);
  expect(calls[0]).not.toContain('1e9');
  expect(calls[0].match(/[?&]p=/g)).toHaveLength(1);
  expect(calls[0]).toContain('p=0.2');
  expect(calls[0]).toMatch(/lr=\d/);
});

it('bidirectional controls in a link value or a CSV never reach the text, and no isolates are added', () => {
  applyUrl('?lang=en&h=8\u202E,9&foo=a\u2067b\u202Ac', ['en']);
  for (const n of useLab.getState().notices) {
    for (const it of [n, ...(n.items ?? [])]) expect(translate('en', it.key, it.vars)).not.toMatch(BIDI);
  }
  expect(formatValue('en', 'x\u202Ey\u2066z')).toBe('xyz');
  const csv = parseCsv('x1,x\u202E2,label\n1,2,a\u202Eb\n2,3,c\n3,1,a\u202Eb\n0,0,c\n', 'f\u202E.csv');
  expect(JSON.stringify(csv)).not.toMatch(BIDI);
});

it('huge numbers print in scientific form in both languages; ordinary ones as before', () => {
  expect(formatNumber('en', 4.86e12)).toBe('4.86E12');
  expect(formatNumber('ko', 4.86e12)).toBe('4.86E12');
  expect(formatValue('en', 4_860_000_000_000.5)).toBe('4.86E12');
  expect(formatNumber('en', 12_200)).toBe('12,200');
  expect(formatValue('en', 123_456)).toBe('123,456'); // a step count keeps its digits
  expect(formatNumber('en', 0.6931)).toBe('0.693');
});

it('settings files: too deep or too large are refused before parsing, with a reason', () => {
  const deep = `{"format":"${SETTINGS_FORMAT}","config":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
  const r = settingsFromJson(deep);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error).toBe('tooDeep');
  const big = settingsFromJson(`{"format":"${SETTINGS_FORMAT}","x":"${'a'.repeat(MAX_SETTINGS_BYTES)}"}`);
  expect(big.ok ? 'ok' : big.error).toBe('tooLarge');
  // Brackets inside strings do not count; a real settings file passes.
  expect(nestsDeeperThan(`{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[\\"[[[["}`, 16)).toBe(false);
  expect(nestsDeeperThan('[[[[', 3)).toBe(true);
  expect(settingsFromJson(settingsToJson({ config: DEFAULT_CONFIG, teach: DEFAULT_TEACH, mode: 'training' })).ok).toBe(true);
});
