import { readFileSync, readdirSync } from 'node:fs';
import { checkText } from './check';
import { extractText } from './extract/text';
import { analyse } from './recognise/analyse';
import { findEnumerations } from './recognise/enumerations';
import { findChangeStatements } from './recognise/changes';
import { findPercentStatements } from './recognise/percents';
const dir = process.argv[2];
const files = process.argv.slice(3);
const debug = process.env.DEBUG === '1';
for (const f of files.length ? files : readdirSync(dir)) {
  const text = readFileSync(`${dir}/${f}`, 'utf8');
  const r = checkText(text, { fileName: f, context: { knownDocuments: [] } });
  console.log('=== ' + f);
  for (const x of r.findings) console.log(`${x.line} ${x.severity} ${x.code} | ${x.message} | ${x.excerpt.slice(0, 100)}`);
  if (debug) {
    const a = analyse(extractText(text));
    const en = findEnumerations(a.blocks);
    for (const e of en) console.log('  ENUM', e.kind, e.total.number.raw, e.total.unit, '=', e.parts.map((p) => p.q.number.raw).join('+'));
    for (const c of findChangeStatements(a.blocks)) console.log('  CHANGE', c.change.q.number.raw, c.change.direction, 'from', c.fromTo.from.number.raw, 'to', c.fromTo.to.number.raw);
    for (const p of findPercentStatements(a.blocks, en)) console.log('  PCT', p.percent.number.raw, p.part.value.scaled, '/', p.base.value.scaled);
  }
}
