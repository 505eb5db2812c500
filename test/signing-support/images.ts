import { PNG } from 'pngjs';

/**
 * Sample images drawn at test time (no real person's signature or agency seal is committed):
 * a blue handwritten-looking signature and a red round seal, both PNG with a transparent
 * background as ND30 PL I §II.7.d/§II.8 asks for electronic documents.
 */
type Rgb = readonly [number, number, number];

// local bindings: a global `Math.x` lookup inside Jest's sandbox is ~10× slower, and this is per pixel
const { atan2, ceil, cos, floor, hypot, min, PI, round, sin, abs } = Math;

export const SIGNATURE_BLUE: Rgb = [0x10, 0x2c, 0xa8];
export const SEAL_RED: Rgb = [0xe0, 0x10, 0x10];

class Canvas {
  // drawn in a plain Uint8Array (Jest's sandbox makes per-pixel writes to a host Buffer ~25× slower)
  private readonly data: Uint8Array;
  constructor(readonly width: number, readonly height: number, private readonly colour: Rgb) {
    this.data = new Uint8Array(width * height * 4); // fully transparent
  }

  /** Paints with coverage `alpha` (0..1), keeping the strongest coverage per pixel. */
  plot(x: number, y: number, alpha: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height || alpha <= 0) return;
    const i = (y * this.width + x) * 4;
    const a = round(min(1, alpha) * 255);
    const d = this.data;
    if (a <= d[i + 3]) return;
    d[i] = this.colour[0];
    d[i + 1] = this.colour[1];
    d[i + 2] = this.colour[2];
    d[i + 3] = a;
  }

  /** A round brush with a one-pixel soft edge. */
  dot(cx: number, cy: number, r: number): void {
    for (let y = floor(cy - r - 1); y <= ceil(cy + r + 1); y++) {
      for (let x = floor(cx - r - 1); x <= ceil(cx + r + 1); x++) {
        this.plot(x, y, r + 0.5 - hypot(x - cx, y - cy));
      }
    }
  }

  /** Every pixel whose centre satisfies `inside`, with 2×2 supersampling for the edges. */
  fill(inside: (x: number, y: number) => boolean): void {
    for (let y = 0; y < this.height; y++) {
      for (let x = 0; x < this.width; x++) {
        const n = +inside(x + 0.25, y + 0.25) + +inside(x + 0.75, y + 0.25) + +inside(x + 0.25, y + 0.75) + +inside(x + 0.75, y + 0.75);
        if (n > 0) this.plot(x, y, n / 4);
      }
    }
  }

  encode(): Uint8Array {
    const png = new PNG({ width: this.width, height: this.height, colorType: 6 });
    png.data = Buffer.from(this.data);
    // filter 0: pngjs's adaptive filtering is slow inside Jest's sandbox and buys nothing here
    return new Uint8Array(PNG.sync.write(png, { filterType: 0 }));
  }
}

/** A 600 × 220 px cursive-looking flourish: a capital stroke, a run of loops, an underline, in blue ink. */
export function signaturePng(width = 600, height = 220): Uint8Array {
  const c = new Canvas(width, height, SIGNATURE_BLUE);
  const sx = width / 600;
  const sy = height / 220;
  const pen = (x: number, y: number, r: number) => c.dot(x * sx, y * sy, r * min(sx, sy));
  // a tall first letter
  for (let i = 0; i <= 1200; i++) {
    const t = i / 1200;
    const a = t * 2 * PI * 1.25;
    pen(95 + 45 * sin(a) - 30 * t, 105 - 75 * cos(a) * (1 - 0.3 * t), 4);
  }
  // joined loops, shrinking to the right
  for (let i = 0; i <= 4000; i++) {
    const t = i / 4000;
    const u = t * 2 * PI * 5;
    const amp = 42 * (1 - 0.45 * t);
    pen(110 + 380 * t - 22 * sin(u), 125 - amp * (1 - cos(u)) * 0.9 + 6 * sin(t * PI), 3.6);
  }
  // the underline, rising slightly
  for (let i = 0; i <= 1500; i++) {
    const t = i / 1500;
    pen(70 + 490 * t, 178 - 30 * t + 10 * sin(t * 5), 3 + 1.2 * sin(t * PI));
  }
  return c.encode();
}

/** A round seal `size` px across (400 px for 36 mm ≈ 280 dpi): two rings, dashes standing in for the lettering, a star. */
export function sealPng(size = 400): Uint8Array {
  const c = new Canvas(size, size, SEAL_RED);
  const r0 = size / 2;
  const ring = (r: number, w: number) => (x: number, y: number) => abs(hypot(x - r0, y - r0) - r) <= w / 2;
  const outer = ring(r0 * 0.95, r0 * 0.07);
  const inner = ring(r0 * 0.66, r0 * 0.025);
  const innermost = ring(r0 * 0.42, r0 * 0.02);
  const star = starPolygon(r0, r0, r0 * 0.3, r0 * 0.12);
  const letters = (x: number, y: number) => {
    const d = hypot(x - r0, y - r0);
    if (d < r0 * 0.72 || d > r0 * 0.86) return false;
    const a = atan2(y - r0, x - r0);
    // 32 glyph-like marks round the band, with a gap at the bottom like a seal's lettering
    const slot = ((a + PI) / (2 * PI)) * 32;
    return abs(slot - round(slot)) < 0.22 && abs(a - PI / 2) > 0.35;
  };
  c.fill((x, y) => outer(x, y) || inner(x, y) || innermost(x, y) || letters(x, y) || pointInPolygon(star, x, y));
  return c.encode();
}

function starPolygon(cx: number, cy: number, outer: number, inner: number): Array<[number, number]> {
  const pts: Array<[number, number]> = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -PI / 2 + (i * PI) / 5;
    pts.push([cx + r * cos(a), cy + r * sin(a)]);
  }
  return pts;
}

function pointInPolygon(poly: Array<[number, number]>, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
