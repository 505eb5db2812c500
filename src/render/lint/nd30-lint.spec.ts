import PizZip from 'pizzip';
import type { DocModel } from '../../drafting/doc-model';
import { renderDocx } from '../docx/docx-renderer';
import { featureModel, qdWithAnnex } from '../pdf/fixtures/sample-models';
import { SEED_KH_NAMES, seedModel } from '../pdf/fixtures/seed-models';
import {
  checkFonts,
  checkMargins,
  checkPageNumbers,
  checkPageSizes,
  lintCanCu,
  lintDateLine,
  lintDocModel,
  lintDocx,
  lintNumberLine,
  parseBbox,
  parsePageSizes,
  parsePdffonts,
  splitPages,
  type LintFinding,
} from './nd30-lint';

const codes = (fs: LintFinding[]) => fs.map((f) => f.code);

describe('lintDateLine', () => {
  it.each([
    ['Kim Thành, ngày 26 tháng 5 năm 2026', []],
    ['Hà Nội, ngày 05 tháng 01 năm 2020', []],
    ['Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019', []],
    ['Cát Hải, ngày      tháng 6 năm 2026', []],
    ['Thanh Thủy, ngày      tháng      năm 2026', []],
    ['Kim Thành, ngày 26 tháng 05 năm 2026', ['nd30.date_line.month']],
    ['Kim Thành, ngày 5 tháng 3 năm 2026', ['nd30.date_line.day']],
    ['Kim Thành, ngày 05 tháng 1 năm 2026', ['nd30.date_line.month']],
    ['Kim Thành, ngày 30 tháng 02 năm 2026', ['nd30.date_line.invalid']],
    ['Kim Thành, ngày 29 tháng 02 năm 2028', []],
    ['Kim Thành, 26/5/2026', ['nd30.date_line.form']],
    ['Kim Thành ngày 26 tháng 5 năm 2026', ['nd30.date_line.form']],
    ['kim Thành, ngày 26 tháng 5 năm 2026', ['nd30.date_line.place']],
    ['Kim Thành, ngày 26 tháng 13 năm 2026', ['nd30.date_line.invalid']],
  ])('%j → %j', (line, expected) => expect(codes(lintDateLine(line))).toEqual(expected));
});

describe('lintNumberLine', () => {
  it.each([
    ['Số: 128/KH-UBND', 'KẾ HOẠCH', []],
    ['Số: 05/QĐ-UBND', 'QUYẾT ĐỊNH', []],
    ['Số:        /KH-UBND', 'KẾ HOẠCH', []],
    ['Số: 04/2026/NQ-HĐND', 'NGHỊ QUYẾT', []],
    ['Số: 12/TTr-UBND', 'TỜ TRÌNH', []],
    ['Số: 05/UBND-VP', undefined, []],
    ['Số: 5/KH-UBND', 'KẾ HOẠCH', ['nd30.number_line.number']],
    ['Số: 010/KH-UBND', 'KẾ HOẠCH', ['nd30.number_line.number']],
    ['Số: 128/QĐ-UBND', 'KẾ HOẠCH', ['nd30.number_line.type']],
    ['Số: 128/KH - UBND', 'KẾ HOẠCH', ['nd30.number_line.form']],
    ['SỐ: 128/KH-UBND', 'KẾ HOẠCH', ['nd30.number_line.form']],
    ['128/KH-UBND', 'KẾ HOẠCH', ['nd30.number_line.form']],
    ['Số: 05/UBND', undefined, ['nd30.number_line.symbol']],
  ])('%j (%s) → %j', (line, type, expected) => expect(codes(lintNumberLine(line, type))).toEqual(expected));
});

describe('lintCanCu', () => {
  const lines = (...ts: string[]) => ts.map((text) => [{ text }]);
  it.each([
    ['a QĐ: ";" then "."', lines('Căn cứ Luật A;', 'Theo đề nghị của B.'), true, []],
    ['a QĐ: the last with ":"', lines('Căn cứ Luật A;', 'Theo đề nghị của B:'), true, [['nd30.can_cu.punctuation', 'error']]],
    ['a QĐ: one before the last with ","', lines('Căn cứ Luật A,', 'Theo đề nghị của B.'), true, [['nd30.can_cu.punctuation', 'error']]],
    ['a KH: the last leading into the content with ":"', lines('Căn cứ Luật A;', 'UBND xã ban hành Kế hoạch như sau:'), false, [['nd30.can_cu.colon', 'warning']]],
    ['a KH: ":" before the last is still an error', lines('Căn cứ Luật A:', 'Căn cứ B.'), false, [['nd30.can_cu.punctuation', 'error']]],
    ['a KH: the last with ","', lines('Căn cứ Luật A;', 'Căn cứ B,'), false, [['nd30.can_cu.punctuation', 'error']]],
    ['unknown kind: ":" is an error', lines('Căn cứ B:'), undefined, [['nd30.can_cu.punctuation', 'error']]],
  ])('%s', (_, canCu, decision, expected) =>
    expect(lintCanCu(canCu, decision === undefined ? {} : { decision }).map((f) => [f.code, f.severity])).toEqual(expected),
  );
});

