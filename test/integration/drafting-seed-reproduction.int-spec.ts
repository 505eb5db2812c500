/**
 * Proof on the seeds (issue #8, point 5). Seeds 000 (xã Kim Thành) and 001 (đặc khu Cát Hải) are two
 * communes writing the same plan, each by hand. The one template `kh-trien-khai`, drafted for each
 * agency from records/ and rendered to DOCX by the render service (as a clerk gets it), is compared
 * with each seed paragraph by paragraph:
 *
 * - the two drafts are the same text once each agency's own data is put back as a placeholder
 *   (names, level, units, villages, signer, the BHXH office): they differ only by agency data,
 *   and by the parts the agency's data switches on (listed in SWITCHED);
 * - every paragraph where a draft and its seed differ is listed in DIFFERENCES with its kind and
 *   reason: the agency's data, a seed error the draft does not repeat, the ND30 citation form, a
 *   draft that is not yet numbered or dated, or wording the two seeds do not share (the template's
 *   wording follows seed 000; seed 001's own sentences are listed as such);
 * - no listed difference may be stale (each must match something), and the seed errors the records
 *   note are absent from the drafts (asserted on the text).
 *
 * How seed text is read (as test/clients/seed-fidelity does): paragraphs are separated by blank
 * lines; within one, lines are trimmed and joined by a space; markdown marks are removed; NFC; white
 * space runs are one space. Two paragraphs of each seed split by a page break in the export are
 * joined first (listed in JOINS). A seed paragraph may be the text of several consecutive DOCX
 * paragraphs (a Nơi nhận list, the signature lines).
 */
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../../src/app.module';
import { DraftsService } from '../../src/drafting/drafts/drafts.service';
import { AgenciesService } from '../../src/registry/agencies.service';
import { OfficialsService } from '../../src/registry/officials.service';
import { RecordsService } from '../../src/registry/records.service';
import { extractDocxParagraphs } from '../../src/render/docx/docx-text';
import { RenderService } from '../../src/render/render.service';
import { testDatabase, type TestDatabase } from '../harness';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');
const SEEDS = join(ROOT, 'fixtures', 'seeds');

type Kind =
  /** the agency's own names, units, villages, signer, recipients: what makes the drafts differ */
  | 'agency-data'
  /** the seed is wrong there (records/<agency> notes it); the draft is right */
  | 'seed-error'
  /** ND30: full citation at first mention, loại + số/ký hiệu after; trích yếu without closing mark */
  | 'citation-form'
  /** a draft has no number and no day yet; the DOCX prints header lines the text export lost */
  | 'draft-or-export'
  /** the seeds word this part differently; the template follows seed 000 (or adds a part) */
  | 'wording';

interface Difference {
  seed: '000' | '001';
  kind: Kind;
  /** the start of the seed's paragraph, when the seed has one here */
  seedText?: string;
  /** the start of the draft's paragraph, when the draft has one here */
  draftText?: string;
  reason: string;
}

const DRAFTS: Record<'000' | '001', { agency: string; implements: string[]; inputs: Record<string, string> }> = {
  // agency data from seed 000: its BHXH office is Thanh Hà's; it signs KT. CHỦ TỊCH; dated in May
  '000': {
    agency: 'kim-thanh',
    implements: ['nq-04-2026-hdnd-hp', '187/KH-UBND'],
    inputs: { thoi_gian_tuyen_truyen: '2026-05-29..2026-06-01', thoi_gian_ra_soat: '2026-06-02..2026-06-10', bhxh: 'Bảo hiểm xã hội cơ sở Thanh Hà', che_do_ky: 'thu-truong', thang: '5' },
  },
  // agency data from seed 001: its Trạm Y tế takes part; dated in June; it signs TM. ỦY BAN NHÂN DÂN
  '001': { agency: 'cat-hai', implements: ['nq-04-2026-hdnd-hp', 'kh-187-2026-ubnd-hp'], inputs: { tram_y_te: 'true', thang: '6' } },
};

