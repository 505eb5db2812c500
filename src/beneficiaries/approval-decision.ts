/**
 * The Quyết định phê duyệt danh sách (domain.md §9) of a beneficiary list, as a registry document
 * record: header, căn cứ from the registry (the policy's resolution, the plans implementing it),
 * "Theo đề nghị của …", Điều 1 (N người, mức hỗ trợ, thời gian, tổng kinh phí X đồng, Bằng chữ),
 * Điều 2, Điều 3, Nơi nhận from "- Như Điều 3;", the signature, and the annex listing every person
 * with a Tổng cộng row.
 *
 * No number is written here: every count and amount is a named figure (`content.figures`) over the
 * list (`where.list`), computed by the figures engine at each render. Pure.
 */
import { formatDocNumber } from '../vi/doc-number';
import { formatShortDate, padMonth } from '../vi/nd30-date';
import { upperVi } from '../vi/text-case';
import type { FigureDefinition } from '../figures/compute-figures';
import type { AgencyRecord, DocumentContent, DocumentRecord, OfficialRecord } from '../registry/records/record-set';
import { CATEGORY_LABELS, categoryLabel } from './poverty-categories';

export interface DecisionList {
  code: string;
  period: string;
  fromMonth: string;
  toMonth: string;
  /** categories present in the list, in the order of POVERTY_CATEGORIES */
  categories: string[];
}

export interface DecisionPolicy {
  code: string;
  name: string;
  rule: string;
  parameters: { name: string; effectiveFrom: string; effectiveTo: string | null }[];
}

/** A document the decision is based on (its policy's resolution, the plans implementing it). */
export interface BasisDocument {
  code: string;
  type: string;
  typeName: string;
  number: number | null;
  year: number;
  symbol: string;
  yearInNumber: boolean;
  issuer: string;
  date: string | null;
  title: string;
}

export interface DecisionInput {
  list: DecisionList;
  policy: DecisionPolicy;
  /** the policy's own document (NQ), if recorded */
  policyDocument?: BasisDocument;
  /** plans implementing it (KH), numbered and dated, in the order to cite */
  plans: BasisDocument[];
  agency: AgencyRecord;
  signer: OfficialRecord;
  /** "Trưởng phòng Văn hóa - Xã hội" */
  proposer: string;
  /** the proposing unit's abbreviation for "Lưu: VT, …" and its name for Điều 2 */
  unit: { abbreviation: string; name: string };
  year: number;
}

/** The record code of a list's decision. */
export function decisionCode(listCode: string): string {
  return `qd-${listCode}`.slice(0, 128);
}

const monthText = (m: string) => `${padMonth(Number(m.slice(5)))}/${m.slice(0, 4)}`;

/** "Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng". */
export function citeDocument(d: BasisDocument): string {
  const ref = d.number === null ? '' : ` số ${formatDocNumber({ number: d.number, year: d.year, symbol: d.symbol, yearInNumber: d.yearInNumber })}`;
  const date = d.date ? ` ngày ${formatShortDate(d.date)}` : '';
  return `${d.typeName}${ref}${date} của ${d.issuer}`;
}

/** The trích yếu after the issuer: "quy định …" (a normative text's verb title), "về …" otherwise. */
function titleClause(d: BasisDocument): string {
  const t = d.title.trim().replace(/[.;:,]+$/u, '');
  const lower = t.charAt(0).toLocaleLowerCase('vi') + t.slice(1);
  if (/^(về|v\/v)\s/iu.test(t)) return lower.replace(/^v\/v\s/iu, 'về việc ');
  return ['NQ', 'NĐ', 'TT', 'TTLT', 'QĐ'].includes(d.type) ? lower : `về ${lower}`;
}

/** "hộ nghèo, hộ cận nghèo và hộ thoát nghèo" */
function categoryPhrase(categories: string[]): string {
  const names = categories.map((c) => categoryLabel(c).toLocaleLowerCase('vi'));
  return names.length <= 1 ? (names[0] ?? 'hộ nghèo') : `${names.slice(0, -1).join(', ')} và ${names.at(-1)}`;
}

