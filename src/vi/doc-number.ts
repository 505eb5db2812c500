import { nfc } from './nfc';

/** Số và ký hiệu of a document: "128/KH-UBND", "04/2026/NQ-HĐND". */
export interface DocNumber {
  number: number | null;
  year?: number;
  symbol: string;
  yearInNumber?: boolean;
}

/** Width of the blank left for the number of an unnumbered draft ("Số:      /KH-UBND"). */
export const DRAFT_NUMBER_BLANK = '      ';

/** ND30: numbers below 10 get one leading zero (01–09); 10, 128, 1000 stay as they are. */
export function padNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatDocNumber(d: DocNumber): string {
  const num = d.number === null ? DRAFT_NUMBER_BLANK : padNumber(d.number);
  const year = d.yearInNumber && d.year ? `/${d.year}` : '';
  return `${num}${year}/${d.symbol}`;
}

export function formatNumberLine(d: DocNumber): string {
  return d.number === null ? `Số:${formatDocNumber(d)}` : `Số: ${formatDocNumber(d)}`;
}

const REF = /^(?:Số:\s*)?(\d{1,5})\/(?:(\d{4})\/)?([\p{Lu}\p{Ll}Đđ][\p{L}\d]*(?:-[\p{L}\d]+)*)$/u;

export function parseDocNumber(s: string): DocNumber | null {
  const m = REF.exec(nfc(s).trim());
  if (!m) return null;
  return {
    number: Number(m[1]),
    ...(m[2] ? { year: Number(m[2]), yearInNumber: true } : {}),
    symbol: m[3],
  };
}

export function buildSymbol(typeAbbr: string, agencyAbbr: string): string {
  return `${typeAbbr}-${agencyAbbr}`;
}
