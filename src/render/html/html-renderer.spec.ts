import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { DocModel } from '../../drafting/doc-model';
import { qdWithAnnex } from '../pdf/fixtures/sample-models';
import { renderHtml } from './html-renderer';

/** Tags out, the five Handlebars entities and numeric ones decoded: what a reader sees. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function small(): DocModel {
  return {
    meta: { title: 'Kế hoạch 1/KH-UBND: Thử', author: 'UBND xã A' },
    header: {
      governingBody: [],
      issuer: ['ỦY BAN NHÂN DÂN', 'XÃ A'],
      numberLine: 'Số: 01/KH-UBND',
      placeDateLine: 'A, ngày 05 tháng 01 năm 2026',
      typeName: 'KẾ HOẠCH',
      title: ['Thử nghiệm'],
    },
    canCu: [[{ text: 'Căn cứ Luật X.' }]],
    body: [
      { kind: 'heading', level: 1, runs: [{ text: 'I. MỤC ĐÍCH' }] },
      { kind: 'paragraph', runs: [{ text: 'Giảm 5 hộ' }, { footnote: [{ text: 'Từ 10 xuống 5.' }] }, { text: ' nghèo.' }] },
    ],
    recipients: { entries: ['- Như trên;', '- Lưu: VT, VP.'] },
    signature: { lines: ['CHỦ TỊCH'], name: 'Nguyễn Văn A' },
    annexes: [],
  };
}

describe('renderHtml', () => {
  it('prints every string of the model once, in the DOCX order', () => {
    expect(visibleText(renderHtml(small()))).toBe(
      [
        'ỦY BAN NHÂN DÂN XÃ A CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc',
        'Số: 01/KH-UBND A, ngày 05 tháng 01 năm 2026 KẾ HOẠCH Thử nghiệm Căn cứ Luật X.',
        'I. MỤC ĐÍCH Giảm 5 hộ 1 nghèo.',
        'Nơi nhận: - Như trên; - Lưu: VT, VP. CHỦ TỊCH Nguyễn Văn A',
        '1 Từ 10 xuống 5.',
      ].join(' '),
    );
  });

  it.each([
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    ["O'Brien & `co` = 1", 'O&#x27;Brien &amp; &#x60;co&#x60; &#x3D; 1'],
    ['{{title}} and {{{raw}}}', '{{title}} and {{{raw}}}'],
  ])('escapes model text %j', (text, escaped) => {
    const model = small();
    model.body.push({ kind: 'paragraph', runs: [{ text }] });
    model.signature.name = text;
    model.annexes.push({ label: 'Phụ lục', title: [text], blocks: [{ kind: 'table', columns: [{ header: text, width: 1 }], rows: [{ cells: [text] }] }] });
    const html = renderHtml(model);
    expect(html).not.toContain('<script>alert');
    // body paragraph, signer, annex title, column header, cell
    expect(html.split(escaped).length - 1).toBe(5);
  });

  it('writes the A4 page with ND30 margins for print, and a landscape page for a landscape annex', () => {
    const model = qdWithAnnex(3, { landscape: true });
    const html = renderHtml(model);
    expect(html).toContain('@page { size: A4; margin: 20mm 15mm 20mm 30mm;');
    expect(html).toContain('@page landscape { size: A4 landscape;');
    expect(html).toContain('<section class="sheet annex landscape">');
    expect(html).toMatch(/font-family: "Times New Roman", Tinos/);
  });

  it('right-aligns numeric columns, bolds the total row, repeats the header (thead)', () => {
    const html = renderHtml(qdWithAnnex(2));
    expect(html).toContain('<thead><tr><th>STT</th><th>Họ và tên chủ hộ</th>');
    expect(html).toMatch(/<tr class="total"><td class="center"><\/td><td>Tổng cộng<\/td><td><\/td><td><\/td><td class="right">\d+<\/td><td class="right">[\d.]+<\/td><\/tr>/);
  });

  it('turns NFD input into NFC output', () => {
    const model = small();
    model.signature.name = 'Nguyễn Văn Ánh'.normalize('NFD');
    const html = renderHtml(model);
    expect(html).toContain('Nguyễn Văn Ánh'.normalize('NFC'));
    expect(html).toBe(html.normalize('NFC'));
  });

  it('shows any paragraph text as written (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), (text) => {
        fc.pre(text.trim() !== '');
        const model = small();
        model.body = [{ kind: 'paragraph', runs: [{ text }] }];
        const html = renderHtml(model);
        const shown = visibleText(html);
        expect(shown).toContain(text.normalize('NFC').replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 60 },
    );
  });

  it('templates never print unescaped model text: no triple braces, and the only partial outside the runs is the stylesheet', () => {
    const dir = join(__dirname, '..', '..', '..', 'templates', 'html');
    const files = [join(dir, 'document.hbs'), ...readdirSync(join(dir, 'partials')).map((f) => join(dir, 'partials', f))];
    for (const f of files) expect({ f, triple: readFileSync(f, 'utf8').includes('{{{') }).toEqual({ f, triple: false });
  });
});