function figureName(prefix: string, category: string): string {
  const ascii = category
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `${prefix}_${ascii}`.slice(0, 60);
}

/**
 * The rate of each category as Điều 1 states it, one parameter figure per value in force during the
 * list's months ("từ ngày 01/7/2026: …" when it changes). Unknown rule kinds say "theo danh sách".
 */
function rateClauses(input: DecisionInput, figures: Record<string, FigureDefinition>): string {
  const { policy, list } = input;
  const first = `${list.fromMonth}-01`;
  const lastMonth = new Date(Date.UTC(Number(list.toMonth.slice(0, 4)), Number(list.toMonth.slice(5)), 0)).toISOString().slice(0, 10);
  const inForce = (name: string) =>
    policy.parameters
      .filter((p) => p.name === name && p.effectiveFrom <= lastMonth && (!p.effectiveTo || p.effectiveTo >= first))
      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const amounts = (param: string, prefix: string, category: string): string | null => {
    const values = inForce(param);
    if (values.length === 0) return null;
    return values
      .map((p, i) => {
        const on = p.effectiveFrom > first ? p.effectiveFrom : first;
        const name = i === 0 ? figureName(prefix, category) : figureName(`${prefix}${i + 1}`, category);
        figures[name] = { parameter: { policy: policy.code, name: param, on } };
        return `${i === 0 ? '' : `, từ ngày ${formatShortDate(on)} là `}{{fig "${name}"}} đồng/người/tháng`;
      })
      .join('');
  };
  if (policy.rule === 'fixed-by-category') {
    const parts = list.categories.map((c) => {
      const a = amounts(`muc_ho_tro.${c}`, 'muc_ho_tro', c);
      return a ? `${categoryLabel(c).toLocaleLowerCase('vi')} ${a}` : null;
    });
    if (parts.every((p) => p !== null)) return `Mức hỗ trợ: ${parts.join('; ')}.`;
  }
  if (policy.rule === 'top-up') {
    const generic = amounts('nguong', 'nguong', 'chung');
    if (generic) return `Mức hỗ trợ: bằng mức chuẩn ${generic} trừ các khoản trợ cấp đang hưởng; mức hỗ trợ của từng người theo danh sách kèm theo.`;
    const parts = list.categories.map((c) => {
      const a = amounts(`nguong.${c}`, 'nguong', c);
      return a ? `${categoryLabel(c).toLocaleLowerCase('vi')} ${a}` : null;
    });
    if (parts.every((p) => p !== null)) return `Mức hỗ trợ: bằng mức chuẩn (${parts.join('; ')}) trừ các khoản trợ cấp đang hưởng; mức hỗ trợ của từng người theo danh sách kèm theo.`;
  }
  if (policy.rule === 'bhyt-share') return 'Mức hỗ trợ: hỗ trợ mức đóng bảo hiểm y tế theo tỷ lệ quy định; mức hỗ trợ của từng người theo danh sách kèm theo.';
  return 'Mức hỗ trợ: theo danh sách kèm theo.';
}

