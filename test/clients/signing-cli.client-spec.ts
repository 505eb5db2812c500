import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { DataSource } from 'typeorm';
import { runCli, type CliIo } from '../../src/cli';
import { openDatabase } from '../../src/database/data-source';
import { AgencyEntity } from '../../src/registry/agency.entity';
import { DocumentEntity } from '../../src/registry/document.entity';
import type { DocumentRecord, RecordSet } from '../../src/registry/records/record-set';
import { loadRecords } from '../../src/registry/records/records-loader';
import { importRecordSet } from '../../src/registry/records-import';
import { signaturesOf } from '../../src/signing/signature-ledger';
import { pdfsigReport } from '../../src/signing/verify';
import { testDatabase, type TestDatabase } from '../harness';
import { makeSigningKit, type SigningKit } from '../signing-support/signing-kit';
import { AGENCY_NAME, LEADER_NAME } from '../signing-support/test-pki';

/**
 * poppler and qpdf judge the PDFs the `vanthu sign` path produces: the seed KH of Kim Thành
 * (records/kim-thanh) and a QĐ with a phụ lục, both approved with number and date blank, signed by
 * the leader (`sign --as`), then numbered, dated and signed by the agency (`sign --seal`).
 * The page images are kept in the temp folder for people to look at:
 * vanthu-sign-<name>-header.png and vanthu-sign-<name>-signature.png.
 */
const ROOT = path.resolve(__dirname, '..', '..');

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** pdftotext -bbox words of one page (points, y from the top of the page). */
function words(file: string, page: number): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-']).toString('utf8');
  const out: Word[] = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    out.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5].normalize('NFC') });
  }
  return out;
}

function qdRecord(agency: string, official: string): DocumentRecord {
  const rows = Array.from({ length: 40 }, (_v, i) => ({
    cells: [String(i + 1), `Hộ ông/bà số ${i + 1}`, i % 2 === 0 ? 'Thôn Đông' : 'Thôn Tây', 'Hộ nghèo'],
  }));
  return {
    code: 'qd-ho-tro-2026',
    agency,
    direction: 'outgoing',
    type: 'QĐ',
    typeName: 'Quyết định',
    number: null,
    year: 2026,
    symbol: 'QĐ-UBND',
    yearInNumber: false,
    issuer: AGENCY_NAME,
    issuerAgency: agency,
    date: null,
    title: 'Phê duyệt danh sách hộ được hỗ trợ năm 2026',
    status: 'approved',
    citations: [],
    content: {
      authority: ['CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ KIM THÀNH'],
      canCu: [
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
        'Theo đề nghị của Trưởng phòng Kinh tế.',
      ],
      enactingLine: 'QUYẾT ĐỊNH:',
      body: [
        { article: { number: 1, title: 'Phê duyệt danh sách hộ được hỗ trợ năm 2026', body: [{ p: 'Phê duyệt danh sách các hộ được hỗ trợ (chi tiết tại Phụ lục kèm theo Quyết định này).' }] } },
        { article: { number: 2, title: 'Tổ chức thực hiện', body: [{ p: 'Phòng Kinh tế chủ trì, phối hợp với các thôn niêm yết công khai danh sách.' }] } },
        { article: { number: 3, title: 'Hiệu lực thi hành', body: [{ p: 'Quyết định này có hiệu lực kể từ ngày ký.' }] } },
      ],
      recipients: ['- Như Điều 3;', '- Lưu: VT, KT.'],
      signature: { official, authority: ['KT. CHỦ TỊCH'] },
      annexes: [
        {
          label: 'Phụ lục',
          title: ['DANH SÁCH HỘ ĐƯỢC HỖ TRỢ NĂM 2026'],
          // ND30: in an electronic document these positions stay blank
          subtitle: '(Kèm theo Quyết định số      /QĐ-UBND ngày     tháng     năm 2026 của Ủy ban nhân dân xã Kim Thành)',
          body: [
            {
              table: {
                columns: [
                  { header: 'STT', width: 8, align: 'center' },
                  { header: 'Họ và tên chủ hộ', width: 40 },
                  { header: 'Thôn', width: 25 },
                  { header: 'Diện', width: 27 },
                ],
                rows,
              },
            },
          ],
        },
      ],
    },
  };
}

