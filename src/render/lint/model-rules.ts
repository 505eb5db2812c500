/**
 * ND30 rules on the DocModel itself (spec/nd30.md §2–§5): the date line, the Số line, căn cứ
 * punctuation, the Nơi nhận list, the authority and the signature. A model that passes renders to
 * files that pass the same rules, since the renderers print its strings as they are.
 */
import type { DocModel, Inline } from '../../drafting/doc-model';
import { inlineText } from '../../drafting/doc-model';
import { finding, type LintFinding } from './finding';

/** Tên loại → its abbreviation in the ký hiệu (Phụ lục III of the decree). */
export const TYPE_ABBREVIATIONS: Record<string, string> = {
  'NGHỊ QUYẾT': 'NQ',
  'QUYẾT ĐỊNH': 'QĐ',
  'CHỈ THỊ': 'CT',
  'QUY CHẾ': 'QC',
  'QUY ĐỊNH': 'QyĐ',
  'THÔNG CÁO': 'TC',
  'THÔNG BÁO': 'TB',
  'HƯỚNG DẪN': 'HD',
  'CHƯƠNG TRÌNH': 'CTr',
  'KẾ HOẠCH': 'KH',
  'PHƯƠNG ÁN': 'PA',
  'ĐỀ ÁN': 'ĐA',
  'DỰ ÁN': 'DA',
  'BÁO CÁO': 'BC',
  'BIÊN BẢN': 'BB',
  'TỜ TRÌNH': 'TTr',
  'HỢP ĐỒNG': 'HĐ',
  'CÔNG ĐIỆN': 'CĐ',
  'BẢN GHI NHỚ': 'BGN',
  'BẢN THỎA THUẬN': 'BTT',
  'GIẤY ỦY QUYỀN': 'GUQ',
  'GIẤY MỜI': 'GM',
  'GIẤY GIỚI THIỆU': 'GGT',
  'GIẤY NGHỈ PHÉP': 'GNP',
  'PHIẾU GỬI': 'PG',
  'PHIẾU CHUYỂN': 'PC',
  'PHIẾU BÁO': 'PB',
};

const isUpper = (s: string) => s === s.toUpperCase();

/**
 * "<Địa danh>, ngày DD tháng M năm YYYY": day 01–09 with a zero, months 1 and 2 as 01 and 02 and
 * the others without one; a draft leaves day and month blank ("ngày      tháng 6 năm 2026").
 */
export function lintDateLine(line: string, where = 'header.placeDateLine'): LintFinding[] {
  const m = /^(\S.*?), ngày (\d+| *) tháng (\d+| *) năm (\d{4})$/u.exec(line);
  if (!m) {
    return [finding('nd30.date_line.form', 'error', `the date line must read "<Địa danh>, ngày DD tháng M năm YYYY", not "${line}"`, where)];
  }
  const [, place, dayRaw, monthRaw, yearRaw] = m;
  const out: LintFinding[] = [];
  if (!/^\p{Lu}/u.test(place) || /[;:.]/.test(place)) {
    out.push(finding('nd30.date_line.place', 'error', `the place name "${place}" must start with a capital letter`, where));
  }
  const day = dayRaw.trim() ? Number(dayRaw) : undefined;
  const month = monthRaw.trim() ? Number(monthRaw) : undefined;
  if (day !== undefined && dayRaw !== (day < 10 ? `0${day}` : String(day))) {
    out.push(finding('nd30.date_line.day', 'error', `day "${dayRaw}" must be written ${day < 10 ? `"0${day}"` : `"${day}"`}`, where));
  }
  if (month !== undefined && monthRaw !== (month <= 2 ? `0${month}` : String(month))) {
    out.push(finding('nd30.date_line.month', 'error', `month "${monthRaw}" must be written "${month <= 2 ? `0${month}` : month}" (only months 1 and 2 take a leading zero)`, where));
  }
  if (month !== undefined && (month < 1 || month > 12)) out.push(finding('nd30.date_line.invalid', 'error', `there is no month ${month}`, where));
  if (day !== undefined && month !== undefined && month >= 1 && month <= 12) {
    const last = new Date(Date.UTC(Number(yearRaw), month, 0)).getUTCDate();
    if (day < 1 || day > last) out.push(finding('nd30.date_line.invalid', 'error', `there is no ${day}/${month}/${yearRaw}`, where));
  }
  if ((day === undefined) !== (month === undefined) && day !== undefined) {
    out.push(finding('nd30.date_line.partial', 'warning', 'the day is filled in but the month is left blank', where));
  }
  return out;
}

/**
 * "Số: 128/KH-UBND" (văn bản hành chính), "Số: 04/2026/NQ-HĐND" (quy phạm), "Số:      /KH-UBND"
 * (draft). Numbers below 10 take one leading zero; groups of the ký hiệu are joined by "-" without
 * spaces and written as the abbreviation table has them.
 */
