/**
 * DocModel → one HTML page for preview on screen and printing: the same structure and text, in the
 * same order, as the DOCX (templates/html/*.hbs, with print CSS for A4 and the ND30 margins).
 *
 * Templates run in an isolated Handlebars instance; every model string reaches the page through
 * `{{…}}`, so it is escaped. The view built here holds only strings, numbers and flags.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Align, Block, DocModel, Inline, TextRun } from '../../drafting/doc-model';
import { isFootnote } from '../../drafting/doc-model';
import { nfcDeep } from '../../vi/nfc';
import { emWidth, fontsDir, loadFaces, type FaceKey } from '../pdf/fonts';

interface RunView {
  text?: string;
  cls?: string;
  note?: number;
}

interface NoteView {
  number: number;
  runs: RunView[];
}

type BlockView =
  | { heading: true; level: number; cls: string; runs: RunView[] }
  | { paragraph: true; cls: string; runs: RunView[] }
  | { article: true; title: RunView[]; body: BlockView[] }
  | {
      table: true;
      caption?: string;
      columns: { header: string; width: string }[];
      rows: { total: boolean; cells: { text: string; cls: string }[] }[];
    };

interface AnnexView {
  label: string;
  title: string[];
  subtitle?: string;
  landscape: boolean;
  rule?: string;
  blocks: BlockView[];
  notes: NoteView[];
}

/** The ND30 profile's lengths the page needs (points), as in the DOCX and PDF renderers. */
const HEADER_LEFT = 210;
const TEXT_WIDTH = 467.72;
const TEXT_WIDTH_LANDSCAPE = 714.33;
const SHORT_RULE_RATIO = 0.4;
const TITLE_RULE_RATIO = 0.35;
const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

function templatesDir(): string {
  // templates/html sits next to templates/fonts, which the PDF renderer already knows how to find
  return join(fontsDir(), '..', 'html');
}

let compiled: Handlebars.TemplateDelegate | undefined;

function template(): Handlebars.TemplateDelegate {
  if (compiled) return compiled;
  const hb = Handlebars.create();
  const dir = templatesDir();
  hb.registerPartial('css', readFileSync(join(dir, 'nd30.css'), 'utf8'));
  for (const f of readdirSync(join(dir, 'partials')).filter((n) => n.endsWith('.hbs'))) {
    hb.registerPartial(f.replace(/\.hbs$/, ''), readFileSync(join(dir, 'partials', f), 'utf8').replace(/\n$/, ''));
  }
  compiled = hb.compile(readFileSync(join(dir, 'document.hbs'), 'utf8'), { noEscape: false, preventIndent: true });
  return compiled;
}

/** Width in points of the longest line, at most `max`: for the rules whose length ND30 ties to a text line. */
function longest(lines: string[], face: FaceKey, size: number, max: number): number {
  const f = loadFaces()[face];
  return Math.max(0, ...lines.map((l) => Math.min(max, emWidth(f, l, () => 'a rule line') * size)));
}

const pt = (v: number) => (Math.round(v * 100) / 100).toFixed(2);

class ViewBuilder {
  private notes: NoteView[] = [];
  private count = 0;

  /** Footnotes met since the last call (they print at the end of their section). */
  takeNotes(): NoteView[] {
    const out = this.notes;
    this.notes = [];
    return out;
  }

  runs(inlines: Inline[], base: { bold?: boolean; italic?: boolean } = {}): RunView[] {
    return inlines.map((r) => {
      if (!isFootnote(r)) return this.run(r, base);
      const number = ++this.count;
      this.notes.push({ number, runs: r.footnote.map((n) => this.run(n, {})) });
      return { note: number };
    });
  }

  /** A run's own emphasis wins over its paragraph's, as in the DOCX. */
  private run(r: TextRun, base: { bold?: boolean; italic?: boolean }): RunView {
    const cls = [r.bold ?? base.bold ? 'b' : '', r.italic ?? base.italic ? 'i' : '', r.underline ? 'u' : ''].filter(Boolean).join(' ');
    return cls ? { text: r.text, cls } : { text: r.text };
  }

  blocks(blocks: Block[], width: number): BlockView[] {
    return blocks.map((b) => this.block(b, width));
  }

