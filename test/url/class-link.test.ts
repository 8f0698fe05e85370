// The teacher's class link: page keys only (so the step's set-up applies), read back by the share-link
// parser as written; with "carry settings", the lab's settings too (so they are kept instead).
import { expect, test } from 'vitest';
import { classLink } from '../../src/url/class-link.ts';
import { hasLabSettings, parseUrl } from '../../src/url/state.ts';
import { DEFAULT_CONFIG, DEFAULT_TEACH } from '../../src/protocol/config.ts';

test('a class link carries the step, the hidden controls and presentation mode, and nothing the lab trains with', () => {
  const url = classLink('https://school.example/lab/', { lang: 'ko', lesson: { id: 'batchnorm', step: 1 }, hide: ['seed', 'dropoutP'], present: true, settings: null });
  expect(url.startsWith('https://school.example/lab/?')).toBe(true);
  expect(hasLabSettings(url)).toBe(false);
  const { state, notices } = parseUrl(url);
  expect(notices).toEqual([]);
  expect(state.lesson).toEqual({ id: 'batchnorm', step: 1 });
  expect([...state.hide].sort()).toEqual(['dropoutP', 'seed']);
  expect(state.present).toBe(true);
  expect(state.lang).toBe('ko');
});

test('with the lab’s settings, the link carries them (and so keeps them over the step’s set-up)', () => {
  const config = { ...DEFAULT_CONFIG, net: { ...DEFAULT_CONFIG.net, dropoutP: 0.2 }, seed: 9 };
  const url = classLink('/', { lang: 'en', lesson: { id: 'dropout', step: 0 }, hide: [], present: false, settings: { config, mode: 'inference', teach: DEFAULT_TEACH } });
  expect(hasLabSettings(url)).toBe(true);
  const { state } = parseUrl(url);
  expect(state.config.net.dropoutP).toBe(0.2);
  expect(state.config.seed).toBe(9);
  expect(state.mode).toBe('inference');
  expect(state.present).toBe(false);
});
