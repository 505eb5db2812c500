import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { nfcDeep } from '../../vi/nfc';
import type { RecordSet } from './record-set';

export interface RecordsIssue {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
}

/** Every problem of a records folder, collected: nothing is imported while one remains. */
export class RecordsError extends Error {
  constructor(readonly issues: RecordsIssue[]) {
    super(issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.path}: ${i.message}`).join('\n'));
    this.name = 'RecordsError';
  }
}

const SECTIONS = ['agencies', 'officials', 'documents', 'policies', 'households', 'quotas'] as const;
type Section = (typeof SECTIONS)[number];

/** Required fields per section, checked with the line where the record starts. */
const REQUIRED: Record<Section, string[]> = {
  agencies: ['code', 'name', 'shortName', 'issuerLines', 'abbreviation', 'placeName'],
  officials: ['code', 'agency', 'name', 'position'],
  documents: ['code', 'agency', 'direction', 'type', 'typeName', 'year', 'symbol', 'issuer', 'title'],
  policies: ['code', 'agency', 'name', 'rule'],
  households: ['code', 'agency', 'village', 'head'],
  quotas: ['code', 'agency', 'indicator', 'year', 'baseline', 'target'],
};

function yamlFiles(p: string): string[] {
  const st = fs.statSync(p);
  if (st.isFile()) return [p];
  return fs
    .readdirSync(p, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => {
      const full = path.join(p, e.name);
      if (e.isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(e.name) ? [full] : [];
    });
}

function position(doc: Document, lc: LineCounter, keyPath: (string | number)[]): { line: number; column: number } {
  const node = doc.getIn(keyPath, true) as { range?: [number, number, number] } | undefined;
  const offset = node?.range?.[0] ?? 0;
  const pos = lc.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/**
 * Reads every *.yaml under a folder (or one file). Each file is a map of sections
 * (agencies, officials, documents, policies, households, quotas), each a list of records.
 */
export function loadRecords(p: string): RecordSet {
  const set: RecordSet = { agencies: [], officials: [], documents: [], policies: [], households: [], quotas: [] };
  const issues: RecordsIssue[] = [];
  const root = fs.statSync(p).isDirectory() ? p : path.dirname(p);
  for (const file of yamlFiles(p)) {
    const rel = path.relative(root, file) || path.basename(file);
    const lc = new LineCounter();
    const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: lc, prettyErrors: false });
    for (const err of doc.errors) {
      const pos = lc.linePos(err.pos[0]);
      issues.push({ file: rel, line: pos.line, column: pos.col, path: '', message: err.message.split('\n')[0] });
    }
    if (doc.errors.length) continue;
    if (!isMap(doc.contents)) {
      if (doc.contents !== null) issues.push({ file: rel, line: 1, column: 1, path: '', message: 'expected a map of sections' });
      continue;
    }
    const data = nfcDeep(doc.toJS()) as Record<string, unknown>;
    for (const [section, value] of Object.entries(data)) {
      if (!(SECTIONS as readonly string[]).includes(section)) {
        issues.push({ file: rel, ...position(doc, lc, [section]), path: section, message: `unknown section (expected ${SECTIONS.join(', ')})` });
        continue;
      }
      if (!isSeq(doc.get(section, true)) || !Array.isArray(value)) {
        issues.push({ file: rel, ...position(doc, lc, [section]), path: section, message: 'expected a list' });
        continue;
      }
      value.forEach((rec: unknown, i: number) => {
        if (!rec || typeof rec !== 'object') {
          issues.push({ file: rel, ...position(doc, lc, [section, i]), path: `${section}.${i}`, message: 'expected a map' });
          return;
        }
        const r = rec as Record<string, unknown>;
        for (const key of REQUIRED[section as Section]) {
          if (r[key] === undefined || r[key] === null || r[key] === '') {
            issues.push({ file: rel, ...position(doc, lc, [section, i]), path: `${section}.${i}.${key}`, message: 'required' });
          }
        }
        (set[section as Section] as unknown[]).push(withDefaults(section as Section, r));
      });
    }
  }
  issues.push(...crossReferences(set));
  if (issues.length) throw new RecordsError(issues);
  return set;
}

function withDefaults(section: Section, r: Record<string, unknown>): unknown {
  switch (section) {
    case 'agencies':
      return { governingBody: [], numbering: 'single', units: [], villages: [], ...r };
    case 'documents':
      return { number: null, yearInNumber: false, date: null, status: 'issued', citations: [], ...r };
    case 'policies':
      return { parameters: [], ...r };
    case 'households':
      return { categories: {}, members: [], ...r };
    default:
      return r;
  }
}

function crossReferences(set: RecordSet): RecordsIssue[] {
  const out: RecordsIssue[] = [];
  const at = (p: string, message: string): RecordsIssue => ({ file: '(records)', line: 0, column: 0, path: p, message });
  const agencies = new Set(set.agencies.map((a) => a.code));
  const dup = (kind: string, keys: string[]): void => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) out.push(at(kind, `duplicate code ${k}`));
      seen.add(k);
    }
  };
  dup('agencies', set.agencies.map((a) => a.code));
  dup('officials', set.officials.map((o) => `${o.agency}/${o.code}`));
  dup('documents', set.documents.map((d) => `${d.agency}/${d.code}`));
  for (const o of set.officials) if (!agencies.has(o.agency)) out.push(at(`officials.${o.code}`, `unknown agency ${o.agency}`));
  const docs = new Set(set.documents.map((d) => `${d.agency}/${d.code}`));
  const officials = new Set(set.officials.map((o) => `${o.agency}/${o.code}`));
  for (const d of set.documents) {
    if (!agencies.has(d.agency)) out.push(at(`documents.${d.code}`, `unknown agency ${d.agency}`));
    for (const c of d.citations) {
      if (!docs.has(`${d.agency}/${c}`)) out.push(at(`documents.${d.code}.citations`, `unknown document ${c}`));
    }
    const s = d.content?.signature;
    if (s && !officials.has(`${d.agency}/${s.official}`)) {
      out.push(at(`documents.${d.code}.content.signature`, `unknown official ${s.official}`));
    }
  }
  return out;
}
