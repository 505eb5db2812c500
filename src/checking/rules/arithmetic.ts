import { dongOf, findAmountsInWords } from '../recognise/amount-words';
import { findChangeStatements } from '../recognise/changes';
import { findEnumerations } from '../recognise/enumerations';
import { evaluate, findExpressions } from '../recognise/expressions';
import { alignScaled, formatScaled, roundHalfUpScaled, type ParsedNumber } from '../recognise/numbers';
import { findPercentStatements } from '../recognise/percents';
import type { Finding } from '../types';
import { findingAt, type Rule } from './finding';

function sumOf(values: ParsedNumber[]): ParsedNumber {
  const decimals = Math.max(...values.map((v) => v.decimals));
  let scaled = 0n;
  for (const v of values) scaled += v.scaled * 10n ** BigInt(decimals - v.decimals);
  return { scaled, decimals, value: Number(scaled) / 10 ** decimals };
}

/** Shortest exact form: 1,50 → 1,5; 1.500.000.000,0 → 1.500.000.000 */
function fmt(n: ParsedNumber): string {
  let { scaled, decimals } = n;
  while (decimals > 0 && scaled % 10n === 0n) {
    scaled /= 10n;
    decimals--;
  }
  return formatScaled(scaled, decimals);
}

function withUnit(n: string, unit: string): string {
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/** sum.mismatch (text enumerations), arithmetic.mismatch, percent.mismatch, amount.words_mismatch */
export const arithmeticRules: Rule = ({ analysis }) => {
  const out: Finding[] = [];
  const blocks = analysis.blocks;

  const enumerations = findEnumerations(blocks);
  for (const e of enumerations) {
    const sum = sumOf(e.parts.map((p) => p.q.base));
    const [a, b] = alignScaled(sum, e.total.base);
    if (a !== b) {
      const unit = e.total.unit;
      out.push(
        findingAt(
          'sum.mismatch',
          `Tổng các thành phần (${withUnit(fmt(sum), unit)}) khác số tổng đã nêu (${withUnit(fmt(e.total.base), unit)})`,
          e.totalBlock.view,
          e.total.start,
          e.total.end,
          { expected: withUnit(fmt(sum), unit), actual: withUnit(fmt(e.total.base), unit) },
        ),
      );
    }
  }

  for (const s of findChangeStatements(blocks)) {
    const { from, to } = s.fromTo;
    const [f, t, d] = alignScaled(from.base, to.base);
    // signed: after − before, against the stated change with its sign ("giảm" is negative)
    const actualDelta: ParsedNumber = { scaled: t - f, decimals: d, value: Number(t - f) / 10 ** d };
    const c = s.change.q.base;
    const stated: ParsedNumber = s.change.direction === 'down' ? { ...c, scaled: -c.scaled, value: -c.value } : c;
    const [x, y, dd] = alignScaled(actualDelta, stated);
    if (x !== y) {
      const unit = s.change.q.unit;
      const magnitude = x < 0n ? -x : x;
      const word = x < 0n ? 'giảm' : 'tăng';
      out.push(
        findingAt(
          'arithmetic.mismatch',
          `Từ ${withUnit(fmt(from.base), unit)} đến ${withUnit(fmt(to.base), unit)} là ${word} ${withUnit(formatScaled(magnitude, dd), unit)}, không phải ${s.change.direction === 'down' ? 'giảm' : 'tăng'} ${withUnit(fmt(c), unit)}`,
          s.change.block.view,
          s.change.q.start,
          s.change.q.end,
          { expected: `${word} ${withUnit(formatScaled(magnitude, dd), unit)}`, actual: `${s.change.direction === 'down' ? 'giảm' : 'tăng'} ${withUnit(fmt(c), unit)}` },
        ),
      );
    }
  }

  for (const b of blocks) {
    for (const e of findExpressions(b.view.text)) {
      const v = evaluate(e);
      const d = Math.max(v.decimals, e.result.decimals);
      const lhs = v.scaled * 10n ** BigInt(d - v.decimals);
      const rhs = e.result.scaled * 10n ** BigInt(d - e.result.decimals);
      if (lhs !== rhs) {
        out.push(
          findingAt('arithmetic.mismatch', `Phép tính sai: kết quả đúng là ${formatScaled(v.scaled, v.decimals)}`, b.view, e.start, e.end, {
            expected: formatScaled(v.scaled, v.decimals),
            actual: fmt(e.result),
          }),
        );
      }
    }
  }

  for (const p of findPercentStatements(blocks, enumerations)) {
    const part = p.part.value;
    const base = p.base.value;
    if (base.scaled === 0n) continue;
    const dec = p.percent.number.decimals;
    // part/base × 100, both brought to the same scale
    const [pa, ba] = alignScaled(part, base);
    const rounded = roundHalfUpScaled(pa * 100n, ba, dec);
    if (rounded !== p.percent.number.scaled) {
      out.push(
        findingAt(
          'percent.mismatch',
          `${fmt(part)}/${fmt(base)} = ${formatScaled(rounded, dec)}%, không phải ${p.percent.number.raw}%`,
          p.block.view,
          p.percent.start,
          p.percent.end,
          { expected: `${formatScaled(rounded, dec)}%`, actual: `${p.percent.number.raw}%` },
        ),
      );
    }
  }

  for (const a of findAmountsInWords(blocks)) {
    const figures = dongOf(a.amount);
    if (figures === null || a.wordsValue === null) continue;
    if (figures !== a.wordsValue) {
      out.push(
        findingAt(
          'amount.words_mismatch',
          `Số tiền bằng số (${formatScaled(figures, 0)} đồng) khác số tiền bằng chữ (${formatScaled(a.wordsValue, 0)} đồng)`,
          a.block.view,
          a.start,
          a.end,
          { expected: `${formatScaled(figures, 0)} đồng`, actual: a.words },
        ),
      );
    }
  }
  return out;
};
