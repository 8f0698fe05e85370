// @vitest-environment jsdom
// Chart roots as standalone SVG: the page's stylesheet rules become inline styles (the file carries
// no stylesheet), the document is namespaced, sized and titled; a container of parts is laid out as
// on the page, canvases embedded as bitmaps and captions as text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chartToSvg, svgSize } from '../../src/export/image.ts';

afterEach(() => {
  document.body.innerHTML = '';
  document.head.innerHTML = '';
  vi.restoreAllMocks();
});

function mount(html: string, css = ''): HTMLElement {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.appendChild(style);
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.appendChild(host);
  return host;
}

function parseSvg(text: string): Document {
  expect(text.startsWith('<?xml')).toBe(true);
  return new DOMParser().parseFromString(text, 'image/svg+xml');
}

function box(el: Element, x: number, y: number, w: number, h: number): void {
  vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({ x, y, left: x, top: y, width: w, height: h, right: x + w, bottom: y + h, toJSON: () => ({}) } as DOMRect);
}

describe('one SVG chart', () => {
  it('inlines the stylesheet’s look, keeps the drawing, and stands alone', () => {
    const host = mount(
      `<div class="panel"><svg data-export="loss" viewBox="0 0 320 160" class="chart" aria-hidden="true">
         <path class="line test" d="M0 0L10 10"/><text class="tick" x="3" y="9">0.5</text></svg></div>`,
      '.chart .line.test { stroke: rgb(217, 72, 15); stroke-dasharray: 6 3; fill: none } .tick { font-size: 11px; fill: rgb(91, 100, 112) } .panel { background-color: rgb(250, 250, 250) }',
    );
    const svgText = chartToSvg(host.querySelector('[data-export]')!, { title: 'Loss curves' });
    const doc = parseSvg(svgText);
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('width')).toBe('320');
    expect(root.getAttribute('height')).toBe('160');
    expect(root.getAttribute('aria-hidden')).toBeNull();
    expect(root.querySelector('title')!.textContent).toBe('Loss curves');
    const path = root.querySelector('path')!;
    expect(path.getAttribute('d')).toBe('M0 0L10 10');
    expect(path.getAttribute('style')).toMatch(/stroke:\s*rgb\(217, 72, 15\)/);
    expect(path.getAttribute('style')).toMatch(/stroke-dasharray:\s*6 3/);
    expect(root.querySelector('text')!.getAttribute('style')).toMatch(/font-size:\s*11px/);
    // The panel's background fills the picture, behind the drawing.
    const bg = root.querySelector('rect')!;
    expect(bg.getAttribute('fill')).toBe('rgb(250, 250, 250)');
    expect(bg.getAttribute('width')).toBe('320');
  });

  it('its size: the box on the page first, else the viewBox', () => {
    const host = mount('<svg viewBox="0 0 90 30"></svg>');
    const svg = host.querySelector('svg')!;
    expect(svgSize(svg)).toEqual({ width: 90, height: 30 });
    box(svg, 0, 0, 450, 150);
    expect(svgSize(svg)).toEqual({ width: 450, height: 150 });
  });
});

describe('a container of parts', () => {
  it('places each SVG, canvas and caption where it is on the page', () => {
    const host = mount(
      `<div class="act-grid" data-export="activations">
         <figure><figcaption>Hidden 1</figcaption><svg viewBox="0 0 100 50"><rect class="band" width="5" height="5"/></svg></figure>
         <canvas width="40" height="40"></canvas>
       </div>`,
      '.band { fill: rgb(1, 2, 3) }',
    );
    const root = host.querySelector('[data-export]')!;
    box(root, 100, 200, 300, 120);
    box(root.querySelector('figcaption')!, 110, 200, 80, 14);
    box(root.querySelector('svg')!, 110, 216, 200, 100);
    box(root.querySelector('canvas')!, 320, 210, 40, 40);
    vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue('data:image/png;base64,AAAA');
    const doc = parseSvg(chartToSvg(root, { title: 'Activations over time' }));
    const top = doc.documentElement;
    expect([top.getAttribute('width'), top.getAttribute('height')]).toEqual(['300', '120']);
    const inner = top.querySelector('svg')!;
    expect([inner.getAttribute('x'), inner.getAttribute('y'), inner.getAttribute('width'), inner.getAttribute('height')]).toEqual(['10', '16', '200', '100']);
    expect(inner.querySelector('rect')!.getAttribute('style')).toMatch(/fill:\s*rgb\(1, 2, 3\)/);
    const img = top.querySelector('image')!;
    expect([img.getAttribute('x'), img.getAttribute('y'), img.getAttribute('width')]).toEqual(['220', '10', '40']);
    expect(img.getAttribute('href')).toBe('data:image/png;base64,AAAA');
    const caption = [...top.querySelectorAll('text')].find((t) => t.textContent === 'Hidden 1');
    expect(caption?.getAttribute('x')).toBe('10');
  });
});
