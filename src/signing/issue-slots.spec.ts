import fc from 'fast-check';
import { qdWithAnnex } from '../render/pdf/fixtures/sample-models';
import { SEED_KH_NAMES, seedModel } from '../render/pdf/fixtures/seed-models';
import { issueSlots, issueStamps, unnumberedModel, type IssueSlots } from './issue-slots';

/**
 * Hand-worked widths: Tinos has Times New Roman's metrics, where every digit is half an em and the
 * space a quarter em. At 13 pt a digit is 6.5 pt and a space 3.25 pt.
 */
const DIGIT = 6.5;
const SPACE = 3.25;

const slots: IssueSlots = {
  // "Số:" then six spaces before "/": a blank 19.5 pt wide
  number: { page: 0, left: 100, right: 100 + 6 * SPACE, baseline: 700, face: 'regular', size: 13 },
  // "ngày" + " " + "   " + " " + "tháng": five spaces, 16.25 pt
  day: { page: 0, left: 300, right: 300 + 5 * SPACE, baseline: 700, face: 'italic', size: 13 },
  month: { page: 0, left: 360, right: 360 + 5 * SPACE, baseline: 700, face: 'italic', size: 13 },
  year: 2026,
};

describe('issueStamps', () => {
  it.each([
    // date, day text, month text (ND30: a leading zero for days below 10 and for months 1 and 2)
    ['2026-01-05', '05', '01'],
    ['2026-02-28', '28', '02'],
    ['2026-03-09', '09', '3'],
    ['2026-11-30', '30', '11'],
    ['2026-12-31', '31', '12'],
  ])('%s → day %s, month %s, centred in their blanks', (date, day, month) => {
    const [, d, m] = issueStamps(slots, { number: 5, date });
    expect([d.text, m.text]).toEqual([day, month]);
    const w = (t: string) => t.length * DIGIT;
    expect(d.x).toBeCloseTo(300 + (5 * SPACE - w(day)) / 2, 6);
    expect(m.x).toBeCloseTo(360 + (5 * SPACE - w(month)) / 2, 6);
    expect([d.face, m.face, d.baseline]).toEqual(['italic', 'italic', 700]);
  });

  it.each([
    // number, text, x where the text starts, maxWidth (compressed only when it would run into "Số:")
    [5, '05', 100 + 6 * SPACE - 2 * DIGIT, undefined],
    [99, '99', 100 + 6 * SPACE - 2 * DIGIT, undefined],
    // three digits (19.5 pt) fill the blank: squeezed to leave half a space (1.625 pt) after "Số:"
    [128, '128', 100 + SPACE / 2, 6 * SPACE - SPACE / 2],
    [1234, '1234', 100 + SPACE / 2, 6 * SPACE - SPACE / 2],
  ])('number %d → "%s" ending where the "/" begins', (n, text, x, maxWidth) => {
    const [stamp] = issueStamps(slots, { number: n, date: '2026-06-15' });
    expect(stamp.text).toBe(text);
    expect(stamp.x).toBeCloseTo(x, 6);
    const round = (v: number | undefined) => (v === undefined ? null : Math.round(v * 1e6) / 1e6);
    expect(round(stamp.maxWidth)).toBe(round(maxWidth));
    expect(stamp.description).toBe('Số văn bản (cấp khi ban hành)');
  });

  it('keeps every stamp inside its blank, whatever the number and date', () => {
    expect(() => fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.date({ min: new Date('2026-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }), (n, when) => {
        const date = when.toISOString().slice(0, 10);
        const stamps = issueStamps(slots, { number: n, date });
        return stamps.every((s, i) => {
          const slot = [slots.number, slots.day, slots.month][i];
          const width = Math.min(s.text.length * DIGIT, s.maxWidth ?? Infinity);
          return s.x >= slot.left - 1e-9 && s.x + width <= slot.right + 1e-9;
        });
      }),
    )).not.toThrow();
  });
});

describe('issueSlots', () => {
  const blankKh = unnumberedModel(seedModel(SEED_KH_NAMES[0]), { symbol: 'KH-UBND', yearInNumber: false, placeName: 'Kim Thành', year: 2026 });

  it('blanks the number and the date of the model the leader signs, without the DỰ THẢO mark', () => {
    const drafted = { ...seedModel(SEED_KH_NAMES[0]) };
    drafted.header = { ...drafted.header, draftMark: 'DỰ THẢO' };
    const m = unnumberedModel(drafted, { symbol: 'NQ-HĐND', yearInNumber: true, placeName: 'Kim Thành', year: 2027 });
    expect(m.header.numberLine).toBe('Số:      /2027/NQ-HĐND');
    expect(m.header.placeDateLine).toBe('Kim Thành, ngày     tháng     năm 2027');
    expect(m.header.draftMark).toBeUndefined();
    expect(m.meta.date).toBeUndefined();
  });

  it.each([
    ['seed KH', blankKh],
    ['QĐ with phụ lục', unnumberedModel(qdWithAnnex(5), { symbol: 'QĐ-UBND', yearInNumber: false, placeName: 'Kim Thành', year: 2026 })],
  ])('%s: the blanks are as wide as their spaces, on one baseline, in the faces of their lines', (_name, model) => {
    const s = issueSlots(model);
    expect(s.number.right - s.number.left).toBeCloseTo(6 * SPACE, 6);
    expect(s.day.right - s.day.left).toBeCloseTo(5 * SPACE, 6);
    expect(s.month.right - s.month.left).toBeCloseTo(5 * SPACE, 6);
    expect([s.number.face, s.day.face, s.month.face]).toEqual(['regular', 'italic', 'italic']);
    expect(s.day.baseline).toBe(s.number.baseline);
    expect(s.month.left).toBeGreaterThan(s.day.right);
    // the Số line sits in the left column, the date line in the right one (A4: 595.28 pt wide)
    expect(s.number.right).toBeLessThan(595.28 / 2);
    expect(s.day.left).toBeGreaterThan(595.28 / 2);
    expect([s.number.page, s.year]).toEqual([0, 2026]);
  });

  it('fails with signing.slot_not_found on a numbered, dated model', () => {
    expect(() => issueSlots(seedModel(SEED_KH_NAMES[0]))).toThrow(expect.objectContaining({ code: 'signing.slot_not_found' }));
  });
});