describe('lintDocModel', () => {
  it.each([...SEED_KH_NAMES.map((n) => [`seed ${n}`, seedModel(n)] as const), ['QĐ with annex', qdWithAnnex(20)] as const, ['every feature', featureModel()] as const])(
    '%s is in ND30 form',
    (_, model) => expect(lintDocModel(model)).toEqual([]),
  );

  const spoilt: [string, (m: DocModel) => void, string[]][] = [
    ['căn cứ ending with "," ', (m) => (m.canCu[0] = [{ text: 'Căn cứ Luật X,' }]), ['nd30.can_cu.punctuation']],
    ['last căn cứ ending with ";"', (m) => (m.canCu[2] = [{ text: 'Theo đề nghị của Trưởng phòng Kinh tế;' }]), ['nd30.can_cu.punctuation']],
    ['recipient without dash', (m) => (m.recipients.entries[1] = 'TT Đảng ủy;'), ['nd30.recipients.dash']],
    ['recipient ending with "."', (m) => (m.recipients.entries[1] = '- TT Đảng ủy.'), ['nd30.recipients.semicolon']],
    ['Lưu line without colon', (m) => (m.recipients.entries[3] = '- Lưu VT.'), ['nd30.recipients.luu']],
    ['Lưu line ending with ";"', (m) => (m.recipients.entries[3] = '- Lưu: VT, KT;'), ['nd30.recipients.luu']],
    ['Lưu line without a unit', (m) => (m.recipients.entries[3] = '- Lưu: VT.'), ['nd30.recipients.luu_unit']],
    ['no recipients', (m) => (m.recipients.entries = []), ['nd30.recipients.missing']],
    ['no position', (m) => (m.signature.lines = []), ['nd30.signature.position']],
    ['KT. without the deputy position', (m) => (m.signature.lines = ['KT. CHỦ TỊCH']), ['nd30.signature.position']],
    ['position in lower case', (m) => (m.signature.lines = ['Chủ tịch']), ['nd30.signature.case']],
    ['no signer name', (m) => (m.signature.name = ' '), ['nd30.signature.name']],
    ['QĐ without authority', (m) => delete m.authority, ['nd30.authority.missing']],
    ['QĐ without "QUYẾT ĐỊNH:"', (m) => delete m.enactingLine, ['nd30.enacting.missing']],
    ['no issuer', (m) => (m.header.issuer = []), ['nd30.issuer.missing']],
    ['issuer in lower case', (m) => (m.header.issuer = ['Ủy ban nhân dân', 'XÃ KIM THÀNH']), ['nd30.issuer.case']],
    ['no trích yếu', (m) => (m.header.title = []), ['nd30.title.missing']],
    ['bad date line', (m) => (m.header.placeDateLine = 'Kim Thành, 02/6/2026'), ['nd30.date_line.form']],
    ['bad Số line', (m) => (m.header.numberLine = 'Số: 15/KH-UBND'), ['nd30.number_line.type']],
    ['NFD text', (m) => (m.signature.name = 'Trần Văn Nam'.normalize('NFD')), ['nd30.text.nfc']],
  ];
  it.each(spoilt)('finds %s', (_, spoil, expected) => {
    const model = qdWithAnnex(3);
    spoil(model);
    expect(codes(lintDocModel(model))).toEqual(expected);
  });

  it('finds a công văn without "V/v"', () => {
    const model = qdWithAnnex(1);
    delete model.header.typeName;
    model.header.numberLine = 'Số: 15/UBND-KT';
    model.header.title = [];
    delete model.authority;
    delete model.enactingLine;
    expect(codes(lintDocModel(model))).toEqual(['nd30.title.missing']);
    model.header.vv = 'Về việc rà soát';
    expect(codes(lintDocModel(model))).toEqual(['nd30.vv.form']);
  });
});

