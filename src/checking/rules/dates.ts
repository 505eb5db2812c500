import { dateOrdinal, dateProblem, formatDate, nd30FormatProblem } from '../recognise/dates';
import { isPovertyPeriod } from '../recognise/ranges';
import type { Finding } from '../types';
import { finding, findingAt, type Rule } from './finding';

/** date.invalid, date.range_reversed, date.format (running text), period.invalid */
export const dateRules: Rule = ({ analysis }) => {
  const out: Finding[] = [];
  const dateLineNo = analysis.header.dateLine?.line ?? -1;
  for (const b of analysis.blocks) {
    const v = b.view;
    const inTable = v.block.kind === 'table';
    for (const d of b.dates) {
      const problem = dateProblem(d);
      if (problem) {
        out.push(findingAt('date.invalid', `Ngày không tồn tại: ${problem}`, v, d.start, d.end, { actual: formatDate(d) }));
        continue;
      }
      // the date line is checked by the header rule; tables hold birth dates and the like
      if (inTable || v.line(d.start) === dateLineNo || d.kind === 'year') continue;
      const fp = nd30FormatProblem(d.rawDay, d.rawMonth);
      if (fp) {
        out.push(
          findingAt('date.format', `Cách ghi ngày tháng chưa đúng Nghị định 30 (${fp.actual} → ${fp.expected})`, v, d.start, d.end, fp),
        );
      }
    }
    for (const r of b.dateRanges) {
      if (r.inheritedYear || r.from.y === undefined || r.to.y === undefined) continue;
      if (dateProblem(r.from) || dateProblem(r.to)) continue;
      const a = dateOrdinal({ y: r.from.y, m: r.from.m, d: r.from.d }, false);
      const z = dateOrdinal({ y: r.to.y, m: r.to.m, d: r.to.d }, true);
      if (z < a) {
        out.push(
          findingAt('date.range_reversed', `Khoảng thời gian kết thúc (${formatDate(r.to)}) trước khi bắt đầu (${formatDate(r.from)})`, v, r.start, r.end, {
            actual: `${formatDate(r.from)} → ${formatDate(r.to)}`,
          }),
        );
      }
    }
    for (const y of b.yearRanges) {
      if (y.poverty) {
        if (!isPovertyPeriod(y.from, y.to)) {
          out.push(
            findingAt('period.invalid', `Giai đoạn chuẩn nghèo ${y.from}-${y.to} không có; chỉ có 2016-2020, 2021-2025, 2026-2030`, v, y.start, y.end, {
              expected: nearestPeriod(y.from, y.to),
              actual: `${y.from}-${y.to}`,
            }),
          );
        }
      } else if (y.from > y.to && y.lead !== '') {
        out.push(findingAt('date.range_reversed', `Giai đoạn ${y.from}-${y.to} kết thúc trước khi bắt đầu`, v, y.start, y.end, { actual: `${y.from}-${y.to}` }));
      }
    }
  }
  return out;
};

function nearestPeriod(from: number, to: number): string {
  const periods: [number, number][] = [
    [2016, 2020],
    [2021, 2025],
    [2026, 2030],
  ];
  const best = periods
    .map(([a, b]) => ({ p: `${a}-${b}`, cost: Math.abs(a - from) + Math.abs(b - to) }))
    .sort((x, y) => x.cost - y.cost)[0];
  return best.p;
}

/** number.missing and the ND30 format of the document's own date line. */
export const headerRules: Rule = ({ analysis, draft }) => {
  const out: Finding[] = [];
  const { numberLine, dateLine } = analysis.header;
  if (numberLine && numberLine.number === null) {
    out.push(
      finding(
        'number.missing',
        draft ? 'Dự thảo chưa có số (văn thư cấp số khi ban hành)' : 'Văn bản ban hành chưa có số',
        numberLine.line,
        numberLine.text,
        { severity: draft ? 'info' : 'error', actual: numberLine.text.replace(/\s+/g, ' ') },
      ),
    );
  }
  if (dateLine && (dateLine.dayRaw !== '' || dateLine.monthRaw !== '')) {
    const fp = nd30FormatProblem(dateLine.dayRaw || undefined, dateLine.monthRaw || undefined);
    if (fp) {
      out.push(
        finding('date.format', `Ngày tháng ở dòng địa danh chưa đúng Nghị định 30 (${fp.actual} → ${fp.expected})`, dateLine.line, dateLine.text, fp),
      );
    }
    const d = Number(dateLine.dayRaw);
    const m = Number(dateLine.monthRaw);
    if (dateLine.dayRaw !== '' && dateLine.monthRaw !== '') {
      const problem = dateProblem({ kind: 'full', form: 'worded', d, m, y: dateLine.year, start: 0, end: 0 });
      if (problem) out.push(finding('date.invalid', `Ngày ban hành không tồn tại: ${problem}`, dateLine.line, dateLine.text, { actual: `${d}/${m}/${dateLine.year}` }));
    }
  }
  return out;
};