const JOINS: Record<'000' | '001', string[]> = {
  '000': ['chiến binh, Đoàn Thanh niên);', 'hiện các chính sách của Nghị quyết gửi UBND xã'],
  '001': ['thành phố gắn với thực hiện quan điểm chỉ đạo', 'Quyết số 04/2026/NQ-HĐND ngày 20 tháng 4 năm 2026'],
};

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function seedParagraphs(seed: '000' | '001'): string[] {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(`${seed}_`))!;
  const paras = readFileSync(join(SEEDS, file), 'utf8')
    .split(/\r?\n[ \t]*\r?\n/)
    .map((b) => norm(b.split(/\r?\n/).map((l) => l.replace(/^\s*#+\s+/, '').replace(/\*/g, '').trim()).join(' ')))
    .filter(Boolean);
  for (const start of JOINS[seed]) {
    const i = paras.findIndex((p, k) => k > 0 && p.startsWith(start));
    if (i < 0) throw new Error(`seed ${seed}: no paragraph starting "${start}" to join`);
    paras.splice(i - 1, 2, `${paras[i - 1]} ${paras[i]}`);
  }
  return paras;
}

/**
 * The most seed paragraphs matched in order, each by one DOCX paragraph or several consecutive ones
 * joined by spaces (dynamic programming); what is left unmatched on each side, in order.
 */
function align(seed: string[], docx: string[]): { seedOnly: string[]; docxOnly: string[] } {
  const n = seed.length;
  const m = docx.length;
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const span = (i: number, j: number): number => {
    let joined = '';
    for (let k = 0; j + k < m && k < 15; k++) {
      joined = k === 0 ? docx[j] : `${joined} ${docx[j + k]}`;
      if (joined === seed[i]) return k + 1;
      if (!seed[i].startsWith(joined)) return 0;
    }
    return 0;
  };
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const k = span(i, j);
      best[i][j] = Math.max(best[i + 1][j], best[i][j + 1], k ? 1 + best[i + 1][j + k] : 0);
    }
  }
  const seedOnly: string[] = [];
  const docxOnly: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const k = span(i, j);
    if (k && best[i][j] === 1 + best[i + 1][j + k]) {
      i++;
      j += k;
    } else if (best[i][j] === best[i + 1][j]) seedOnly.push(seed[i++]);
    else docxOnly.push(docx[j++]);
  }
  return { seedOnly: [...seedOnly, ...seed.slice(i)], docxOnly: [...docxOnly, ...docx.slice(j)] };
}

const HEADER_LOST = 'the DOCX prints the agency and Quốc hiệu lines of the header (a two-column table) that the seed’s text export lost';
const DRAFT = 'a draft has no number and no day until it is signed and issued (ND30 Đ15: numbered at issue); "DỰ THẢO" marks it';
const ND30_CITE = 'ND30 PL I §II.6: a document is cited in full (loại, số/ký hiệu, ngày, cơ quan, trích yếu) at its first mention and by loại and số/ký hiệu after; one căn cứ per line, ";" then "."; the text before the plan starts in the body';
const DATA_VILLAGES = 'agency data: records/kim-thanh records no villages, so the draft says "thôn" (a xã’s default); the seed’s "thôn, thị tứ" would come from a thị tứ among them';
const OWN_WORDS_001 = 'wording: seed 001 words this part its own way; the one template follows seed 000’s structure (I Mục đích/Yêu cầu, II five contents, III one part per body)';
const TEMPLATE_WORDS = 'wording: this part of the template (seed 000’s) has no counterpart in seed 001';
const RECIPIENTS = 'wording: the template’s Nơi nhận names each body Part III assigns and the lead unit in "Lưu"; each seed keeps its own list';

