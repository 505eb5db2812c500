import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { checkFile } from '../check';
import { decodeXml, docxToLines } from './docx';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const p = (text: string) => `<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
const table = (rows: string[][]) =>
  `<w:tbl><w:tblPr/>${rows.map((r) => `<w:tr>${r.map((c) => `<w:tc><w:tcPr/>${p(c)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;

/** A minimal .docx: enough for Word's XML parts that the extractor reads. */
function makeDocx(bodyXml: string, footnotesXml = ''): Buffer {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`);
  if (footnotesXml) zip.file('word/footnotes.xml', `<?xml version="1.0"?><w:footnotes ${W}>${footnotesXml}</w:footnotes>`);
  return zip.generate({ type: 'nodebuffer' });
}

describe('docxToLines', () => {
  it('gives one line per paragraph, tables as | rows, runs joined, footnotes at the end', () => {
    const body =
      p('Số: 41/KH-UBND') +
      '<w:p><w:r><w:t>Phấn đấu giảm </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>54 hộ nghèo</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t>.</w:t></w:r></w:p>' +
      table([
        ['STT', 'Thôn', 'Số hộ'],
        ['1', 'Đông | Tây', '10'],
      ]);
    const notes =
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
      '<w:footnote w:id="2"><w:p><w:r><w:t>Từ 292 hộ xuống còn 238 hộ</w:t></w:r></w:p></w:footnote>';
    expect(docxToLines(makeDocx(body, notes))).toEqual([
      'Số: 41/KH-UBND',
      'Phấn đấu giảm 54 hộ nghèo¹.',
      '| STT | Thôn | Số hộ |',
      '| 1 | Đông / Tây | 10 |',
      '',
      '¹ Từ 292 hộ xuống còn 238 hộ',
    ]);
  });

  it('rejects a file that is not a .docx', () => {
    expect(() => docxToLines(Buffer.from('not a zip'))).toThrow(expect.objectContaining({ code: 'check.unreadable' }));
  });

  it.each([
    ['&lt;b&gt; &amp; &quot;x&quot;', '<b> & "x"'],
    ['&#7897;&#x1EA1;', 'ộạ'],
  ])('decodes %s', (xml, text) => {
    expect(decodeXml(xml)).toBe(text);
  });
});

describe('checkFile on a .docx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-check-docx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the ND30 header laid out as a borderless table (number slot, date line)', async () => {
    const body =
      table([
        ['ỦY BAN NHÂN DÂN XÃ HỒNG PHONG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
        ['Số:      /QĐ-UBND', 'Hồng Phong, ngày 12 tháng 06 năm 2026'],
      ]) + p('QUYẾT ĐỊNH') + p('Căn cứ Quyết định số 215/QĐ-UBND ngày 02/3/2026 của UBND xã Bình Minh;');
    const file = join(dir, 'qd.docx');
    writeFileSync(file, makeDocx(body));
    const { findings } = await checkFile(file);
    expect(findings.map((f) => [f.code, f.severity, f.line])).toEqual([
      ['number.missing', 'error', 2],
      ['date.format', 'warning', 2],
    ]);
  });

  it('finds the planted sum errors in paragraphs and in a table, at their paragraph/row line', async () => {
    const body =
      p('Số: 41/KH-UBND') +
      p('Bình Minh, ngày 12 tháng 3 năm 2026') +
      p('Tổng số hộ được hỗ trợ năm 2026 là 27 hộ, gồm: thôn Đông 10 hộ, thôn Tây 12 hộ, thôn Nam 6 hộ.') +
      table([
        ['STT', 'Thôn', 'Số hộ nghèo'],
        ['1', 'Đông', '8'],
        ['2', 'Tây', '5'],
        ['', 'Tổng cộng', '14'],
      ]);
    const file = join(dir, 'ke-hoach.docx');
    writeFileSync(file, makeDocx(body));
    const { findings } = await checkFile(file);
    expect(findings.map((f) => [f.code, f.line])).toEqual([
      ['sum.mismatch', 3],
      ['sum.mismatch', 7],
    ]);
  });
});
