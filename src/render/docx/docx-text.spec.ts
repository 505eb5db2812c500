import PizZip from 'pizzip';
import { decodeXmlText, extractDocxParagraphs, readDocxPart } from './docx-text';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A hand-written package with only the parts the reader looks at. */
function docx(body: string, footnotes?: string): Buffer {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`);
  if (footnotes !== undefined) zip.file('word/footnotes.xml', `<?xml version="1.0"?><w:footnotes ${W}>${footnotes}</w:footnotes>`);
  return zip.generate({ type: 'nodebuffer' });
}

const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;

describe('extractDocxParagraphs', () => {
  it.each([
    ['runs joined into one paragraph', p(r('Số: ') + r('128/KH-UBND')), ['Số: 128/KH-UBND']],
    ['entities decoded', p(r('&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#7897; &#x1EA1;')), ['<a> & "b" \'c\' ộ ạ']],
    ['a tab and a break read as a space', p('<w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/><w:t>D</w:t></w:r>'), ['A B C D']],
    ['tab stops are not tabs', p(r('x'), '<w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs>'), ['x']],
    [
      'field codes are not text, their results are',
      p('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r('2') + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'),
      ['2'],
    ],
    ['deleted text is not text', p('<w:del><w:r><w:delText>cũ</w:delText></w:r></w:del>' + r('mới')), ['mới']],
    ['empty and blank paragraphs are left out', '<w:p/>' + p('') + p(r('   ')) + p(r('a')), ['a']],
    ['pPr/pStyle/pBdr are not paragraphs', p(r('a'), '<w:pStyle w:val="Body"/><w:pBdr><w:top w:val="single"/></w:pBdr>'), ['a']],
    [
      'table cells row by row, cell by cell',
      `<w:tbl><w:tblPr/><w:tr><w:tc>${p(r('1'))}${p(r('1b'))}</w:tc><w:tc>${p(r('2'))}</w:tc></w:tr><w:tr><w:tc>${p(r('3'))}</w:tc><w:tc>${p(r('4'))}</w:tc></w:tr></w:tbl>${p(r('sau'))}`,
      ['1', '1b', '2', '3', '4', 'sau'],
    ],
    ['white space inside the text is kept', p(r('Số:      /KH-UBND ')), ['Số:      /KH-UBND ']],
  ])('%s', (_what, body, expected) => {
    expect(extractDocxParagraphs(docx(body))).toEqual(expected);
  });

  it('appends footnote texts after the body, skipping the separators and the reference mark', () => {
    const notes =
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
      '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>' +
      `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>${r(' Từ 292 hộ')}${r(' xuống 238 hộ')}</w:p></w:footnote>` +
      `<w:footnote w:id="2">${p(r('Dòng 1'))}${p(r('Dòng 2'))}</w:footnote>`;
    const body = p(r('Giảm 54 hộ nghèo') + '<w:r><w:footnoteReference w:id="1"/></w:r>' + r('.'));
    expect(extractDocxParagraphs(docx(body, notes))).toEqual(['Giảm 54 hộ nghèo.', 'Từ 292 hộ xuống 238 hộ', 'Dòng 1 Dòng 2']);
  });

  it('rejects a package without word/document.xml and bytes that are not a zip', () => {
    const zip = new PizZip();
    zip.file('a.txt', 'x');
    expect(() => extractDocxParagraphs(zip.generate({ type: 'nodebuffer' }))).toThrow(/word\/document\.xml/);
    expect(() => extractDocxParagraphs(Buffer.from('not a zip'))).toThrow();
  });
});

describe('readDocxPart', () => {
  const bytes = docx(p(r('a')), '');
  it.each(['word/document.xml', '/word/document.xml'])('reads %s', (name) => {
    expect(readDocxPart(bytes, name)).toMatch(/^<\?xml[\s\S]*<w:t xml:space="preserve">a<\/w:t>/);
  });
  it('names the missing part', () => {
    expect(() => readDocxPart(bytes, 'word/styles.xml')).toThrow('the .docx has no part word/styles.xml');
  });
  it('says when the bytes are not a zip', () => {
    expect(() => readDocxPart(Buffer.from('%PDF-1.7'), 'word/document.xml')).toThrow(/not a \.docx/);
  });
});

describe('decodeXmlText', () => {
  it.each([
    ['&amp;lt;', '&lt;'], // decoded once, not twice
    ['&#38;&#x26;', '&&'],
    ['a &unknown; b', 'a &unknown; b'],
  ])('%s → %s', (xml, text) => {
    expect(decodeXmlText(xml)).toBe(text);
  });
});
