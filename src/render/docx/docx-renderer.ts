/**
 * DocModel → .docx in the form of Nghị định 30/2020/NĐ-CP.
 *
 * The base template (templates/docx/base: readable XML, diffed in git) carries the styles, the
 * page-number headers, the page-1 header table and the signature table; it is zipped once per
 * process. docxtemplater fills its text slots and loops; the body, the annexes, the short rules
 * and the section properties are built by docx-blocks.ts and go in through `{@…}` raw slots.
 * Footnotes and core properties are written after docxtemplater so that no model text is ever
 * parsed as a template tag.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { DocModel } from '../../drafting/doc-model';
import { nfcDeep } from '../../vi/nfc';
import {
  annexesXml,
  bodyXml,
  Footnotes,
  issuerRuleXml,
  preambleXml,
  tieuNguRuleXml,
  titleRuleXml,
} from './docx-blocks';
import { text } from './xml';

/** templates/docx/base, found from src/render/docx (ts-jest) and dist/render/docx (built) alike. */
export function baseTemplateDir(): string {
  const dir = resolve(__dirname, '..', '..', '..', 'templates', 'docx', 'base');
  if (!existsSync(join(dir, 'word', 'document.xml'))) {
    throw new Error(`DOCX base template not found at ${dir}`);
  }
  return dir;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

/** OPC consumers like [Content_Types].xml first. */
const FIRST = '[Content_Types].xml';

let cachedTemplate: Buffer | undefined;

/** The base template zipped, once per process. */
function templateZip(): Buffer {
  if (!cachedTemplate) {
    const dir = baseTemplateDir();
    const zip = new PizZip();
    const names = listFiles(dir)
      .map((f) => relative(dir, f).split(sep).join('/'))
      .sort((a, b) => (a === FIRST ? -1 : b === FIRST ? 1 : a.localeCompare(b)));
    for (const name of names) zip.file(name, readFileSync(join(dir, name), 'utf8'));
    cachedTemplate = zip.generate({ type: 'nodebuffer', compression: 'STORE' });
  }
  return cachedTemplate;
}

/** ISO yyyy-mm-dd → W3CDTF; a missing or malformed date is left empty rather than invented. */
function w3cDate(iso: string | undefined): string {
  return iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : '';
}

/**
 * Zip entry timestamps: the document date (as local wall time, so the DOS fields are the same in
 * every time zone), else 1980-01-01. Same model → same bytes, which the archive's hashes need.
 */
function entryDate(iso: string | undefined): Date {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (m && Number(m[1]) >= 1980) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(1980, 0, 1);
}

/** Fills the [[name]] slots of core.xml; a date that is not known is left out, not written empty. */
function fill(xml: string, values: Record<string, string>): string {
  return xml
    .replace(/\[\[(\w+)\]\]/g, (_, k: string) => text(values[k] ?? ''))
    .replace(/[ \t]*<dcterms:(created|modified)[^>]*><\/dcterms:\1>\r?\n?/g, '');
}

/** Renders the model; synchronous (docxtemplater and pizzip are). All strings are NFC'd first. */
export function renderDocx(input: DocModel): Buffer {
  const model = nfcDeep(input);
  const notes = new Footnotes();
  const { header } = model;

  // Document order matters for footnote numbering: preamble before body before annexes.
  const preamble = preambleXml(model, notes);
  const body = bodyXml(model, notes);
  const { annexes, finalSection } = annexesXml(model, notes);

  const zip = new PizZip(templateZip());
  const doc = new Docxtemplater(zip, { paragraphLoop: true, linebreaks: false });
  doc.render({
    draftMark: header.draftMark ?? '',
    governingBody: header.governingBody,
    issuer: header.issuer,
    issuerRule: issuerRuleXml(header.issuer),
    tieuNguRule: tieuNguRuleXml(),
    numberLine: header.numberLine,
    vv: header.vv ?? '',
    placeDateLine: header.placeDateLine,
    typeName: header.typeName ?? '',
    title: header.title,
    titleRule: titleRuleXml(model),
    preamble,
    body,
    hasRecipients: model.recipients.entries.length > 0,
    recipients: model.recipients.entries,
    signatureLines: model.signature.lines,
    signerName: model.signature.name,
    annexes,
    finalSection,
  });
  const out = doc.getZip();

  const footnotesXml = out.file('word/footnotes.xml')?.asText() ?? '';
  const at = footnotesXml.lastIndexOf('</w:footnotes>');
  out.file('word/footnotes.xml', footnotesXml.slice(0, at) + notes.xml() + footnotesXml.slice(at));

  const core = out.file('docProps/core.xml')?.asText() ?? '';
  out.file(
    'docProps/core.xml',
    fill(core, {
      title: model.meta.title,
      subject: model.meta.subject ?? '',
      creator: model.meta.author,
      created: w3cDate(model.meta.date),
      status: model.meta.draft || header.draftMark ? 'Dự thảo' : '',
    }),
  );

  const date = entryDate(model.meta.date);
  for (const f of Object.values(out.files)) f.date = date;
  return out.generate({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    fileOrder: (files) => [FIRST, ...Object.keys(files).filter((n) => n !== FIRST)],
  });
}