/** The decision as a draft registry document (unnumbered, undated). */
export function approvalDecision(input: DecisionInput): DocumentRecord {
  const { list, policy, agency, signer } = input;
  const where = { period: list.period, list: list.code };
  const figures: Record<string, FigureDefinition> = {
    so_nguoi: { count: 'members', where },
    so_ho: { count: 'households', where },
    tong_kinh_phi: {
      budget: {
        policy: policy.code,
        where,
        from: list.fromMonth,
        to: list.toMonth,
        show: { birth: 'date', note: true, categoryLabels: { ...CATEGORY_LABELS } },
      },
    },
    bang_chu: { words: 'tong_kinh_phi' },
  };
  const local = agency.shortName.replace(/^UBND\s+/u, '');
  const kind = local.replace(agency.placeName, '').trim() || 'xã';
  const basis = input.policyDocument ? `theo ${citeDocument(input.policyDocument)}` : `theo chính sách ${policy.name}`;
  const who = `người thuộc ${categoryPhrase(list.categories)}`;
  const title = `Phê duyệt danh sách ${who} được hỗ trợ ${input.policyDocument ? basis : `(${policy.name})`}`;
  const villageWord = agency.villages.every((v) => v.kind === 'tổ dân phố') ? 'tổ dân phố' : agency.villages.some((v) => v.kind === 'tổ dân phố') ? 'thôn, tổ dân phố' : 'thôn';
  const rates = rateClauses(input, figures);
  const months =
    list.fromMonth === list.toMonth ? `tháng ${monthText(list.fromMonth)}` : `từ tháng ${monthText(list.fromMonth)} đến tháng ${monthText(list.toMonth)}`;
  const canCu = [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
    ...[input.policyDocument, ...input.plans].filter((d): d is BasisDocument => d !== undefined).map((d) => `Căn cứ ${citeDocument(d)} ${titleClause(d)};`),
    `Theo đề nghị của ${input.proposer}.`,
  ];
  const issuerName = `Chủ tịch Ủy ban nhân dân ${local}`;
  const symbol = `QĐ-${agency.abbreviation}`;
  const content: DocumentContent = {
    titleLines: [title],
    authority: [`CHỦ TỊCH ${agency.issuerLines.map((l) => upperVi(l)).join(' ')}`],
    canCu,
    enactingLine: 'QUYẾT ĐỊNH:',
    body: [
      {
        article: {
          number: 1,
          title: `Phê duyệt danh sách {{fig "so_nguoi"}} ${who} ({{fig "so_ho"}} hộ) trên địa bàn ${local} được hỗ trợ ${basis} (có danh sách kèm theo).`,
          body: [
            { p: `- ${rates}` },
            { p: `- Thời gian hỗ trợ: ${months}.` },
            { p: `- Tổng kinh phí: {{fig "tong_kinh_phi"}} đồng (Bằng chữ: {{fig "bang_chu"}}).` },
          ],
        },
      },
      {
        article: {
          number: 2,
          title: `Giao ${input.unit.name} chủ trì, phối hợp với công chức Tài chính - Kế toán và Trưởng các ${villageWord} niêm yết công khai danh sách tại trụ sở Ủy ban nhân dân ${local} và nhà văn hóa các ${villageWord}; tổ chức chi trả kinh phí hỗ trợ kịp thời, đúng đối tượng, đúng chế độ; thanh toán, quyết toán kinh phí theo quy định.`,
          body: [],
        },
      },
      {
        article: {
          number: 3,
          title: `Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân ${local}, ${input.proposer}, công chức Tài chính - Kế toán, Trưởng các ${villageWord} và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
          body: [],
        },
      },
    ],
    recipients: ['- Như Điều 3;', `- TT Đảng ủy, TT HĐND ${kind};`, `- Chủ tịch, các PCT UBND ${kind};`, `- Lưu: VT, ${input.unit.abbreviation}.`],
    signature: { official: signer.code, authority: /^chủ tịch$/iu.test(signer.position.trim()) ? [] : ['KT. CHỦ TỊCH'] },
    annexes: [
      {
        label: 'Phụ lục',
        title: [upperVi(`Danh sách ${who} được hỗ trợ`), upperVi(`${months}`)],
        kemTheo: issuerName,
        landscape: true,
        body: [
          {
            figureTable: 'tong_kinh_phi',
            widths: { stt: 5, name: 19, birth: 11, village: 11, category: 14, monthly: 12, months: 6, total: 13, note: 14 },
          },
          { p: 'Bằng chữ: {{fig "bang_chu"}}.', indent: false },
        ],
      },
    ],
    figures,
  };
  return {
    code: decisionCode(list.code),
    agency: agency.code,
    direction: 'outgoing',
    type: 'QĐ',
    typeName: 'Quyết định',
    number: null,
    year: input.year,
    symbol,
    yearInNumber: false,
    issuer: issuerName,
    issuerAgency: agency.code,
    date: null,
    title,
    status: 'draft',
    citations: [input.policyDocument, ...input.plans].filter((d): d is BasisDocument => d !== undefined).map((d) => d.code),
    notes: [`Phê duyệt danh sách ${list.code}: mọi con số lấy từ danh sách qua các figure (where.list).`],
    content,
  };
}
