import { extractText } from '../extract/text';
import { analyse, type AnalysedBlock } from './analyse';

/** Blocks of a small text, for recogniser specs. */
export function blocksOf(text: string): AnalysedBlock[] {
  return analyse(extractText(text)).blocks;
}
