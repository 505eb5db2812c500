/**
 * The small escaped XML writer the DOCX renderer builds its WordprocessingML with.
 *
 * Every string that reaches the document goes through `text()` or `attr()`: NFC (Vietnamese
 * must compare and shape the same everywhere) and stripped of the characters XML 1.0 forbids
 * (a stray U+0001 pasted from a spreadsheet would otherwise make Word refuse the whole file).
 */

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF];
// lone surrogates are also dropped (the `u` flag matches them as single code points).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Without characters XML cannot carry, then NFC (in this order, so that a dropped control character between a letter and its combining mark still lets them compose). */
export function cleanText(s: string): string {
  return s.replace(NOT_XML_CHAR, '').normalize('NFC');
}

/** Escaped for element content. */
export function text(s: string): string {
  return cleanText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped for a double-quoted attribute value (quotes, and whitespace that attribute normalisation would eat). */
export function attr(s: string | number): string {
  return text(String(s))
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

export type Attrs = Record<string, string | number | undefined>;

function attrs(a: Attrs | undefined): string {
  if (!a) return '';
  let out = '';
  for (const [k, v] of Object.entries(a)) if (v !== undefined) out += ` ${k}="${attr(v)}"`;
  return out;
}

/** An element with already-serialised children; empty children make a self-closing tag. */
export function el(name: string, a?: Attrs, ...children: string[]): string {
  const inner = children.join('');
  return inner === '' ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${inner}</${name}>`;
}

/** A `w:val`-only element, the most common shape in WordprocessingML properties. */
export function val(name: string, v: string | number): string {
  return `<${name} w:val="${attr(v)}"/>`;
}
