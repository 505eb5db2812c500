/**
 * Household categories (phân loại hộ) as beneficiary lists write them, and the poverty-standard
 * period a month belongs to. Pure.
 *
 * The registry keeps a household's category per period as a short code ("nghèo", "cận nghèo", …,
 * as records/ YAML writes them); lists write "Hộ nghèo", "HN", "ho ngheo", "Hộ mới thoát nghèo" …
 */
import { foldForMatch } from '../vi/text-case';

export const POVERTY_CATEGORIES = ['nghèo', 'cận nghèo', 'thoát nghèo', 'thoát cận nghèo', 'mức sống trung bình'] as const;
export type PovertyCategory = (typeof POVERTY_CATEGORIES)[number];

/** The poverty-standard periods (chuẩn nghèo) the registry knows, with their first and last year. */
export const POVERTY_PERIODS: readonly { period: string; from: number; to: number }[] = [
  { period: '2016-2020', from: 2016, to: 2020 },
  { period: '2021-2025', from: 2021, to: 2025 },
  { period: '2026-2030', from: 2026, to: 2030 },
];

/** How each category is named on a list and in a QĐ ("Hộ nghèo"). */
export const CATEGORY_LABELS: Readonly<Record<PovertyCategory, string>> = {
  nghèo: 'Hộ nghèo',
  'cận nghèo': 'Hộ cận nghèo',
  'thoát nghèo': 'Hộ thoát nghèo',
  'thoát cận nghèo': 'Hộ thoát cận nghèo',
  'mức sống trung bình': 'Hộ có mức sống trung bình',
};

// folded forms (no "hộ" prefix) and the usual abbreviations
const BY_FOLDED: ReadonlyMap<string, PovertyCategory> = new Map([
  ['ngheo', 'nghèo'],
  ['hn', 'nghèo'],
  ['can ngheo', 'cận nghèo'],
  ['cn', 'cận nghèo'],
  ['hcn', 'cận nghèo'],
  ['thoat ngheo', 'thoát nghèo'],
  ['moi thoat ngheo', 'thoát nghèo'],
  ['da thoat ngheo', 'thoát nghèo'],
  ['tn', 'thoát nghèo'],
  ['htn', 'thoát nghèo'],
  ['thoat can ngheo', 'thoát cận nghèo'],
  ['moi thoat can ngheo', 'thoát cận nghèo'],
  ['da thoat can ngheo', 'thoát cận nghèo'],
  ['tcn', 'thoát cận nghèo'],
  ['htcn', 'thoát cận nghèo'],
  ['muc song trung binh', 'mức sống trung bình'],
  ['co muc song trung binh', 'mức sống trung bình'],
  ['mstb', 'mức sống trung bình'],
]);

/** "Hộ nghèo", "HỘ CẬN NGHÈO", "ho thoat ngheo", "HN" → the category code; null when not one. */
export function parseCategory(text: string): PovertyCategory | null {
  const f = foldForMatch(text)
    .replace(/[.,;:()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(thanh vien )?(thuoc )?(ho gia dinh |ho )/, '');
  return BY_FOLDED.get(f) ?? null;
}

export function categoryLabel(category: string): string {
  return (CATEGORY_LABELS as Record<string, string>)[category] ?? category;
}

/** The poverty-standard period of a month "yyyy-mm" (or a year), or null outside the known ones. */
export function povertyPeriodOf(monthOrYear: string | number): string | null {
  const year = typeof monthOrYear === 'number' ? monthOrYear : Number(monthOrYear.slice(0, 4));
  return POVERTY_PERIODS.find((p) => p.from <= year && year <= p.to)?.period ?? null;
}

export function isPovertyPeriod(period: string): boolean {
  return POVERTY_PERIODS.some((p) => p.period === period);
}