export function lintNumberLine(line: string, typeName: string | undefined, where = 'header.numberLine'): LintFinding[] {
  const m = /^Số: ?( *|\d+)\/(?:(\d{4})\/)?([\p{L}&]+(?:-[\p{L}&]+)*)$/u.exec(line);
  if (!m) return [finding('nd30.number_line.form', 'error', `the Số line must read "Số: <số>/<ký hiệu>", e.g. "Số: 128/KH-UBND", not "${line}"`, where)];
  const [, num, , symbol] = m;
  const out: LintFinding[] = [];
  if (num.trim()) {
    const n = Number(num);
    const expected = n < 10 ? `0${n}` : String(n);
    if (n === 0) out.push(finding('nd30.number_line.number', 'error', 'a document number starts at 01', where));
    else if (num !== expected) out.push(finding('nd30.number_line.number', 'error', `the number "${num}" must be written "${expected}"`, where));
  }
  const abbr = typeName ? TYPE_ABBREVIATIONS[typeName.trim().toUpperCase()] : undefined;
  const first = symbol.split('-')[0];
  if (abbr && first !== abbr) {
    out.push(finding('nd30.number_line.type', 'error', `a ${typeName} is numbered "…/${abbr}-…", not "…/${symbol}"`, where));
  }
  if (!typeName && symbol.split('-').length < 2) {
    out.push(finding('nd30.number_line.symbol', 'warning', `a công văn's ký hiệu names the agency and the drafting unit ("UBND-VP"), not "${symbol}"`, where));
  }
  return out;
}

/**
 * Căn cứ: one per paragraph, each ending with ";" and the last with "." (PL I §II.6.a). Outside a
 * QĐ or NQ (no enacting line follows) a plan or report often closes its last căn cứ with "… như
 * sau:", leading straight into the content, as seed 000 does: a warning there, not an error.
 */
export function lintCanCu(canCu: Inline[][], opts: { decision?: boolean } = {}): LintFinding[] {
  const out: LintFinding[] = [];
  canCu.forEach((runs, i) => {
    const text = inlineText(runs).trim();
    const last = i === canCu.length - 1;
    const want = last ? '.' : ';';
    if (last && opts.decision === false && text.endsWith(':')) {
      out.push(finding('nd30.can_cu.colon', 'warning', 'the last căn cứ leads into the content with ":"; ND30 ends it with "."', `canCu[${i}]`));
    } else if (!text.endsWith(want)) {
      const got = text.slice(-1) || '(empty)';
      out.push(finding('nd30.can_cu.punctuation', 'error', `${last ? 'the last căn cứ' : 'a căn cứ before the last'} ends with "${want}", not "${got}"`, `canCu[${i}]`));
    }
  });
  return out;
}

/** Nơi nhận: "- …;" per line and the last "- Lưu: VT, <unit>." (PL I §II.9.d). */
export function lintRecipients(entries: string[]): LintFinding[] {
  if (entries.length === 0) return [finding('nd30.recipients.missing', 'error', 'the document has no Nơi nhận', 'recipients')];
  const out: LintFinding[] = [];
  entries.forEach((e, i) => {
    const where = `recipients.entries[${i}]`;
    const last = i === entries.length - 1;
    if (!e.startsWith('- ')) out.push(finding('nd30.recipients.dash', 'error', `a recipient line starts with "- ": "${e}"`, where));
    if (!last && !e.endsWith(';')) out.push(finding('nd30.recipients.semicolon', 'error', `a recipient line before the last ends with ";": "${e}"`, where));
    if (last && !/^- Lưu: VT(, [^,;]+(\s\(\d+\))?)?\.$/u.test(e)) {
      out.push(finding('nd30.recipients.luu', 'error', `the last line is "- Lưu: VT, <unit>." (e.g. "- Lưu: VT, KT."), not "${e}"`, where));
    } else if (last && e === '- Lưu: VT.') {
      out.push(finding('nd30.recipients.luu_unit', 'warning', 'the Lưu line should name the drafting unit ("- Lưu: VT, KT.")', where));
    }
  });
  return out;
}

const AUTHORITY = /^(TM|KT|Q|TL|TUQ)\. /;

