/**
 * Paragraph → lines. Break opportunities come from UAX #14 (the `linebreak` package), kept only where
 * they follow a space or a hyphen before a letter ("…/NQ-" | "HĐND", as Word and LibreOffice break),
 * plus mandatory breaks: ND30 text is never hyphenated and a clerk does not want "128/" and "KH-UBND"
 * split at the slash. Lines are filled greedily (first fit), as Word and LibreOffice do, so that our
 * pages break where theirs do. A word wider than the whole line is cut between characters.
 */
import LineBreaker from 'linebreak';
import { emWidth, loadFaces, type FaceKey } from './fonts';

/** A run of text in one face and size. */
export interface Span {
  text: string;
  face: FaceKey;
  size: number;
  underline?: boolean;
  /** baseline shift up, in points (footnote markers) */
  rise?: number;
}

/** The part of one span that lies on one line. */
export interface Fragment {
  span: number;
  text: string;
  /** natural width in points */
  width: number;
  /** U+0020 characters in `text`: justification stretches these */
  spaces: number;
}

export interface Line {
  frags: Fragment[];
  /** natural width of the line (trailing spaces dropped) */
  width: number;
  spaces: number;
  /** x offset of the line inside the paragraph box */
  indent: number;
  /** room available on this line */
  avail: number;
  /** last line of the paragraph or ends at a mandatory break: never justified */
  last: boolean;
}

export interface BreakOptions {
  /** paragraph box width */
  width: number;
  /** x offset of the first line (first-line indent) */
  first?: number;
  /** x offset of the following lines (a hanging indent) */
  rest?: number;
}

const EPS = 1e-6;

/** Tabs print as spaces, a carriage return is dropped: DocModel text is plain. */
function clean(s: string): string {
  return s.replace(/\t/g, ' ').replace(/\r/g, '');
}

