// @vitest-environment jsdom
// A saved chart reads on its own: a title above, the axis names and the panel's legend below, in the
// file itself (not only in its <title>), in the learner's language.
import { afterEach, expect, it } from 'vitest';
import { chartToSvg, wrapLines } from '../../src/export/image.ts';
import { captionFor, legendOf } from '../../src/panels/export/caption.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

function mountLoss(): Element {
  const host = document.createElement('div');
  host.innerHTML = `<section class="panel"><svg data-export="loss" viewBox="0 0 320 160" class="chart"><path d="M0 0L10 10"/></svg>
    <ul class="loss-legend"><li><span></span>Training loss (solid)</li><li>Test loss (dashed)</li></ul></section>`;
  document.body.appendChild(host);
  return host.querySelector('[data-export]')!;
}

it('writes title, axis names and the legend into the SVG, around the chart', () => {
  const root = mountLoss();
  const caption = captionFor('loss', 'Loss curves', root, 'en');
  expect(caption.lines[0]).toBe('x axis: training step · y axis: loss (train and test, evaluated in inference mode)');
  expect(legendOf('loss', root)).toEqual(['Training loss (solid)', 'Test loss (dashed)']);
  const doc = new DOMParser().parseFromString(chartToSvg(root, { title: 'Loss curves', caption }), 'image/svg+xml');
  const svg = doc.documentElement;
  const texts = [...svg.children].filter((c) => c.localName === 'text').map((t) => t.textContent);
  expect(texts[0]).toBe('Loss curves');
  expect(texts.join(' ')).toContain('x axis: training step');
  expect(texts.join(' ')).toContain('Test loss (dashed)');
  // The chart itself sits under the title band, and the picture grew by the caption.
  expect(svg.querySelector('g > svg path')!.getAttribute('d')).toBe('M0 0L10 10');
  expect(Number(svg.getAttribute('height'))).toBeGreaterThan(160 + 30);
});

it('speaks Korean for a Korean page', () => {
  const root = mountLoss();
  expect(captionFor('loss', '손실', root, 'ko').lines[0]).toBe('x축: 학습 스텝 · y축: 손실 (학습·테스트, 추론 모드에서 평가)');
});

it('wraps long lines at spaces', () => {
  const lines = wrapLines(['one two three four five six seven eight nine ten'], 80, 12);
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.join(' ')).toBe('one two three four five six seven eight nine ten');
});
