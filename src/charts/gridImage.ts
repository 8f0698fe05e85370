// Paints a size × size grid of colours, given as RGB per cell, stretched over a rectangle of a
// canvas. The cells go through a small offscreen canvas and one scaled drawImage, so a 256² grid
// costs one image upload rather than 65,536 fillRects.

let scratch: HTMLCanvasElement | null = null;

/** Fills `rgb` (size² × 3) per cell: `color(k, out, o)` writes cell k's colour at out[o..o+2]. */
export function paintGrid(
  ctx: CanvasRenderingContext2D,
  size: number,
  color: (k: number, out: Uint8ClampedArray, o: number) => void,
  x: number,
  y: number,
  w: number,
  h: number,
  smooth = true,
): void {
  if (typeof document === 'undefined') return;
  scratch ??= document.createElement('canvas');
  if (scratch.width !== size) scratch.width = size;
  if (scratch.height !== size) scratch.height = size;
  const sctx = scratch.getContext('2d');
  if (!sctx) return;
  const img = sctx.createImageData(size, size);
  const px = img.data, rgb = new Uint8ClampedArray(3);
  for (let k = 0, n = size * size; k < n; k++) {
    color(k, rgb, 0);
    px[k * 4] = rgb[0];
    px[k * 4 + 1] = rgb[1];
    px[k * 4 + 2] = rgb[2];
    px[k * 4 + 3] = 255;
  }
  sctx.putImageData(img, 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = smooth;
  ctx.drawImage(scratch, 0, 0, size, size, x, y, w, h);
  ctx.restore();
}
