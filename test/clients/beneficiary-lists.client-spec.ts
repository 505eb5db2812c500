/**
 * The QĐ phê duyệt danh sách and the public posting list of an imported list, in DOCX, PDF and HTML,
 * read back by the clients that matter: poppler's pdftotext for the PDF, our DOCX text extractor,
 * the HTML as served. Expectations are worked out from the synthetic people directly (count,
 * households, Σ amount × months), never by calling the figures engine; the words are read back with
 * wordsToNumber, a second method.
 */
import PizZip from 'pizzip';
import { DataSource } from 'typeorm';
import { BeneficiaryListsService } from '../../src/beneficiaries/beneficiary-lists.service';
import { checkText } from '../../src/checking';
import { CheckService } from '../../src/checking/check.service';
import type { CheckContext } from '../../src/checking/types';
import { bytesToText } from '../../src/checking/extract';
import { openDatabase } from '../../src/database/data-source';
import { FigureSetsService } from '../../src/figure-sets/figure-sets.service';
import { AgenciesService } from '../../src/registry/agencies.service';
import { DocumentsService } from '../../src/registry/documents.service';
import { OfficialsService } from '../../src/registry/officials.service';
import { importRecordSet } from '../../src/registry/records-import';
import { RenderService, type RenderedFile } from '../../src/render/render.service';
import { wordsToNumber } from '../../src/vi/money-words';
import { clerkWorkbook, listCommune, MONTHLY, sensitiveFacts, syntheticPeople } from '../beneficiaries/list-fixtures';
import { testDatabase, type TestDatabase } from '../harness';

const PEOPLE = 300;
const MONTHS = 6; // July to December 2026

/** 1234567 → "1.234.567", written here so the test does not use the formatter under test */
const dots = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const undots = (s: string) => Number(s.replace(/\./g, ''));

function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<\/(p|div|tr|h\d|li)>/g, '\n')
    .replace(/<\/t[dh]>/g, ' | ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, ' ');
}

async function textOf(f: RenderedFile): Promise<string> {
  return f.format === 'html' ? htmlText(f.bytes.toString('utf8')) : bytesToText(f.fileName, f.bytes);
}

/** annex rows "STT … monthly months total" in any of the three texts (with or without "|" cells) */
function annexRows(text: string): { stt: number; monthly: number; months: number; total: number }[] {
  const out = [];
  for (const line of text.split('\n')) {
    const flat = line.replace(/\|/g, ' ').replace(/\s+/g, ' ').trim();
    const m = /^(\d+) .* (\d{1,3}(?:\.\d{3})+) (\d{1,2}) (\d{1,3}(?:\.\d{3})+)(?: |$)/.exec(flat);
    if (m) out.push({ stt: Number(m[1]), monthly: undots(m[2]), months: Number(m[3]), total: undots(m[4]) });
  }
  return out;
}

