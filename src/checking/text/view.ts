import { lineAt } from '../extract/text';
import type { Block } from '../types';
import { fold } from './fold';

/** A block's cleaned text with its folded twin (same offsets) and the offset → source line map. */
export interface TextView {
  text: string;
  folded: string;
  block: Block;
  line(offset: number): number;
}

export function viewOf(block: Block): TextView {
  return { text: block.text, folded: fold(block.text), block, line: (o) => lineAt(block, o) };
}

/** A short excerpt of `text` around [start, end), on word boundaries, at most ~`max` characters. */
export function excerptOf(text: string, start: number, end: number, max = 140): string {
  const span = end - start;
  const pad = Math.max(20, Math.floor((max - span) / 2));
  let a = Math.max(0, start - pad);
  let b = Math.min(text.length, end + pad);
  if (a > 0) {
    const sp = text.indexOf(' ', a);
    if (sp >= 0 && sp < start) a = sp + 1;
  }
  if (b < text.length) {
    const sp = text.lastIndexOf(' ', b);
    if (sp > end) b = sp;
  }
  return (a > 0 ? '…' : '') + text.slice(a, b).trim() + (b < text.length ? '…' : '');
}