export function breakLines(input: Span[], opts: BreakOptions, where: () => string): Line[] {
  const spans = input.map((s) => ({ ...s, text: clean(s.text) }));
  const faces = loadFaces();
  const first = opts.first ?? 0;
  const rest = opts.rest ?? 0;
  const availOf = (lineNo: number) => opts.width - (lineNo === 0 ? first : rest);

  // fast path: one span that fits on one line (most table cells and header lines)
  if (spans.length === 1 && !spans[0].text.includes('\n')) {
    const s = spans[0];
    const text = s.text.replace(/ +$/, '');
    const width = emWidth(faces[s.face], text, where) * s.size;
    if (width <= availOf(0) + EPS) {
      const spaces = countSpaces(text);
      return [{ frags: text ? [{ span: 0, text, width, spaces }] : [], width, spaces, indent: first, avail: availOf(0), last: true }];
    }
  }

  const text = spans.map((s) => s.text).join('');
  const n = text.length;
  const w = new Float64Array(n);
  const spanAt = new Int32Array(n);
  const starts: number[] = [];
  let pos = 0;
  spans.forEach((s, si) => {
    starts.push(pos);
    const face = faces[s.face];
    for (let i = 0; i < s.text.length; i++) {
      const c = s.text.charCodeAt(i);
      spanAt[pos + i] = si;
      if (c === 0x0a) continue;
      if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: measured with its pair
      const ch = c >= 0xd800 && c <= 0xdbff ? s.text.slice(i, i + 2) : s.text[i];
      w[pos + i] = emWidth(face, ch, where) * s.size;
    }
    pos += s.text.length;
  });

  // break opportunities: after spaces, and mandatory ones
  const breaks: { at: number; required: boolean }[] = [];
  const lb = new LineBreaker(text);
  for (let b = lb.nextBreak(); b; b = lb.nextBreak()) {
    const prev = text.charCodeAt(b.position - 1);
    if (b.required) breaks.push({ at: b.position, required: b.position < n || prev === 0x0a });
    else if (prev === 0x20 || prev === 0x200b || (prev === 0x2d && isLetter(text.charCodeAt(b.position)))) {
      breaks.push({ at: b.position, required: false });
    }
  }
  if (breaks.length === 0 || breaks[breaks.length - 1].at !== n) breaks.push({ at: n, required: false });

  const lines: Line[] = [];
  let lineStart = 0; // first character of the current line
  let lineEnd = 0; // end of its content so far (trailing spaces excluded)
  let lineWidth = 0; // width of [lineStart, lineEnd)
  let pendingSpaces = 0; // width of the spaces after lineEnd, inside the line if more content follows
  let segStart = 0;
  const empty = () => lineEnd === lineStart;
  const flush = (end: number, last: boolean) => {
    const no = lines.length;
    lines.push(makeLine(text, w, spanAt, starts, spans, lineStart, end, no === 0 ? first : rest, availOf(no), last));
  };
  const restart = (at: number) => {
    lineStart = at;
    lineEnd = at;
    lineWidth = 0;
    pendingSpaces = 0;
  };

  for (const br of breaks) {
    const segEnd = br.at;
    let contentEnd = segEnd;
    while (contentEnd > segStart && isBlank(text.charCodeAt(contentEnd - 1))) contentEnd--;
    let contentW = 0;
    for (let i = segStart; i < contentEnd; i++) contentW += w[i];
    let trailW = 0;
    for (let i = contentEnd; i < segEnd; i++) trailW += w[i];

    if (contentEnd === segStart) {
      // spaces only (leading spaces of the paragraph or of a line after a mandatory break)
      if (empty()) restart(segEnd);
      else pendingSpaces += trailW;
    } else {
      if (!empty() && lineWidth + pendingSpaces + contentW > availOf(lines.length) + EPS) {
        flush(lineEnd, false);
        restart(segStart);
      }
      if (empty()) lineStart = lineEnd = segStart;
      // a word longer than a whole line: cut it between characters
      let a = segStart;
      while (empty() && contentW > availOf(lines.length) + EPS) {
        const room = availOf(lines.length);
        let acc = 0;
        let k = a;
        while (k < contentEnd && (k === a || acc + w[k] <= room + EPS)) acc += w[k++];
        while (k < contentEnd && isLowSurrogate(text.charCodeAt(k))) acc += w[k++];
        if (k >= contentEnd) break;
        lineStart = a;
        flush(k, false);
        contentW -= acc;
        a = k;
        restart(a);
      }
      lineWidth += pendingSpaces + contentW;
      lineEnd = contentEnd;
      pendingSpaces = trailW;
    }
    segStart = segEnd;
    if (br.required) {
      flush(lineEnd, true);
      restart(segEnd);
    }
  }
  if (!empty() || lines.length === 0) flush(lineEnd, true);
  else lines[lines.length - 1].last = true;
  return lines;
}

/** A letter of the Latin/Vietnamese alphabets (a break after "NQ-" before "HĐND" is allowed, after "2026-" before "2030" not). */
function isLetter(c: number): boolean {
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch.toUpperCase();
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x0a;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function countSpaces(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 0x20) k++;
  return k;
}

function makeLine(
  text: string,
  w: Float64Array,
  spanAt: Int32Array,
  starts: number[],
  spans: Span[],
  start: number,
  end: number,
  indent: number,
  avail: number,
  last: boolean,
): Line {
  const frags: Fragment[] = [];
  let i = start;
  let width = 0;
  let spaces = 0;
  while (i < end) {
    const si = spanAt[i];
    const spanEnd = Math.min(end, starts[si] + spans[si].text.length);
    let fw = 0;
    let fs = 0;
    for (let k = i; k < spanEnd; k++) {
      fw += w[k];
      if (text.charCodeAt(k) === 0x20) fs++;
    }
    const t = text.slice(i, spanEnd).replace(/\n/g, '');
    if (t) frags.push({ span: si, text: t, width: fw, spaces: fs });
    width += fw;
    spaces += fs;
    i = spanEnd;
  }
  return { frags, width, spaces, indent, avail, last };
}
