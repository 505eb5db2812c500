/**
 * One spreadsheet cell as the list importer sees it, whatever ExcelJS handed over: text (NFC,
 * spaces collapsed), a number, a date (ISO), a boolean, a formula that Excel never computed, or an
 * Excel error (#N/A). Pure: it knows ExcelJS's value shapes, not ExcelJS.
 */
import { nfc } from '../vi/nfc';

export type CellRead =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; iso: string }
  | { kind: 'boolean'; value: boolean }
  /** a formula without a cached result (written by a program, never opened in Excel) */
  | { kind: 'formula'; formula: string }
  | { kind: 'error'; error: string };

const EMPTY: CellRead = { kind: 'empty' };

/** Text as stored: NFC (a Mac or a web form may send NFD), runs of whitespace as one space, trimmed. */
export function cleanText(s: string): string {
  return nfc(s).replace(/[\s\u00a0\u200b]+/gu, ' ').trim();
}

function isoOfDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  // ExcelJS builds dates at UTC midnight of the serial's day
  return d.toISOString().slice(0, 10);
}

function fromPrimitive(v: unknown): CellRead | undefined {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'string') {
    const text = cleanText(v);
    return text ? { kind: 'text', text } : EMPTY;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'error', error: String(v) };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) {
    const iso = isoOfDate(v);
    return iso ? { kind: 'date', iso } : { kind: 'error', error: 'invalid date' };
  }
  return undefined;
}

/** ExcelJS cell value → CellRead. A formula reads as its cached result. */
export function readCell(value: unknown): CellRead {
  const p = fromPrimitive(value);
  if (p) return p;
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.richText)) return readCell((o.richText as { text?: string }[]).map((r) => r.text ?? '').join(''));
  if ('error' in o) return { kind: 'error', error: String(o.error) };
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result === undefined || o.result === null) return { kind: 'formula', formula: String(o.formula ?? o.sharedFormula) };
    if (typeof o.result === 'object' && o.result !== null && 'error' in o.result) return { kind: 'error', error: String((o.result as { error: unknown }).error) };
    return readCell(o.result);
  }
  if ('hyperlink' in o || 'text' in o) return readCell(o.text);
  return { kind: 'error', error: 'unreadable cell' };
}

/** The cell as the clerk sees it, for messages and the error workbook. */
export function cellText(c: CellRead): string {
  switch (c.kind) {
    case 'empty':
      return '';
    case 'text':
      return c.text;
    case 'number':
      return String(c.value);
    case 'date': {
      const [y, m, d] = c.iso.split('-');
      return `${d}/${m}/${y}`;
    }
    case 'boolean':
      return c.value ? 'TRUE' : 'FALSE';
    case 'formula':
      return `=${c.formula}`;
    case 'error':
      return c.error;
  }
}

/** 1 → "A", 27 → "AA". */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
