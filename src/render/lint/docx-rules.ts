/**
 * ND30 rules on a .docx, read from its XML: A4 sections with margins inside the ND30 ranges, Times
 * New Roman as the default and only font, body size 13–14 pt, a PAGE field in a header with the first
 * page's number hidden (w:titlePg).
 */
import PizZip from 'pizzip';
import { finding, type LintFinding } from './finding';

const TWIPS_PER_MM = 1440 / 25.4;
const A4 = { w: 11906, h: 16838 };
/** ND30 PL I §I.3, in twips (rounded outwards by 2 twips). */
const RANGES = {
  top: [20, 25],
  bottom: [20, 25],
  left: [30, 35],
  right: [15, 20],
} as const;

function part(zip: PizZip, name: string): string | undefined {
  return zip.file(name)?.asText();
}

function attr(xml: string, name: string): number | undefined {
  const m = new RegExp(`w:${name}="(-?\\d+)"`).exec(xml);
  return m ? Number(m[1]) : undefined;
}

export function lintDocx(docx: Buffer): LintFinding[] {
  let zip: PizZip;
  try {
    zip = new PizZip(docx);
  } catch (e) {
    return [finding('nd30.docx.unreadable', 'error', `not a .docx (zip) file: ${(e as Error).message}`)];
  }
  const document = part(zip, 'word/document.xml');
  if (!document) return [finding('nd30.docx.unreadable', 'error', 'the package has no word/document.xml')];
  const styles = part(zip, 'word/styles.xml') ?? '';
  const out: LintFinding[] = [];

  const sections = [...document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
  if (sections.length === 0) out.push(finding('nd30.docx.page_size', 'error', 'no section properties: page size and margins are unset'));
  sections.forEach((s, i) => {
    const where = `section ${i + 1}`;
    const pg = /<w:pgSz\b[^>]*>/.exec(s)?.[0] ?? '';
    const w = attr(pg, 'w');
    const h = attr(pg, 'h');
    const near = (a: number | undefined, b: number) => a !== undefined && Math.abs(a - b) <= 20;
    if (!((near(w, A4.w) && near(h, A4.h)) || (near(w, A4.h) && near(h, A4.w)))) {
      out.push(finding('nd30.docx.page_size', 'error', `page size ${w} x ${h} twips is not A4 (11906 x 16838)`, where));
    }
    const mar = /<w:pgMar\b[^>]*>/.exec(s)?.[0] ?? '';
    for (const side of ['top', 'bottom', 'left', 'right'] as const) {
      const v = attr(mar, side);
      const [lo, hi] = RANGES[side];
      if (v === undefined || v < lo * TWIPS_PER_MM - 2 || v > hi * TWIPS_PER_MM + 2) {
        const mm = v === undefined ? 'unset' : `${(v / TWIPS_PER_MM).toFixed(1)} mm`;
        out.push(finding('nd30.docx.margins', 'error', `${side} margin is ${mm}, ND30 wants ${lo}–${hi} mm`, where));
      }
    }
  });

  // fonts: every rFonts names Times New Roman
  const fonts = new Set<string>();
  for (const xml of [styles, document]) {
    for (const m of xml.matchAll(/<w:rFonts\b[^>]*>/g)) {
      for (const f of m[0].matchAll(/w:(?:ascii|hAnsi)="([^"]+)"/g)) fonts.add(f[1]);
    }
  }
  if (!/<w:docDefaults>[\s\S]*?<w:rFonts\b[^>]*w:ascii="Times New Roman"/.test(styles)) {
    out.push(finding('nd30.docx.font', 'error', 'the default font is not Times New Roman', 'word/styles.xml'));
  }
  for (const f of fonts) if (f !== 'Times New Roman') out.push(finding('nd30.docx.font', 'error', `font "${f}" is used; ND30 wants Times New Roman`));

  const defaultSize = /<w:docDefaults>[\s\S]*?<w:sz w:val="(\d+)"/.exec(styles)?.[1];
  if (!defaultSize || Number(defaultSize) < 26 || Number(defaultSize) > 28) {
    out.push(finding('nd30.docx.size', 'warning', `the default size is ${defaultSize ? Number(defaultSize) / 2 + ' pt' : 'unset'}, body text is 13–14 pt`, 'word/styles.xml'));
  }

  // page numbers: a header with a PAGE field, hidden on the first page of each section
  const headers = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n));
  const numbered = headers.some((n) => /<w:instrText[^>]*>\s*PAGE\b/.test(part(zip, n) ?? '') || /<w:fldSimple[^>]*w:instr="\s*PAGE\b/.test(part(zip, n) ?? ''));
  if (!numbered) out.push(finding('nd30.docx.page_numbers', 'error', 'no header carries a PAGE field: pages are not numbered'));
  sections.forEach((s, i) => {
    if (numbered && !/<w:titlePg\/>|<w:titlePg w:val="(1|true|on)"\/>/.test(s)) {
      out.push(finding('nd30.docx.page_number_first', 'error', 'the first page shows a number (no w:titlePg)', `section ${i + 1}`));
    }
  });
  return out;
}
