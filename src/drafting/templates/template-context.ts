/**
 * What a wording template can read: the agency (its names, level, units, villages), the inputs,
 * the documents it implements, the signer. Built from plain registry records; the static checker
 * knows the same keys, so a misspelt `{{agency.plceName}}` is reported before anything is drafted.
 */
import type { AgencyRecord, OfficialRecord } from '../../registry/records/record-set';
import { formatShortDate } from '../../vi/nd30-date';
import { upperVi } from '../../vi/text-case';
import { citationReference, lowerFirst, type CitableDocument } from '../citations/nd30-citation';

export interface UnitView {
  abbreviation: string;
  name: string;
  /** who heads it, as running text names them: "Trưởng phòng Kinh tế", "Chánh Văn phòng HĐND và UBND" */
  head: string;
}

export interface AgencyView {
  code: string;
  /** "Ủy ban nhân dân xã Kim Thành" */
  name: string;
  /** "UBND xã Kim Thành" */
  shortName: string;
  /** "Kim Thành" */
  placeName: string;
  /** "thành phố Hải Phòng" ('' when not recorded) */
  province: string;
  /** the level word of the province: "thành phố", "tỉnh" ('' when not recorded) */
  provinceLevel: string;
  /** "UBND" */
  abbreviation: string;
  /** "xã", "phường", "đặc khu", "huyện" */
  level: string;
  /** "xã Kim Thành" */
  levelName: string;
  /** the collective: "Ủy ban nhân dân" */
  collective: string;
  /** "UBND xã" — how running text names the agency itself after the first time */
  self: string;
  /** "Ủy ban nhân dân xã" */
  selfFull: string;
  /** the residential units: "thôn", "tổ dân phố", "thôn, thị tứ" */
  villageWord: string;
  villages: { code: string; name: string; kind: string }[];
  hasVillages: boolean;
  units: UnitView[];
}

export interface DocView {
  code: string;
  type: string;
  typeName: string;
  /** "04/2026/NQ-HĐND" ('' for an unnumbered draft) */
  reference: string;
  issuer: string;
  /** "20/4/2026" ('' when undated) */
  date: string;
  year: number;
  title: string;
  /** the trích yếu with a lower-case first letter, for running text */
  titleLower: string;
  /** the period its trích yếu names ("giai đoạn 2026-2030" → "2026-2030"), '' if none */
  period: string;
}

export interface SignerView {
  code: string;
  name: string;
  position: string;
}

export const AGENCY_KEYS: readonly (keyof AgencyView)[] = [
  'code', 'name', 'shortName', 'placeName', 'province', 'provinceLevel', 'abbreviation', 'level', 'levelName', 'collective',
  'self', 'selfFull', 'villageWord', 'villages', 'hasVillages', 'units',
];
export const DOC_KEYS: readonly (keyof DocView)[] = ['code', 'type', 'typeName', 'reference', 'issuer', 'date', 'year', 'title', 'titleLower', 'period'];
export const SIGNER_KEYS: readonly (keyof SignerView)[] = ['code', 'name', 'position'];
/** roots of a template's value paths */
export const CONTEXT_ROOTS = ['agency', 'inputs', 'implements', 'signer', 'unit'] as const;

const LEVELS = ['đặc khu', 'thị trấn', 'thị xã', 'thành phố', 'phường', 'xã', 'huyện', 'quận', 'tỉnh'];

function unitHead(name: string): string {
  if (/^Văn phòng\b/u.test(name)) return `Chánh ${name}`;
  if (/^Phòng\b/u.test(name)) return `Trưởng ${lowerFirst(name)}`;
  if (/^(Trung tâm|Trạm)\b/u.test(name)) return `Giám đốc ${name}`;
  return `Thủ trưởng ${name}`;
}

export function unitView(u: { abbreviation: string; name: string }): UnitView {
  return { abbreviation: u.abbreviation, name: u.name, head: unitHead(u.name) };
}

export function agencyView(a: AgencyRecord): AgencyView {
  const m = new RegExp(`^(.*?)\\s+(${LEVELS.join('|')})\\s+(.+)$`, 'iu').exec(a.name);
  const collective = m ? m[1] : a.name;
  const level = m ? m[2].toLocaleLowerCase('vi') : '';
  const kinds = [...new Set(a.villages.map((v) => v.kind))];
  const villageWord = kinds.length ? kinds.join(', ') : level === 'phường' ? 'tổ dân phố' : 'thôn';
  return {
    code: a.code,
    name: a.name,
    shortName: a.shortName,
    placeName: a.placeName,
    province: a.province ?? '',
    provinceLevel: /^(thành phố|tỉnh)\s/iu.exec(a.province ?? '')?.[1].toLocaleLowerCase('vi') ?? '',
    abbreviation: a.abbreviation,
    level,
    levelName: m ? `${level} ${m[3]}` : a.name,
    collective,
    self: `${a.abbreviation} ${level}`.trim(),
    selfFull: `${collective} ${level}`.trim(),
    villageWord,
    villages: a.villages.map((v) => ({ code: v.code, name: v.name, kind: v.kind })),
    hasVillages: a.villages.length > 0,
    units: a.units.map(unitView),
  };
}

export function docView(d: CitableDocument): DocView {
  return {
    code: d.code,
    type: d.type,
    typeName: d.typeName,
    reference: d.number === null ? '' : citationReference(d),
    issuer: d.issuer,
    date: d.date ? formatShortDate(d.date) : '',
    year: d.year,
    title: d.title,
    titleLower: lowerFirst(d.title),
    period: /giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})/iu.exec(d.title)?.slice(1).join('-') ?? '',
  };
}

export function signerView(o: OfficialRecord): SignerView {
  return { code: o.code, name: o.name, position: o.position };
}

/**
 * The quyền hạn lines above the signer's position (ND30 Đ13, nd30.md §4.1), and the THẨM QUYỀN
 * line of a decision:
 *   tap-the    TM. ỦY BAN NHÂN DÂN [/ KT. CHỦ TỊCH]      authority: ỦY BAN NHÂN DÂN XÃ …
 *   thu-truong [KT. CHỦ TỊCH]                              authority: CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …
 *   don-vi     [KT. TRƯỞNG PHÒNG]                          (a unit's document: no THẨM QUYỀN line)
 * A deputy ("Phó …") signs KT. for the head.
 */
export function signatureAuthority(mode: 'tap-the' | 'thu-truong' | 'don-vi', signer: OfficialRecord, agency: AgencyRecord): { lines: string[]; authority: string } {
  const deputy = /^Phó\s/iu.test(signer.position);
  const headPost = upperVi(signer.position.replace(/^Phó\s+/iu, ''));
  const kt = deputy ? [`KT. ${headPost}`] : [];
  const collective = upperVi(agencyView(agency).collective);
  const full = upperVi(agency.name);
  if (mode === 'tap-the') return { lines: [`TM. ${collective}`, ...kt], authority: full };
  if (mode === 'thu-truong') return { lines: kt, authority: `CHỦ TỊCH ${full}` };
  return { lines: kt, authority: '' };
}
