import type { Contour } from './font.ts';

/**
 * Coverage masks of filled outlines (glyphs, rounded rectangles), with exact-area antialiasing: each
 * edge adds the signed area it covers to the pixels it crosses, and a running sum along each row gives
 * how much of each pixel is inside (the method of font-rs and stb_truetype). Cheaper than an SVG
 * through librsvg for a few hundred small shapes, and the same coverage to within rounding.
 */

/** Coverage (0–255) of a box of pixels, placed at (left, top) in the picture it is blended into. */
export interface Mask {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}

/** Contours in pixels (y down): on-curve points and quadratic control points, as TrueType draws them. */
export function fill(contours: Contour[]): Mask {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const contour of contours) {
    for (const { x, y } of contour) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  }
  if (minX === Infinity) return { left: 0, top: 0, width: 0, height: 0, alpha: new Uint8Array(0) };
  const [left, top] = [Math.floor(minX), Math.floor(minY)];
  const width = Math.ceil(maxX) - left + 1;
  const height = Math.ceil(maxY) - top;
  // One spare cell: an edge on the right border adds to the cell past it.
  const area = new Float32Array(width * height + 1);
  const line = (x0: number, y0: number, x1: number, y1: number) => addLine(area, width, height, x0 - left, y0 - top, x1 - left, y1 - top);
  for (const contour of contours) walk(contour, line);
  const alpha = new Uint8Array(width * height);
  let sum = 0;
  for (let index = 0; index < alpha.length; index++) {
    if (index % width === 0) sum = 0;
    sum += area[index]!;
    alpha[index] = Math.round(Math.min(1, Math.abs(sum)) * 255);
  }
  return { left, top, width, height, alpha };
}

/** A closed contour as straight lines: each quadratic curve split into pieces short enough to look curved. */
function walk(contour: Contour, line: (x0: number, y0: number, x1: number, y1: number) => void): void {
  if (contour.length < 2) return;
  const mid = (p: Contour[number], q: Contour[number]) => ({ x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, onCurve: true });
  const first = contour.findIndex((point) => point.onCurve);
  const start = first === -1 ? mid(contour[0]!, contour[1]!) : contour[first]!;
  // With no point on the curve, the walk starts between the first two controls and ends at the first.
  const rest = first === -1 ? [...contour.slice(1), contour[0]!] : [...contour.slice(first + 1), ...contour.slice(0, first)];
  let [x, y] = [start.x, start.y];
  let control: Contour[number] | undefined;
  const curve = (cx: number, cy: number, ex: number, ey: number) => {
    // Pieces by how far the curve bends from its chord: within about a tenth of a pixel.
    const bend = Math.hypot(x - 2 * cx + ex, y - 2 * cy + ey);
    const pieces = Math.max(1, Math.ceil(Math.sqrt(bend * 2.5)));
    let [px, py] = [x, y];
    for (let step = 1; step <= pieces; step++) {
      const t = step / pieces;
      const u = 1 - t;
      const [nx, ny] = [u * u * x + 2 * u * t * cx + t * t * ex, u * u * y + 2 * u * t * cy + t * t * ey];
      line(px, py, nx, ny);
      [px, py] = [nx, ny];
    }
    [x, y] = [ex, ey];
  };
  for (const point of [...rest, start]) {
    if (point.onCurve) {
      if (control) curve(control.x, control.y, point.x, point.y);
      else {
        line(x, y, point.x, point.y);
        [x, y] = [point.x, point.y];
      }
      control = undefined;
    } else if (control) {
      const between = mid(control, point);
      curve(control.x, control.y, between.x, between.y);
      control = point;
    } else control = point;
  }
}

/** Adds the signed area a line covers to each pixel of each row it crosses (font-rs's accumulation). */
function addLine(area: Float32Array, width: number, height: number, ax: number, ay: number, bx: number, by: number): void {
  if (ay === by) return;
  const [direction, x0, y0, x1, y1] = ay < by ? [1, ax, ay, bx, by] : [-1, bx, by, ax, ay];
  const slope = (x1 - x0) / (y1 - y0);
  let x = x0 - (y0 < 0 ? y0 * slope : 0);
  for (let row = Math.max(0, Math.floor(y0)); row < Math.min(height, Math.ceil(y1)); row++) {
    const rowStart = row * width;
    const dy = Math.min(row + 1, y1) - Math.max(row, y0);
    const next = x + slope * dy;
    const d = dy * direction;
    const [from, to] = x < next ? [x, next] : [next, x];
    const fromFloor = Math.floor(from);
    const toCeil = Math.ceil(to);
    if (toCeil <= fromFloor + 1) {
      // Within one pixel: split by where the line crosses it on average.
      const inside = 0.5 * (x + next) - fromFloor;
      area[rowStart + fromFloor] = area[rowStart + fromFloor]! + d - d * inside;
      area[rowStart + fromFloor + 1] = area[rowStart + fromFloor + 1]! + d * inside;
    } else {
      const s = 1 / (to - from);
      const fromFraction = from - fromFloor;
      const first = 0.5 * s * (1 - fromFraction) * (1 - fromFraction);
      const toFraction = to - toCeil + 1;
      const last = 0.5 * s * toFraction * toFraction;
      area[rowStart + fromFloor] = area[rowStart + fromFloor]! + d * first;
      if (toCeil === fromFloor + 2) {
        area[rowStart + fromFloor + 1] = area[rowStart + fromFloor + 1]! + d * (1 - first - last);
      } else {
        const second = s * (1.5 - fromFraction);
        area[rowStart + fromFloor + 1] = area[rowStart + fromFloor + 1]! + d * (second - first);
        for (let column = fromFloor + 2; column < toCeil - 1; column++) area[rowStart + column] = area[rowStart + column]! + d * s;
        const before = second + (toCeil - fromFloor - 3) * s;
        area[rowStart + toCeil - 1] = area[rowStart + toCeil - 1]! + d * (1 - before - last);
      }
      area[rowStart + toCeil] = area[rowStart + toCeil]! + d * last;
    }
    x = next;
  }
}

/** A rounded rectangle as a contour (its corners as quarter circles of short lines). */
export function roundedRectangle(x: number, y: number, width: number, height: number, radius: number): Contour {
  const STEPS = 16;
  const corners: [number, number, number][] = [
    [x + width - radius, y + radius, -Math.PI / 2],
    [x + width - radius, y + height - radius, 0],
    [x + radius, y + height - radius, Math.PI / 2],
    [x + radius, y + radius, Math.PI],
  ];
  return corners.flatMap(([cx, cy, start]) =>
    Array.from({ length: STEPS + 1 }, (_, step) => {
      const angle = start + (step / STEPS) * (Math.PI / 2);
      return { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), onCurve: true };
    }),
  );
}
