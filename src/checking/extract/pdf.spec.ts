import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { checkFile, checkFileWithSource } from '../check';
import { layoutToLines } from './pdf';

const TINOS = '/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf';

async function makePdf(lines: string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(TINOS), { subset: true });
  const page = pdf.addPage([595, 842]);
  lines.forEach((l, i) => page.drawText(l, { x: 72, y: 780 - i * 18, size: 12, font }));
  return pdf.save();
}

describe('layoutToLines', () => {
  it('turns aligned numeric columns into table rows and collapses justified gaps', () => {
    const text = ['Kết quả   rà soát   như sau:', '', 'Thôn A      320      8      2,5', 'Thôn B      250      5      2,0', 'Tổng cộng   570     13      2,3'].join('\n');
    expect(layoutToLines(text)).toEqual([
      'Kết quả rà soát như sau:',
      '| Cột 1 | Cột 2 | Cột 3 | Cột 4 |',
      '| Thôn A | 320 | 8 | 2,5 |',
      '| Thôn B | 250 | 5 | 2,0 |',
      '| Tổng cộng | 570 | 13 | 2,3 |',
    ]);
  });
});

describe('layoutToLines page numbers', () => {
  it('blanks a page number next to a page break so the sentence runs on', () => {
    expect(layoutToLines('giảm 5 hộ nghèo (từ 40 hộ\n\f                 2\nxuống còn 36 hộ).')).toEqual(['giảm 5 hộ nghèo (từ 40 hộ', '', 'xuống còn 36 hộ).']);
  });
});

describe('checkFile on a .pdf (text layer via pdftotext)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-check-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the Vietnamese text layer and finds the planted errors', async () => {
    const file = join(dir, 'ke-hoach.pdf');
    writeFileSync(
      file,
      await makePdf([
        'Số: 27/KH-UBND',
        'Nam Hòa, ngày 16 tháng 3 năm 2026',
        'Các thôn hoàn thành rà soát trước ngày 31/4/2026.',
        'Thời gian: từ ngày 29/5/2026 đến hết ngày 01/6/2025.',
      ]),
    );
    const { result, lines } = await checkFileWithSource(file);
    const byCode = new Map(result.findings.map((f) => [f.code, f]));
    expect([...byCode.keys()].sort()).toEqual(['date.invalid', 'date.range_reversed']);
    expect(lines[(byCode.get('date.invalid')?.line ?? 0) - 1]).toContain('31/4/2026');
    expect(lines[(byCode.get('date.range_reversed')?.line ?? 0) - 1]).toContain('01/6/2025');
  });

  it('rejects a PDF without a text layer with check.unreadable', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const file = join(dir, 'scan.pdf');
    writeFileSync(file, await pdf.save());
    await expect(checkFile(file)).rejects.toMatchObject({ code: 'check.unreadable' });
  });

  it.each([
    ['broken.pdf', 'this is not a pdf', 'check.unreadable'],
    ['notes.odt', 'x', 'check.unsupported'],
    ['binary.txt', 'a\u0000b', 'check.unreadable'],
  ])('%s → %s', async (name, content, code) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    await expect(checkFile(file)).rejects.toMatchObject({ code });
  });

  it('a missing file is check.unreadable', async () => {
    await expect(checkFile(join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'check.unreadable' });
  });
});
