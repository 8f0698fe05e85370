// Charts as image files. A chart root (marked data-export by its panel) is an <svg>, a <canvas>, or a
// container of several (stacked canvases, a grid of small SVG charts with captions). SVG output inlines
// each element's computed style, since the page's stylesheets do not travel with the file; canvases
// inside an SVG become embedded bitmaps. PNG output draws every part onto one offscreen canvas at its
// place on the page (a lone canvas is saved as it is).

/** Presentation properties that decide how SVG content looks; copied from computed style. */
const STYLE_PROPS = [
  'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray',
  'stroke-dashoffset', 'stroke-linecap', 'stroke-linejoin', 'opacity', 'color', 'font-family', 'font-size',
  'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'letter-spacing', 'visibility', 'display',
  'paint-order', 'shape-rendering', 'vector-effect', 'mix-blend-mode',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

type Part = { kind: 'svg'; el: SVGSVGElement; box: Box } | { kind: 'canvas'; el: HTMLCanvasElement; box: Box } | { kind: 'text'; el: Element; box: Box };

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function win(el: Element): Window {
  return el.ownerDocument.defaultView ?? window;
}

/** Properties that do not inherit, and the value that needs no writing. */
const NOT_INHERITED: Record<string, string> = { opacity: '1', display: 'inline', 'vector-effect': 'none', 'mix-blend-mode': 'normal' };

/**
 * Copies the computed presentation style of src (and its subtree) onto the clone dst. Below the root,
 * an inherited property equal to the parent's is left out (it inherits in the file too), which keeps
 * a chart of hundreds of elements small.
 */
function inlineStyles(src: Element, dst: Element, parent: CSSStyleDeclaration | null = null): void {
  const cs = win(src).getComputedStyle(src);
  const decl: string[] = [];
  for (const p of STYLE_PROPS) {
    const v = cs.getPropertyValue(p);
    if (!v) continue;
    const initial = NOT_INHERITED[p];
    if (parent && (initial !== undefined ? v === initial : v === parent.getPropertyValue(p))) continue;
    decl.push(`${p}:${v}`);
  }
  if (decl.length) dst.setAttribute('style', decl.join(';'));
  else dst.removeAttribute('style');
  const a = src.children, b = dst.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i], b[i], cs);
}

/** Drawn size of an SVG: its box on the page, else its viewBox, else its width / height attributes. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const r = svg.getBoundingClientRect();
  if (r.width > 0 && r.height > 0) return { width: r.width, height: r.height };
  const vb = (svg.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  if (vb.length === 4 && vb[2] > 0 && vb[3] > 0) return { width: vb[2], height: vb[3] };
  const w = Number.parseFloat(svg.getAttribute('width') ?? ''), h = Number.parseFloat(svg.getAttribute('height') ?? '');
  return { width: w > 0 ? w : 300, height: h > 0 ? h : 150 };
}

/** The first opaque background behind an element (its own or an ancestor's), else white. */
export function backgroundOf(el: Element): string {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const c = win(el).getComputedStyle(e).backgroundColor;
    if (c && c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c)) return c;
  }
  return '#ffffff';
}

