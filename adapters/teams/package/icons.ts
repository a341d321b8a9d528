// Draws the Teams app icons with pngjs: a full-colour 192×192 icon and a 32×32 white-on-transparent outline.
// The glyph: three municipalities (dots) joined by lines — cooperation. Anti-aliased by supersampling.
import { PNG } from "pngjs";

export const ACCENT = { r: 0x1f, g: 0x5c, b: 0x99 };

interface Circle {
  kind: "circle";
  x: number;
  y: number;
  r: number;
}
interface Segment {
  kind: "segment";
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number;
}
type Shape = Circle | Segment;

/** The glyph in unit coordinates (0..1), inside a safe area so the outline has a margin. */
function glyph(): Shape[] {
  const a = { x: 0.5, y: 0.24 };
  const b = { x: 0.25, y: 0.7 };
  const c = { x: 0.75, y: 0.7 };
  const w = 0.075;
  return [
    { kind: "segment", x1: a.x, y1: a.y, x2: b.x, y2: b.y, w },
    { kind: "segment", x1: b.x, y1: b.y, x2: c.x, y2: c.y, w },
    { kind: "segment", x1: c.x, y1: c.y, x2: a.x, y2: a.y, w },
    { kind: "circle", ...a, r: 0.13 },
    { kind: "circle", ...b, r: 0.13 },
    { kind: "circle", ...c, r: 0.13 },
  ];
}

function inside(shape: Shape, x: number, y: number): boolean {
  if (shape.kind === "circle") return (x - shape.x) ** 2 + (y - shape.y) ** 2 <= shape.r ** 2;
  const dx = shape.x2 - shape.x1;
  const dy = shape.y2 - shape.y1;
  const t = Math.max(0, Math.min(1, ((x - shape.x1) * dx + (y - shape.y1) * dy) / (dx * dx + dy * dy)));
  const px = shape.x1 + t * dx;
  const py = shape.y1 + t * dy;
  return (x - px) ** 2 + (y - py) ** 2 <= (shape.w / 2) ** 2;
}

/** Fraction (0..1) of the pixel covered by the glyph. */
function coverage(shapes: Shape[], size: number, px: number, py: number, samples = 4): number {
  let hit = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = (px + (sx + 0.5) / samples) / size;
      const y = (py + (sy + 0.5) / samples) / size;
      if (shapes.some((s) => inside(s, x, y))) hit++;
    }
  }
  return hit / (samples * samples);
}

function draw(size: number, pixel: (cov: number) => [number, number, number, number]): Buffer {
  const png = new PNG({ width: size, height: size });
  const shapes = glyph();
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(coverage(shapes, size, x, y));
      const i = (y * size + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png);
}

/** 192×192, opaque accent background with a white glyph. */
export function colorIcon(): Buffer {
  const mix = (bg: number, cov: number): number => Math.round(bg + (255 - bg) * cov);
  return draw(192, (cov) => [mix(ACCENT.r, cov), mix(ACCENT.g, cov), mix(ACCENT.b, cov), 255]);
}

/** 32×32, white glyph on a transparent background (Teams' outline icon rules). */
export function outlineIcon(): Buffer {
  return draw(32, (cov) => [255, 255, 255, Math.round(255 * cov)]);
}
