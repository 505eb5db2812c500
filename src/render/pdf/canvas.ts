/**
 * A page's content stream written as text: one BT…ET per line, the font set only when it changes,
 * justification as TJ adjustments after each space (pdf-lib's `Tw` has no effect with Type0 fonts),
 * glyph codes looked up per character from the embedded subset. Coordinates are given from the top
 * of the page and flipped here.
 */
import type { FaceKey } from './fonts';
import type { Line, Span } from './line-breaker';

/** Glyph codes (4 hex digits per character) of the embedded subset fonts. */
export interface GlyphEncoder {
  hex(face: FaceKey, text: string): string;
  /** the page resource name under which the face is registered */
  resource(face: FaceKey): string;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

/** a short decimal for the content stream */
export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

export class Canvas {
  private readonly parts: string[] = [];
  private font = '';
  readonly faces = new Set<FaceKey>();

  constructor(
    private readonly enc: GlyphEncoder,
    readonly height: number,
  ) {}

  private setFont(face: FaceKey, size: number): void {
    const key = face + size;
    if (key === this.font) return;
    this.font = key;
    this.faces.add(face);
    this.parts.push(`/${this.enc.resource(face)} ${num(size)} Tf\n`);
  }

  /**
   * One laid-out line. `x` is the left edge of the paragraph box, `baseline` from the top of the page.
   * Justified lines that are not last get the free space spread over their spaces.
   */
  line(line: Line, spans: Span[], x: number, baseline: number, align: Align): void {
    if (line.frags.length === 0) return;
    const free = line.avail - line.width;
    let x0 = x + line.indent;
    let extra = 0;
    if (align === 'center') x0 += free / 2;
    else if (align === 'right') x0 += free;
    else if (align === 'justify' && !line.last && line.spaces > 0 && free > 0) extra = free / line.spaces;
    const y = this.height - baseline;
    const underlines: [number, number, number, number][] = [];
    let cx = x0;
    this.parts.push(`BT\n${num(x0)} ${num(y)} Td\n`);
    for (const f of line.frags) {
      const s = spans[f.span];
      this.setFont(s.face, s.size);
      if (s.rise) this.parts.push(`${num(s.rise)} Ts\n`);
      this.parts.push(this.tj(s.face, s.size, f.text, extra));
      if (s.rise) this.parts.push('0 Ts\n');
      const fw = f.width + f.spaces * extra;
      if (s.underline) underlines.push([cx, cx + fw, baseline + s.size * 0.12, s.size * 0.05]);
      cx += fw;
    }
    this.parts.push('ET\n');
    for (const [a, b, uy, t] of underlines) this.hline(a, b, uy, t);
  }

  /** A single run of text starting at x (no wrapping). */
  text(face: FaceKey, size: number, text: string, x: number, baseline: number): void {
    if (!text) return;
    this.parts.push(`BT\n${num(x)} ${num(this.height - baseline)} Td\n`);
    this.setFont(face, size);
    this.parts.push(this.tj(face, size, text, 0));
    this.parts.push('ET\n');
  }

  private tj(face: FaceKey, size: number, text: string, extra: number): string {
    if (extra === 0 || !text.includes(' ')) return `<${this.enc.hex(face, text)}> Tj\n`;
    const adj = ` ${num((-extra * 1000) / size)} `;
    const words = text.split(' ');
    let out = '[<';
    for (let i = 0; i < words.length; i++) {
      if (i > 0) out += this.enc.hex(face, ' ') + '>' + adj + '<';
      out += this.enc.hex(face, words[i]);
    }
    return out + '>] TJ\n';
  }

  /** A horizontal rule from x1 to x2 at y (from the top), `width` thick. */
  hline(x1: number, x2: number, y: number, width: number): void {
    const py = this.height - y;
    this.parts.push(`${num(width)} w ${num(x1)} ${num(py)} m ${num(x2)} ${num(py)} l S\n`);
  }

  vline(x: number, y1: number, y2: number, width: number): void {
    this.parts.push(`${num(width)} w ${num(x)} ${num(this.height - y1)} m ${num(x)} ${num(this.height - y2)} l S\n`);
  }

  /** A stroked rectangle with its top-left corner at (x, top). */
  rect(x: number, top: number, w: number, h: number, width: number): void {
    this.parts.push(`${num(width)} w ${num(x)} ${num(this.height - top - h)} ${num(w)} ${num(h)} re S\n`);
  }

  content(): string {
    return this.parts.join('');
  }
}
