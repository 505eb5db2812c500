import type { ExtractedDoc } from '../types';
import { viewOf, type TextView } from '../text/view';
import { findCitations, type Citation } from './citations';
import { findDates, type DateMention } from './dates';
import { findHeader, type Header } from './header';
import { findNumbers, type NumberToken } from './numbers';
import { findQuantities, type Quantity } from './quantities';
import { findDateRanges, findYearRanges, type DateRange, type YearRange } from './ranges';

/** Everything the recognisers found in one logical block. */
export interface AnalysedBlock {
  view: TextView;
  numbers: NumberToken[];
  quantities: Quantity[];
  dates: DateMention[];
  citations: Citation[];
  dateRanges: DateRange[];
  yearRanges: YearRange[];
}

export interface Analysis {
  doc: ExtractedDoc;
  header: Header;
  blocks: AnalysedBlock[];
}

export function analyseBlock(view: TextView): AnalysedBlock {
  const numbers = findNumbers(view.text);
  const dates = findDates(view.text, view.folded);
  return {
    view,
    numbers,
    quantities: findQuantities(view.text, view.folded, numbers),
    dates,
    citations: findCitations(view.text, view.folded, dates),
    dateRanges: findDateRanges(view.folded, dates),
    yearRanges: findYearRanges(view.folded),
  };
}

export function analyse(doc: ExtractedDoc): Analysis {
  return { doc, header: findHeader(doc.lines), blocks: doc.blocks.map((b) => analyseBlock(viewOf(b))) };
}
