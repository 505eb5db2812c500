/**
 * Drafting API over HTTP, on the repository's records/ (the five seed agencies and the synthetic
 * xã Tân An): a draft from a template, its problems all at once with their places, section edits
 * that keep the ND30 citation rule, the agency's own wording, the hand-over to the issuing
 * workflow, and a Tờ trình and a Báo cáo whose figures are those of the decision they go with.
 * Expected texts are written out here from the records (names, numbers, dates), never read back
 * from the code under test.
 */
import type { INestApplication } from '@nestjs/common';
import * as path from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app';
import { importRecordSet } from '../../src/registry/records-import';
import { loadRecords } from '../../src/registry/records/records-loader';
import { testDatabase, type TestDatabase } from '../harness';

jest.setTimeout(60_000);

const RECORDS = path.join(__dirname, '..', '..', 'records');
const NQ04_FULL =
  'Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng quy định chính sách hỗ trợ một số thành viên thuộc hộ nghèo, hộ cận nghèo, hộ thoát nghèo, hộ thoát cận nghèo trên địa bàn thành phố Hải Phòng giai đoạn 2026-2030';

describe('drafts API', () => {
  let db: TestDatabase;
  let app: INestApplication<App>;

  beforeAll(async () => {
    db = testDatabase({ recordsDir: RECORDS });
    app = await createApp(db.config, { logger: false });
    await app.init();
    await importRecordSet(app.get(DataSource), loadRecords(RECORDS));
  });

  afterAll(async () => {
    await app?.close();
    await db?.cleanup();
  });

  const http = () => request(app.getHttpServer());
  const draft = (agency: string, body: object) => http().post('/api/drafts').set('X-Agency', agency).send(body);

  it('lists the templates with what they need', async () => {
    const res = await http().get('/api/templates').expect(200);
    expect(res.body.map((t: { name: string }) => t.name)).toEqual([
      'bc-ket-qua',
      'kh-giam-ngheo-nam',
      'kh-phan-cong-giup-do',
      'kh-trien-khai',
      'qd-giao-chi-tieu',
      'qd-phe-duyet-danh-sach',
      'tt-de-nghi-qd',
    ]);
    const kh = res.body.find((t: { name: string }) => t.name === 'kh-trien-khai');
    expect(kh).toMatchObject({ type: 'KH', slots: { nghi_quyet: { types: ['NQ'], required: true } }, figures: ['quy_mo'], uses: ['quy_mo'] });
    const bc = res.body.find((t: { name: string }) => t.name === 'bc-ket-qua');
    expect(bc.uses).toEqual(expect.arrayContaining(['giam_ho_ngheo', 'ho_ngheo_hien_nay', 'so_nguoi', 'tong_kinh_phi']));
  });

  it('drafts a KH for Kim Thành: a draft record, no number, the căn cứ as links, renderable', async () => {
    const res = await draft('kim-thanh', {
      template: 'kh-trien-khai',
      implements: ['nq-04-2026-hdnd-hp', '187/KH-UBND'],
      inputs: { thoi_gian_tuyen_truyen: '2026-05-29..2026-06-01', che_do_ky: 'thu-truong' },
    }).expect(201);
    expect(res.body).toMatchObject({
      code: 'du-thao-kh-trien-khai-1',
      status: 'draft',
      reference: '/KH-UBND',
      title: 'Triển khai thực hiện Nghị quyết số 04/2026/NQ-HĐND ngày 20/4/2026 của Hội đồng nhân dân thành phố Hải Phòng trên địa bàn xã Kim Thành',
      citations: ['nq-04-2026-hdnd-hp', 'kh-187-2026-ubnd-hp'],
    });
    const doc = await http().get(`/api/documents/${res.body.id}`).set('X-Agency', 'kim-thanh').expect(200);
    expect(doc.body).toMatchObject({ number: null, status: 'draft', direction: 'outgoing' });
    const html = await http().get(`/api/documents/${res.body.id}/render?format=html`).set('X-Agency', 'kim-thanh').expect(200);
    expect(html.text).toContain('Từ ngày 29/5/2026 đến hết ngày 01/6/2026');
    expect(html.text).toContain('Nguyễn Đình Huấn');
    const view = await http().get(`/api/drafts/${res.body.id}`).set('X-Agency', 'kim-thanh').expect(200);
    expect(view.body.sections.canCu.split('\n\n')[0]).toBe(`Thực hiện ${NQ04_FULL};`);
    expect(view.body.sections.signature).toEqual({ official: 'nguyen-dinh-huan', authority: ['KT. CHỦ TỊCH'] });
  });

  it('reports every problem of a request at once, with file, line and column, and drafts nothing', async () => {
    const before = await http().get('/api/documents').set('X-Agency', 'kim-thanh').expect(200);
    const res = await draft('kim-thanh', {
      template: 'kh-trien-khai',
      implements: ['khong-co-van-ban'],
      inputs: { thoi_gian_tuyen_truyen: '2026-05-29..2025-06-01', khong_co: 'x' },
    }).expect(422);
    expect(res.body.code).toBe('draft.problems');
    const details = res.body.details as { path: string; message: string; key: string }[];
    expect(details.map((d) => d.key).sort()).toEqual(['draft.bad_input', 'draft.bad_input', 'draft.bad_input', 'draft.missing_input']);
    for (const d of details) expect(d.path).toMatch(/^templates\/kh-trien-khai\/manifest\.yaml:\d+:\d+$/);
    expect(details.find((d) => d.message.includes('ends (2025-06-01) before it starts'))).toBeDefined();
    expect(details.find((d) => d.message.includes('needs Nghị quyết của cấp trên'))).toBeDefined();
    const after = await http().get('/api/documents').set('X-Agency', 'kim-thanh').expect(200);
    expect(after.body.length).toBe(before.body.length);
  });

  it('edits section by section: a later mention is short, a first one full; an unknown figure is refused', async () => {
    const { body: d } = await draft('kim-thanh', { template: 'kh-trien-khai', implements: ['nq-04-2026-hdnd-hp', 'kh-187-2026-ubnd-hp'] }).expect(201);
    const part = await http().get(`/api/drafts/${d.id}/sections/body/II`).set('X-Agency', 'kim-thanh').expect(200);
    expect(part.body.text.split('\n')[0]).toBe('# II. NỘI DUNG THỰC HIỆN');

    const text = '# II. NỘI DUNG THỰC HIỆN\n\n## 1. Tuyên truyền\n\nTuyên truyền {{cite "187/KH-UBND"}} tại các thôn.';
    const res = await http().patch(`/api/drafts/${d.id}/sections/body/II`).set('X-Agency', 'kim-thanh').send({ text }).expect(200);
    expect(res.body.sections.body).toContain('Tuyên truyền Kế hoạch số 187/KH-UBND tại các thôn.');
    expect(res.body.sections.body).toContain('# III. TỔ CHỨC THỰC HIỆN');
    expect(res.body.sections.body).not.toContain('Tổ chức rà soát, thống kê');

    const canCu = await http()
      .patch(`/api/drafts/${d.id}/sections/canCu`)
      .set('X-Agency', 'kim-thanh')
      .send({ text: 'Căn cứ {{cite "04/2026/NQ-HĐND"}}' })
      .expect(200);
    expect(canCu.body.sections.canCu).toBe(`Căn cứ ${NQ04_FULL}.`);
    // the texts no longer quote Kế hoạch 187 by its number? They do (body II): both stay linked
    expect(canCu.body.citations).toEqual(['nq-04-2026-hdnd-hp', 'kh-187-2026-ubnd-hp']);

    const bad = await http()
      .patch(`/api/drafts/${d.id}/sections/body`)
      .set('X-Agency', 'kim-thanh')
      .send({ text: '# I. A\n\n{{fig "khong_co"}} hộ.\n\n@bang x' })
      .expect(422);
    expect(bad.body.details.map((x: { path: string }) => x.path)).toEqual(['body:3:1', 'body:5']);
    expect(bad.body.details[0].message).toContain('unknown figure "khong_co"');
    expect(bad.body.details[1].message).toContain('unknown directive @bang');
  });

  it('changes the signer and the figures as sections of their own', async () => {
    const { body: d } = await draft('tan-an', { template: 'qd-giao-chi-tieu', implements: ['nq-15-2025-hdnd-tan-an'] }).expect(201);
    // the Chủ tịch signs himself: no KT. line; a decision keeps its THẨM QUYỀN line in step
    const sig = await http().patch(`/api/drafts/${d.id}/sections/signature`).set('X-Agency', 'tan-an').send({ official: 'tran-van-binh', mode: 'tap-the' }).expect(200);
    expect(sig.body.sections.signature).toEqual({ official: 'tran-van-binh', authority: ['TM. ỦY BAN NHÂN DÂN'] });
    const html = await http().get(`/api/documents/${d.id}/render?format=html`).set('X-Agency', 'tan-an').expect(200);
    expect(html.text).toContain('Trần Văn Bình');
    expect(html.text).toContain('ỦY BAN NHÂN DÂN XÃ TÂN AN');
    await http().patch(`/api/drafts/${d.id}/sections/signature`).set('X-Agency', 'tan-an').send({ official: 'khong-co' }).expect(400);

    const figures = { ...sig.body.sections.figures, so_thon_co_ho_ngheo: { count: 'households', where: { period: '2021-2025', category: 'nghèo' } } };
    const ok = await http().patch(`/api/drafts/${d.id}/sections/figures`).set('X-Agency', 'tan-an').send({ figures }).expect(200);
    expect(Object.keys(ok.body.sections.figures)).toContain('so_thon_co_ho_ngheo');
    // a definition the registry cannot compute, and a figure the texts use taken away: both, nothing changed
    const { giam_ho_ngheo: _taken, ...rest } = figures;
    void _taken;
    const bad = await http()
      .patch(`/api/drafts/${d.id}/sections/figures`)
      .set('X-Agency', 'tan-an')
      .send({ figures: { ...rest, sai: { quota: 'khong-co', field: 'target' } } })
      .expect(422);
    expect(bad.body.details.map((x: { path: string; key: string }) => [x.path, x.key]).sort()).toEqual([['figures.giam_ho_ngheo', 'figure.unknown'], ['figures.sai', 'figure.no_data']]);
    const again = await http().get(`/api/drafts/${d.id}`).set('X-Agency', 'tan-an').expect(200);
    expect(Object.keys(again.body.sections.figures)).toContain('giam_ho_ngheo');
  });

  it('is scoped by agency', async () => {
    const { body: d } = await draft('kim-thanh', { template: 'kh-trien-khai', implements: ['nq-04-2026-hdnd-hp'] }).expect(201);
    const read = await http().get(`/api/drafts/${d.id}`).set('X-Agency', 'cat-hai').expect(404);
    expect(read.body.code).toBe('document.not_found');
    const write = await http().patch(`/api/drafts/${d.id}/sections/title`).set('X-Agency', 'cat-hai').send({ text: 'x' }).expect(404);
    expect(write.body.code).toBe('document.not_found');
  });

  it('uses the agency’s own wording where it has some (records/tan-an/templates/kh-trien-khai)', async () => {
    const { body: d } = await draft('tan-an', { template: 'kh-trien-khai', implements: ['nq-04-2026-hdnd-hp'] }).expect(201);
    const view = await http().get(`/api/drafts/${d.id}`).set('X-Agency', 'tan-an').expect(200);
    expect(view.body.sections.recipients.split('\n')).toEqual([
      '- Thường trực Đảng ủy xã (để báo cáo);',
      '- Thường trực HĐND xã (để báo cáo);',
      '- Chủ tịch, các Phó Chủ tịch UBND xã;',
      '- Ủy ban MTTQ Việt Nam xã và các tổ chức chính trị - xã hội;',
      '- Phòng Kinh tế;',
      '- Phòng Văn hóa - Xã hội;',
      '- Văn phòng HĐND và UBND;',
      '- Bảo hiểm xã hội cơ sở Tân An;',
      '- Trưởng các thôn;',
      '- Lưu: VT, KT.',
    ]);
    const templates = await http().get('/api/templates?agency=tan-an').expect(200);
    expect(templates.body.find((t: { name: string }) => t.name === 'kh-trien-khai').override).toMatch(/records\/tan-an\/templates\/kh-trien-khai$/);
  });

  it('hands a draft to the issuing workflow; a submitted draft is no longer edited', async () => {
    const { body: d } = await draft('kim-thanh', { template: 'kh-trien-khai', implements: ['nq-04-2026-hdnd-hp'] }).expect(201);
    const res = await http().post(`/api/drafts/${d.id}/submit`).set('X-Agency', 'kim-thanh').send({}).expect(200);
    expect(res.body.status).toBe('submitted');
    const frozen = await http().patch(`/api/drafts/${d.id}/sections/title`).set('X-Agency', 'kim-thanh').send({ text: 'Khác' }).expect(409);
    expect(frozen.body.code).toBe('document.frozen');
  });

  it('QĐ → issued; its Tờ trình and its Báo cáo carry the same figures', async () => {
    const agency = 'tan-an';
    const qd = (await draft(agency, { template: 'qd-giao-chi-tieu', implements: ['nq-15-2025-hdnd-tan-an'] }).expect(201)).body;
    // a Tờ trình of the Phòng Kinh tế proposing the draft decision: header of the phòng, its figures
    const tt = (await draft(agency, { template: 'tt-de-nghi-qd', implements: [qd.code, 'nq-15-2025-hdnd-tan-an'] }).expect(201)).body;
    expect(tt).toMatchObject({ reference: '/TTr-KT', type: 'TTr', title: 'Đề nghị ban hành Quyết định về việc giao chỉ tiêu giảm hộ nghèo năm 2026 cho các thôn trên địa bàn xã Tân An' });
    const ttHtml = await http().get(`/api/documents/${tt.id}/render?format=html`).set('X-Agency', agency).expect(200);
    expect(ttHtml.text).toContain('UBND XÃ TÂN AN');
    expect(ttHtml.text).toContain('PHÒNG KINH TẾ');
    expect(ttHtml.text).toContain('Nguyễn Văn Khánh');

    for (const to of ['submitted', 'approved', 'signed']) {
      await http().post(`/api/documents/${qd.id}/transitions`).set('X-Agency', agency).send({ to }).expect(200);
    }
    const issued = await http().post(`/api/documents/${qd.id}/issue`).set('X-Agency', agency).send({}).expect(201);
    const bc = (await draft(agency, { template: 'bc-ket-qua', implements: [issued.body.reference] }).expect(201)).body;
    expect(bc.title).toBe(`Kết quả thực hiện Quyết định số ${issued.body.reference} ngày ${issued.body.date.split('-').reverse().map(Number).map((n: number, i: number) => (i < 2 && (i === 0 ? n < 10 : n <= 2) ? `0${n}` : String(n))).join('/')} của Ủy ban nhân dân xã Tân An`);

    const figures = async (id: number) => (await http().get(`/api/documents/${id}/figures`).set('X-Agency', agency).expect(200)).body;
    const [fq, ft, fb] = await Promise.all([figures(qd.id), figures(tt.id), figures(bc.id)]);
    const values = (r: { figures: { name: string; value: unknown }[] }) => Object.fromEntries(r.figures.map((f) => [f.name, f.value]));
    // the synthetic quota: 35 poor households at the end of 2025, 24 at the end of 2026: 11 fewer
    expect(values(fq)).toEqual({ giam_ho_ngheo: 11, ho_ngheo_dau_nam: 35, ho_ngheo_cuoi_nam: 24 });
    expect(values(ft)).toEqual(values(fq));
    expect(values(fb)).toMatchObject(values(fq));
    expect(fb.tables.giam_ho_ngheo.rows).toEqual(fq.tables.giam_ho_ngheo.rows);
    // the BC's own figures: the registry now. No household has left poverty yet, so the sentence
    // "đã giảm … hộ" was left out when drafting and its figure is not among the draft's figures.
    expect(values(fb)).toMatchObject({ ho_ngheo_hien_nay: 35, con_phai_giam: 11 });
    expect(values(fb)).not.toHaveProperty('da_giam');
  });
});
