/**
 * Case and diacritics for Vietnamese text. Everything returns NFC (the project's text boundary form).
 * foldForMatch is for matching things people type in different ways — Excel column headers such as
 * "Họ và tên", "HỌ VÀ TÊN", "Ho va ten" — never for text that is displayed or stored.
 */
import { nfc } from './nfc';

/**
 * Removes every diacritic: tone marks and the letter marks of ă â ê ô ơ ư, and đ/Đ -> d/D
 * ("Đặng Thị Thủy" -> "Dang Thi Thuy"). Đ is a letter of its own, not a d with a combining mark,
 * so NFD alone would keep it.
 */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Upper case with the Vietnamese locale, NFC in and out: "ủy ban nhân dân" -> "ỦY BAN NHÂN DÂN". */
export function upperVi(s: string): string {
  return nfc(nfc(s).toLocaleUpperCase('vi'));
}

/** Lower case with the Vietnamese locale, NFC in and out. */
export function lowerVi(s: string): string {
  return nfc(nfc(s).toLocaleLowerCase('vi'));
}

/**
 * NFC, lower case, no diacritics, whitespace runs collapsed to one space and trimmed:
 * "  HỌ VÀ  TÊN " / "Họ và tên" / "Ho va ten" -> "ho va ten".
 */
export function foldForMatch(s: string): string {
  return stripDiacritics(lowerVi(s)).replace(/\s+/gu, ' ').trim();
}

/**
 * The first letter in upper case, the rest as it is: "mười tám triệu đồng" -> "Mười tám triệu đồng";
 * leading punctuation or spaces are kept and skipped ("(một …" -> "(Một …").
 */
export function capitalizeFirst(s: string): string {
  const t = nfc(s);
  const m = /\p{L}/u.exec(t);
  if (!m) return t;
  return nfc(t.slice(0, m.index) + m[0].toLocaleUpperCase('vi') + t.slice(m.index + m[0].length));
}