/** A clone of svg with styles inlined, sized, namespaced and titled, ready to stand alone. */
function styledClone(svg: SVGSVGElement, box: { w: number; h: number }, title?: string, background?: string): SVGSVGElement {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  // No xmlns attribute: the serializer declares the SVG namespace itself (a second one breaks the file).
  clone.setAttribute('width', String(Math.round(box.w)));
  clone.setAttribute('height', String(Math.round(box.h)));
  clone.removeAttribute('aria-hidden');
  clone.removeAttribute('focusable');
  clone.removeAttribute('data-export');
  const doc = svg.ownerDocument;
  if (background) {
    const rect = doc.createElementNS(SVG_NS, 'rect');
    const vb = (svg.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
    const [x, y, w, h] = vb.length === 4 ? vb : [0, 0, box.w, box.h];
    for (const [k, v] of [['x', x], ['y', y], ['width', w], ['height', h]] as const) rect.setAttribute(k, String(v));
    rect.setAttribute('fill', background);
    clone.insertBefore(rect, clone.firstChild);
  }
  if (title) {
    const t = doc.createElementNS(SVG_NS, 'title');
    t.textContent = title;
    clone.insertBefore(t, clone.firstChild);
  }
  return clone;
}

function serialize(el: Element): string {
  return new XMLSerializer().serializeToString(el);
}

const isSvg = (el: Element): el is SVGSVGElement => el.namespaceURI === SVG_NS && el.localName === 'svg';
const isCanvas = (el: Element): el is HTMLCanvasElement => el.localName === 'canvas';

/** The parts of a chart root, placed relative to it. */
function partsOf(root: Element): { parts: Part[]; width: number; height: number } {
  const rr = root.getBoundingClientRect();
  const place = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return { x: r.left - rr.left, y: r.top - rr.top, w: r.width, h: r.height };
  };
  if (isSvg(root)) {
    const { width, height } = svgSize(root);
    return { parts: [{ kind: 'svg', el: root, box: { x: 0, y: 0, w: width, h: height } }], width, height };
  }
  if (isCanvas(root)) {
    const w = rr.width || root.width, h = rr.height || root.height;
    return { parts: [{ kind: 'canvas', el: root, box: { x: 0, y: 0, w, h } }], width: w, height: h };
  }
  const parts: Part[] = [];
  for (const el of root.querySelectorAll('svg, canvas, figcaption')) {
    if (el.parentElement?.closest('svg')) continue;
    const box = place(el);
    if (box.w <= 0 || box.h <= 0) continue;
    if (isCanvas(el)) parts.push({ kind: 'canvas', el, box });
    else if (isSvg(el)) parts.push({ kind: 'svg', el, box });
    else parts.push({ kind: 'text', el, box });
  }
  return { parts, width: rr.width, height: rr.height };
}

function textPart(p: Part): string {
  const cs = win(p.el).getComputedStyle(p.el);
  const size = Number.parseFloat(cs.fontSize) || 12;
  return `<text x="${p.box.x}" y="${p.box.y + size}" style="font-family:${escapeXml(cs.fontFamily)};font-size:${size}px;font-weight:${cs.fontWeight};fill:${cs.color}">${escapeXml(p.el.textContent ?? '')}</text>`;
}

export interface ImageOptions {
  /** Put in the file's <title>: what the chart shows. */
  title?: string;
  /** Background fill; default: the page's background behind the chart. */
  background?: string;
  /** Written into the picture itself: a title above, axis names and the legend below. */
  caption?: Caption;
}

/** What a saved chart says about itself, so the picture is readable away from the page. */
export interface Caption {
  title: string;
  /** Lines under the chart: the axis names, then the legend's entries. */
  lines: readonly string[];
}

const CAP = { head: 30, line: 18, pad: 10, titleSize: 15, size: 12, font: "system-ui, 'Noto Sans KR', 'Noto Sans CJK KR', sans-serif" } as const;

/** Roughly how wide a text is at `size` px (Hangul and other wide characters count double). */
function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7a3]/.test(ch) ? size : size * 0.55;
  return w;
}

/** Caption lines broken at spaces to fit `width` px. */
export function wrapLines(lines: readonly string[], width: number, size: number = CAP.size): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let cur = '';
    for (const word of line.split(' ')) {
      const next = cur ? `${cur} ${word}` : word;
      if (cur && textWidth(next, size) > width) {
        out.push(cur);
        cur = word;
      } else cur = next;
    }
    if (cur) out.push(cur);
  }
  return out;
}

/** Height the caption adds: the title band and the wrapped lines. */
function captionLayout(c: Caption, width: number): { lines: string[]; foot: number } {
  const lines = wrapLines(c.lines, width - 16);
  return { lines, foot: lines.length ? lines.length * CAP.line + CAP.pad : 0 };
}