/** Quyền hạn, chức vụ and the signer's name (ô 7a–7b). */
export function lintSignature(model: DocModel): LintFinding[] {
  const { lines, name } = model.signature;
  const out: LintFinding[] = [];
  if (lines.length === 0 || lines.every((l) => !l.trim())) {
    out.push(finding('nd30.signature.position', 'error', 'the signature block has no position (chức vụ) line', 'signature.lines'));
  }
  lines.forEach((l, i) => {
    if (!isUpper(l)) out.push(finding('nd30.signature.case', 'error', `quyền hạn and chức vụ are upper case: "${l}"`, `signature.lines[${i}]`));
  });
  const lastAuthority = lines.reduce((k, l, i) => (AUTHORITY.test(l) ? i : k), -1);
  if (lastAuthority >= 0 && lastAuthority === lines.length - 1) {
    out.push(finding('nd30.signature.position', 'error', `"${lines[lastAuthority]}" must be followed by the signer's own position`, `signature.lines[${lastAuthority}]`));
  }
  if (!name.trim()) out.push(finding('nd30.signature.name', 'error', "the signer's name is missing", 'signature.name'));
  return out;
}

/** Every string of the model, with where it is (for the NFC check). */
function* strings(model: DocModel): Generator<[string, string]> {
  const h = model.header;
  yield* h.governingBody.map((s, i): [string, string] => [s, `header.governingBody[${i}]`]);
  yield* h.issuer.map((s, i): [string, string] => [s, `header.issuer[${i}]`]);
  yield [h.numberLine, 'header.numberLine'];
  yield [h.placeDateLine, 'header.placeDateLine'];
  if (h.typeName) yield [h.typeName, 'header.typeName'];
  yield* h.title.map((s, i): [string, string] => [s, `header.title[${i}]`]);
  yield* model.canCu.map((c, i): [string, string] => [inlineText(c), `canCu[${i}]`]);
  yield* model.recipients.entries.map((s, i): [string, string] => [s, `recipients.entries[${i}]`]);
  yield* model.signature.lines.map((s, i): [string, string] => [s, `signature.lines[${i}]`]);
  yield [model.signature.name, 'signature.name'];
  yield [JSON.stringify(model.body), 'body'];
  yield [JSON.stringify(model.annexes), 'annexes'];
}

export function lintDocModel(model: DocModel): LintFinding[] {
  const h = model.header;
  const out: LintFinding[] = [];
  if (h.issuer.length === 0) out.push(finding('nd30.issuer.missing', 'error', 'the issuing agency (tên cơ quan ban hành) is missing', 'header.issuer'));
  h.issuer.forEach((l, i) => {
    if (!isUpper(l)) out.push(finding('nd30.issuer.case', 'error', `the agency name is upper case: "${l}"`, `header.issuer[${i}]`));
  });
  h.governingBody.forEach((l, i) => {
    if (!isUpper(l)) out.push(finding('nd30.issuer.case', 'error', `the governing body is upper case: "${l}"`, `header.governingBody[${i}]`));
  });
  out.push(...lintNumberLine(h.numberLine, h.typeName));
  out.push(...lintDateLine(h.placeDateLine));
  if (h.typeName !== undefined && !isUpper(h.typeName)) out.push(finding('nd30.type_name.case', 'error', `tên loại is upper case: "${h.typeName}"`, 'header.typeName'));
  if (h.typeName && h.title.length === 0) out.push(finding('nd30.title.missing', 'error', 'the trích yếu is missing', 'header.title'));
  if (!h.typeName && !h.vv) out.push(finding('nd30.title.missing', 'error', 'a công văn needs its "V/v …" trích yếu', 'header.vv'));
  if (h.vv !== undefined && !h.vv.startsWith('V/v ')) out.push(finding('nd30.vv.form', 'error', `the công văn trích yếu starts with "V/v ": "${h.vv}"`, 'header.vv'));

  const isDecision = h.typeName?.toUpperCase() === 'QUYẾT ĐỊNH' || h.typeName?.toUpperCase() === 'NGHỊ QUYẾT';
  if (isDecision && !(model.authority ?? []).some((l) => l.trim())) {
    out.push(finding('nd30.authority.missing', 'error', `a ${h.typeName} names its issuing authority above the căn cứ`, 'authority'));
  }
  if (h.typeName?.toUpperCase() === 'QUYẾT ĐỊNH' && model.enactingLine !== 'QUYẾT ĐỊNH:') {
    out.push(finding('nd30.enacting.missing', 'error', 'a Quyết định has the line "QUYẾT ĐỊNH:" before Điều 1', 'enactingLine'));
  }
  out.push(...lintCanCu(model.canCu, { decision: isDecision }));
  out.push(...lintRecipients(model.recipients.entries));
  out.push(...lintSignature(model));
  if (!model.meta.author.trim()) out.push(finding('nd30.meta.author', 'warning', 'the metadata has no author (the issuing agency)', 'meta.author'));
  for (const [s, where] of strings(model)) {
    if (s !== s.normalize('NFC')) out.push(finding('nd30.text.nfc', 'error', 'text is not in Unicode NFC', where));
  }
  return out;
}
