/**
 * Where a document's text states each figure: the words a template writes just before
 * `{{fig "name"}}` ("… toàn phường có", "Quy mô thực hiện địa bàn (dự kiến):") and the unit just
 * after it ("hộ", "%", "người"). The checker looks for those words in any copy of the document —
 * a scan, a re-typed DOCX — and compares the number that follows with the registry now.
 */
import type { BlockRecord, DocumentContent } from '../registry/records/record-set';

export interface FigureAnchor {
  name: string;
  /** up to 10 words before the figure, within its clause */
  anchor: string;
  /** the unit written right after the figure, when there is one */
  unit?: string;
}

const FIG = /\{\{\s*fig\s+"([^"]+)"[^}]*\}\}/g;
const UNITS = ['%', 'hộ', 'người', 'khẩu', 'lao động', 'đồng', 'triệu đồng', 'tỷ đồng'];

function textsOf(content: DocumentContent): string[] {
  const out: string[] = [...content.canCu];
  const walk = (bs: BlockRecord[]): void => {
    for (const b of bs) {
      if ('p' in b) out.push(b.p);
      else if ('article' in b) {
        out.push(b.article.title);
        walk(b.article.body);
      }
    }
  };
  walk(content.body);
  for (const a of content.annexes) walk(a.body);
  return out;
}

/**
 * Anchors of the figures stated in running text that a reader can find again without doubt: at
 * least three words, a unit right after the figure, and words that occur once in the document
 * (a "kinh phí" before two different amounts would point the checker at the wrong one).
 */
export function figureAnchors(content: DocumentContent): FigureAnchor[] {
  const texts = textsOf(content);
  const whole = texts.join('\n').toLocaleLowerCase('vi');
  const once = (anchor: string): boolean => {
    const a = anchor.toLocaleLowerCase('vi');
    return whole.indexOf(a) === whole.lastIndexOf(a);
  };
  const out: FigureAnchor[] = [];
  for (const text of texts) {
    let last = 0;
    for (const m of text.matchAll(FIG)) {
      // the clause before the figure: back to the previous figure or a clause break
      const before = text.slice(last, m.index).split(/[.;,]\s/).pop() ?? '';
      const after = text.slice(m.index + m[0].length).replace(/^\s+/, '');
      last = m.index + m[0].length;
      const words = before.replace(/\*+/g, '').trim().split(/\s+/).filter((w) => w !== '' && w !== '-' && w !== '+');
      if (words.length < 3) continue;
      const unit = UNITS.filter((u) => after.startsWith(u)).sort((a, b) => b.length - a.length)[0];
      const anchor = words.slice(-10).join(' ');
      if (unit && once(anchor)) out.push({ name: m[1], anchor, unit });
    }
  }
  return out;
}