describe('PDFs from `vanthu sign` (leader) and `vanthu sign --seal` (agency at issue): poppler and qpdf', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let kit: SigningKit;
  const env = { ...process.env };
  const io: CliIo = { out: () => undefined, err: () => undefined };
  let out: string[];
  const cli = (...args: string[]) => {
    out = [];
    return runCli(['--data', db.config.dataDir, ...args], { ...io, out: (s) => out.push(s) });
  };

  beforeAll(async () => {
    db = testDatabase();
    ds = await openDatabase(db.config);
    kit = makeSigningKit();
    if (db.config.databaseSchema) process.env.VANTHU_DB_SCHEMA = db.config.databaseSchema;
    process.env.LEADER_PASS = kit.pki.leader.passphrase;
    // the seed plan of Kim Thành as it stood before issue: approved, number and date blank
    const seeds: RecordSet = loadRecords(path.join(ROOT, 'records', 'kim-thanh'));
    seeds.documents = seeds.documents.map((d) =>
      d.code === 'kh-128-2026' ? { ...d, number: null, date: null, status: 'approved' as const } : d,
    );
    seeds.documents.push(qdRecord('kim-thanh', 'nguyen-dinh-huan'));
    await importRecordSet(ds, seeds);
  }, 60_000);

  afterAll(async () => {
    process.env = env;
    await ds?.destroy();
    await db?.cleanup();
    kit?.cleanup();
  });

  it.each([
    ['seed KH 128 of Kim Thành', 'kh-128-2026', 'KH-UBND', 1],
    ['QĐ with a 40-row phụ lục', 'qd-ho-tro-2026', 'QĐ-UBND', 2],
  ])('%s: both signatures valid, the first covering its revision; number, date, signature and seal where ND30 puts them', async (name, code, symbol, number) => {
    const slug = code.replace(/[^a-z0-9]+/g, '-');
    expect(
      await cli('sign', code, '--agency', 'kim-thanh', '--as', 'nguyen-dinh-huan', '--p12', kit.pki.leader.p12Path, '--pass-env', 'LEADER_PASS', '--image', kit.signatureImage, '--json'),
    ).toBe(0);
    const leaderSha = (JSON.parse(out[0]) as { file: { sha256: string } }).file.sha256;
    expect(
      await cli('sign', code, '--agency', 'kim-thanh', '--seal', '--p12', kit.pki.agency.p12Path, '--pass-file', kit.agencyPassFile, '--image', kit.sealImage, '--json'),
    ).toBe(0);
    const issued = JSON.parse(out[0]) as { reference: string; files: { sha256: string; size: number }[] };
    const reference = `0${number}/${symbol}`;
    expect(issued.reference).toBe(reference);
    const file = path.join(tmpdir(), `vanthu-sign-${slug}.pdf`);
    fs.copyFileSync(path.join(db.config.dataDir, 'archive', 'sha256', issued.files[0].sha256.slice(0, 2), issued.files[0].sha256.slice(2)), file);
    const leaderLength = fs.statSync(path.join(db.config.dataDir, 'archive', 'sha256', leaderSha.slice(0, 2), leaderSha.slice(2))).size;

    // pdfsig: both valid; the leader's covers exactly the leader-signed file, the agency's all of it
    const reports = await pdfsigReport(file);
    expect(reports.map((r) => [r.signerName, r.valid, r.coversWholeFile, r.signedLength])).toEqual([
      [LEADER_NAME, true, false, leaderLength],
      [AGENCY_NAME, true, true, issued.files[0].size],
    ]);
    expect(reports.map((r) => r.subFilter)).toEqual(['ETSI.CAdES.detached', 'ETSI.CAdES.detached']);
    const check = spawnSync('qpdf', ['--check', file]);
    expect(check.stdout.toString()).toContain('No syntax or stream encoding errors found');
    expect(check.status).toBe(0);

    // the number ends where "/<symbol>" begins, on the Số line's baseline; day and month sit in their blanks
    const layoutText = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-']).toString('utf8').normalize('NFC');
    expect(layoutText).toContain(`Số: ${reference}`);
    const page1 = words(file, 1);
    const so = page1.find((w) => w.text === 'Số:');
    const numberWord = page1.find((w) => w.text === `0${number}`);
    const symbolWord = page1.find((w) => w.text === `/${symbol}`);
    expect([so, numberWord, symbolWord].every(Boolean)).toBe(true);
    expect(Math.abs(numberWord!.xMax - symbolWord!.xMin)).toBeLessThan(0.1);
    expect(Math.abs(numberWord!.yMax - symbolWord!.yMax)).toBeLessThan(0.1);
    expect(numberWord!.xMin).toBeGreaterThan(so!.xMax);
    const dateLine = page1.filter((w) => Math.abs(w.yMax - so!.yMax) < 0.1 && w.xMin > symbolWord!.xMax).sort((a, b) => a.xMin - b.xMin);
    expect(dateLine.map((w) => w.text).slice(-6)).toEqual(['ngày', expect.stringMatching(/^\d{2}$/), 'tháng', expect.stringMatching(/^\d{1,2}$/), 'năm', expect.stringMatching(/^\d{4}$/)]);
    // day and month inside their gaps, clear of the words around them
    const [ngay, d, thang, m, nam] = dateLine.slice(-6);
    expect(d.xMin).toBeGreaterThan(ngay.xMax);
    expect(d.xMax).toBeLessThan(thang.xMin);
    expect(m.xMin).toBeGreaterThan(thang.xMax);
    expect(m.xMax).toBeLessThan(nam.xMin);
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-x', '100', '-y', '130', '-W', '1100', '-H', '140', '-singlefile', file, path.join(tmpdir(), `vanthu-sign-${slug}-header`)]);

    // the signature page: blue signature between the position line and the name, red seal 36 mm
    // across whose right edge lies one third into the signature image
    const [leaderSig] = (await signaturesOf(ds.manager, (await ds.getRepository(AgencyEntity).findOneByOrFail({ code: 'kim-thanh' })).id,
      (await ds.getRepository(DocumentEntity).findOneByOrFail({ code })).id));
    const layout = leaderSig.layout!;
    const pageNo = layout.signatureBox.page + 1;
    const DPI = 70;
    const px = (pt: number) => (pt * DPI) / 72;
    const base = path.join(tmpdir(), `vanthu-sign-${slug}-signature`);
    execFileSync('pdftoppm', ['-r', String(DPI), '-png', '-f', String(pageNo), '-l', String(pageNo), '-singlefile', file, base]);
    const png = PNG.sync.read(fs.readFileSync(`${base}.png`));
    const box = () => ({ minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity, count: 0 });
    const blue = box();
    const red = box();
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
        const hit = b > 110 && r < 100 && g < 120 ? blue : r > 160 && g < 100 && b < 100 ? red : null;
        if (!hit) continue;
        hit.minX = Math.min(hit.minX, x);
        hit.maxX = Math.max(hit.maxX, x);
        hit.minY = Math.min(hit.minY, y);
        hit.maxY = Math.max(hit.maxY, y);
        hit.count++;
      }
    }
    const sigWords = words(file, pageNo);
    const position = sigWords.filter((w) => w.text === 'TỊCH').sort((a, b) => b.yMax - a.yMax)[0];
    const surname = sigWords.find((w) => w.text === 'Nguyễn');
    expect(blue.count).toBeGreaterThan(200);
    expect(blue.minY).toBeGreaterThan(px(position.yMax));
    expect(blue.maxY).toBeLessThan(px(surname!.yMin));
    const diameter = (36 / 25.4) * DPI;
    expect(red.maxX - red.minX).toBeGreaterThan(diameter - 4);
    expect(red.maxX - red.minX).toBeLessThan(diameter + 3);
    expect(Math.abs(red.maxX - px(layout.imageRect.x + layout.imageRect.width / 3))).toBeLessThan(4);
    expect(red.minX).toBeLessThan(blue.minX);
    expect(red.maxX).toBeGreaterThan(blue.minX);
  }, 120_000);
});
