import fc from 'fast-check';
import PizZip from 'pizzip';
import { asciiEntries, asciiXml, readZipEntries, writeZip } from './ascii-xlsx';

const decodeRefs = (s: string) => s.replace(/&#x([0-9a-f]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)));

describe('asciiXml', () => {
  it.each([
    ['<t>An</t>', '<t>An</t>'],
    ['<t>Đặng</t>', '<t>&#x110;&#x1eb7;ng</t>'],
    ['<t>e\u0302</t>', '<t>e&#x302;</t>'],
    ['<t>😀</t>', '<t>&#x1f600;</t>'],
  ])('%s → %s', (xml, ascii) => {
    expect(asciiXml(Buffer.from(xml, 'utf8')).toString('latin1')).toBe(ascii);
  });

  it('gives ASCII that reads back as the same text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const text = s.replace(/&/g, '');
        const out = asciiXml(Buffer.from(text, 'utf8'));
        expect([...out].every((b) => b < 0x80)).toBe(true);
        expect(decodeRefs(out.toString('latin1'))).toBe(text);
      }),
    );
  });
});

describe('readZipEntries and writeZip', () => {
  it('read back what PizZip wrote, deflated or stored, in order; write what PizZip reads', () => {
    const zip = new PizZip();
    zip.file('a.xml', '<x>Nguyễn</x>');
    zip.file('b.bin', new Uint8Array([0, 1, 2, 255]));
    zip.file('c/d.xml', 'ASCII only');
    for (const compression of ['DEFLATE', 'STORE'] as const) {
      const entries = readZipEntries(zip.generate({ type: 'nodebuffer', compression }))!;
      expect(entries.map((e) => e.name)).toEqual(['a.xml', 'b.bin', 'c/d.xml']);
      expect(entries[0].data.toString('utf8')).toBe('<x>Nguyễn</x>');
    }
    const again = new PizZip(writeZip(asciiEntries(readZipEntries(zip.generate({ type: 'nodebuffer' }))!)));
    expect(Object.keys(again.files)).toEqual(['a.xml', 'b.bin', 'c/d.xml']);
    expect(again.file('a.xml')!.asText()).toBe('<x>Nguy&#x1ec5;n</x>');
    expect([...again.file('b.bin')!.asUint8Array()]).toEqual([0, 1, 2, 255]);
  });

  it('puts the workbook-level parts before the sheets, keeping the order of the rest', () => {
    const e = (name: string) => ({ name, data: Buffer.from('x') });
    const names = asciiEntries([e('xl/worksheets/sheet1.xml'), e('xl/sharedStrings.xml'), e('docProps/app.xml'), e('xl/workbook.xml'), e('[Content_Types].xml'), e('xl/worksheets/sheet2.xml')]).map((x) => x.name);
    expect(names).toEqual(['[Content_Types].xml', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'docProps/app.xml', 'xl/worksheets/sheet2.xml']);
  });

  it('says null for what is not a zip', () => {
    expect(readZipEntries(Buffer.from('not a zip at all, not even close'))).toBeNull();
  });
});