/** A few words of a paragraph: enough to tell it from the others. */
const DIFFERENCES: Difference[] = [
  // ── seed 000, xã Kim Thành ──────────────────────────────────────────────────────────────────────
  { seed: '000', kind: 'draft-or-export', draftText: 'DỰ THẢO', reason: DRAFT },
  ...['ỦY BAN NHÂN DÂN', 'XÃ KIM THÀNH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'].map((draftText): Difference => ({ seed: '000', kind: 'draft-or-export', draftText, reason: HEADER_LOST })),
  { seed: '000', kind: 'draft-or-export', seedText: 'Số: 128/KH-UBND', draftText: 'Số: /KH-UBND', reason: DRAFT },
  { seed: '000', kind: 'draft-or-export', seedText: 'Kim Thành, ngày 26 tháng 05 năm 2026', draftText: 'Kim Thành, ngày tháng 5 năm 2026', reason: `${DRAFT}; and ND30 pads months 1–2 only ("tháng 5", not "05")` },
  {
    seed: '000',
    kind: 'seed-error',
    seedText: 'Triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND ngày 20/04/2026 của Hội đồng nhân dân thành phố quy định',
    draftText: 'Triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng trên địa bàn xã Kim Thành',
    reason: 'the seed’s trích yếu ends with ";", writes "20/04/2026" and quotes the Nghị quyết’s title with the xã in place of the city; the draft names the Nghị quyết and then its own scope',
  },
  { seed: '000', kind: 'citation-form', seedText: 'Thực hiện Kế hoạch số 187/KH-UBND ngày 21/5/2026 của Ủy ban nhân dân thành phố Hải Phòng về việc', reason: ND30_CITE },
  { seed: '000', kind: 'citation-form', draftText: 'Thực hiện Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng quy định', reason: ND30_CITE },
  { seed: '000', kind: 'citation-form', draftText: 'Thực hiện Kế hoạch số 187/KH-UBND ngày 21/5/2026 của Ủy ban nhân dân thành phố Hải Phòng về triển khai', reason: ND30_CITE },
  { seed: '000', kind: 'citation-form', draftText: 'Ủy ban nhân dân xã Kim Thành ban hành Kế hoạch triển khai thực hiện với các nội dung', reason: ND30_CITE },
  { seed: '000', kind: 'citation-form', seedText: 'Cụ thể hóa và tổ chức triển khai kịp thời, đầy đủ, chính xác các chính sách hỗ trợ theo Nghị quyết số 04/2026/NQ-HĐND của HĐND', draftText: 'Cụ thể hóa và tổ chức triển khai kịp thời, đầy đủ, chính xác các chính sách hỗ trợ theo Nghị quyết số 04/2026/NQ-HĐND và', reason: `${ND30_CITE} (the seed adds "của HĐND thành phố", "của UBND thành phố")` },
  { seed: '000', kind: 'wording', seedText: 'Góp phần thực hiện hiệu quả mục tiêu giảm nghèo bền vững', draftText: 'Góp phần thực hiện hiệu quả mục tiêu giảm nghèo bền vững', reason: 'wording: the draft names the groups as the Nghị quyết does ("hộ thoát nghèo, hộ thoát cận nghèo"), the seed "hộ mới thoát nghèo, thoát cận nghèo"' },
  { seed: '000', kind: 'agency-data', seedText: 'Sự phối hợp chặt chẽ, đồng bộ', draftText: 'Sự phối hợp chặt chẽ, đồng bộ', reason: DATA_VILLAGES },
  { seed: '000', kind: 'citation-form', seedText: 'Nội dung: Tuyên truyền sâu rộng', draftText: 'Nội dung: Tuyên truyền sâu rộng', reason: `${ND30_CITE} (the seed adds "của UBND thành phố")` },
  { seed: '000', kind: 'seed-error', seedText: 'Thời gian thực hiện: Từ ngày 29/5/2026 đến hết ngày 01/6/2025', draftText: 'Thời gian thực hiện: Từ ngày 29/5/2026 đến hết ngày 01/6/2026', reason: 'the seed’s range ends before it starts (records/kim-thanh notes it); the draft’s range is an input checked in order' },
  { seed: '000', kind: 'agency-data', seedText: 'Các Trưởng thôn, thị tứ phối hợp', draftText: 'Các Trưởng thôn phối hợp', reason: DATA_VILLAGES },
  { seed: '000', kind: 'seed-error', seedText: 'Tổng hợp danh sách gửi về Ban Chỉ đạo giảm nghèo xã (qua Công chức phòng Kinh tế)', draftText: 'Tổng hợp danh sách gửi về Ban Chỉ đạo giảm nghèo xã (qua công chức Phòng Kinh tế)', reason: 'capitals (ND30 Phụ lục II): "công chức" is a common noun, "Phòng Kinh tế" the unit’s name' },
  { seed: '000', kind: 'seed-error', seedText: 'Cơ quan chủ trì, giúp UBND xã tổ chức triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND, hướng dẫn nghiệp vụ của Sở Nông Nghiệp', draftText: 'Cơ quan chủ trì, giúp UBND xã tổ chức triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND, hướng dẫn nghiệp vụ của Sở Nông nghiệp và Môi trường', reason: 'the seed writes "Sở Nông Nghiệp" (capital N, name cut short; records/kim-thanh notes it)' },
  { seed: '000', kind: 'agency-data', seedText: '2. Phòng Văn hóa – Xã hội', draftText: '2. Phòng Văn hóa - Xã hội', reason: 'agency data: the unit’s name as records/kim-thanh records it (a hyphen, as the seed’s own Lưu line "VH-XH")' },
  { seed: '000', kind: 'seed-error', seedText: 'Phối hợp với phòng Kinh tế trong công tác kiểm tra', draftText: 'Phối hợp với Phòng Kinh tế trong công tác kiểm tra', reason: 'the seed writes "phòng Kinh tế" and leaves the paragraph without its full stop' },
  { seed: '000', kind: 'seed-error', seedText: '3. Trung tâm Dịch vụ sự nghiệp công: Tăng cường tuyên truyền', draftText: '3. Trung tâm Dịch vụ sự nghiệp công', reason: 'the seed makes III.3 a run-in lead where III.1, 2, 4, 5, 6 are headings (records/kim-thanh notes it); the draft writes it as the others' },
  { seed: '000', kind: 'seed-error', draftText: 'Tăng cường tuyên truyền về mục đích, ý nghĩa, nội dung của Nghị quyết số 04/2026/NQ-HĐND và Kế hoạch này trên đài truyền thanh xã', reason: 'III.3’s text under its heading (see the line above)' },
  { seed: '000', kind: 'citation-form', seedText: 'Phối hợp tổ chức triển khai thực hiện việc cấp thẻ Bảo hiểm y tế', draftText: 'Phối hợp tổ chức triển khai thực hiện việc cấp thẻ Bảo hiểm y tế', reason: `${ND30_CITE} (the seed adds "của HĐND thành phố")` },
  { seed: '000', kind: 'agency-data', seedText: '5. Trưởng thôn, thị tứ trên địa bàn xã', draftText: '5. Trưởng thôn trên địa bàn xã', reason: DATA_VILLAGES },
  { seed: '000', kind: 'seed-error', seedText: 'Đẩy mạnh công tác tuyên truyền về Nghị quyết số 04/2026/NQ-HĐND và Kế hoạch này', draftText: 'Đẩy mạnh công tác tuyên truyền về Nghị quyết số 04/2026/NQ-HĐND và Kế hoạch này', reason: 'the seed quotes “Ngày vì người nghèo” with curly and "Vì người nghèo …" with straight quotation marks in one sentence' },
  { seed: '000', kind: 'wording', seedText: '- TTĐU, TTHĐND xã (để báo cáo); - Lãnh đạo UBND xã;', reason: `${RECIPIENTS}; the seed’s "Lưu: VT, VH-XH" names a unit other than the lead one (records/kim-thanh notes it)` },
  ...['- Thường trực Đảng ủy, Thường trực HĐND xã', '- Chủ tịch, các Phó Chủ tịch UBND xã;', '- Ủy ban MTTQ Việt Nam xã;', '- Các phòng, đơn vị liên quan;', '- Bảo hiểm xã hội cơ sở Thanh Hà;', '- Các thôn trên địa bàn xã;', '- Lưu: VT, KT.'].map((draftText): Difference => ({ seed: '000', kind: 'wording', draftText, reason: RECIPIENTS })),

  // ── seed 001, đặc khu Cát Hải ───────────────────────────────────────────────────────────────────
  { seed: '001', kind: 'draft-or-export', draftText: 'DỰ THẢO', reason: DRAFT },
  ...['ỦY BAN NHÂN DÂN', 'ĐẶC KHU CÁT HẢI', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'].map((draftText): Difference => ({ seed: '001', kind: 'draft-or-export', draftText, reason: HEADER_LOST })),
  {
    seed: '001',
    kind: 'seed-error',
    seedText: 'Triển khai thực hiện Nghị quyết số 04/NQ-HĐND ngày 20/4/2026',
    draftText: 'Triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng trên địa bàn đặc khu Cát Hải',
    reason: 'the seed’s trích yếu drops the year of the Nghị quyết’s number ("04/NQ-HĐND") and states the city’s scope, not the đặc khu’s (records/cat-hai notes both)',
  },
  { seed: '001', kind: 'seed-error', seedText: 'Thực hiện Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố quy định', reason: `${ND30_CITE}; the seed’s one căn cứ also writes "21/05/2026" and "04/NQ-HĐND" inside it (records/cat-hai notes them)` },
  { seed: '001', kind: 'citation-form', draftText: 'Thực hiện Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng quy định', reason: ND30_CITE },
  { seed: '001', kind: 'citation-form', draftText: 'Thực hiện Kế hoạch số 187/KH-UBND ngày 21/5/2026 của Ủy ban nhân dân thành phố Hải Phòng về triển khai', reason: ND30_CITE },
  { seed: '001', kind: 'citation-form', draftText: 'Ủy ban nhân dân đặc khu Cát Hải ban hành Kế hoạch triển khai thực hiện với các nội dung', reason: ND30_CITE },
  ...[
    '1. Tổ chức triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND ngày 20 tháng 4 năm 2026',
    '2. Thực hiện chính sách hỗ trợ nhằm cải thiện thu nhập',
    'II. NỘI DUNG, QUY MÔ VÀ KINH PHÍ THỰC HIỆN',
    '1. Quán triệt, tuyên truyền Nghị quyết số 04/2026/NQ-HĐND',
    'Các thôn tổ chức đẩy mạnh công tác tuyên truyền',
    '2. Nội dung, quy mô và kinh phí thực hiện',
    '- Nội dung thực hiện: Hỗ trợ thu nhập hàng tháng',
    '1. Tổ chức triển khai chung',
    'Các phòng, ban, ngành, các thôn căn cứ chức năng',
    '2. Phòng Kinh tế',
    '- Chủ trì, phối hợp với các phòng, ban, ngành, đơn vị liên quan',
    '- Hàng năm, tổng hợp nhu cầu kinh phí',
    '- Giúp Ủy ban nhân dân đặc khu đôn đốc',
    '- Tổ chức thực hiện chi trả kinh phí cho các đối tượng của Nghị quyết',
    '3. Phòng Văn hóa - Xã hội',
    '- Phối hợp với Phòng Kinh tế tham mưu xét duyệt đối tượng',
    '5. Bảo hiểm xã hội cơ sở Cát Hải',
    '6. Trung tâm dịch vụ sự nghiệp công',
    'Tăng cường tuyên truyền trên hệ thống phát thanh',
    '7. Trưởng các thôn',
    'Tuyên truyền tới nhân dân trong thôn',
    '8. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu',
    '- Phát huy vai trò giám sát',
    'Ủy ban nhân dân đặc khu đề nghị các cơ quan, đơn vị triển khai thực hiện',
  ].map((seedText): Difference => ({ seed: '001', kind: 'wording', seedText, reason: OWN_WORDS_001 })),
  { seed: '001', kind: 'seed-error', seedText: '3. Quá trình tổ chức thực hiện chính sách', reason: `${OWN_WORDS_001}; and the seed speaks of "các Tổ dân phố" where the đặc khu has thôn (records/cat-hai notes it)` },
  { seed: '001', kind: 'wording', seedText: '- Quy mô thực hiện địa bàn (dự kiến): 73 người/năm.', draftText: 'Quy mô thực hiện trên địa bàn (dự kiến): 73 người/năm.', reason: 'wording ("trên địa bàn", no dash); the number is the same figure, computed from the registry’s 73 members' },
  { seed: '001', kind: 'seed-error', seedText: '- Kinh phí thực hiện: Theo Điều 5 Nghị quyết', reason: `${OWN_WORDS_001}; and the seed writes "tri trả" for "chi trả" (records/cat-hai notes it)` },
  { seed: '001', kind: 'seed-error', seedText: '- Đăng tải thông tin trên cổng thông tin điện tử đặc khu', reason: `${OWN_WORDS_001}; and the seed writes "Nghị Quyết" and "đề Nhân dân" for "để" (records/cat-hai notes them)` },
  { seed: '001', kind: 'seed-error', seedText: 'Chủ trì trong việc xác định các đối tượng hỗ trợ của Nghị quyết trong lĩnh vực phụ trách (Thông tư', draftText: 'Chủ trì trong việc xác định các đối tượng hỗ trợ của Nghị quyết trong lĩnh vực phụ trách.', reason: 'the template’s Trạm Y tế task cites no Thông tư (an agency adds them in its own wording); the seed’s list also misspells "TTLT-BYT-BLDDTBXH" (records/cat-hai notes it)' },
  { seed: '001', kind: 'citation-form', seedText: 'Hướng dẫn, tổ chức triển khai thực hiện việc cấp thẻ Bảo hiểm y tế', draftText: 'Phối hợp tổ chức triển khai thực hiện việc cấp thẻ Bảo hiểm y tế', reason: `${ND30_CITE}; and the task is worded as seed 000’s ("Phối hợp")` },
  { seed: '001', kind: 'citation-form', seedText: '- Đẩy mạnh công tác tuyên truyền về Nghị quyết số 04/2026/NQ-HĐND ngày 20 tháng 4 năm 2026', draftText: 'Đẩy mạnh công tác tuyên truyền về Nghị quyết số 04/2026/NQ-HĐND và Kế hoạch này', reason: `${ND30_CITE}; and worded as seed 000’s` },
  { seed: '001', kind: 'wording', seedText: '- Thường trực Đảng ủy; - Thường trực HĐND đặc khu;', reason: RECIPIENTS },
  ...['- Thường trực Đảng ủy, Thường trực HĐND đặc khu', '- Chủ tịch, các Phó Chủ tịch UBND đặc khu;', '- Ủy ban MTTQ Việt Nam đặc khu;', '- Các phòng, đơn vị liên quan;', '- Bảo hiểm xã hội cơ sở Cát Hải;', '- Các thôn trên địa bàn đặc khu;', '- Lưu: VT, KT.'].map((draftText): Difference => ({ seed: '001', kind: 'wording', draftText, reason: RECIPIENTS })),
  ...[
    '1. Mục đích',
    'Cụ thể hóa và tổ chức triển khai kịp thời',
    'Góp phần thực hiện hiệu quả mục tiêu giảm nghèo bền vững',
    '2. Yêu cầu',
    'Công tác rà soát, lập danh sách, thẩm định và phê duyệt',
    'Sự phối hợp chặt chẽ, đồng bộ',
    'II. NỘI DUNG THỰC HIỆN',
    '1. Công tác thông tin, tuyên truyền',
    'Nội dung: Tuyên truyền sâu rộng',
    'Hình thức: Qua hệ thống đài truyền thanh',
    'Cơ quan chủ trì: Phòng Kinh tế',
    'Cơ quan phối hợp: Trung tâm Dịch vụ sự nghiệp công',
    '2. Tổ chức rà soát, thống kê',
    'Đối tượng rà soát:',
    'Các Trưởng thôn phối hợp với rà soát viên',
    'Tổ chức họp thôn để lấy ý kiến',
    'Tổng hợp danh sách gửi về Ban Chỉ đạo giảm nghèo',
    '3. Thẩm định, công khai',
    'Công chức chuyên môn tiến hành kiểm tra',
    'Niêm yết công khai danh sách dự kiến',
    'Hoàn thiện hồ sơ trình Chủ tịch',
    '4. Tổ chức chi trả',
    'Sau khi có quyết định phê duyệt',
    '5. Quy mô và kinh phí thực hiện',
    'Kinh phí thực hiện: Do ngân sách thành phố bảo đảm',
    '1. Phòng Kinh tế',
    'Cơ quan chủ trì, giúp UBND đặc khu',
    'Tổ chức rà soát, xác định đối tượng',
    'Căn cứ kết quả rà soát thực tế',
    'Chịu trách nhiệm kiểm tra, giám sát',
    '2. Phòng Văn hóa - Xã hội',
    'Phối hợp tuyên truyền về mục đích, ý nghĩa',
    'Phối hợp cung cấp danh sách',
    'Phối hợp với Phòng Kinh tế trong công tác kiểm tra',
    '3. Trung tâm Dịch vụ sự nghiệp công',
    'Tăng cường tuyên truyền về mục đích, ý nghĩa',
    '5. Đề nghị Bảo hiểm xã hội cơ sở Cát Hải',
    '6. Trưởng thôn trên địa bàn đặc khu',
    'Làm tốt công tác tuyên truyền',
    'Phối hợp rà soát danh sách các đối tượng',
    '7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam đặc khu, các tổ chức chính trị - xã hội',
    'Phát huy vai trò giám sát việc thực hiện các chính sách hỗ trợ của thành phố',
    'UBND đặc khu yêu cầu Thủ trưởng các cơ quan',
  ].map((draftText): Difference => ({ seed: '001', kind: 'wording', draftText, reason: TEMPLATE_WORDS })),
];

let db: TestDatabase;
let app: INestApplicationContext;
const drafts: Partial<Record<'000' | '001', string[]>> = {};

beforeAll(async () => {
  db = testDatabase();
  app = await NestFactory.createApplicationContext(AppModule.with(db.config), { logger: false });
  await app.get(RecordsService).importPath(join(ROOT, 'records'));
  for (const seed of ['000', '001'] as const) {
    const d = DRAFTS[seed];
    const made = await app.get(DraftsService).create(d.agency, { template: 'kh-trien-khai', implements: d.implements, inputs: d.inputs });
    const [docx] = await app.get(RenderService).render(d.agency, String(made.id), ['docx']);
    drafts[seed] = extractDocxParagraphs(docx.bytes).map(norm);
  }
});

afterAll(async () => {
  await app?.close();
  await db?.cleanup();
});

describe.each(['000', '001'] as const)('seed %s and the kh-trien-khai draft of its agency', (seed) => {
  it('differ only where DIFFERENCES says, and every listed difference is used', () => {
    const { seedOnly, docxOnly } = align(seedParagraphs(seed), drafts[seed]!);
    const listed = DIFFERENCES.filter((d) => d.seed === seed);
    const used = new Set<Difference>();
    const unexplained = (side: 'seedText' | 'draftText', texts: string[]) =>
      texts.filter((t) => {
        const hit = listed.find((d) => d[side] !== undefined && t.startsWith(d[side]!));
        if (hit) used.add(hit);
        return !hit;
      });
    expect({ seedOnly: unexplained('seedText', seedOnly), draftOnly: unexplained('draftText', docxOnly) }).toEqual({ seedOnly: [], draftOnly: [] });
    expect(listed.filter((d) => !used.has(d)).map((d) => d.seedText ?? d.draftText)).toEqual([]);
  });
});

/**
 * Parts one draft has and the other has not, because the agency's data switches them on: the
 * scale (Cát Hải's registry has the 73 members reviewed), Trạm Y tế (an input Cát Hải's plan sets),
 * the time frames (inputs Kim Thành's plan gives), the month printed in the date line, and how each
 * signs (TM. ỦY BAN NHÂN DÂN for Cát Hải, the seeds' practice).
 */
const SWITCHED: { agency: 'kim-thanh' | 'cat-hai'; text: string; reason: string }[] = [
  { agency: 'kim-thanh', text: '{place}, ngày tháng 5 năm 2026', reason: 'the month printed in the date line (input thang)' },
  { agency: 'cat-hai', text: '{place}, ngày tháng 6 năm 2026', reason: 'the month printed in the date line (input thang)' },
  { agency: 'kim-thanh', text: 'Thời gian thực hiện: Từ ngày 29/5/2026 đến hết ngày 01/6/2026', reason: 'a time frame given as input' },
  { agency: 'kim-thanh', text: 'Thời gian thực hiện: Từ ngày 02/6/2026 đến ngày 10/6/2026', reason: 'a time frame given as input' },
  { agency: 'kim-thanh', text: '#. Kinh phí thực hiện', reason: 'no beneficiaries in the registry: no scale to state' },
  { agency: 'cat-hai', text: '#. Quy mô và kinh phí thực hiện', reason: 'the registry has the members reviewed as eligible' },
  { agency: 'cat-hai', text: 'Quy mô thực hiện trên địa bàn (dự kiến): 73 người/năm.', reason: 'the scale, a figure over the registry’s members' },
  { agency: 'cat-hai', text: '#. Trạm Y tế', reason: 'input tram_y_te' },
  { agency: 'cat-hai', text: 'Chủ trì trong việc xác định các đối tượng hỗ trợ của Nghị quyết trong lĩnh vực phụ trách.', reason: 'input tram_y_te' },
  { agency: 'cat-hai', text: 'TM. ỦY BAN NHÂN DÂN', reason: 'signs for the collective (the template’s default; Kim Thành signs KT. CHỦ TỊCH, input che_do_ky)' },
];

describe('the Kim Thành and the Cát Hải drafts', () => {
  /** Each agency's own data in its draft, longest first, as a placeholder. */
  async function placeholders(agencyCode: string, bhxh: string): Promise<[RegExp, string][]> {
    const a = await app.get(AgenciesService).get(agencyCode);
    const officials = await app.get(OfficialsService).list(await app.get(AgenciesService).scope(agencyCode));
    const level = /^Ủy ban nhân dân (xã|đặc khu) /u.exec(a.name)![1];
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const literal = (s: string, to: string): [RegExp, string] => [new RegExp(esc(s), 'gu'), to];
    return [
      literal(bhxh, '{bhxh}'),
      literal(a.name, '{agency}'),
      literal(a.issuerLines[1], '{AGENCY}'),
      literal(`${level} ${a.placeName}`, '{levelName}'),
      literal(`UBND ${level}`, '{self}'),
      literal(a.placeName, '{place}'),
      ...officials.map((o) => literal(o.name, '{signer}')),
      // the level word alone, not the "xã" of "xã hội"
      [new RegExp(`(?<!\\p{L})${esc(level)}(?!\\p{L})(?! hội)`, 'gu'), '{level}'],
      // Part III is numbered on: a part switched on shifts the numbers after it
      [/^\d+\. /u, '#. '],
    ];
  }

  it('are one text with each agency’s data as a placeholder, but for what that data switches on', async () => {
    const generic = async (seed: '000' | '001', bhxh: string) => {
      const subs = await placeholders(DRAFTS[seed].agency, bhxh);
      return drafts[seed]!.map((p) => subs.reduce((t, [re, to]) => t.replace(re, to), p));
    };
    const kim = await generic('000', 'Bảo hiểm xã hội cơ sở Thanh Hà');
    const cat = await generic('001', 'Bảo hiểm xã hội cơ sở Cát Hải');
    const { seedOnly: kimOnly, docxOnly: catOnly } = align(kim, cat);
    expect({ kimOnly, catOnly }).toEqual({
      kimOnly: SWITCHED.filter((s) => s.agency === 'kim-thanh').map((s) => s.text),
      catOnly: SWITCHED.filter((s) => s.agency === 'cat-hai').map((s) => s.text),
    });
    // and what is common is most of the document
    expect(kim.length - kimOnly.length).toBeGreaterThan(60);
  });

  it('do not repeat the seeds’ errors (each is in its seed, none is in either draft)', () => {
    const errors: { seed: '000' | '001'; text: string }[] = [
      { seed: '000', text: 'đến hết ngày 01/6/2025' },
      { seed: '000', text: 'ngày 20/04/2026' },
      { seed: '000', text: 'tháng 05 năm 2026' },
      { seed: '000', text: 'Sở Nông Nghiệp' },
      { seed: '000', text: 'Lưu: VT, VH-XH' },
      { seed: '001', text: 'Nghị quyết số 04/NQ-HĐND' },
      { seed: '001', text: 'ngày 21/05/2026' },
      { seed: '001', text: 'tri trả' },
      { seed: '001', text: 'Nghị Quyết số' },
      { seed: '001', text: 'đề Nhân dân' },
      { seed: '001', text: 'BLDDTBXH' },
      { seed: '001', text: 'các Tổ dân phố' },
    ];
    for (const e of errors) {
      expect({ seed: e.seed, text: e.text, inSeed: seedParagraphs(e.seed).some((p) => p.includes(e.text)) }).toEqual({ seed: e.seed, text: e.text, inSeed: true });
      expect({ text: e.text, inDrafts: [...drafts['000']!, ...drafts['001']!].some((p) => p.includes(e.text)) }).toEqual({ text: e.text, inDrafts: false });
    }
  });
});
