import fc from 'fast-check';
import type { FlowItem, Note } from './flow';
import { paginate } from './paginate';

/** Items named by letters so that a page reads as a string: "abc|de" = two pages. */
interface Spec {
  h?: number;
  before?: number;
  after?: number;
  keep?: boolean;
  notes?: number[];
  repeat?: FlowItem[];
}

const named = new WeakMap<FlowItem, string>();

function items(specs: Record<string, Spec>): FlowItem[] {
  return Object.entries(specs).map(([name, s]) => {
    const item: FlowItem = { height: s.h ?? 10, before: s.before ?? 0, draw: () => undefined };
    if (s.after) item.after = s.after;
    if (s.keep) item.keepWithNext = true;
    if (s.notes) item.notes = s.notes.map((h): Note => ({ height: h, draw: () => undefined }));
    if (s.repeat) item.repeat = s.repeat;
    named.set(item, name);
    return item;
  });
}

function layout(list: FlowItem[], capacity: number, separator = 0): string {
  return paginate(list, capacity, separator)
    .map((p) => p.placed.map((x) => named.get(x.item) ?? '?').join(''))
    .join('|');
}

describe('paginate', () => {
  it.each<[string, Record<string, Spec>, number, string]>([
    ['fills pages in order', { a: {}, b: {}, c: {}, d: {}, e: {} }, 30, 'abc|de'],
    ['an exact fit stays', { a: {}, b: {}, c: {} }, 30, 'abc'],
    // b keeps with c: c does not fit on page 1, so b goes with it
    ['moves a keep chain to the next page', { a: {}, b: { keep: true }, c: {}, d: {} }, 25, 'a|bc|d'],
    // a chain longer than a page is broken where the page is full
    ['breaks a chain that fills the page', { a: { keep: true }, b: { keep: true }, c: { keep: true }, d: {} }, 25, 'ab|cd'],
    // space before is dropped at the top of a page: "c" then fits exactly
    ['drops the space before at the top of a page', { a: {}, b: {}, c: { before: 6 }, d: {}, e: {} }, 30, 'ab|cde'],
    ['counts the space before inside a page', { a: {}, b: { before: 6 }, c: { before: 6 } }, 30, 'ab|c'],
    // between a (6 after) and b (6 before) there are 6 pt, not 12: 10 + 6 + 10 + 4 + 10 = 40
    ['takes the larger of the space after and the space before', { a: { after: 6 }, b: { before: 6 }, c: { before: 4 }, d: {} }, 40, 'abc|d'],
    ['keeps a larger space after', { a: { after: 12 }, b: { before: 6 }, c: {} }, 32, 'ab|c'],
    // an item taller than a page is placed alone rather than looping
    ['places an oversized item alone', { a: {}, b: { h: 50 }, c: {} }, 30, 'a|b|c'],
  ])('%s', (_, specs, capacity, expected) => {
    expect(layout(items(specs), capacity)).toBe(expected);
  });

  it('brings footnotes to the foot of the page of their marker, and moves a line whose note does not fit', () => {
    // separator 4: page 1 would hold a(10) + b(10) + note 8 + separator 4 = 32 > 30, so b goes to
    // page 2, where b + c(5) + 12 = 27 fit
    const list = items({ a: {}, b: { notes: [8] }, c: { h: 5 } });
    const pages = paginate(list, 30, 4);
    expect(pages.map((p) => p.placed.map((x) => named.get(x.item)).join(''))).toEqual(['a', 'bc']);
    expect(pages[1].notes.map((n) => n.height)).toEqual([8]);
    expect(pages[0].notes).toEqual([]);
  });

  it('takes back the notes of items moved by a keep chain', () => {
    const list = items({ a: {}, b: { keep: true, notes: [2] }, c: { h: 15 } });
    const pages = paginate(list, 30, 1);
    expect(pages.map((p) => p.placed.map((x) => named.get(x.item)).join(''))).toEqual(['a', 'bc']);
    expect(pages.map((p) => p.notes.length)).toEqual([0, 1]);
  });

  it('repeats a table header above a row that starts a page', () => {
    const [head] = items({ H: { h: 5 } });
    const list = items({ x: { h: 5 }, r1: {}, r2: {}, r3: {}, r4: {} });
    list[1].repeat = [head];
    list.slice(2).forEach((r) => (r.repeat = [head]));
    const pages = paginate([list[0], head, ...list.slice(1)], 30, 0);
    const names = pages.map((p) => p.placed.map((x) => named.get(x.item)).join(' '));
    // page 1: x(5) H(5) r1 r2 = 30; page 2: H repeated, r3, r4
    expect(names).toEqual(['x H r1 r2', 'H r3 r4']);
    expect(pages[1].placed.map((x) => x.src)).toEqual([-1, 4, 5]);
    expect(pages[1].placed.map((x) => x.top)).toEqual([0, 5, 15]);
  });

  it('never loses, repeats or reorders an item, and keeps each page within its capacity unless one item overflows it (property)', () => {
    const spec = fc.record({ h: fc.integer({ min: 1, max: 40 }), before: fc.integer({ min: 0, max: 6 }), keep: fc.boolean() });
    fc.assert(
      fc.property(fc.array(spec, { minLength: 1, maxLength: 60 }), fc.integer({ min: 30, max: 120 }), (specs, capacity) => {
        const list = specs.map((s): FlowItem => ({ height: s.h, before: s.before, keepWithNext: s.keep, draw: () => undefined }));
        const pages = paginate(list, capacity, 0);
        const order = pages.flatMap((p) => p.placed.map((x) => x.src));
        expect(order).toEqual(list.map((_, i) => i));
        for (const p of pages) {
          const last = p.placed[p.placed.length - 1];
          const used = last.top + last.item.height;
          expect(used <= capacity + 1e-6 || p.placed.length === 1).toBe(true);
          // tops increase by the item heights plus the space before, none at the page top
          expect(p.placed[0].top).toBe(0);
          for (let k = 1; k < p.placed.length; k++) {
            const prev = p.placed[k - 1];
            expect(p.placed[k].top).toBe(prev.top + prev.item.height + p.placed[k].item.before);
          }
        }
      }),
    );
  });

  it('breaks only between items that may be separated when the chain fits on a page (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 2, maxLength: 40 }), (keeps) => {
        // unit heights and a capacity of 5: every chain of at most 5 items can stay together
        const list = keeps.map((k, i): FlowItem => ({ height: 1, before: 0, keepWithNext: k && i < keeps.length - 1, draw: () => undefined }));
        const chains: number[] = [];
        let run = 1;
        list.forEach((it) => {
          if (it.keepWithNext) run++;
          else {
            chains.push(run);
            run = 1;
          }
        });
        fc.pre(Math.max(...chains) <= 5);
        for (const p of paginate(list, 5, 0).slice(0, -1)) {
          const last = p.placed[p.placed.length - 1];
          expect(last.item.keepWithNext ?? false).toBe(false);
        }
      }),
    );
  });
});
