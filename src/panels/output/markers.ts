// Point markers for the output pictures: class is shown by colour AND shape, split by fill (training
// points filled, test points hollow with a thick outline), so nothing rests on colour alone.
import { classColor } from '../../charts/colors.ts';

export type MarkerShape = 'circle' | 'triangle' | 'square' | 'diamond' | 'star';
export const CLASS_SHAPES: readonly MarkerShape[] = ['circle', 'triangle', 'square', 'diamond', 'star'];

export function classShape(k: number): MarkerShape {
  return CLASS_SHAPES[((k % CLASS_SHAPES.length) + CLASS_SHAPES.length) % CLASS_SHAPES.length];
}

/** SVG path of a marker of radius r centred on the origin (also fed to Path2D for canvas). */
export function markerPath(shape: MarkerShape, r: number): string {
  const f = (v: number) => Math.round(v * 100) / 100;
  switch (shape) {
    case 'circle':
      return `M${f(r)},0A${f(r)},${f(r)} 0 1,1 ${f(-r)},0A${f(r)},${f(r)} 0 1,1 ${f(r)},0Z`;
    case 'triangle': {
      const h = r * 1.15;
      return `M0,${f(-h)}L${f(h * 0.95)},${f(h * 0.6)}L${f(-h * 0.95)},${f(h * 0.6)}Z`;
    }
    case 'square': {
      const s = r * 0.85;
      return `M${f(-s)},${f(-s)}H${f(s)}V${f(s)}H${f(-s)}Z`;
    }
    case 'diamond': {
      const s = r * 1.2;
      return `M0,${f(-s)}L${f(s)},0L0,${f(s)}L${f(-s)},0Z`;
    }
    case 'star': {
      const pts: string[] = [];
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (i * Math.PI) / 5, rr = i % 2 === 0 ? r * 1.25 : r * 0.55;
        pts.push(`${f(Math.cos(a) * rr)},${f(Math.sin(a) * rr)}`);
      }
      return `M${pts.join('L')}Z`;
    }
  }
}

export interface MarkerStyle {
  fill: string;
  stroke: string;
  lineWidth: number;
}

export function markerStyle(k: number, test: boolean): MarkerStyle {
  const c = classColor(k);
  return test ? { fill: '#ffffff', stroke: c, lineWidth: 2.2 } : { fill: c, stroke: '#1b1f24', lineWidth: 0.8 };
}

const cache = new Map<string, Path2D>();

/** Draws markers for points (x, y already in canvas pixels), batched by class and split. */
export function drawMarkers(ctx: CanvasRenderingContext2D, xs: ArrayLike<number>, ys: ArrayLike<number>, cls: ArrayLike<number>, test: boolean, r: number): void {
  const n = xs.length;
  const classes = new Set<number>();
  for (let i = 0; i < n; i++) classes.add(cls[i]);
  for (const k of classes) {
    const key = `${classShape(k)}:${r}`;
    let p = cache.get(key);
    if (!p) cache.set(key, (p = new Path2D(markerPath(classShape(k), r))));
    const s = markerStyle(k, test);
    ctx.fillStyle = s.fill;
    ctx.strokeStyle = s.stroke;
    ctx.lineWidth = s.lineWidth;
    for (let i = 0; i < n; i++) {
      if (cls[i] !== k) continue;
      ctx.translate(xs[i], ys[i]);
      ctx.fill(p);
      ctx.stroke(p);
      ctx.translate(-xs[i], -ys[i]);
    }
  }
}
