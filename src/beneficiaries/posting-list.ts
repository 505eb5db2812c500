/**
 * The danh sách niêm yết công khai: the same list, for the notice boards of the commune office and
 * the village halls, with personal data minimised (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; ND
 * 356/2025; domain.md §8): the name, the birth YEAR, the village, the household head and the
 * household's category. Never the số định danh, the full birth date, health or disability, the
 * group a person is supported as (it can say "người khuyết tật"), the allowance already received,
 * phone, bank account, ethnicity or the clerk's notes. Pure: it builds a DocModel.
 *
 * The input type itself carries only the posted fields, so nothing else can reach the renderers.
 */
import type { DocModel, TableBlock } from '../drafting/doc-model';
import { formatPlaceDateLine, padMonth } from '../vi/nd30-date';
import { upperVi } from '../vi/text-case';
import type { AgencyRecord, OfficialRecord } from '../registry/records/record-set';

/** Exactly what a posted row shows. */
export interface PostedPerson {
  name: string;
  birthYear: number | null;
  village: string;
  head: string;
  category: string;
}

export interface PostingInput {
  agency: AgencyRecord;
  signer: OfficialRecord;
  list: { code: string; fromMonth: string; toMonth: string };
  /** "người thuộc hộ nghèo, hộ cận nghèo" */
  who: string;
  /** "theo Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng" */
  basis: string;
  /** the count as the figures engine printed it */
  count: string;
  people: PostedPerson[];
  year: number;
  /** working days on the board (QĐ 24/2021 practice; unconfirmed minimum) */
  postingDays: number;
}

const monthText = (m: string) => `${padMonth(Number(m.slice(5)))}/${m.slice(0, 4)}`;

export function postingTable(people: readonly PostedPerson[]): TableBlock {
  return {
    kind: 'table',
    repeatHeader: true,
    columns: [
      // portrait: "STT", a year and "Hộ thoát nghèo" fit on one line; a long name may wrap
      { header: 'STT', width: 8, align: 'center' },
      { header: 'Họ và tên', width: 25 },
      { header: 'Năm sinh', width: 8, align: 'center' },
      { header: 'Thôn, tổ dân phố', width: 16 },
      { header: 'Chủ hộ', width: 23 },
      { header: 'Đối tượng', width: 20 },
    ],
    rows: people.map((p, i) => ({ cells: [String(i + 1), p.name, p.birthYear === null ? '' : String(p.birthYear), p.village, p.head, p.category] })),
  };
}

export function postingModel(input: PostingInput): DocModel {
  const { agency, list } = input;
  const local = agency.shortName.replace(/^UBND\s+/u, '');
  const months = list.fromMonth === list.toMonth ? `tháng ${monthText(list.fromMonth)}` : `từ tháng ${monthText(list.fromMonth)} đến tháng ${monthText(list.toMonth)}`;
  const signerTop = /^chủ tịch$/iu.test(input.signer.position.trim()) ? ['TM. ỦY BAN NHÂN DÂN'] : ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'];
  const title = `Danh sách ${input.who} đề nghị hỗ trợ ${months}`;
  return {
    meta: { title: `Danh sách niêm yết công khai: ${title}`, author: agency.name, subject: title, draft: false },
    header: {
      governingBody: agency.governingBody,
      issuer: agency.issuerLines,
      numberLine: '',
      placeDateLine: formatPlaceDateLine(agency.placeName, null, input.year),
      typeName: 'DANH SÁCH',
      title: [`${input.who.charAt(0).toLocaleUpperCase('vi')}${input.who.slice(1)} đề nghị hỗ trợ`, `${months} (niêm yết công khai)`],
    },
    canCu: [],
    body: [
      {
        kind: 'paragraph',
        runs: [
          {
            text: `Ủy ban nhân dân ${local} niêm yết công khai danh sách ${input.count} ${input.who} đề nghị được hỗ trợ ${input.basis}, thời gian hỗ trợ ${months}, như sau:`,
          },
        ],
      },
      postingTable(input.people),
      {
        kind: 'paragraph',
        runs: [
          {
            text: `Thời gian niêm yết: ${input.postingDays} ngày làm việc kể từ ngày niêm yết, tại trụ sở Ủy ban nhân dân ${local} và nhà văn hóa các thôn, tổ dân phố. Trong thời gian niêm yết, người dân có ý kiến về danh sách xin gửi về Ủy ban nhân dân ${local} hoặc Trưởng thôn, Tổ trưởng tổ dân phố nơi cư trú.`,
          },
        ],
      },
      {
        kind: 'paragraph',
        runs: [
          {
            text: 'Danh sách niêm yết không ghi số định danh cá nhân, ngày tháng sinh, tình trạng sức khỏe, khuyết tật, số điện thoại, tài khoản của người được hỗ trợ (Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15).',
            italic: true,
          },
        ],
      },
    ],
    recipients: { entries: [`- Niêm yết tại trụ sở UBND ${local};`, '- Niêm yết tại nhà văn hóa các thôn, tổ dân phố;', '- Lưu: VT.'] },
    signature: { lines: [...signerTop, upperVi(input.signer.position)], name: input.signer.name },
    annexes: [],
  };
}
