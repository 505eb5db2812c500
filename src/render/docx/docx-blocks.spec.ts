import fc from 'fast-check';
import { columnWidths, runXml } from './docx-blocks';
import { textWidthTwips } from './text-width';
import { attr, cleanText, el, text } from './xml';

describe('columnWidths', () => {
  it.each([
    [[1, 1], 100, [50, 50]],
    [[1, 2], 100, [33, 67]], // 33.3 → 33, the rounding rest goes to the last column
    [[8, 42, 20, 30], 9355, [748, 3929, 1871, 2807]],
    [[0, -3, Number.NaN], 90, [30, 30, 30]], // unusable widths count as 1
  ])('%j of %i → %j', (relative, total, expected) => {
    expect(columnWidths(relative, total)).toEqual(expected);
  });

  it('always sums to the total, never goes negative, and keeps the order of the widths (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1000, max: 20000 }), (rel, total) => {
        const w = columnWidths(rel, total);
        expect(w.reduce((a, b) => a + b, 0)).toBe(total);
        expect(w.every((x) => x >= 0)).toBe(true);
        // a wider relative column is never narrower (the last one, which takes the rounding rest, aside)
        const inverted = rel.slice(0, -1).some((ri, i) => rel.slice(0, -1).some((rj, j) => ri > rj && w[i] < w[j]));
        expect(inverted).toBe(false);
      }),
    );
  });
});

describe('runXml', () => {
  it.each([
    [{ text: 'a\tb\nc' }, '<w:r><w:rPr><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t xml:space="preserve">a</w:t><w:tab/><w:t xml:space="preserve">b</w:t><w:br/><w:t xml:space="preserve">c</w:t></w:r>'],
    [{ text: 'x', bold: true, italic: true, underline: true }, '<w:r><w:rPr><w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val="28"/><w:szCs w:val="28"/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">x</w:t></w:r>'],
    [{ text: '' }, ''],
  ])('%j', (run, xml) => {
    expect(runXml(run, { size: 28 })).toBe(xml);
  });

  it('turns emphasis off only where the paragraph style turns it on', () => {
    expect(runXml({ text: 'x', bold: false }, { size: 28, bold: true })).toContain('<w:b w:val="0"/>');
    expect(runXml({ text: 'x', bold: false }, { size: 28 })).not.toContain('<w:b');
    expect(runXml({ text: 'x' }, { size: 28, italic: true })).toContain('<w:i/>');
  });
});

describe('xml writer', () => {
  it.each([
    ['<a & b>', '&lt;a &amp; b&gt;'],
    ['"q" \'a\'', '"q" \'a\''],
    ['x\u0000y\u0008z\uFFFF', 'xyz'],
    ['e\u0001\u0302', 'ê'], // the control character goes first, then NFC composes
  ])('text(%j) = %j', (raw, escaped) => {
    expect(text(raw)).toBe(escaped);
  });

  it('escapes attribute values, including quotes and white space attribute normalisation would eat', () => {
    expect(attr('a"b\'c<d>&\t\n')).toBe('a&quot;b&apos;c&lt;d&gt;&amp;&#9;&#10;');
    expect(el('w:x', { 'w:val': 'a"b', 'w:skip': undefined })).toBe('<w:x w:val="a&quot;b"/>');
    expect(el('w:y', undefined, '<w:z/>')).toBe('<w:y><w:z/></w:y>');
  });

  it('keeps astral characters and drops lone surrogates', () => {
    expect(cleanText('😀\uD800x')).toBe('😀x');
  });
});

describe('textWidthTwips', () => {
  // Tinos/Times New Roman advance widths (1/1000 em): Đ = D = 722, ộ = o = 500, space = 250;
  // at 14 pt (28 half-points) 1000 em units = 14 pt = 280 twips.
  it.each([
    ['Đô', 28, false, Math.round(((722 + 500) * 280) / 1000)],
    ['Độ', 28, false, Math.round(((722 + 500) * 280) / 1000)],
    ['A B', 24, true, Math.round(((722 + 250 + 667) * 240) / 1000)],
  ])('%s at %i half-points, bold %s', (s, hp, bold, twips) => {
    expect(textWidthTwips(s, hp, bold)).toBe(twips);
  });
});
