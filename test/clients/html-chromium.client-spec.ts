// the functions given to page.evaluate run in the browser: they need the DOM's types (tests only;
// the build does not compile test/)
/// <reference lib="dom" />
/**
 * Chromium judges our HTML (the system /usr/bin/chromium, headless, driven by playwright-core with a
 * fresh profile): for every DocModel fixture the page shows A4 sheets (210 × 297 mm, landscape
 * annexes 297 × 210 mm) with the ND30 margins and type sizes, every text is drawn with Tinos or
 * another Times New Roman metric twin (Chromium's own report of the platform fonts it used, no
 * fallback font), nothing is wider than its sheet; Chromium's print to PDF carries the words of the
 * DOCX in the same order; and model text that looks like markup stays text.
 *
 * Expected lengths are ND30's millimetres and points (spec/nd30.md §9) converted by hand here:
 * 1 mm = 96 / 25.4 CSS px, 1 pt = 96 / 72 CSS px.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DOC_MODEL_FIXTURES } from '../../fixtures/docmodels';
import type { DocModel } from '../../src/drafting/doc-model';
import { renderHtml } from '../../src/render/html/html-renderer';
import { featureModel, qdWithAnnex } from '../../src/render/pdf/fixtures/sample-models';
import { SEED_KH_NAMES, seedModel } from '../../src/render/pdf/fixtures/seed-models';
import { docxTokens, dropRepeatedHeaders, firstDifference, moveFootnotes, tokens } from '../render-support/word-sequence';

jest.setTimeout(300_000);

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const MM = 96 / 25.4;
const PT = 96 / 72;
/** A4 in PDF points: 210 × 297 mm */
const A4_PT = [(210 * 72) / 25.4, (297 * 72) / 25.4];
const TIMES_TWINS = /^(Tinos|Liberation Serif|Times New Roman)$/;

const MODELS: [string, () => DocModel][] = [
  ...DOC_MODEL_FIXTURES.map((f): [string, () => DocModel] => [f.name, () => f.model]),
  ...SEED_KH_NAMES.map((n): [string, () => DocModel] => [`seed-${n}`, () => seedModel(n)]),
  ['feature', featureModel],
  ['qd-landscape', () => qdWithAnnex(60, { landscape: true })],
];

let context: BrowserContext;
let profile: string;
let work: string;

beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'vanthu-chromium-profile-'));
  work = mkdtempSync(join(tmpdir(), 'vanthu-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1400, height: 1000 } });
});

