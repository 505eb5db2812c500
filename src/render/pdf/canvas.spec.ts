import { Canvas, num, type GlyphEncoder } from './canvas';
import type { Line, Span } from './line-breaker';

/** One "glyph code" per character: its char code in 4 hex digits, so the stream is readable. */
const enc: GlyphEncoder = {
  hex: (_face, text) => [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join(''),
  resource: (face) => (face === 'bold' ? 'B' : 'R'),
};
const hex = (s: string) => enc.hex('regular', s);

const spans: Span[] = [
  { text: 'ab cd', face: 'regular', size: 10 },
  { text: ' ef', face: 'bold', size: 10 },
];

function line(last: boolean): Line {
  return {
    frags: [
      { span: 0, text: 'ab cd', width: 30, spaces: 1 },
      { span: 1, text: ' ef', width: 20, spaces: 1 },
    ],
    width: 50,
    spaces: 2,
    indent: 0,
    avail: 60,
    last,
  };
}

describe('Canvas', () => {
  it.each([
    [0.1, '0.1'],
    [1 / 3, '0.333'],
    [-0.0001, '0'],
    [595.2756, '595.276'],
  ])('writes %d as %s', (v, s) => expect(num(v)).toBe(s));

  it('justifies with TJ: the free 10 pt over 2 spaces is -500/1000 em after each space at 10 pt', () => {
    const c = new Canvas(enc, 800);
    c.line(line(false), spans, 100, 50, 'justify');
    expect(c.content()).toBe(
      'BT\n100 750 Td\n' +
        `/R 10 Tf\n[<${hex('ab')}${hex(' ')}> -500 <${hex('cd')}>] TJ\n` +
        `/B 10 Tf\n[<${hex('')}${hex(' ')}> -500 <${hex('ef')}>] TJ\nET\n`,
    );
  });

  it('does not stretch the last line of a paragraph', () => {
    const c = new Canvas(enc, 800);
    c.line(line(true), spans, 100, 50, 'justify');
    expect(c.content()).not.toContain('TJ');
    expect(c.content()).toContain(`<${hex('ab cd')}> Tj`);
  });

  it.each([
    ['center', '105'],
    ['right', '110'],
    ['left', '100'],
  ] as const)('aligns %s by the free space (60 - 50 pt)', (align, x) => {
    const c = new Canvas(enc, 800);
    c.line(line(false), spans, 100, 50, align);
    expect(c.content().split('\n')[1]).toBe(`${x} 750 Td`);
  });

  it('sets the font only when it changes', () => {
    const c = new Canvas(enc, 800);
    c.text('regular', 12, 'a', 0, 10);
    c.text('regular', 12, 'b', 0, 20);
    c.text('bold', 12, 'c', 0, 30);
    expect(c.content().match(/Tf/g)).toHaveLength(2);
    expect([...c.faces].sort()).toEqual(['bold', 'regular']);
  });

  it('flips y: a rule 10 pt from the top of an 800 pt page is at y = 790', () => {
    const c = new Canvas(enc, 800);
    c.hline(0, 50, 10, 0.75);
    expect(c.content()).toBe('0.75 w 0 790 m 50 790 l S\n');
  });
});
