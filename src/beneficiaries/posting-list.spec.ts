import type { TableBlock } from '../drafting/doc-model';
import type { AgencyRecord } from '../registry/records/record-set';
import { postingModel, type PostedPerson } from './posting-list';

const agency: AgencyRecord = {
  code: 'xa-thu',
  name: 'Ủy ban nhân dân xã Thử',
  shortName: 'UBND xã Thử',
  governingBody: [],
  issuerLines: ['ỦY BAN NHÂN DÂN', 'XÃ THỬ'],
  abbreviation: 'UBND',
  placeName: 'Thử',
  numbering: 'single',
  units: [],
  villages: [],
};

describe('postingModel', () => {
  const people: PostedPerson[] = [
    { name: 'Nguyễn Văn An', birthYear: 1950, village: 'Thôn 1', head: 'Nguyễn Văn An', category: 'Hộ nghèo' },
    { name: 'Trần Thị Bình', birthYear: null, village: 'Thôn 2', head: 'Trần Văn Cả', category: 'Hộ cận nghèo' },
  ];
  const model = postingModel({
    agency,
    signer: { code: 'pct', agency: 'xa-thu', name: 'Lê Văn Phó', position: 'Phó Chủ tịch' },
    list: { code: 'ds', fromMonth: '2026-07', toMonth: '2026-12' },
    who: 'người thuộc hộ nghèo và hộ cận nghèo',
    basis: 'theo Nghị quyết số 04/2026/NQ-HĐND',
    count: '2',
    people,
    year: 2026,
    postingDays: 5,
  });

  it('prints only STT, name, birth year, village, head and category', () => {
    const table = model.body.find((b): b is TableBlock => b.kind === 'table')!;
    expect(table.columns.map((c) => c.header)).toEqual(['STT', 'Họ và tên', 'Năm sinh', 'Thôn, tổ dân phố', 'Chủ hộ', 'Đối tượng']);
    expect(table.rows).toEqual([
      { cells: ['1', 'Nguyễn Văn An', '1950', 'Thôn 1', 'Nguyễn Văn An', 'Hộ nghèo'] },
      { cells: ['2', 'Trần Thị Bình', '', 'Thôn 2', 'Trần Văn Cả', 'Hộ cận nghèo'] },
    ]);
    expect(table.repeatHeader).toBe(true);
  });

  it('states the count it is given, the months and the posting time, unnumbered, signed for the UBND', () => {
    const intro = model.body[0];
    expect(intro.kind === 'paragraph' && intro.runs.map((r) => ('text' in r ? r.text : '')).join('')).toBe(
      'Ủy ban nhân dân xã Thử niêm yết công khai danh sách 2 người thuộc hộ nghèo và hộ cận nghèo đề nghị được hỗ trợ theo Nghị quyết số 04/2026/NQ-HĐND, thời gian hỗ trợ từ tháng 7/2026 đến tháng 12/2026, như sau:',
    );
    expect(model.header).toMatchObject({ numberLine: '', typeName: 'DANH SÁCH', placeDateLine: expect.stringMatching(/^Thử, ngày\s+tháng\s+năm 2026$/) });
    expect(model.signature).toEqual({ lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Lê Văn Phó' });
  });
});
