import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { nfcDeep } from '../../vi/nfc';
import type { RecordSet } from './record-set';
import { SECTION_SCHEMAS, SECTIONS, type Section } from './records-schema';

export interface RecordsIssue {
  file: string;
  line: number;
  column: number;
  /** the field's path inside the file, e.g. "documents.2.content.body.14.p" */
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

type KeyPath = (string | number)[];

/** One parsed YAML file, kept so that any later problem can be pointed at its line. */
interface SourceFile {
  rel: string;
  doc: Document;
  lc: LineCounter;
}

/** Where a record came from: its file and its path there ("documents", 3). */
interface Origin {
  file: SourceFile;
  at: KeyPath;
}

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

/**
 * The line and column of the deepest node along `keyPath` that exists: a missing field is reported
 * where its record (or map) starts.
 */
function position(src: SourceFile, keyPath: KeyPath): { line: number; column: number } {
  for (let n = keyPath.length; n >= 0; n--) {
    const node = src.doc.getIn(keyPath.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) {
      const pos = src.lc.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return { line: 1, column: 1 };
}

function issueAt(src: SourceFile, keyPath: KeyPath, message: string): RecordsIssue {
  return { file: src.rel, ...position(src, keyPath), path: keyPath.join('.'), message };
}

function zodIssues(src: SourceFile, at: KeyPath, error: z.ZodError): RecordsIssue[] {
  return error.issues.flatMap((i) => {
    const base = [...at, ...(i.path as KeyPath)];
    // an unknown key is pointed at itself, one issue per key
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => issueAt(src, [...base, k], `unknown field "${k}"`));
    return [issueAt(src, base, i.message)];
  });
}

/**
 * Reads every *.yaml under a folder (or one file). Each file is a map of sections (agencies,
 * officials, documents, policies, households, quotas), each a list of records checked against
 * `records-schema.ts`; then the references between records are checked across all files. Every
 * problem is collected with its file:line; if there is any, a RecordsError lists them all.
 */
export function loadRecords(p: string): RecordSet {
  const set: RecordSet = { agencies: [], officials: [], documents: [], policies: [], households: [], quotas: [] };
  const origins = new Map<object, Origin>();
  const invalid: InvalidKeys = { agencies: new Set(), officials: new Set(), documents: new Set() };
  const issues: RecordsIssue[] = [];
  const root = fs.statSync(p).isDirectory() ? p : path.dirname(p);
  for (const file of yamlFiles(p)) {
    const rel = path.relative(root, file) || path.basename(file);
    const lc = new LineCounter();
    const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    const src: SourceFile = { rel, doc, lc };
    for (const err of doc.errors) {
      const pos = lc.linePos(err.pos[0]);
      issues.push({ file: rel, line: pos.line, column: pos.col, path: '', message: err.message.split('\n')[0] });
    }
    if (doc.errors.length) continue;
    if (!isMap(doc.contents)) {
      if (doc.contents !== null) issues.push(issueAt(src, [], `expected a map of sections (${SECTIONS.join(', ')})`));
      continue;
    }
    const data = nfcDeep(doc.toJS()) as Record<string, unknown>;
    for (const [section, value] of Object.entries(data)) {
      if (!(SECTIONS as string[]).includes(section)) {
        issues.push(issueAt(src, [section], `unknown section (expected ${SECTIONS.join(', ')})`));
        continue;
      }
      if (value === null) continue; // an empty section
      if (!isSeq(doc.get(section, true)) || !Array.isArray(value)) {
        issues.push(issueAt(src, [section], 'expected a list'));
        continue;
      }
      const schema = SECTION_SCHEMAS[section as Section];
      value.forEach((rec: unknown, i: number) => {
        const result = schema.safeParse(rec);
        if (!result.success) {
          issues.push(...zodIssues(src, [section, i], result.error));
          rememberInvalid(invalid, section as Section, rec);
          return;
        }
        origins.set(result.data, { file: src, at: [section, i] });
        (set[section as Section] as object[]).push(result.data);
      });
    }
  }
  issues.push(...crossReferences(set, origins, invalid));
  // reading order: by file, then line (files were read in name order; the sort is stable)
  issues.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
  if (issues.length) throw new RecordsError(issues);
  return set;
}

/**
 * Keys of records that failed their schema (already reported): references to them are not
 * reported again as unknown, so one bad field does not cascade into a page of problems.
 */
interface InvalidKeys {
  agencies: Set<string>;
  officials: Set<string>;
  documents: Set<string>;
}

function rememberInvalid(invalid: InvalidKeys, section: Section, rec: unknown): void {
  if (!rec || typeof rec !== 'object') return;
  const { code, agency } = rec as { code?: unknown; agency?: unknown };
  if (typeof code !== 'string') return;
  if (section === 'agencies') invalid.agencies.add(code);
  if ((section === 'officials' || section === 'documents') && typeof agency === 'string') invalid[section].add(`${agency}/${code}`);
}

/** References between records (across files): unknown or duplicate codes, each at its line. */
function crossReferences(set: RecordSet, origins: Map<object, Origin>, invalid: InvalidKeys): RecordsIssue[] {
  const out: RecordsIssue[] = [];
  const at = (rec: object, sub: KeyPath, message: string): void => {
    const o = origins.get(rec);
    if (o) out.push(issueAt(o.file, [...o.at, ...sub], message));
  };
  const unique = <T extends object>(records: T[], key: (r: T) => string, what: string, sub: KeyPath = ['code']): void => {
    const seen = new Map<string, T>();
    for (const r of records) {
      const k = key(r);
      const first = seen.get(k);
      if (first) {
        const o = origins.get(first);
        at(r, sub, `duplicate ${what} ${k}${o ? ` (first in ${o.file.rel}:${position(o.file, o.at).line})` : ''}`);
      } else seen.set(k, r);
    }
  };

  const agencies = new Map(set.agencies.map((a) => [a.code, a]));
  unique(set.agencies, (a) => a.code, 'agency');
  for (const a of set.agencies) {
    const units = a.units.map((u, i) => ({ u, i }));
    const seen = new Set<string>();
    for (const { u, i } of units) {
      if (seen.has(u.abbreviation)) at(a, ['units', i, 'abbreviation'], `duplicate unit ${u.abbreviation}`);
      seen.add(u.abbreviation);
    }
    const villages = new Set<string>();
    a.villages.forEach((v, i) => {
      if (villages.has(v.code)) at(a, ['villages', i, 'code'], `duplicate village ${v.code}`);
      villages.add(v.code);
    });
  }
  const knownAgency = (rec: { agency: string }): boolean => {
    if (agencies.has(rec.agency)) return true;
    if (!invalid.agencies.has(rec.agency)) at(rec, ['agency'], `unknown agency ${rec.agency}`);
    return false;
  };

  unique(set.officials, (o) => `${o.agency}/${o.code}`, 'official');
  set.officials.forEach(knownAgency);
  const officials = new Set([...set.officials.map((o) => `${o.agency}/${o.code}`), ...invalid.officials]);

  unique(set.documents, (d) => `${d.agency}/${d.code}`, 'document');
  const documents = new Set([...set.documents.map((d) => `${d.agency}/${d.code}`), ...invalid.documents]);
  const knownDocument = (rec: { agency: string }, doc: string, sub: KeyPath): void => {
    if (!documents.has(`${rec.agency}/${doc}`)) at(rec, sub, `unknown document ${doc} (of agency ${rec.agency})`);
  };
  for (const d of set.documents) {
    knownAgency(d);
    if (d.issuerAgency && !agencies.has(d.issuerAgency) && !invalid.agencies.has(d.issuerAgency)) at(d, ['issuerAgency'], `unknown agency ${d.issuerAgency}`);
    d.citations.forEach((c, i) => {
      if (c === d.code) at(d, ['citations', i], 'a document does not cite itself');
      else knownDocument(d, c, ['citations', i]);
    });
    const s = d.content?.signature;
    if (s && agencies.has(d.agency) && !officials.has(`${d.agency}/${s.official}`)) {
      at(d, ['content', 'signature', 'official'], `unknown official ${s.official} (of agency ${d.agency})`);
    }
  }

  unique(set.policies, (p) => `${p.agency}/${p.code}`, 'policy');
  for (const p of set.policies) {
    knownAgency(p);
    if (p.document) knownDocument(p, p.document, ['document']);
  }

  const villageOf = (agency: string, village: string): boolean =>
    agencies.get(agency)?.villages.some((v) => v.code === village) ?? false;
  unique(set.households, (h) => `${h.agency}/${h.code}`, 'household');
  const members = new Set<string>(); // members are keyed per agency, like households
  for (const h of set.households) {
    h.members.forEach((m, i) => {
      const key = `${h.agency}/${m.code}`;
      if (members.has(key)) at(h, ['members', i, 'code'], `duplicate member ${m.code}`);
      members.add(key);
    });
  }
  for (const h of set.households) {
    if (knownAgency(h) && !villageOf(h.agency, h.village)) at(h, ['village'], `unknown village ${h.village} of agency ${h.agency}`);
  }

  unique(set.quotas, (q) => `${q.agency}/${q.code}`, 'quota');
  for (const q of set.quotas) {
    if (!knownAgency(q)) continue;
    if (q.document) knownDocument(q, q.document, ['document']);
    q.villages?.forEach((v, i) => {
      if (!villageOf(q.agency, v.village)) at(q, ['villages', i, 'village'], `unknown village ${v.village} of agency ${q.agency}`);
    });
  }
  return out;
}