describe('beneficiary list → QĐ phê duyệt danh sách and the posting list, in DOCX, PDF and HTML', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let lists: BeneficiaryListsService;
  let render: RenderService;
  const people = syntheticPeople(PEOPLE, 17, 70000);
  const c = listCommune('xa-qd-danh-sach');

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
    const agencies = new AgenciesService(ds);
    lists = new BeneficiaryListsService(ds, agencies, new OfficialsService(ds));
    render = new RenderService(agencies, new OfficialsService(ds), new DocumentsService(ds), new FigureSetsService(ds));
    await importRecordSet(ds, c.set);
    const scope = await agencies.scope(c.agency.code);
    await lists.importWorkbook(scope, { bytes: await clerkWorkbook(people, { sensitive: true }), list: 'ds-2026', policy: c.policy.code, fromMonth: '2026-07', toMonth: '2026-12' });
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.cleanup();
  });

  describe('the QĐ', () => {
    let files: RenderedFile[];
    let context: CheckContext;
    const total = people.reduce((s, p) => s + MONTHLY[p.category] * MONTHS, 0);
    const households = new Set(people.map((p) => p.household)).size;

    beforeAll(async () => {
      const scope = await new AgenciesService(ds).scope(c.agency.code);
      const qd = await lists.draftDecision(scope, 'ds-2026');
      files = await render.render(c.agency.code, qd.code, ['docx', 'pdf', 'html']);
      // as `vanthu check --agency`: citations against the registry, figures against their values now
      context = await new CheckService(new AgenciesService(ds), new DocumentsService(ds), new FigureSetsService(ds)).context(c.agency.code);
    }, 120_000);

    it.each(['docx', 'pdf', 'html'])('%s: Điều 1 states the count and total, which equal the annex rows and their sum', async (format) => {
      const text = (await textOf(files.find((f) => f.format === format)!)).replace(/\s+\n/g, '\n');
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain(`Phê duyệt danh sách ${PEOPLE} người thuộc hộ nghèo, hộ cận nghèo và hộ thoát nghèo (${households} hộ)`);
      expect(flat).toContain(`Tổng kinh phí: ${dots(total)} đồng (Bằng chữ:`);
      expect(flat).toContain('Thời gian hỗ trợ: từ tháng 7/2026 đến tháng 12/2026.');
      const words = /Bằng chữ: ([^)]+?)\)/.exec(flat)![1];
      expect(wordsToNumber(words)).toBe(BigInt(total));

      const rows = annexRows(text);
      expect(rows.map((r) => r.stt)).toEqual(Array.from({ length: PEOPLE }, (_, i) => i + 1));
      expect(rows.every((r) => r.months === MONTHS && r.total === r.monthly * MONTHS)).toBe(true);
      expect(rows.map((r) => r.monthly)).toEqual(people.map((p) => MONTHLY[p.category]));
      expect(rows.reduce((s, r) => s + r.total, 0)).toBe(total);
      expect(flat).toMatch(new RegExp(`Tổng cộng[ |]+${dots(total).replace(/\./g, '\\.')}`));
      // the annex lists each person with their full birth date (an internal document)
      expect(flat).toContain(`${people[0].birthDate.slice(8, 10)}/${people[0].birthDate.slice(5, 7)}/${people[0].birthDate.slice(0, 4)}`);
    });

    it.each(['docx', 'pdf', 'html'])('%s: vanthu check finds no error in it, alone or against the registry', async (format) => {
      const f = files.find((x) => x.format === format)!;
      const text = await textOf(f);
      const fileName = format === 'html' ? `${f.fileName}.txt` : f.fileName;
      expect(checkText(text, { fileName }).findings.filter((x) => x.severity === 'error')).toEqual([]);
      expect(context.knownDocuments?.map((d) => d.number)).toEqual(expect.arrayContaining(['04/2026/NQ-HĐND', '187/KH-UBND']));
      expect(checkText(text, { fileName, context }).findings.filter((x) => x.severity === 'error')).toEqual([]);
    });

    it('and it would: a total changed by hand in the text is an error against the words and the registry', async () => {
      const f = files.find((x) => x.format === 'docx')!;
      const text = (await textOf(f)).replace(`Tổng kinh phí: ${dots(total)} đồng`, `Tổng kinh phí: ${dots(total + 1_000_000)} đồng`);
      const codes = checkText(text, { fileName: f.fileName, context }).findings.filter((x) => x.severity === 'error').map((x) => x.code);
      expect(codes).toEqual(expect.arrayContaining(['amount.words_mismatch']));
    });
  });

  describe('the posting list', () => {
    let files: RenderedFile[];

    beforeAll(async () => {
      const scope = await new AgenciesService(ds).scope(c.agency.code);
      files = await lists.posting(scope, 'ds-2026', ['docx', 'pdf', 'html']);
    }, 120_000);

    /**
     * Everything a reader or a program could get out of the file as text: the HTML as served; every
     * XML part of the DOCX (body, metadata) and its text; the PDF's text layer (pdftotext) and its
     * uncompressed metadata (Info dictionary, XMP).
     */
    async function everything(f: RenderedFile): Promise<string> {
      if (f.format === 'html') return f.bytes.toString('utf8');
      if (f.format === 'docx') {
        const zip = new PizZip(f.bytes);
        const parts = Object.values(zip.files).filter((x) => !x.dir).map((x) => x.asText());
        return `${parts.join('\n')}\n${await bytesToText(f.fileName, f.bytes)}`;
      }
      const raw = f.bytes.toString('latin1');
      const xmp = /<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/.exec(raw)?.[0] ?? '';
      const info = [...raw.matchAll(/\/(Title|Author|Subject|Keywords|Creator|Producer)\s*(\([^)]*\)|<[0-9A-Fa-f]*>)/g)].map((m) => m[2]).join('\n');
      return `${await bytesToText(f.fileName, f.bytes)}\n${Buffer.from(xmp, 'latin1').toString('utf8')}\n${info}`;
    }

    it.each(['docx', 'pdf', 'html'])('%s: no ID number, no full birth date, no health, group, phone, bank or ethnicity', async (format) => {
      const all = await everything(files.find((f) => f.format === format)!);
      // the font table's panose numbers are the only long digit runs a DOCX has of itself
      const squeezed = all.replace(/<w:panose1 [^>]*>/g, '').replace(/\s+/g, '');
      for (const [i, p] of people.entries()) {
        expect(squeezed).not.toContain(p.idNumber);
        const [y, m, d] = p.birthDate.split('-');
        for (const date of [`${d}/${m}/${y}`, `${Number(d)}/${Number(m)}/${y}`, `${d}/${Number(m)}/${y}`, `${Number(d)}/${m}/${y}`, p.birthDate, `${d}-${m}-${y}`, `${d}.${m}.${y}`]) {
          expect(all).not.toContain(date);
        }
        for (const fact of sensitiveFacts(i)) expect(all).not.toContain(fact);
      }
      // nor anything shaped like one: no run of 12 digits; the only dates are those of the documents
      // cited ("ngày 20/4/2026"), never a bare one in a cell
      expect(squeezed).not.toMatch(/\d{12}/);
      const dates = [...all.matchAll(/(\S+\s+)?\b\d{1,2}[/.-]\d{1,2}[/.-](19|20)\d{2}\b/g)];
      expect(dates.filter((m) => !/^ngày\s+$/.test(m[1] ?? ''))).toEqual([]);
    });

    it.each(['docx', 'pdf', 'html'])('%s: every person is on it, in order, with birth year, village and category, under the count', async (format) => {
      const text = await textOf(files.find((f) => f.format === format)!);
      expect(text.replace(/\s+/g, ' ')).toContain(`niêm yết công khai danh sách ${PEOPLE} người`);
      // a row starts with its STT and the first words of the name (a long name may wrap in the PDF)
      const lines = text.split('\n').map((l) => l.replace(/\|/g, ' ').replace(/\s+/g, ' ').trim());
      let at = 0;
      for (const [i, p] of people.entries()) {
        const first = p.name.split(' ').slice(0, 2).join(' ');
        const found = lines.findIndex((l, k) => k >= at && l.startsWith(`${i + 1} ${first}`));
        expect({ person: i + 1, found: found >= 0 }).toEqual({ person: i + 1, found: true });
        expect(lines[found]).toMatch(new RegExp(`\\b${p.birthDate.slice(0, 4)} ${p.village}\\b`));
        at = found + 1;
      }
    });
  });
});
