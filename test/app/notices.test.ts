import { afterEach, beforeEach, expect, it } from 'vitest';
import { useLab } from '../../src/store/lab.ts';
import { applyUrl } from '../../src/app/url-sync.ts';

// applyUrl sets the whole lab state (language, learning rate, p …): put it back after each test, so no
// other test in this worker inherits it.
const initial = useLab.getState();
beforeEach(() => useLab.setState({ notices: [] }));
afterEach(() => useLab.setState(initial, true));

it('names every URL parameter that was changed, in one notice for the link', () => {
  applyUrl('?lang=en&lr=99&p=1.5&h=0,999&foo=bar', ['en']);
  const notices = useLab.getState().notices;
  expect(notices).toHaveLength(1);
  const params = (notices[0].items ?? []).map((n) => n.vars?.param).sort();
  expect(params).toEqual(['foo', 'h', 'lr', 'p']);
});

it('a repeated message replaces itself instead of piling up', () => {
  const { notify } = useLab.getState();
  notify({ kind: 'error', key: 'error.bnBatchOne' });
  notify({ kind: 'error', key: 'error.bnBatchOne' });
  expect(useLab.getState().notices).toHaveLength(1);
});

it('a link with no settings opens the arrival network; any setting keeps the old defaults', async () => {
  const { ARRIVAL_CONFIG, DEFAULT_CONFIG } = await import('../../src/protocol/config.ts');
  applyUrl('?lang=en&present', ['en']);
  expect(useLab.getState().arrival).toBe(true);
  expect(useLab.getState().config).toEqual(ARRIVAL_CONFIG);
  expect(ARRIVAL_CONFIG.net.norm).toEqual(['batchnorm', 'batchnorm']);
  expect(ARRIVAL_CONFIG.net.dropoutHidden).toEqual([false, true]);
  applyUrl('', ['ko']);
  expect(useLab.getState().config).toEqual(ARRIVAL_CONFIG);
  // An old share link that set only the seed still means the plain defaults.
  applyUrl('?lang=en&seed=7', ['en']);
  expect(useLab.getState().arrival).toBe(false);
  expect(useLab.getState().config).toEqual({ ...DEFAULT_CONFIG, seed: 7 });
  applyUrl('?p=0.5', ['en']);
  expect(useLab.getState().config.net.norm).toEqual(['none', 'none']);
});
