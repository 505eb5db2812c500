import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import fc from 'fast-check';
import PizZip from 'pizzip';
import { cvKinhGui, DOC_MODEL_FIXTURES, khDraftThanhThuy, khKimThanh, qdPheDuyet } from '../../../fixtures/docmodels';
import type { DocModel } from '../../drafting/doc-model';
import { renderDocx } from './docx-renderer';
import { extractDocxParagraphs } from './docx-text';

/*
 * The expectations here are ND30's numbers worked by hand (mm → twips, pt → half-points) and a
 * small independent reader of the XML (styles resolved along basedOn); nothing is computed by
 * the renderer's own helpers.
 */

// ---------- a small, independent OOXML reader ----------

function parts(docx: Buffer): Record<string, string> {
  const zip = new PizZip(docx);
  const out: Record<string, string> = {};
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out[name] = f.asText();
  return out;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

interface Run {
  rPr: string;
  text: string;
}
interface Para {
  pPr: string;
  runs: Run[];
  text: string;
  xml: string;
}

function paragraphsOf(xml: string): Para[] {
  const out: Para[] = [];
  for (const m of xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p\/>/g)) {
    const inner = m[1] ?? '';
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const runs: Run[] = [];
    for (const r of inner.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
      const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r[1])?.[1] ?? '';
      const text = [...r[1].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\/>/g)]
        .map((t) => (t[2] ? ' ' : decode(t[1])))
        .join('');
      runs.push({ rPr, text });
    }
    out.push({ pPr, runs, text: runs.map((r) => r.text).join(''), xml: m[0] });
  }
  return out;
}

interface Style {
  basedOn?: string;
  pPr: string;
  rPr: string;
}

function stylesOf(xml: string): Map<string, Style> {
  const map = new Map<string, Style>();
  for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    map.set(m[1], {
      basedOn: /<w:basedOn w:val="([^"]+)"\/>/.exec(m[2])?.[1],
      pPr: /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(m[2])?.[1] ?? '',
      rPr: /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(m[2])?.[1] ?? '',
    });
  }
  return map;
}

class Doc {
  readonly parts: Record<string, string>;
  readonly document: string;
  readonly paragraphs: Para[];
  readonly styles: Map<string, Style>;

  constructor(readonly bytes: Buffer) {
    this.parts = parts(bytes);
    this.document = this.parts['word/document.xml'];
    this.paragraphs = paragraphsOf(this.document);
    this.styles = stylesOf(this.parts['word/styles.xml']);
  }

  /** The paragraph whose whole text is `text` (exactly one). */
  para(text: string): Para {
    const found = this.paragraphs.filter((p) => p.text === text);
    if (found.length !== 1) throw new Error(`${found.length} paragraphs with text ${JSON.stringify(text)}`);
    return found[0];
  }

  private styleChain(id: string | undefined): Style[] {
    const chain: Style[] = [];
    for (let s = id ? this.styles.get(id) : undefined; s; s = s.basedOn ? this.styles.get(s.basedOn) : undefined) chain.push(s);
    return chain;
  }

