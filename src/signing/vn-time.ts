/**
 * Times as Vietnamese documents show them. Vietnam keeps UTC+07:00 all year (no daylight saving),
 * so a fixed offset is exact and independent of the server's TZ.
 */
export const VN_OFFSET_MINUTES = 7 * 60;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Calendar fields of `date` on the Vietnamese wall clock. */
export function vnParts(date: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const t = new Date(date.getTime() + VN_OFFSET_MINUTES * 60_000);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
}

/** ND30 PL I §II.8 box text: "dd/mm/yyyy; hh:mm:ss +07:00" (date; time; ISO 8601 offset). */
export function stampTime(date: Date): string {
  const p = vnParts(date);
  return `${pad(p.day)}/${pad(p.month)}/${pad(p.year, 4)}; ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} +07:00`;
}

/** ISO 8601 with the Vietnamese offset: 2026-05-26T14:30:15+07:00. */
export function isoVn(date: Date): string {
  const p = vnParts(date);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+07:00`;
}

/** PDF date string (ISO 32000-1 §7.9.4) on the Vietnamese clock: D:20260526143015+07'00'. */
export function pdfDate(date: Date): string {
  const p = vnParts(date);
  return `D:${pad(p.year, 4)}${pad(p.month)}${pad(p.day)}${pad(p.hour)}${pad(p.minute)}${pad(p.second)}+07'00'`;
}

/** Parses a PDF date string (D:YYYYMMDDHHmmSS with optional Z / ±HH'mm'); undefined if malformed. */
export function parsePdfDate(s: string): Date | undefined {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', z, sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  const offset = z || !sign ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return new Date(utc - offset * 60_000);
}