afterAll(async () => {
  await context?.close();
  for (const dir of [profile, work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(name: string, model: DocModel): Promise<Page> {
  const file = join(work, `${name}.html`);
  writeFileSync(file, renderHtml(model));
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page;
}

function tool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** The platform fonts Chromium drew each text-bearing element with (DevTools protocol). */
async function platformFonts(page: Page): Promise<Map<string, number>> {
  const count = await page.evaluate(() => {
    let n = 0;
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (Array.from(el.childNodes).some((c) => c.nodeType === Node.TEXT_NODE && (c.textContent ?? '').trim() !== '')) el.setAttribute('data-text-node', String(n++));
    }
    return n;
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-text-node]' });
  expect(nodeIds.length).toBe(count);
  const families = new Map<string, number>();
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    for (const f of fonts) families.set(f.familyName, (families.get(f.familyName) ?? 0) + f.glyphCount);
  }
  await cdp.detach();
  return families;
}

describe('our HTML in Chromium', () => {
  it.each(MODELS)('%s: A4 sheets with the ND30 margins and sizes, Tinos for every glyph, nothing wider than its sheet', async (name, make) => {
    const model = make();
    const page = await open(name, model);
    try {
      const sheets = await page.$$eval('.sheet', (els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          const cs = getComputedStyle(e);
          return {
            landscape: e.classList.contains('landscape'),
            width: r.width,
            height: r.height,
            minHeight: parseFloat(cs.minHeight),
            padding: [cs.paddingTop, cs.paddingRight, cs.paddingBottom, cs.paddingLeft].map(parseFloat),
          };
        }),
      );
      expect(sheets.map((s) => s.landscape)).toEqual([false, ...model.annexes.map((a) => a.landscape === true)]);
      for (const s of sheets) {
        const [w, h] = s.landscape ? [297, 210] : [210, 297];
        expect(s.width).toBeCloseTo(w * MM, 1);
        expect(s.minHeight).toBeCloseTo(h * MM, 1);
        expect(s.height).toBeGreaterThanOrEqual(h * MM - 0.5);
        // top, right, bottom, left: 20, 15, 20, 30 mm
        s.padding.forEach((p, i) => expect(p).toBeCloseTo([20, 15, 20, 30][i] * MM, 1));
      }

      // type sizes of spec/nd30.md §9, where the model has the element
      const sizes = await page.evaluate((selectors: string[]) => selectors.map((sel) => [...new Set(Array.from(document.querySelectorAll(sel)).map((e) => getComputedStyle(e).fontSize))]), [
        '.issuer',
        '.quoc-hieu',
        '.tieu-ngu',
        '.number-line',
        '.date-line',
        '.type-name',
        '.title',
        '.can-cu',
        '.recipients-label',
        '.recipient',
        '.signature-line',
        '.signature-name',
      ]);
      // computed sizes in CSS px, back to points (two decimals)
      const pts = sizes.map((list) => list.map((v) => Math.round((parseFloat(v) / PT) * 100) / 100));
      const has = (present: boolean, pt: number) => (present ? [pt] : []);
      const h = model.header;
      expect(pts).toEqual([
        has(h.issuer.length > 0, 12),
        [12],
        [13],
        [13],
        [13],
        has(h.typeName !== undefined, 14),
        has(h.title.length > 0, 14),
        has(model.canCu.length > 0, 14),
        has(model.recipients.entries.length > 0, 12),
        has(model.recipients.entries.length > 0, 11),
        has(model.signature.lines.length > 0, 14),
        [14],
      ]);

      const families = await platformFonts(page);
      expect(families.size).toBeGreaterThan(0);
      expect([...families.keys()].filter((f) => !TIMES_TWINS.test(f))).toEqual([]);

      const overflow = await page.evaluate(() => {
        const out: string[] = [];
        const doc = document.documentElement;
        if (doc.scrollWidth > doc.clientWidth) out.push(`page ${doc.scrollWidth} px wide in a ${doc.clientWidth} px window`);
        for (const sheet of Array.from(document.querySelectorAll('.sheet'))) {
          const r = sheet.getBoundingClientRect();
          const cs = getComputedStyle(sheet);
          const left = r.left + parseFloat(cs.paddingLeft) - 0.5;
          const right = r.right - parseFloat(cs.paddingRight) + 0.5;
          // boxes: block-level ones (an inline box also spans the spaces that hang at its line ends)
          for (const el of Array.from(sheet.querySelectorAll('*'))) {
            const e = el.getBoundingClientRect();
            if ((e.width === 0 && e.height === 0) || getComputedStyle(el).display === 'inline') continue;
            const what = `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
            if (e.left < left || e.right > right) out.push(`${what}: ${e.left.toFixed(1)}–${e.right.toFixed(1)} outside ${left.toFixed(1)}–${right.toFixed(1)}`);
            if (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) out.push(`${what}: content ${el.scrollWidth} px in ${el.clientWidth} px`);
          }
          // and every word drawn
          const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const m of (node.textContent ?? '').matchAll(/\S+/g)) {
              range.setStart(node, m.index ?? 0);
              range.setEnd(node, (m.index ?? 0) + m[0].length);
              const w = range.getBoundingClientRect();
              if (w.left < left || w.right > right) out.push(`word "${m[0]}": ${w.left.toFixed(1)}–${w.right.toFixed(1)} outside ${left.toFixed(1)}–${right.toFixed(1)}`);
            }
          }
        }
        return out;
      });
      expect(overflow).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each(MODELS)('%s: printed to PDF by Chromium, A4 pages with the words of the DOCX in the same order', async (name, make) => {
    const model = make();
    const page = await open(name, model);
    const file = join(work, `${name}.chromium.pdf`);
    try {
      writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
    } finally {
      await page.close();
    }
    const info = tool('pdfinfo', ['-f', '1', '-l', '100000', file]);
    const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(sizes.length).toBeGreaterThan(0);
    // Chromium rounds the page to whole CSS pixels: within 1 pt of A4
    const isA4 = ([w, h]: number[]) => Math.abs(Math.min(w, h) - A4_PT[0]) <= 1 && Math.abs(Math.max(w, h) - A4_PT[1]) <= 1;
    expect(sizes.filter((s) => !isA4(s))).toEqual([]);
    expect(sizes[0][0]).toBeLessThan(sizes[0][1]);
    expect(sizes.some(([w, h]) => w > h)).toBe(model.annexes.some((a) => a.landscape === true));

    const pages = tool('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']).split('\f');
    if (pages[pages.length - 1].trim() === '') pages.pop();
    expect(pages.length).toBe(sizes.length);
    // Chromium prints the page counter of nd30.css at the top of every page but the first
    const numbered = pages.map((text, i) => {
      const t = tokens(text);
      if (i === 0) return t;
      expect({ page: i + 1, first: t[0] }).toEqual({ page: i + 1, first: String(i + 1) });
      return t.slice(1);
    });
    const words = moveFootnotes(dropRepeatedHeaders(numbered, model).flat(), model, `${name}.chromium.pdf`);
    const docx = docxTokens(model);
    expect(docx.length).toBeGreaterThan(50);
    expect(firstDifference(words, docx)).toBeNull();

    const fonts = tool('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim());
    expect(fonts.filter((l) => !/Tinos|Liberation ?Serif|Times/i.test(l) || !/\syes\s+yes\s+yes\s/.test(l))).toEqual([]);
  });

  it('shows markup in the model as text: no script runs, no element is made from it', async () => {
    const model = qdWithAnnex(3);
    const script = '<script>window.__vanthuInjected = "script"</script>';
    const img = '<img src="x" onerror="window.__vanthuInjected = \'img\'">';
    const amp = 'Tom & Jerry &amp; &lt;b&gt; "quoted" \'single\'';
    model.meta.title = `${model.meta.title} ${script}`;
    model.header.title = [...model.header.title, img];
    model.body.push({ kind: 'paragraph', runs: [{ text: script }, { text: ` ${img}`, bold: true }] }, { kind: 'paragraph', runs: [{ text: amp }] });
    model.recipients.entries.splice(1, 0, `- ${script};`);
    model.signature.name = `Trần Văn Nam ${img}`;
    const table = model.annexes[0].blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('the fixture has no annex table');
    table.rows[0].cells[1] = script;

    const page = await open('escaping', model);
    try {
      await page.waitForTimeout(300);
      const seen = await page.evaluate(() => ({
        injected: (window as unknown as { __vanthuInjected?: string }).__vanthuInjected ?? null,
        scripts: document.querySelectorAll('script').length,
        images: document.querySelectorAll('img').length,
        title: document.title,
        paragraphs: Array.from(document.querySelectorAll('p')).map((p) => p.textContent ?? ''),
        recipients: Array.from(document.querySelectorAll('.recipient')).map((p) => p.textContent ?? ''),
        signer: document.querySelector('.signature-name')?.textContent ?? '',
        firstCell: document.querySelector('table.grid tbody td:nth-child(2)')?.textContent ?? '',
      }));
      expect(seen).toEqual({
        injected: null,
        scripts: 0,
        images: 0,
        title: model.meta.title,
        paragraphs: expect.arrayContaining([script + ` ${img}`, amp, img]),
        recipients: expect.arrayContaining([`- ${script};`]),
        signer: `Trần Văn Nam ${img}`,
        firstCell: script,
      });
    } finally {
      await page.close();
    }
  });
});
