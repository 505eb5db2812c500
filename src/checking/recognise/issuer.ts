import { foldKey } from '../text/fold';

/**
 * Issuing bodies compared loosely: "HĐND thành phố" is compatible with "Hội đồng nhân dân thành
 * phố Hải Phòng" (the place is left out), but not with "UBND thành phố" (other body) nor with
 * "HĐND tỉnh" (other level) nor with "HĐND thành phố Hà Nội" (other place).
 */

export interface IssuerParts {
  kind: string | null;
  level: string | null;
  place: string | null;
}

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bubmttq(vn)?\b/g, 'uy ban mat tran to quoc'],
  [/\bmttq(vn)?\b/g, 'mat tran to quoc'],
  [/\bub\b/g, 'uy ban'],
  [/\btp\.?(?=\s|$)/g, 'thanh pho'],
  [/\bttg\b/g, 'thu tuong chinh phu'],
  [/\bbldtbxh\b/g, 'bo lao dong thuong binh va xa hoi'],
];

const TITLES = /^(pho chu tich|chu tich|bo truong|thu truong|truong ban|pho truong ban|giam doc|pho giam doc|thu truong)\s+/;

const KINDS = [
  'uy ban thuong vu quoc hoi',
  'thu tuong chinh phu',
  'thu tuong',
  'chinh phu',
  'quoc hoi',
  'hoi dong nhan dan',
  'uy ban nhan dan',
  'uy ban mat tran to quoc',
  'mat tran to quoc',
  'tinh uy',
  'thanh uy',
  'huyen uy',
  'dang uy',
  'dang bo',
];
const LEVELS = ['thanh pho', 'thi xa', 'thi tran', 'dac khu', 'tinh', 'huyen', 'quan', 'xa', 'phuong'];

function normalise(s: string): string {
  let f = foldKey(s)
    .replace(/[-–,.;:()"']/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [re, to] of ABBREVIATIONS) f = f.replace(re, to);
  // joint issuers: compare the first body
  f = f.split(/\s+va\s+(?=(?:bo truong|bo|uy ban|hoi dong|chu tich)\b)/)[0];
  while (TITLES.test(f)) f = f.replace(TITLES, '');
  return f.replace(/\s+/g, ' ').trim();
}

export function issuerParts(s: string): IssuerParts {
  const f = normalise(s);
  let kind: string | null = null;
  let rest = f;
  for (const k of KINDS) {
    if (f === k || f.startsWith(k + ' ')) {
      kind = k === 'thu tuong' ? 'thu tuong chinh phu' : k;
      rest = f.slice(k.length).trim();
      break;
    }
  }
  if (!kind) {
    const m = /^(bo|so|ban|cuc|tong cuc|phong|van phong|ngan hang|bao hiem xa hoi|trung tam|vien|toa an)\b\s*(.*)$/.exec(f);
    if (m) {
      // a ministry / department is identified by its whole name
      return { kind: `${m[1]} ${m[2]}`.trim(), level: null, place: null };
    }
    return { kind: f || null, level: null, place: null };
  }
  let level: string | null = null;
  for (const l of LEVELS) {
    if (rest === l || rest.startsWith(l + ' ')) {
      level = l;
      rest = rest.slice(l.length).trim();
      break;
    }
  }
  return { kind, level, place: rest || null };
}

/** null when compatible, else what differs. */
export function issuerDifference(cited: string, registry: string): string | null {
  const a = issuerParts(cited);
  const b = issuerParts(registry);
  if (a.kind && b.kind && a.kind !== b.kind) {
    // a body named only partly ("Bộ Y tế" vs "Bộ Y tế Việt Nam") is fine
    if (!(a.kind.startsWith(b.kind + ' ') || b.kind.startsWith(a.kind + ' '))) return 'cơ quan ban hành';
  }
  if (a.level && b.level && a.level !== b.level) return 'cấp';
  // "huyện Tứ Kỳ" is "huyện Tứ Kỳ, tỉnh Hải Dương" with the province left out
  if (a.place && b.place && !(a.place === b.place || a.place.startsWith(b.place + ' ') || b.place.startsWith(a.place + ' '))) {
    return 'địa danh';
  }
  return null;
}
