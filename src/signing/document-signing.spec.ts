import { sameName } from './document-signing';
import { claimedReference } from './signing.service';
import type { SignatureReport } from './verify';
import { revisionEnds } from './coverage';

describe('sameName (certificate names against the registry)', () => {
  it.each([
    ['Nguyễn Đình Huấn', 'Nguyễn Đình Huấn', true],
    ['NGUYỄN ĐÌNH HUẤN', 'Nguyễn Đình Huấn', true],
    ['NGUYEN DINH HUAN', 'Nguyễn Đình Huấn', true],
    ['  Nguyễn   Đình Huấn ', 'Nguyễn Đình Huấn', true],
    // decomposed input (NFD) is the same name
    ['Nguye\u0302\u0303n Đình Huấn', 'Nguyễn Đình Huấn', true],
    ['Ủy ban nhân dân xã Kim Thành', 'ỦY BAN NHÂN DÂN XÃ KIM THÀNH', true],
    ['Nguyễn Đình Hoàn', 'Nguyễn Đình Huấn', false],
    ['Nguyễn Đình', 'Nguyễn Đình Huấn', false],
    ['', 'Nguyễn Đình Huấn', false],
    [undefined, 'Nguyễn Đình Huấn', false],
  ])('%s ~ %s → %s', (a, b, same) => {
    expect(sameName(a, b)).toBe(same);
  });
});

describe('revisionEnds', () => {
  const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  it.each([
    ['one revision, LF', '%PDF-1.7\n...%%EOF\n', [18]],
    ['one revision, CRLF', '%PDF-1.7\n...%%EOF\r\n', [19]],
    ['no end of line', '%PDF-1.7\n...%%EOF', [17]],
    ['two revisions', '%PDF-1.7\n%%EOF\nupdate\n%%EOF\n', [15, 28]],
    ['no marker', '%PDF-1.7\n', []],
  ])('%s', (_name, text, ends) => {
    expect(revisionEnds(bytes(text))).toEqual(ends);
  });
});

describe('claimedReference (the reference our agency signature names)', () => {
  const report = (fieldName: string, reason?: string) => ({ fieldName, reason }) as SignatureReport;
  it.each([
    [[report('Chữ ký số của cơ quan', 'Ban hành văn bản số 05/KH-UBND ngày 15/06/2026')], '05/KH-UBND'],
    [[report('Chữ ký số của cơ quan', 'Ban hành văn bản số 12/2026/NQ-HĐND ngày 01/07/2026')], '12/2026/NQ-HĐND'],
    // only our agency signature field counts, and only with a number in its reason
    [[report('Signature1', 'Ban hành văn bản số 05/KH-UBND')], null],
    [[report('Chữ ký số của cơ quan', 'Đóng dấu')], null],
    [[report('Chữ ký số của cơ quan')], null],
    [[], null],
  ])('%j → %s', (reports, ref) => {
    expect(claimedReference(reports)).toBe(ref);
  });
});