/** A standalone .svg document for a chart root (with its caption around it when one is given). */
export function chartToSvg(root: Element, opts: ImageOptions = {}): string {
  if (!opts.caption) return chartBody(root, opts);
  const bg = opts.background ?? backgroundOf(root);
  const { width, height } = partsOf(root);
  const inner = chartBody(root, { ...opts, background: bg }).replace(/^<\?xml[^>]*>\s*/, '');
  const W = Math.round(width), { lines, foot } = captionLayout(opts.caption, W);
  const H = Math.round(height) + CAP.head + foot;
  const text = (s: string, y: number, size: number, weight: number) =>
    `<text x="8" y="${y}" font-family="${escapeXml(CAP.font)}" font-size="${size}" font-weight="${weight}" fill="#1b1f24">${escapeXml(s)}</text>`;
  const body = [
    text(opts.caption.title, 20, CAP.titleSize, 700),
    `<g transform="translate(0,${CAP.head})">${inner}</g>`,
    ...lines.map((l, i) => text(l, Math.round(height) + CAP.head + (i + 1) * CAP.line, CAP.size, 400)),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="${SVG_NS}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><title>${escapeXml(opts.title ?? opts.caption.title)}</title><rect width="${W}" height="${H}" fill="${bg}"/>${body.join('')}</svg>`;
}

function chartBody(root: Element, opts: ImageOptions): string {
  const bg = opts.background ?? backgroundOf(root);
  const { parts, width, height } = partsOf(root);
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
  if (parts.length === 1 && parts[0].kind === 'svg') return head + serialize(styledClone(parts[0].el, parts[0].box, opts.title, bg));
  const body = parts.map((p) => {
    if (p.kind === 'text') return textPart(p);
    if (p.kind === 'canvas') {
      return `<image x="${p.box.x}" y="${p.box.y}" width="${p.box.w}" height="${p.box.h}" preserveAspectRatio="none" href="${p.el.toDataURL('image/png')}"/>`;
    }
    const c = styledClone(p.el, p.box);
    c.setAttribute('x', String(p.box.x));
    c.setAttribute('y', String(p.box.y));
    return serialize(c);
  });
  const W = Math.round(width), H = Math.round(height);
  const title = opts.title ? `<title>${escapeXml(opts.title)}</title>` : '';
  return `${head}<svg xmlns="${SVG_NS}" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${title}<rect width="${W}" height="${H}" fill="${bg}"/>${body.join('')}</svg>`;
}

function canvasBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas could not be encoded'))), 'image/png'));
}

function loadSvg(svgText: string, doc: Document): Promise<HTMLImageElement> {
  const w = doc.defaultView ?? window;
  const url = w.URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  return new Promise((resolve, reject) => {
    const img = new w.Image();
    img.onload = () => {
      w.URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      w.URL.revokeObjectURL(url);
      reject(new Error('the chart could not be drawn as an image'));
    };
    img.src = url;
  });
}

/** A PNG of a chart root at `scale` × its size on the page (default: the screen's pixel ratio, at least 2). */
export async function chartToPng(root: Element, opts: ImageOptions & { scale?: number } = {}): Promise<Blob> {
  const { parts, width, height } = partsOf(root);
  if (!opts.caption && parts.length === 1 && parts[0].kind === 'canvas') return canvasBlob(parts[0].el);
  const doc = root.ownerDocument;
  const scale = opts.scale ?? Math.max(2, win(root).devicePixelRatio || 1);
  const cap = opts.caption ? captionLayout(opts.caption, width) : null;
  const top = cap ? CAP.head : 0;
  const canvas = doc.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round((height + top + (cap?.foot ?? 0)) * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.scale(scale, scale);
  ctx.fillStyle = opts.background ?? backgroundOf(root);
  ctx.fillRect(0, 0, width, height + top + (cap?.foot ?? 0));
  if (cap && opts.caption) {
    ctx.fillStyle = '#1b1f24';
    ctx.textBaseline = 'alphabetic';
    ctx.font = `700 ${CAP.titleSize}px ${CAP.font}`;
    ctx.fillText(opts.caption.title, 8, 20);
    ctx.font = `400 ${CAP.size}px ${CAP.font}`;
    cap.lines.forEach((l, i) => ctx.fillText(l, 8, height + top + (i + 1) * CAP.line));
    ctx.translate(0, top);
  }
  for (const p of parts) {
    if (p.kind === 'canvas') ctx.drawImage(p.el, p.box.x, p.box.y, p.box.w, p.box.h);
    else if (p.kind === 'svg') ctx.drawImage(await loadSvg(serialize(styledClone(p.el, p.box)), doc), p.box.x, p.box.y, p.box.w, p.box.h);
    else {
      const cs = win(p.el).getComputedStyle(p.el);
      ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      ctx.fillStyle = cs.color;
      ctx.textBaseline = 'top';
      ctx.fillText(p.el.textContent ?? '', p.box.x, p.box.y);
    }
  }
  return canvasBlob(canvas);
}
