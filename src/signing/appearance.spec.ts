import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { attachmentStamp, fitCentred, leaderAppearance, pngSize, sealAppearance, tinosPath, type SignatureBox } from './appearance';

// filter 0: pngjs's adaptive filter is very slow inside Jest
const png = (width: number, height: number) => new Uint8Array(PNG.sync.write(new PNG({ width, height }), { filterType: 0 }));
const box: SignatureBox = { page: 0, x: 300, y: 200, width: 200, height: 90 };
const expectClose = (actual: Record<string, number>, expected: Record<string, number>) => {
  for (const k of Object.keys(expected)) expect(actual[k]).toBeCloseTo(expected[k], 3);
};

describe('pngSize', () => {
  it('reads width and height from IHDR', () => {
    expect(pngSize(png(37, 11))).toEqual({ width: 37, height: 11 });
  });
  it('rejects what is not a PNG', () => {
    expect(() => pngSize(new Uint8Array(Buffer.from('GIF89a and some more bytes here')))).toThrow(/not a PNG/);
  });
});

describe('leaderAppearance (ô 7c: centred between the position line and the name)', () => {
  it('fits a 600×220 image into 90 % of the box, centred (worked by hand)', () => {
    // inner box 310,204.5 180×81; width-bound: 180 × 66; vertical margin (81−66)/2 = 7.5
    const a = leaderAppearance({ signatureBox: box, signatureImagePng: png(600, 220) });
    expect(a.page).toBe(0);
    expectClose({ ...a.rect }, { x: 310, y: 212, width: 180, height: 66 });
  });

  it('fits a tall image by its height', () => {
    // inner 180×81, image 1:1 → 81×81 at x = 310 + (180−81)/2 = 359.5
    const a = leaderAppearance({ signatureBox: box, signatureImagePng: png(100, 100) });
    expectClose({ ...a.rect }, { x: 359.5, y: 204.5, width: 81, height: 81 });
  });
});

describe('sealAppearance (ô 8: real size, over the left third of the signature)', () => {
  const signatureImageRect = { x: 310, y: 212, width: 180, height: 66 };

  it.each([
    // diameter = mm × 72 / 25.4; right edge = 310 + 180/3 = 370; centre y = 212 + 33 = 245
    [36, 102.0472],
    [40, 113.3858],
    [32, 90.7087],
  ])('a %i mm seal is %f pt across, its right edge one third into the signature', (mm, d) => {
    const a = sealAppearance({ signatureBox: box, sealImagePng: png(400, 400), sealDiameterMm: mm, signatureImageRect });
    expectClose({ ...a.rect }, { x: 370 - d, y: 245 - d / 2, width: d, height: d });
  });

  it('defaults to 36 mm and to where leaderAppearance puts a 600×220 signature', () => {
    const a = sealAppearance({ signatureBox: box, sealImagePng: png(400, 400) });
    expectClose({ ...a.rect }, { x: 370 - 102.0472, y: 245 - 51.0236, width: 102.0472, height: 102.0472 });
  });

  it('rejects a non-positive diameter', () => {
    expect(() => sealAppearance({ signatureBox: box, sealImagePng: png(10, 10), sealDiameterMm: 0 })).toThrow(/positive/);
  });
});

describe('attachmentStamp (phụ lục in a separate file: top right of page 1, Times 10)', () => {
  const signingTime = new Date('2026-05-26T07:30:15Z');

  it('writes "Số: …; date; time +07:00"', () => {
    const a = attachmentStamp({ number: '128/KH-UBND', signingTime });
    expect(a.text).toEqual(['Số: 128/KH-UBND; 26/05/2026; 14:30:15 +07:00']);
    expect(a.fontSize).toBe(10);
    expect(a.image).toBeUndefined();
  });

  it('sits inside the top-right margins of an A4 page, as wide as pdf-lib measures the text', async () => {
    const a = attachmentStamp({ number: '128/KH-UBND', signingTime });
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont(readFileSync(tinosPath()));
    const measured = font.widthOfTextAtSize('Số: 128/KH-UBND; 26/05/2026; 14:30:15 +07:00', 10);
    expect(a.rect.width).toBeCloseTo(measured + 2, 1);
    expect(a.rect.x + a.rect.width).toBeCloseTo(595.28 - 15 * (72 / 25.4), 3);
    expect(a.rect.y + a.rect.height).toBeCloseTo(841.89 - 8 * (72 / 25.4), 3);
    expect(a.page).toBe(0);
  });

  it('follows a landscape page', () => {
    const a = attachmentStamp({ number: '05/QĐ-UBND', signingTime, pageWidth: 841.89, pageHeight: 595.28 });
    expect(a.rect.x + a.rect.width).toBeCloseTo(841.89 - 15 * (72 / 25.4), 3);
    expect(a.rect.y + a.rect.height).toBeCloseTo(595.28 - 8 * (72 / 25.4), 3);
  });
});

describe('fitCentred', () => {
  it('keeps the aspect, stays inside, touches two sides and is centred (property)', () => {
    const pos = fc.double({ min: 1, max: 1000, noNaN: true });
    fc.assert(
      fc.property(fc.double({ min: -500, max: 500, noNaN: true }), fc.double({ min: -500, max: 500, noNaN: true }), pos, pos, fc.double({ min: 0.05, max: 20, noNaN: true }), (x, y, width, height, aspect) => {
        const r = fitCentred({ x, y, width, height }, aspect);
        const eps = 1e-6 * (1 + width + height);
        expect(Math.abs(r.width / r.height - aspect)).toBeLessThan(1e-6 * aspect);
        expect(r.x).toBeGreaterThanOrEqual(x - eps);
        expect(r.y).toBeGreaterThanOrEqual(y - eps);
        expect(r.x + r.width).toBeLessThanOrEqual(x + width + eps);
        expect(r.y + r.height).toBeLessThanOrEqual(y + height + eps);
        expect(Math.min(Math.abs(r.width - width), Math.abs(r.height - height))).toBeLessThan(eps);
        expect(Math.abs(r.x - x - (x + width - r.x - r.width))).toBeLessThan(eps);
        expect(Math.abs(r.y - y - (y + height - r.y - r.height))).toBeLessThan(eps);
      }),
    );
  });
});