  private block(b: Block, width: number): BlockView {
    switch (b.kind) {
      case 'heading':
        return { heading: true, level: b.level, cls: alignClass(b.align ?? 'justify', true), runs: this.runs(b.runs, { bold: b.level <= 3, italic: b.level >= 3 }) };
      case 'paragraph':
        return { paragraph: true, cls: alignClass(b.align ?? 'justify', b.indent !== false), runs: this.runs(b.runs) };
      case 'article': {
        const title: Inline[] = [{ text: `Điều ${b.number}.`, bold: true }];
        if (b.title.length) title.push({ text: ' ' }, ...b.title);
        return { article: true, title: this.runs(title), body: this.blocks(b.body, width) };
      }
      case 'table': {
        const safe = b.columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 1));
        const total = safe.reduce((a, x) => a + x, 0);
        const aligns = b.columns.map((c) => c.align ?? (c.numeric ? 'right' : 'left'));
        const view: BlockView = {
          table: true,
          columns: b.columns.map((c, i) => ({ header: c.header, width: ((safe[i] / total) * 100).toFixed(3) })),
          rows: b.rows.map((r) => ({
            total: r.total === true,
            cells: b.columns.map((_, i) => ({ text: r.cells[i] ?? '', cls: aligns[i] === 'left' ? '' : aligns[i] })),
          })),
        };
        if (b.caption) view.caption = b.caption;
        return view;
      }
    }
  }
}

function alignClass(align: Align, indent: boolean): string {
  if (align === 'center' || align === 'right') return align;
  return [align === 'left' ? 'left' : '', indent ? '' : 'noindent'].filter(Boolean).join(' ');
}

/** The view of a model for templates/html/document.hbs. Exported for tests. */
export function htmlView(input: DocModel): Record<string, unknown> {
  const model = nfcDeep(input);
  const h = model.header;
  const v = new ViewBuilder();
  const ruled = h.title.length ? h.title : h.typeName ? [h.typeName] : [];
  const kinhGui = model.kinhGui ?? [];
  const hang = kinhGui.length > 1 ? longest([kinhGui[0].slice(0, kinhGui[0].indexOf(':') + 1) + ' '], 'regular', 14, TEXT_WIDTH) : 0;
  const view = {
    meta: model.meta,
    draftMark: h.draftMark ?? '',
    governingBody: h.governingBody,
    issuer: h.issuer,
    issuerRule: h.issuer.length ? pt(longest(h.issuer, 'bold', 12, HEADER_LEFT) * SHORT_RULE_RATIO) : '',
    tieuNguRule: pt(longest([TIEU_NGU], 'bold', 13, TEXT_WIDTH - HEADER_LEFT)),
    numberLine: h.numberLine,
    vv: h.vv ?? '',
    placeDateLine: h.placeDateLine,
    typeName: h.typeName ?? '',
    title: h.title,
    titleRule: ruled.length ? pt(longest(ruled, 'bold', 14, TEXT_WIDTH) * TITLE_RULE_RATIO) : '',
    authority: model.authority ?? [],
    kinhGuiList: kinhGui.length > 1,
    // several Kính gửi lines: the first 4 cm in, the others under the text after "Kính gửi: "
    kinhGui: kinhGui.map((text, i) => ({ text, style: kinhGui.length > 1 ? `margin-left: ${pt(113.4 + (i === 0 ? 0 : hang))}pt; text-indent: 0${i === 0 ? '' : '; margin-top: 0'}` : '' })),
    canCu: model.canCu.map((c) => v.runs(c, { italic: true })),
    enactingLine: model.enactingLine ?? '',
    body: v.blocks(model.body, TEXT_WIDTH),
    recipients: model.recipients.entries,
    signatureLines: model.signature.lines,
    signerName: model.signature.name,
    notes: [] as NoteView[],
    annexes: [] as AnnexView[],
  };
  view.notes = v.takeNotes();
  view.annexes = model.annexes.map((a) => {
    const width = a.landscape ? TEXT_WIDTH_LANDSCAPE : TEXT_WIDTH;
    const ruleOf = a.subtitle ? longest([a.subtitle], 'italic', 14, width) : a.title.length ? longest(a.title, 'bold', 14, width) : 0;
    const annex: AnnexView = { label: a.label, title: a.title, landscape: a.landscape === true, blocks: v.blocks(a.blocks, width), notes: [] };
    annex.notes = v.takeNotes();
    if (a.subtitle) annex.subtitle = a.subtitle;
    if (ruleOf > 0) annex.rule = pt(ruleOf * TITLE_RULE_RATIO);
    return annex;
  });
  return view;
}

export function renderHtml(model: DocModel): string {
  return template()(htmlView(model));
}