  private pStyle(p: Para): string | undefined {
    return /<w:pStyle w:val="([^"]+)"\/>/.exec(p.pPr)?.[1];
  }

  /** Effective on/off run property (w:b, w:i): run, then the paragraph style chain; default off. */
  toggle(p: Para, run: Run, tag: 'b' | 'i'): boolean {
    const re = new RegExp(`<w:${tag}(?: w:val="(\\w+)")?/>`);
    for (const rPr of [run.rPr, ...this.styleChain(this.pStyle(p)).map((s) => s.rPr)]) {
      const m = re.exec(rPr);
      if (m) return m[1] === undefined || m[1] === '1' || m[1] === 'true';
    }
    return false;
  }

  /** Effective font size in half-points: run, style chain, document defaults. */
  size(p: Para, run: Run): number {
    for (const rPr of [run.rPr, ...this.styleChain(this.pStyle(p)).map((s) => s.rPr), this.parts['word/styles.xml'].split('</w:rPrDefault>')[0]]) {
      const m = /<w:sz w:val="(\d+)"\/>/.exec(rPr);
      if (m) return Number(m[1]);
    }
    throw new Error('no size');
  }

  /** An attribute of a paragraph property element (w:jc/@w:val, w:ind/@w:firstLine …), direct or from the style chain. */
  pAttr(p: Para, element: string, attribute: string): string | undefined {
    const re = new RegExp(`<w:${element}\\b[^>]*\\bw:${attribute}="([^"]*)"`);
    for (const pPr of [p.pPr.replace(/<w:rPr>[\s\S]*$/, ''), ...this.styleChain(this.pStyle(p)).map((s) => s.pPr)]) {
      const m = re.exec(pPr);
      if (m) return m[1];
    }
    return undefined;
  }

  /** Every text run of the paragraph (runs without text, e.g. footnote marks, are not judged). */
  textRuns(p: Para): Run[] {
    return p.runs.filter((r) => r.text.trim() !== '');
  }

  sectPrs(): string[] {
    return [...this.document.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
  }

  tables(): string[] {
    return [...this.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  }
}

/** Characters XML 1.0 forbids (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF). */
function notXmlChar(c: string): boolean {
  const n = c.codePointAt(0)!;
  return (n < 0x20 && n !== 0x9 && n !== 0xa && n !== 0xd) || n === 0xfffe || n === 0xffff;
}

/** A well-formedness check (no XML parser is installed): balanced tags, quoted unique attributes, valid entities and characters. */
function wellFormedProblems(xml: string): string[] {
  const problems: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>/, '');
  if ([...body].some(notXmlChar)) problems.push('invalid character');
  const stack: string[] = [];
  let roots = 0;
  const token = /<!--[\s\S]*?-->|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const m of body.matchAll(token)) {
    const [, close, open, attrs, selfClose, text, stray] = m;
    if (stray) problems.push(`stray < at ${m.index}`);
    else if (close) {
      if (stack.pop() !== close) problems.push(`mismatched </${close}> at ${m.index}`);
    } else if (open) {
      if (stack.length === 0) roots++;
      const names = [...(attrs ?? '').matchAll(/([\w:.-]+)\s*=/g)].map((a) => a[1]);
      if (new Set(names).size !== names.length) problems.push(`duplicate attribute in <${open}>`);
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(attrs ?? '')) problems.push(`bad entity in <${open}>`);
      if (!selfClose) stack.push(open);
    } else if (text !== undefined) {
      if (stack.length === 0 && text.trim() !== '') problems.push('text outside the root');
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) problems.push(`bad entity near ${text.slice(0, 30)}`);
    }
  }
  if (stack.length) problems.push(`unclosed ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

const rendered = new Map<DocModel, Doc>();
function doc(model: DocModel): Doc {
  let d = rendered.get(model);
  if (!d) {
    d = new Doc(renderDocx(model));
    rendered.set(model, d);
  }
  return d;
}

// ---------- ND30 numbers worked by hand ----------
// 20 mm = 20 / 25.4 × 1440 = 1133.9 → 1134 twips; 30 mm → 1700.8 → 1701; 15 mm → 850.4 → 850.
// A4 = 210 × 297 mm = 11906 × 16838 twips; text width 11906 − 1701 − 850 = 9355.
const A4 = { w: 11906, h: 16838 };
const MARGINS = { top: 1134, bottom: 1134, left: 1701, right: 850 };
const TEXT_WIDTH = 9355;
// 14 pt single spacing in Times New Roman ≈ 1.15 × 14 = 16.1 pt = 322 twips; 1.5 lines = 483 twips.
const SINGLE_14PT = 322;
const ONE_AND_HALF_14PT = 483;

describe('renderDocx: package', () => {
  it.each(DOC_MODEL_FIXTURES.map((f) => [f.name, f.model] as const))('%s: every XML part is well-formed', (_name, model) => {
    const d = doc(model);
    const problems = Object.entries(d.parts)
      .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
      .flatMap(([name, xml]) => wellFormedProblems(xml).map((p) => `${name}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('has the parts Word needs, [Content_Types].xml first, and no template tag left', () => {
    const d = doc(khKimThanh);
    const names = Object.keys(new PizZip(d.bytes).files);
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names).toEqual(
      expect.arrayContaining([
        '_rels/.rels',
        'word/document.xml',
        'word/_rels/document.xml.rels',
        'word/styles.xml',
        'word/settings.xml',
        'word/header1.xml',
        'word/header2.xml',
        'word/footnotes.xml',
        'docProps/core.xml',
        'docProps/app.xml',
      ]),
    );
    // outside the template's own comments, which document the slots
    for (const xml of Object.values(d.parts)) expect(xml.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/\{[#/^@.]?\w*\}|\[\[\w+\]\]/);
  });

  it('is deterministic: the same model gives the same bytes', () => {
    expect(renderDocx(qdPheDuyet).equals(renderDocx(qdPheDuyet))).toBe(true);
  });

  it('writes the core properties from meta', () => {
    const core = doc(khKimThanh).parts['docProps/core.xml'];
    expect(core).toContain(`<dc:title>${khKimThanh.meta.title}</dc:title>`);
    expect(core).toContain('<dc:creator>Ủy ban nhân dân xã Kim Thành</dc:creator>');
    expect(core).toContain('<dc:subject>Chính sách hỗ trợ hộ nghèo, hộ cận nghèo</dc:subject>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-05-26T00:00:00Z</dcterms:created>');
    const draft = doc(khDraftThanhThuy).parts['docProps/core.xml'];
    expect(draft).toContain('<cp:contentStatus>Dự thảo</cp:contentStatus>');
    expect(draft).not.toContain('dcterms:created'); // the draft has no date: none is invented
  });
});

describe('renderDocx: page (ND30 §1)', () => {
  it.each(DOC_MODEL_FIXTURES.map((f) => [f.name, f.model] as const))('%s: A4, margins 20/20/30/15 mm, first page without number', (_n, model) => {
    const d = doc(model);
    const sections = d.sectPrs();
    expect(sections).toHaveLength(model.annexes.length + 1);
    const main = sections[0];
    expect(main).toContain(`<w:pgSz w:w="${A4.w}" w:h="${A4.h}"/>`);
    for (const s of sections) {
      expect(s).toMatch(
        new RegExp(`<w:pgMar w:top="${MARGINS.top}" w:right="${MARGINS.right}" w:bottom="${MARGINS.bottom}" w:left="${MARGINS.left}"`),
      );
      expect(s).toContain('<w:titlePg/>');
      expect(s).toContain('<w:headerReference w:type="default" r:id="rIdHeaderDefault"/>');
      expect(s).toContain('<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>');
      expect(s).toContain('<w:pgNumType w:start="1"/>');
    }
  });

  it('numbers pages from page 2 in the top margin: PAGE field, 14 pt, centred; the first-page header is empty', () => {
    const d = doc(khKimThanh);
    const rels = d.parts['word/_rels/document.xml.rels'];
    expect(rels).toMatch(/Id="rIdHeaderDefault"[^>]*Target="header1.xml"/);
    expect(rels).toMatch(/Id="rIdHeaderFirst"[^>]*Target="header2.xml"/);
    const header = paragraphsOf(d.parts['word/header1.xml']);
    expect(header).toHaveLength(1);
    expect(d.parts['word/header1.xml']).toMatch(/<w:instrText[^>]*> PAGE <\/w:instrText>/);
    expect(header[0].pPr).toContain('<w:jc w:val="center"/>');
    expect(header[0].runs.every((r) => r.rPr.includes('<w:sz w:val="28"/>'))).toBe(true);
    expect(d.parts['word/header2.xml']).not.toContain('PAGE');
    // the page number sits inside the 20 mm top margin: header distance 10 mm (567) + one 14 pt line < 1134
    expect(d.sectPrs()[0]).toContain('w:header="567"');
  });

  it('uses Times New Roman for every script, in black, and no other font anywhere', () => {
    const d = doc(qdPheDuyet);
    const styles = d.parts['word/styles.xml'];
    const defaults = styles.split('</w:docDefaults>')[0];
    expect(defaults).toContain(
      '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>',
    );
    expect(defaults).toContain('<w:color w:val="000000"/>');
    const fonts = Object.values(d.parts).flatMap((xml) =>
      [...xml.matchAll(/<w:rFonts\b[^>]*>/g)].flatMap((el) => [...el[0].matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((m) => m[1])),
    );
    expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
    const colours = Object.values(d.parts).flatMap((xml) => [...xml.matchAll(/<w:color w:val="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(colours)).toEqual(new Set(['000000']));
  });
});

describe('renderDocx: header and title block (ND30 §2)', () => {
  type Row = [element: string, model: DocModel, text: string, halfPoints: number, bold: boolean, italic: boolean, jc: string];
  const rows: Row[] = [
    ['cơ quan chủ quản', khDraftThanhThuy, 'UBND TỈNH TUYÊN QUANG', 24, false, false, 'center'],
    ['cơ quan ban hành', khKimThanh, 'ỦY BAN NHÂN DÂN', 24, true, false, 'center'],
    ['cơ quan ban hành', khKimThanh, 'XÃ KIM THÀNH', 24, true, false, 'center'],
    ['Số', khKimThanh, 'Số: 128/KH-UBND', 26, false, false, 'center'],
    ['Số (blank number)', khDraftThanhThuy, 'Số:      /KH-UBND', 26, false, false, 'center'],
    ['Quốc hiệu', khKimThanh, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 24, true, false, 'center'],
    ['Tiêu ngữ', khKimThanh, 'Độc lập - Tự do - Hạnh phúc', 26, true, false, 'center'],
    ['date line', khKimThanh, 'Kim Thành, ngày 26 tháng 5 năm 2026', 26, false, true, 'center'],
    ['date line (blank day)', khDraftThanhThuy, 'Thanh Thủy, ngày      tháng 3 năm 2026', 26, false, true, 'center'],
    ['tên loại', khKimThanh, 'KẾ HOẠCH', 28, true, false, 'center'],
    ['tên loại', qdPheDuyet, 'QUYẾT ĐỊNH', 28, true, false, 'center'],
    ['trích yếu', qdPheDuyet, 'Về việc phê duyệt danh sách thành viên hộ nghèo, hộ cận nghèo', 28, true, false, 'center'],
    ['trích yếu', qdPheDuyet, 'được hỗ trợ 6 tháng đầu năm 2026', 28, true, false, 'center'],
    ['V/v', cvKinhGui, 'V/v đôn đốc rà soát hộ nghèo, hộ cận nghèo năm 2026', 24, false, false, 'center'],
    ['dự thảo', khDraftThanhThuy, 'DỰ THẢO', 26, true, false, 'center'],
  ];
  it.each(rows)('%s "%s…": size, weight, slant, alignment', (_e, model, text, halfPoints, bold, italic, jc) => {
    const d = doc(model);
    const p = d.para(text);
    const runs = d.textRuns(p);
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) {
      expect([d.size(p, r), d.toggle(p, r, 'b'), d.toggle(p, r, 'i')]).toEqual([halfPoints, bold, italic]);
    }
    expect(d.pAttr(p, 'jc', 'val')).toBe(jc);
  });

  it('lays the header out as a borderless 2 × 2 table, ≈45 % / 55 %, Số and the date line in the same row', () => {
    const d = doc(khKimThanh);
    const header = d.tables()[0];
    expect([...header.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([4200, 5155]);
    expect(4200 + 5155).toBe(TEXT_WIDTH);
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(header)![1];
    expect([...borders.matchAll(/<w:(\w+) w:val="(\w+)"/g)].map((m) => `${m[1]}=${m[2]}`)).toEqual(
      ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((e) => `${e}=nil`),
    );
    expect(header).not.toContain('<w:tcBorders>');
    const rowTexts = [...header.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((row) =>
      [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphsOf(cell[0]).map((p) => p.text).filter(Boolean)),
    );
    expect(rowTexts).toEqual([
      [['ỦY BAN NHÂN DÂN', 'XÃ KIM THÀNH'], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']],
      [['Số: 128/KH-UBND'], ['Kim Thành, ngày 26 tháng 5 năm 2026']],
    ]);
  });

  it('puts the công văn "V/v" under the Số line and prints no tên loại', () => {
    const d = doc(cvKinhGui);
    const row2 = [...d.tables()[0].matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)][1][0];
    const left = paragraphsOf(/<w:tc>[\s\S]*?<\/w:tc>/.exec(row2)![0]).map((p) => p.text);
    expect(left).toEqual(['Số: 57/UBND-KT', 'V/v đôn đốc rà soát hộ nghèo, hộ cận nghèo năm 2026']);
    expect(d.pAttr(d.para(left[1]), 'spacing', 'before')).toBe('120'); // 6 pt under Số
    expect(d.paragraphs.some((p) => /KẾ HOẠCH|QUYẾT ĐỊNH|CÔNG VĂN/.test(p.text))).toBe(false);
  });
});

interface Font {
  unitsPerEm: number;
  glyphForCodePoint(cp: number): { advanceWidth: number };
}

/** Measured with the real font (Tinos is metric-compatible with Times New Roman), not with the renderer's table. */
function fontkitWidthTwips(text: string, halfPoints: number): number {
  const candidates = [
    join(__dirname, '../../../templates/fonts/Tinos-Bold.ttf'),
    '/usr/share/fonts/truetype/croscore/Tinos-Bold.ttf',
  ];
  const file = candidates.find((f) => existsSync(f));
  if (!file) throw new Error(`Tinos-Bold.ttf not found (install fonts-croscore): ${candidates.join(', ')}`);
  const font = fontkit.create(readFileSync(file)) as Font;
  // advance widths without kerning, as Word and LibreOffice set text by default
  let units = 0;
  for (const ch of text.normalize('NFC')) units += font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth;
  return (units / font.unitsPerEm) * (halfPoints / 2) * 20;
}

describe('renderDocx: rules (ND30 §2)', () => {
  /** Lengths of the rule paragraphs (a top border between the indents) inside `xml`, with the column width they sit in. */
  function rules(xml: string, columnWidth: number): number[] {
    return paragraphsOf(xml)
      .filter((p) => /<w:pBdr><w:top w:val="single"/.test(p.pPr))
      .map((p) => {
        const left = Number(/w:left="(\d+)"/.exec(p.pPr)?.[1] ?? 0);
        const right = Number(/w:right="(\d+)"/.exec(p.pPr)?.[1] ?? 0);
        return columnWidth - left - right;
      });
  }
  function cells(d: Doc): string[] {
    const row1 = /<w:tr>[\s\S]*?<\/w:tr>/.exec(d.tables()[0])![0];
    return [...row1.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
  }

  it('under the cơ quan ban hành: 1/3 to 1/2 of its longest line', () => {
    const [left] = cells(doc(khKimThanh));
    const [len] = rules(left, 4200);
    const line = fontkitWidthTwips('ỦY BAN NHÂN DÂN', 24);
    expect(len).toBeGreaterThanOrEqual(line / 3);
    expect(len).toBeLessThanOrEqual(line / 2);
  });

  it('under the Tiêu ngữ: as long as the Tiêu ngữ (±2 %)', () => {
    const [, right] = cells(doc(khKimThanh));
    const [len] = rules(right, 5155);
    const line = fontkitWidthTwips('Độc lập - Tự do - Hạnh phúc', 26);
    expect(Math.abs(len - line) / line).toBeLessThan(0.02);
  });

  it('under the trích yếu: 1/3 to 1/2 of its line (a wrapped line is the text width)', () => {
    const d = doc(qdPheDuyet);
    const afterTitle = d.document.slice(d.document.indexOf('được hỗ trợ 6 tháng đầu năm 2026'));
    const len = rules(afterTitle.slice(0, afterTitle.indexOf('CHỦ TỊCH ỦY BAN')), TEXT_WIDTH)[0];
    const line = Math.min(TEXT_WIDTH, fontkitWidthTwips('Về việc phê duyệt danh sách thành viên hộ nghèo, hộ cận nghèo', 28));
    expect(len).toBeGreaterThanOrEqual(line / 3);
    expect(len).toBeLessThanOrEqual(line / 2);
  });

  it('draws no trích yếu rule for a công văn', () => {
    const d = doc(cvKinhGui);
    const between = d.document.slice(d.document.indexOf('</w:tbl>'), d.document.indexOf('Kính gửi:'));
    expect(rules(between, TEXT_WIDTH)).toEqual([]);
  });
});

describe('renderDocx: body (ND30 §3)', () => {
  it.each([
    ['KH paragraph', khKimThanh, 'Tổ chức họp thôn để lấy ý kiến công khai nhân dân (có biên bản cuộc họp).'],
    ['QĐ khoản', qdPheDuyet, '1. Phòng Kinh tế chủ trì, phối hợp với các thôn, thị tứ tổ chức chi trả kịp thời, đúng đối tượng.'],
    ['căn cứ', qdPheDuyet, 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;'],
    ['heading I.', khKimThanh, 'I. MỤC ĐÍCH, YÊU CẦU'],
  ] as const)('%s: 14 pt, justified, first line 1 cm, 6 pt before, single ≤ line ≤ 1.5', (_k, model, text) => {
    const d = doc(model);
    const p = d.para(text);
    for (const r of d.textRuns(p)) expect(d.size(p, r)).toBe(28);
    expect(d.pAttr(p, 'jc', 'val')).toBe('both');
    expect(d.pAttr(p, 'ind', 'firstLine')).toBe('567');
    expect(d.pAttr(p, 'spacing', 'before')).toBe('120');
    const line = Number(d.pAttr(p, 'spacing', 'line'));
    expect(d.pAttr(p, 'spacing', 'lineRule')).toBe('exact');
    expect(line).toBeGreaterThanOrEqual(SINGLE_14PT);
    expect(line).toBeLessThanOrEqual(ONE_AND_HALF_14PT);
  });

  type Emphasis = [what: string, model: DocModel, text: string, bold: boolean, italic: boolean];
  it.each<Emphasis>([
    ['căn cứ italic', qdPheDuyet, 'Theo đề nghị của Trưởng phòng Kinh tế.', false, true],
    ['heading level 1 bold', khKimThanh, 'III. TỔ CHỨC THỰC HIỆN', true, false],
    ['heading level 2 bold', khKimThanh, '1. Mục đích', true, false],
    ['heading level 3 bold italic', khDraftThanhThuy, '1.1. Đẩy mạnh công tác thông tin, tuyên truyền nâng cao nhận thức về giảm nghèo bền vững', true, true],
    ['thẩm quyền ban hành bold', qdPheDuyet, 'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ KIM THÀNH', true, false],
    ['"QUYẾT ĐỊNH:" bold', qdPheDuyet, 'QUYẾT ĐỊNH:', true, false],
    ['plain body upright', khKimThanh, 'Cơ quan chủ trì: Phòng Kinh tế', false, false],
  ])('%s', (_w, model, text, bold, italic) => {
    const d = doc(model);
    const p = d.para(text);
    for (const r of d.textRuns(p)) expect([d.toggle(p, r, 'b'), d.toggle(p, r, 'i')]).toEqual([bold, italic]);
  });

  it('centres the thẩm quyền and "QUYẾT ĐỊNH:" lines without indent', () => {
    const d = doc(qdPheDuyet);
    for (const text of ['CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ KIM THÀNH', 'QUYẾT ĐỊNH:']) {
      const p = d.para(text);
      expect([d.pAttr(p, 'jc', 'val'), d.pAttr(p, 'ind', 'firstLine')]).toEqual(['center', '0']);
    }
  });

  it('keeps the emphasis of runs as the model gives it (bold lead-in, italic aside)', () => {
    const d = doc(khKimThanh);
    const p = d.paragraphs.find((x) => x.text.startsWith('3. Trung tâm Dịch vụ sự nghiệp công:'))!;
    const runs = d.textRuns(p);
    expect(runs.map((r) => [r.text.slice(0, 10), d.toggle(p, r, 'b')])).toEqual([
      ['3. Trung t', true],
      [' Tăng cườn', false],
    ]);
    const aside = d.paragraphs.find((x) => x.text.startsWith('UBND xã yêu cầu'))!;
    expect(d.textRuns(aside).filter((r) => d.toggle(aside, r, 'i')).map((r) => r.text)).toEqual(['qua Phòng Kinh tế']);
  });

  it('prints "Điều N." bold and the article text as the model says, indented 1 cm', () => {
    const d = doc(qdPheDuyet);
    const p = d.paragraphs.find((x) => x.text.startsWith('Điều 1. Phê duyệt'))!;
    const runs = d.textRuns(p);
    expect([runs[0].text, d.toggle(p, runs[0], 'b')]).toEqual(['Điều 1.', true]);
    expect(runs.slice(1).every((r) => !d.toggle(p, r, 'b'))).toBe(true);
    expect(d.pAttr(p, 'ind', 'firstLine')).toBe('567');
    expect(d.para('Điều 2. Tổ chức thực hiện').runs[0].text).toBe('Điều 2.');
  });

  it('lines up several Kính gửi recipients under the text after the colon', () => {
    const d = doc(cvKinhGui);
    const [label, a, b] = ['Kính gửi:', '- Các tổ dân phố trên địa bàn phường;', '- Phòng Kinh tế, Hạ tầng và Đô thị.'].map((t) => d.para(t));
    const left = (p: Para) => Number(d.pAttr(p, 'ind', 'left'));
    expect(left(a)).toBe(left(b));
    expect(left(a)).toBeGreaterThan(left(label));
  });

  it('writes footnotes as real Word footnotes, numbered from 1, 12 pt, referenced in the text', () => {
    const d = doc(khDraftThanhThuy);
    const p = d.paragraphs.find((x) => x.text.startsWith('2. Mục tiêu cụ thể năm 2026:'))!;
    expect(p.xml).toMatch(/<w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/>[^]*?<w:footnoteReference w:id="1"\/><\/w:r>/);
    expect(p.text.endsWith('Phấn đấu giảm 54 hộ nghèo.')).toBe(true);
    const notes = d.parts['word/footnotes.xml'];
    const note = /<w:footnote w:id="1">([\s\S]*?)<\/w:footnote>/.exec(notes)![1];
    expect(note).toContain('<w:footnoteRef/>');
    const [np] = paragraphsOf(note);
    expect(np.text.trim()).toBe('Từ 292 hộ cuối năm 2025 xuống còn 238 hộ cuối năm 2026 tại Kế hoạch số 46/KH-UBND của UBND tỉnh');
    expect(d.textRuns(np).every((r) => d.size(np, r) === 24)).toBe(true);
    expect(d.parts['word/settings.xml']).toMatch(/<w:footnotePr>\s*<w:footnote w:id="-1"\/>\s*<w:footnote w:id="0"\/>/);
    expect(d.parts['[Content_Types].xml']).toContain('PartName="/word/footnotes.xml"');
  });
});

describe('renderDocx: tables', () => {
  const d = () => doc(qdPheDuyet);
  function rowsOf(table: string): string[] {
    return [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
  }
  /** Annex tables are the bordered ones (the header and signature tables have none). */
  const annexTables = () => d().tables().filter((t) => t.includes('<w:tblStyle w:val="TableGrid"/>'));

  it('borders every cell and repeats the header row on each page', () => {
    const tables = annexTables();
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      expect(t).toMatch(/<w:insideH w:val="single"/);
      expect(t).toMatch(/<w:insideV w:val="single"/);
      const rows = rowsOf(t);
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    }
  });

  it('sets column widths from the model: 8/42/20/30 of the 9355-twip text width', () => {
    // 9355 × 8/100 = 748.4, × 42/100 = 3929.1, × 20/100 = 1871, rest 9355 − 748 − 3929 − 1871 = 2807
    expect([...annexTables()[0].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([748, 3929, 1871, 2807]);
  });

  it('right-aligns numeric columns and bolds the total row', () => {
    const rows = rowsOf(annexTables()[0]);
    const cellsOf = (row: string) => [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => paragraphsOf(m[0])[0]);
    const first = cellsOf(rows[1]);
    expect(first.map((p) => p.text)).toEqual(['1', 'Thôn Đông', '8', '20.400.000']);
    expect(first.map((p) => d().pAttr(p, 'jc', 'val') ?? 'left')).toEqual(['center', 'left', 'right', 'right']);
    const total = cellsOf(rows[rows.length - 1]);
    expect(total.map((p) => p.text)).toEqual(['', 'Tổng cộng', '40', '104.400.000']);
    for (const p of total) for (const r of d().textRuns(p)) expect(d().toggle(p, r, 'b')).toBe(true);
    for (const p of first) for (const r of d().textRuns(p)) expect(d().toggle(p, r, 'b')).toBe(false);
  });

  it('renders a 10,000-row annex table completely', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ cells: [String(i + 1), `Hộ ${i + 1}`, '1.800.000'] }));
    const model: DocModel = {
      ...khKimThanh,
      annexes: [
        {
          label: 'Phụ lục',
          title: ['DANH SÁCH'],
          blocks: [{ kind: 'table', columns: [{ header: 'STT', width: 1 }, { header: 'Hộ', width: 3 }, { header: 'Số tiền', width: 2, numeric: true }], rows }],
        },
      ],
    };
    const paras = extractDocxParagraphs(renderDocx(model));
    const start = paras.indexOf('DANH SÁCH');
    expect(paras.slice(start + 1, start + 4)).toEqual(['STT', 'Hộ', 'Số tiền']);
    expect(paras.slice(start + 4 + 3 * 9_999, start + 4 + 3 * 10_000)).toEqual(['10000', 'Hộ 10000', '1.800.000']);
  });
});

describe('renderDocx: signature and Nơi nhận (ND30 §4, §5)', () => {
  it('is a borderless two-column table: "Nơi nhận:" and recipients left, quyền hạn, 30 mm, name right', () => {
    const d = doc(khKimThanh);
    const tables = d.tables();
    const sig = tables[tables.length - 1];
    expect(/<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(sig)![1]).not.toMatch(/w:val="(?!nil)/);
    expect(sig).not.toContain('<w:tcBorders>');
    const [left, right] = [...sig.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => paragraphsOf(m[0]));
    expect(left.map((p) => p.text)).toEqual([
      'Nơi nhận:',
      '- TTĐU, TTHĐND xã (để báo cáo);',
      '- Lãnh đạo UBND xã;',
      '- Các Phòng, đơn vị liên quan;',
      '- Các thôn, thị tứ trên địa bàn xã;',
      '- Lưu: VT, VH-XH.',
    ]);
    expect(right.map((p) => p.text)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '', 'Nguyễn Đình Huấn']);
    // "Nơi nhận:" level with the first quyền hạn line: both open their cell, same top margin, same line height
    expect(d.pAttr(left[0], 'spacing', 'line')).toBe(d.pAttr(right[0], 'spacing', 'line'));
    // room for signature and seal: at least 30 mm = 1701 twips
    expect(Number(d.pAttr(right[2], 'spacing', 'line'))).toBeGreaterThanOrEqual(1701);
    expect(d.pAttr(right[2], 'spacing', 'lineRule')).toBe('exact');
  });

  it('keeps the last body paragraph on the page of the signature block', () => {
    const d = doc(khKimThanh);
    const last = d.para(
      'UBND xã yêu cầu Thủ trưởng các cơ quan, đơn vị liên quan; trưởng các thôn nghiêm túc triển khai thực hiện. Trong quá trình thực hiện, nếu có khó khăn vướng mắc báo cáo về UBND xã (qua Phòng Kinh tế) để giải quyết./.',
    );
    expect(last.pPr).toContain('<w:keepNext/>');
    expect(d.para('Cơ quan chủ trì: Phòng Kinh tế').pPr).not.toContain('<w:keepNext/>');
  });

  it.each([
    ['Nơi nhận:', 24, true, true, 'left'],
    ['- Lãnh đạo UBND xã;', 22, false, false, 'left'],
    ['KT. CHỦ TỊCH', 28, true, false, 'center'],
    ['PHÓ CHỦ TỊCH', 28, true, false, 'center'],
    ['Nguyễn Đình Huấn', 28, true, false, 'center'],
  ] as const)('%s: %i half-points, bold %s, italic %s, %s', (text, halfPoints, bold, italic, jc) => {
    const d = doc(khKimThanh);
    const p = d.para(text);
    for (const r of d.textRuns(p)) expect([d.size(p, r), d.toggle(p, r, 'b'), d.toggle(p, r, 'i')]).toEqual([halfPoints, bold, italic]);
    expect(d.pAttr(p, 'jc', 'val') ?? 'left').toBe(jc);
  });
});

describe('renderDocx: annexes (ND30 §8)', () => {
  it('starts each annex on a new section with numbering from 1; a landscape annex gets a landscape page', () => {
    const d = doc(qdPheDuyet);
    const [main, annexI, annexII] = d.sectPrs();
    // the main text's properties close it (before "Phụ lục I"), annex I's before "Phụ lục II", annex II's end the body
    expect(d.document.indexOf(main)).toBeLessThan(d.document.indexOf('>Phụ lục I<'));
    expect(d.document.indexOf(annexI)).toBeLessThan(d.document.indexOf('>Phụ lục II<'));
    expect(d.document).toMatch(/<\/w:sectPr>\s*<\/w:body>/);
    expect(main).toContain(`<w:pgSz w:w="${A4.w}" w:h="${A4.h}"/>`);
    expect(annexI).toContain(`<w:pgSz w:w="${A4.w}" w:h="${A4.h}"/>`);
    expect(annexII).toContain(`<w:pgSz w:w="${A4.h}" w:h="${A4.w}" w:orient="landscape"/>`);
    for (const s of [annexI, annexII]) {
      expect(s).toContain('<w:type w:val="nextPage"/>');
      expect(s).toContain('<w:pgNumType w:start="1"/>');
    }
  });

  it('widens a landscape annex table to the landscape text width (16838 − 1701 − 850 = 14287)', () => {
    const tables = doc(qdPheDuyet).tables().filter((t) => t.includes('TableGrid'));
    expect(/<w:tblW w:w="(\d+)"/.exec(tables[1])![1]).toBe('14287');
    const grid = [...tables[1].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(14287);
  });

  it.each([
    ['Phụ lục I', 28, true, false],
    ['TỔNG HỢP KINH PHÍ HỖ TRỢ THEO THÔN', 28, true, false],
    ['DANH SÁCH THÀNH VIÊN HỘ NGHÈO, HỘ CẬN NGHÈO', 28, true, false],
    ['(Kèm theo Quyết định số 215/QĐ-UBND ngày 02 tháng 6 năm 2026 của Chủ tịch UBND xã Kim Thành)', 28, false, true],
  ] as const)('%s: centred, %i half-points, bold %s, italic %s', (text, halfPoints, bold, italic) => {
    const d = doc(qdPheDuyet);
    const p = d.paragraphs.find((x) => x.text === text)!;
    for (const r of d.textRuns(p)) expect([d.size(p, r), d.toggle(p, r, 'b'), d.toggle(p, r, 'i')]).toEqual([halfPoints, bold, italic]);
    expect(d.pAttr(p, 'jc', 'val')).toBe('center');
  });
});

describe('renderDocx: text in, same text out', () => {
  it('prints every string of the model, in order', () => {
    const paras = extractDocxParagraphs(doc(khKimThanh).bytes);
    const expected = [
      'ỦY BAN NHÂN DÂN',
      'XÃ KIM THÀNH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 128/KH-UBND',
      'Kim Thành, ngày 26 tháng 5 năm 2026',
      'KẾ HOẠCH',
      ...khKimThanh.header.title,
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'Thời gian thực hiện: Từ ngày 29/5/2026 đến hết ngày 01/6/2025',
      'Nơi nhận:',
      '- Lưu: VT, VH-XH.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Đình Huấn',
      'Theo Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng.',
    ];
    let at = -1;
    for (const e of expected) {
      const next = paras.indexOf(e, at + 1);
      expect([e, next > at]).toEqual([e, true]);
      at = next;
    }
  });

  it.each([
    ['markup characters', 'Mức <tối đa> & "tối thiểu" của \'Nhà nước\' {không phải thẻ} [[title]]'],
    ['spaces kept', 'Số:      /KH-UBND   (chưa cấp số)'],
    ['a tab and a line break read as spaces', 'Cột A\tCột B\nDòng 2'],
    ['control characters dropped', 'Tổng\u0001 cộng\u000B'],
  ])('round-trips %s through the XML', (_k, raw) => {
    const model: DocModel = { ...cvKinhGui, body: [{ kind: 'paragraph', runs: [{ text: raw }] }] };
    const paras = extractDocxParagraphs(renderDocx(model));
    const expected = [...raw]
      .filter((c) => !notXmlChar(c))
      .join('')
      .replace(/[\t\n]/g, ' ');
    expect(paras).toContain(expected);
  });

  it('escapes any text: the package stays well-formed and the paragraph reads back (property)', () => {
    const alphabet = ['<', '>', '&', '"', "'", '{', '}', '@', '#', ' ', 'a', 'Đ', 'ộ', 'e\u0302\u0301', '\u0001', '\uFFFE', '&amp;', ']]>', '\u{1F600}'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 20 }), (chars) => {
        const raw = chars.join('');
        const expected = [...raw]
          .filter((c) => !notXmlChar(c))
          .join('')
          .normalize('NFC');
        fc.pre(expected.trim() !== '');
        const bytes = renderDocx({ ...cvKinhGui, body: [{ kind: 'paragraph', runs: [{ text: raw }] }], annexes: [] });
        const problems = wellFormedProblems(parts(bytes)['word/document.xml']);
        return problems.length === 0 && extractDocxParagraphs(bytes).includes(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('writes NFC whatever the model holds: NFD in, the NFC document out', () => {
    const toNfd = <T>(v: T): T =>
      (typeof v === 'string'
        ? v.normalize('NFD')
        : Array.isArray(v)
          ? v.map(toNfd)
          : v && typeof v === 'object'
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toNfd(x)]))
            : v) as T;
    const nfdModel = toNfd(khDraftThanhThuy);
    expect(nfdModel.header.issuer[1]).not.toBe(khDraftThanhThuy.header.issuer[1]); // the input really is NFD
    const bytes = renderDocx(nfdModel);
    for (const [name, xml] of Object.entries(parts(bytes))) expect([name, /[\u0300-\u036f]/.test(xml)]).toEqual([name, false]);
    expect(extractDocxParagraphs(bytes)).toEqual(extractDocxParagraphs(doc(khDraftThanhThuy).bytes));
    expect(extractDocxParagraphs(bytes)).toContain('XÃ THANH THỦY');
  });
});
