import { FINDING_CODES } from './codes';
import type { CheckFileResult, Finding, Severity } from './types';

const LABEL: Record<Severity, string> = { error: 'LỖI', warning: 'CẢNH BÁO', info: 'GHI CHÚ' };

function counts(findings: Finding[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** Human text report: one block per file, one line per finding, then a summary. */
export function formatCheckText(results: CheckFileResult[]): string {
  const out: string[] = [];
  const total = { error: 0, warning: 0, info: 0 };
  for (const r of results) {
    const c = counts(r.findings);
    total.error += c.error;
    total.warning += c.warning;
    total.info += c.info;
    out.push(`${r.file}: ${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} ghi chú`);
    for (const f of r.findings) {
      out.push(`  ${r.file}:${f.line}  ${LABEL[f.severity]}  ${f.code}  ${f.message}`);
      const ea = [f.expected !== undefined ? `đúng: ${f.expected}` : '', f.actual !== undefined ? `đang ghi: ${f.actual}` : '']
        .filter((s) => s !== '')
        .join('; ');
      if (ea) out.push(`      ${ea}`);
      out.push(`      > ${f.excerpt}`);
    }
  }
  out.push(`Tổng: ${total.error} lỗi, ${total.warning} cảnh báo, ${total.info} ghi chú trong ${results.length} tệp`);
  return out.join('\n') + '\n';
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);
}

const STYLE = `
body{font-family:"Times New Roman",Tinos,serif;margin:2em;color:#111}
h1{font-size:1.3em} h2{font-size:1.1em;margin-top:2em}
.summary{margin:.5em 0 1em}
ol.doc{list-style:none;padding:0;margin:0;border:1px solid #ccc}
ol.doc li{display:grid;grid-template-columns:4em 1fr;white-space:pre-wrap;padding:1px 4px}
ol.doc .no{color:#888;text-align:right;padding-right:.8em;user-select:none}
li.error{background:#fde2e2} li.warning{background:#fff4d6} li.info{background:#e6f0fb}
.finding{grid-column:2;font-family:sans-serif;font-size:.85em;margin:2px 0 4px;padding:2px 6px;border-left:3px solid}
.finding.error{border-color:#c00} .finding.warning{border-color:#d90} .finding.info{border-color:#36c}
code{font-size:.95em}
`;

/**
 * HTML report: each file's document, line by line, with every finding highlighted at its line and
 * explained under it. `sourceLines` maps a result's `file` to the lines its line numbers refer to.
 * Everything from the document and the findings is escaped.
 */
export function formatCheckHtml(
  results: CheckFileResult[],
  sourceLines: Readonly<Record<string, readonly string[]>> | ReadonlyMap<string, readonly string[]>,
): string {
  const get = (file: string): readonly string[] =>
    (sourceLines instanceof Map ? sourceLines.get(file) : (sourceLines as Record<string, readonly string[]>)[file]) ?? [];
  const parts: string[] = [
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Kết quả kiểm tra văn bản</title>',
    `<style>${STYLE}</style></head><body><h1>Kết quả kiểm tra văn bản</h1>`,
  ];
  for (const r of results) {
    const c = counts(r.findings);
    parts.push(`<section><h2>${escapeHtml(r.file)}</h2>`);
    parts.push(`<p class="summary">${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} ghi chú</p>`);
    const byLine = new Map<number, Finding[]>();
    for (const f of r.findings) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
    const lines = get(r.file);
    const maxLine = Math.max(lines.length, ...r.findings.map((f) => f.line));
    parts.push('<ol class="doc">');
    for (let no = 1; no <= maxLine; no++) {
      const fs = byLine.get(no) ?? [];
      const worst = fs.some((f) => f.severity === 'error') ? 'error' : fs.some((f) => f.severity === 'warning') ? 'warning' : fs.length ? 'info' : '';
      const attrs = worst ? ` class="${worst}" id="L${no}"` : ` id="L${no}"`;
      parts.push(`<li${attrs}><span class="no">${no}</span><span class="text">${escapeHtml(lines[no - 1] ?? '')}</span>`);
      for (const f of fs) {
        const ea = [
          f.expected !== undefined ? `đúng: <b>${escapeHtml(f.expected)}</b>` : '',
          f.actual !== undefined ? `đang ghi: <b>${escapeHtml(f.actual)}</b>` : '',
        ]
          .filter((s) => s !== '')
          .join('; ');
        parts.push(
          `<div class="finding ${f.severity}" title="${escapeHtml(FINDING_CODES[f.code].description)}">` +
            `<code>${escapeHtml(f.code)}</code> ${LABEL[f.severity]}: ${escapeHtml(f.message)}${ea ? ` (${ea})` : ''}</div>`,
        );
      }
      parts.push('</li>');
    }
    parts.push('</ol></section>');
  }
  parts.push('</body></html>');
  return parts.join('\n');
}
