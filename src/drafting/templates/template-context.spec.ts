import type { AgencyRecord, OfficialRecord } from '../../registry/records/record-set';
import { agencyView, docView, signatureAuthority, unitView } from './template-context';

const agency = (name: string, villages: AgencyRecord['villages'] = [], province = 'thành phố Hải Phòng'): AgencyRecord => ({
  code: 'a',
  name,
  shortName: name.replace('Ủy ban nhân dân', 'UBND'),
  governingBody: [],
  issuerLines: ['ỦY BAN NHÂN DÂN', name.replace(/^Ủy ban nhân dân /u, '').toLocaleUpperCase('vi')],
  abbreviation: 'UBND',
  placeName: name.split(' ').slice(-2).join(' '),
  province,
  numbering: 'single',
  units: [],
  villages,
});

describe('agencyView: what a template says of the agency', () => {
  it.each<[string, AgencyRecord['villages'], Partial<ReturnType<typeof agencyView>>]>([
    ['Ủy ban nhân dân xã Kim Thành', [], { level: 'xã', levelName: 'xã Kim Thành', self: 'UBND xã', selfFull: 'Ủy ban nhân dân xã', villageWord: 'thôn', collective: 'Ủy ban nhân dân' }],
    ['Ủy ban nhân dân đặc khu Cát Hải', [{ code: 't1', name: 'Thôn 1', kind: 'thôn' }], { level: 'đặc khu', levelName: 'đặc khu Cát Hải', self: 'UBND đặc khu', villageWord: 'thôn', hasVillages: true }],
    ['Ủy ban nhân dân phường Bách Quang', [], { level: 'phường', villageWord: 'tổ dân phố' }],
    ['Ủy ban nhân dân xã Thượng Lâm', [{ code: 'a', name: 'Thôn A', kind: 'thôn' }, { code: 'b', name: 'Thị tứ B', kind: 'thị tứ' }], { villageWord: 'thôn, thị tứ' }],
    ['Ủy ban nhân dân huyện Tứ Kỳ', [], { level: 'huyện', levelName: 'huyện Tứ Kỳ', self: 'UBND huyện' }],
  ])('%s', (name, villages, expected) => {
    expect(agencyView(agency(name, villages))).toMatchObject(expected);
  });

  it.each([
    ['thành phố Hải Phòng', 'thành phố'],
    ['tỉnh Tuyên Quang', 'tỉnh'],
    ['', ''],
  ])('province %j is a %j', (province, level) => {
    expect(agencyView(agency('Ủy ban nhân dân xã A B', [], province)).provinceLevel).toBe(level);
  });
});

describe('unitView: who heads a unit, as running text names them', () => {
  it.each([
    ['Phòng Kinh tế', 'Trưởng phòng Kinh tế'],
    ['Phòng Kinh tế, Hạ tầng và Đô thị', 'Trưởng phòng Kinh tế, Hạ tầng và Đô thị'],
    ['Văn phòng HĐND và UBND', 'Chánh Văn phòng HĐND và UBND'],
    ['Trung tâm phục vụ hành chính công', 'Giám đốc Trung tâm phục vụ hành chính công'],
    ['Ban Chỉ đạo', 'Thủ trưởng Ban Chỉ đạo'],
  ])('%s → %s', (name, head) => {
    expect(unitView({ abbreviation: 'X', name }).head).toBe(head);
  });
});

describe('signatureAuthority (ND30 Đ13: TM. for a collective, KT. for a deputy)', () => {
  const official = (position: string): OfficialRecord => ({ code: 'o', agency: 'a', name: 'N', position });
  const kimThanh = agency('Ủy ban nhân dân xã Kim Thành');
  it.each<['tap-the' | 'thu-truong' | 'don-vi', string, string[], string]>([
    ['tap-the', 'Phó Chủ tịch', ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'], 'ỦY BAN NHÂN DÂN XÃ KIM THÀNH'],
    ['tap-the', 'Chủ tịch', ['TM. ỦY BAN NHÂN DÂN'], 'ỦY BAN NHÂN DÂN XÃ KIM THÀNH'],
    ['thu-truong', 'Phó Chủ tịch', ['KT. CHỦ TỊCH'], 'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ KIM THÀNH'],
    ['thu-truong', 'Chủ tịch', [], 'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ KIM THÀNH'],
    ['don-vi', 'Trưởng phòng', [], ''],
    ['don-vi', 'Phó Trưởng phòng', ['KT. TRƯỞNG PHÒNG'], ''],
  ])('%s, %s → %j', (mode, position, lines, authority) => {
    expect(signatureAuthority(mode, official(position), kimThanh)).toEqual({ lines, authority });
  });
});

describe('docView', () => {
  it('gives a document’s reference, ND30 short date and the period its title names', () => {
    expect(
      docView({ code: 'nq', type: 'NQ', typeName: 'Nghị quyết', number: 4, year: 2026, symbol: 'NQ-HĐND', yearInNumber: true, issuer: 'HĐND', date: '2026-02-05', title: 'Quy định chính sách giai đoạn 2026 – 2030' }),
    ).toMatchObject({ reference: '04/2026/NQ-HĐND', date: '05/02/2026', titleLower: 'quy định chính sách giai đoạn 2026 – 2030', period: '2026-2030' });
  });
});
