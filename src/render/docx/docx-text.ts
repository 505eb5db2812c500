/**
 * Reading a .docx back as text: the paragraphs in document order (table cells row by row, as
 * Word stores them), then the footnotes. Used by tests, by the PDF/HTML renderers' comparisons
 * and by the checker; it reads any WordprocessingML, not only ours.
 */
import PizZip from 'pizzip';

/** The text of one part of the package ("word/document.xml"; a leading "/" is allowed). */
export function readDocxPart(docx: Buffer, partName: string): string {
  const name = partName.replace(/^\/+/, '');
  let zip: PizZip;
  try {
    zip = new PizZip(docx);
  } catch (e) {
    throw new Error(`not a .docx (zip) file: ${(e as Error).message}`);
  }
  const file = zip.file(name);
  if (!file) throw new Error(`the .docx has no part ${name}`);
  return file.asText();
}

export function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    }
  });
}

// Paragraph boundaries, text, and the run content that reads as a space. Field codes
// (w:instrText) and deleted text (w:delText) are not text of the document.
const TOKEN = /<w:p(?=[\s/>])([^>]*?)(\/?)>|<\/w:p>|<w:t(?=[\s>])[^>]*>([^<]*)<\/w:t>|<w:(tab|br|cr)(?=[\s/>])[^>]*\/?>/g;

/** Texts of the paragraphs of one part, nested paragraphs (text boxes) before their container. */
function paragraphs(xml: string): string[] {
  const out: string[] = [];
  const stack: string[][] = [];
  // tab stops (<w:tabs><w:tab …/></w:tabs>) are paragraph properties, not tab characters
  const content = xml.replace(/<w:tabs>[\s\S]*?<\/w:tabs>/g, '');
  for (const m of content.matchAll(TOKEN)) {
    const [whole, paraAttrs, selfClose, t, space] = m;
    if (paraAttrs !== undefined) {
      if (selfClose === '/') out.push('');
      else stack.push([]);
    } else if (whole === '</w:p>') {
      const parts = stack.pop();
      if (parts) out.push(parts.join(''));
    } else if (t !== undefined) {
      stack[stack.length - 1]?.push(decodeXmlText(t));
    } else if (space !== undefined) {
      stack[stack.length - 1]?.push(' ');
    }
  }
  return out;
}

/** Footnote bodies (not the separators), in the order of the part, each note's paragraphs joined. */
function footnoteTexts(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<w:footnote\b([^>]*)>([\s\S]*?)<\/w:footnote>/g)) {
    if (/w:type="(separator|continuationSeparator|continuationNotice)"/.test(m[1])) continue;
    out.push(paragraphs(m[2]).join(' ').trim());
  }
  return out;
}

/**
 * The text of every non-empty paragraph of word/document.xml in document order (tables row by
 * row, cell by cell), then the text of each footnote. Tabs and line breaks read as a space;
 * footnote reference marks are not text. Paragraphs that are empty or only white space are left
 * out (rules, spacers and section breaks are such paragraphs).
 */
export function extractDocxParagraphs(docx: Buffer): string[] {
  const zip = new PizZip(docx);
  const document = zip.file('word/document.xml');
  if (!document) throw new Error('the .docx has no word/document.xml');
  const body = paragraphs(document.asText());
  const notesFile = zip.file('word/footnotes.xml');
  const notes = notesFile ? footnoteTexts(notesFile.asText()) : [];
  return [...body, ...notes].filter((p) => p.trim() !== '');
}