describe('PDF rules (poppler output)', () => {
  it('reads page sizes and accepts A4 both ways', () => {
    const sizes = parsePageSizes('Pages:  3\nPage    1 size: 595.276 x 841.89 pts (A4)\nPage    2 size: 841.89 x 595.276 pts (A4)\nPage    3 size: 612 x 792 pts (letter)\n');
    expect(sizes).toEqual([
      { page: 1, width: 595.276, height: 841.89 },
      { page: 2, width: 841.89, height: 595.276 },
      { page: 3, width: 612, height: 792 },
    ]);
    expect(checkPageSizes(sizes).map((f) => [f.code, f.where])).toEqual([['nd30.pdf.page_size', 'page 3']]);
  });

  it('reads pdffonts and finds fonts not embedded or not Times-like', () => {
    const out = [
      'name                                 type              encoding         emb sub uni object ID',
      '------------------------------------ ----------------- ---------------- --- --- --- ---------',
      'VTHUAA+Tinos                         CID TrueType      Identity-H       yes yes yes      4  0',
      'Helvetica                            Type 1            WinAnsi          no  no  no       9  0',
      '',
    ].join('\n');
    const fonts = parsePdffonts(out);
    expect(fonts).toEqual([
      { name: 'VTHUAA+Tinos', embedded: true },
      { name: 'Helvetica', embedded: false },
    ]);
    expect(codes(checkFonts(fonts))).toEqual(['nd30.pdf.font_not_embedded', 'nd30.pdf.font_family']);
    expect(codes(checkFonts([]))).toEqual(['nd30.pdf.no_text']);
  });

  it.each([
    ['numbered from 2', ['HEADER', '  2\nbody', '  3\nbody'], []],
    ['a number on page 1', ['1\nHEADER', '2\nbody'], ['nd30.pdf.page_number_first']],
    ['a missing number', ['HEADER', 'body', '3\nbody'], ['nd30.pdf.page_number_missing']],
    ['a wrong number', ['HEADER', '2\nbody', '4\nbody'], ['nd30.pdf.page_number_wrong']],
    ['annexes numbered on their own', ['HEADER', '2\nbody', '   Phụ lục I\nx', '2\nrow', '3\nrow', 'Phụ lục II', '2\nrow'], []],
  ])('page numbers: %s', (_, pages, expected) => expect(codes(checkPageNumbers(pages))).toEqual(expected));

  it('splits pdftotext output at form feeds, dropping the empty tail', () => expect(splitPages('a\fb\f')).toEqual(['a', 'b']));

  it('finds text in the margins but not the page number in the top margin', () => {
    const xhtml =
      '<page width="595.276000" height="841.890000">' +
      '<word xMin="290.0" yMin="28.6" xMax="297.0" yMax="44.1">2</word>' +
      '<word xMin="85.1" yMin="57.0" xMax="120.0" yMax="72.0">Điều</word>' +
      '<word xMin="60.0" yMin="100.0" xMax="80.0" yMax="115.0">lề</word>' +
      '<word xMin="85.1" yMin="790.0" xMax="120.0" yMax="800.0">cuối</word>' +
      '</page>';
    const words = parseBbox(xhtml);
    expect(words.map((w) => w.text)).toEqual(['2', 'Điều', 'lề', 'cuối']);
    expect(checkMargins(words).map((f) => f.message)).toEqual(['text in the left margin of page 1 ("lề")', 'text in the bottom margin of page 1 ("cuối")']);
  });
});

describe('lintDocx', () => {
  const docx = renderDocx(qdWithAnnex(5, { landscape: true }));

  function edit(buf: Buffer, name: string, change: (xml: string) => string): Buffer {
    const zip = new PizZip(buf);
    zip.file(name, change(zip.file(name)?.asText() ?? ''));
    return zip.generate({ type: 'nodebuffer' });
  }

  it('passes the DOCX renderer output (portrait text, landscape annex)', () => expect(lintDocx(docx)).toEqual([]));

  it.each<[string, string, (xml: string) => string, string[]]>([
    ['Letter paper', 'word/document.xml', (x) => x.replace(/w:w="11906" w:h="16838"/g, 'w:w="12240" w:h="15840"'), ['nd30.docx.page_size']],
    ['a 10 mm left margin', 'word/document.xml', (x) => x.replace(/w:left="1701"/g, 'w:left="567"'), ['nd30.docx.margins', 'nd30.docx.margins']],
    ['Arial in a run', 'word/document.xml', (x) => x.replace('<w:rPr>', '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>'), ['nd30.docx.font']],
    ['a 12 pt default', 'word/styles.xml', (x) => x.replace(/(<w:docDefaults>[\s\S]*?<w:sz w:val=")28"/, '$124"'), ['nd30.docx.size']],
    ['no page numbers', 'word/header1.xml', (x) => x.replace(/PAGE/g, 'DATE'), ['nd30.docx.page_numbers']],
    ['a number on page 1', 'word/document.xml', (x) => x.replace('<w:titlePg/>', ''), ['nd30.docx.page_number_first']],
  ])('finds %s', (_, part, change, expected) => expect(codes(lintDocx(edit(docx, part, change)))).toEqual(expected));

  it('reports a file that is not a .docx', () => expect(codes(lintDocx(Buffer.from('not a zip')))).toEqual(['nd30.docx.unreadable']));
});
