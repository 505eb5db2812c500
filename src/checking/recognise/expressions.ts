import { parseNumberToken, type ParsedNumber } from './numbers';

/**
 * Written-out arithmetic: "292 - 238 = 54", "73 người x 12 tháng x 1.170.000 đồng = 1.024.920.000
 * đồng", "10 + 12 + 5 = 27 hộ". Unit words between the numbers are allowed; the operators are
 * + - x × * and ":" is not (it is a label separator in Vietnamese text).
 */

export interface Expression {
  operands: ParsedNumber[];
  operators: ('+' | '-' | '*')[];
  result: ParsedNumber;
  start: number;
  end: number;
  resultStart: number;
}

const NUM = String.raw`(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)`;
const UNIT = String.raw`(?:\s+[\p{L}%/]+){0,3}?`;
const OP = String.raw`\s*[+\-x×*]\s*`;
const EXPR = new RegExp(
  String.raw`(?<![\d.,/\p{L}])(${NUM}${UNIT}(?:${OP}${NUM}${UNIT})+)\s*=\s*(?<result>${NUM})(?![\d/])`,
  'gu',
);

export function findExpressions(text: string): Expression[] {
  const out: Expression[] = [];
  for (const m of text.matchAll(EXPR)) {
    const body = m[1];
    const operands: ParsedNumber[] = [];
    const operators: ('+' | '-' | '*')[] = [];
    const tokenRe = new RegExp(String.raw`(${NUM})|(?<=\s|\d|\p{L}|%)\s*([+\-x×*])\s*(?=\d)`, 'gu');
    for (const t of body.matchAll(tokenRe)) {
      if (t[1] !== undefined) {
        const p = parseNumberToken(t[1]);
        if (!p) return out;
        operands.push(p);
      } else if (t[2] !== undefined) {
        operators.push(t[2] === '+' ? '+' : t[2] === '-' ? '-' : '*');
      }
    }
    const raw = m.groups?.result ?? '';
    const result = parseNumberToken(raw);
    if (!result || operands.length !== operators.length + 1 || operands.length < 2) continue;
    // a year range "2021-2025 = …" or a date is not arithmetic
    if (operators.length === 1 && operators[0] === '-' && operands.every((o) => o.value >= 1900 && o.value <= 2100)) continue;
    out.push({ operands, operators, result, start: m.index, end: m.index + m[0].length, resultStart: m.index + m[0].lastIndexOf(raw) });
  }
  return out;
}

/** Exact value of an expression (× before + and −) as a scaled integer at `decimals`. */
export function evaluate(e: Expression): { scaled: bigint; decimals: number } {
  // terms: products separated by + / -
  const terms: { scaled: bigint; decimals: number; sign: 1n | -1n }[] = [];
  let cur = { scaled: e.operands[0].scaled, decimals: e.operands[0].decimals };
  let sign: 1n | -1n = 1n;
  for (let i = 0; i < e.operators.length; i++) {
    const op = e.operators[i];
    const next = e.operands[i + 1];
    if (op === '*') {
      cur = { scaled: cur.scaled * next.scaled, decimals: cur.decimals + next.decimals };
    } else {
      terms.push({ ...cur, sign });
      sign = op === '+' ? 1n : -1n;
      cur = { scaled: next.scaled, decimals: next.decimals };
    }
  }
  terms.push({ ...cur, sign });
  const decimals = Math.max(...terms.map((t) => t.decimals));
  let sum = 0n;
  for (const t of terms) sum += t.sign * t.scaled * 10n ** BigInt(decimals - t.decimals);
  return { scaled: sum, decimals };
}
