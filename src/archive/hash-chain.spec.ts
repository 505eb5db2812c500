import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson, chainHash, GENESIS_HASH, type ChainLink, type JsonValue, verifyChain } from './hash-chain';

const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** Builds a chain with a hand-written canonical form, independent of canonicalJson. */
function handChain(titles: string[]): ChainLink[] {
  const links: ChainLink[] = [];
  let prev = GENESIS_HASH;
  titles.forEach((t, i) => {
    const entryHash = sha(`{"prev":"${prev}","record":{"n":${i + 1},"title":"${t}"}}`);
    links.push({ seq: i + 1, record: { title: t, n: i + 1 }, prevHash: prev, entryHash });
    prev = entryHash;
  });
  return links;
}

describe('canonicalJson', () => {
  it.each([
    [null, 'null'],
    [true, 'true'],
    [0, '0'],
    [-12, '-12'],
    ['a"b', '"a\\"b"'],
    [[1, 'x', null], '[1,"x",null]'],
    [{ b: 1, a: [2, { d: 'y', c: false }] }, '{"a":[2,{"c":false,"d":"y"}],"b":1}'],
    // NFD "ư" + combining hook above, written NFC
    [{ t: 'u\u031b\u0309' }, '{"t":"ử"}'],
  ] as [JsonValue, string][])('%j → %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it.each([[1.5], [Number.NaN], [2 ** 60]])('refuses the non-integer or unsafe number %p', (n) => {
    expect(() => canonicalJson({ n })).toThrow(TypeError);
  });

  it('refuses undefined', () => {
    expect(() => canonicalJson({ a: undefined } as unknown as JsonValue)).toThrow(/undefined/);
  });

  it('is independent of key order and reads back as the same value', () => {
    const json = fc.letrec<{ v: JsonValue }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.integer(),
        fc.string(),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    const property = fc.property(json, (v) => {
        const text = canonicalJson(v);
        const reversed = JSON.parse(JSON.stringify(v), (_k, val: unknown) =>
          val && typeof val === 'object' && !Array.isArray(val)
            ? Object.fromEntries(Object.entries(val as Record<string, unknown>).reverse())
            : val,
        ) as JsonValue;
      return canonicalJson(reversed) === text && canonicalJson(JSON.parse(text) as JsonValue) === text;
    });
    expect(() => fc.assert(property)).not.toThrow();
  });
});

describe('chain', () => {
  it('hashes {prev, record} in canonical form', () => {
    expect(chainHash({ title: 'Kế hoạch', n: 1 }, GENESIS_HASH)).toBe(
      sha(`{"prev":"${GENESIS_HASH}","record":{"n":1,"title":"Kế hoạch"}}`),
    );
  });

  it('finds nothing wrong in an intact chain and its head', () => {
    const links = handChain(['a', 'b', 'c']);
    expect(verifyChain(links, { count: 3, hash: links[2].entryHash })).toEqual([]);
    expect(verifyChain([], { count: 0, hash: GENESIS_HASH })).toEqual([]);
  });

  it('names a changed entry', () => {
    const links = handChain(['a', 'b', 'c']);
    links[1] = { ...links[1], record: { title: 'B', n: 2 } };
    expect(verifyChain(links).map((p) => [p.code, p.seq])).toEqual([['entry_tampered', 2]]);
  });

  it('names the entry after one whose content and hash were both rewritten', () => {
    const links = handChain(['a', 'b', 'c']);
    const record = { title: 'B', n: 2 };
    links[1] = { ...links[1], record, entryHash: chainHash(record, links[1].prevHash) };
    expect(verifyChain(links).map((p) => [p.code, p.seq])).toEqual([['chain_broken', 3]]);
  });

  it('names a removed entry in the middle', () => {
    const links = handChain(['a', 'b', 'c']);
    expect(verifyChain([links[0], links[2]]).map((p) => [p.code, p.seq])).toEqual([
      ['sequence_gap', 3],
      ['chain_broken', 3],
    ]);
  });

  it('catches a removed last entry only with the head', () => {
    const links = handChain(['a', 'b', 'c']);
    const head = { count: 3, hash: links[2].entryHash };
    expect(verifyChain(links.slice(0, 2))).toEqual([]);
    expect(verifyChain(links.slice(0, 2), head).map((p) => [p.code, p.seq])).toEqual([['head_mismatch', 2]]);
  });

  it('catches a duplicated sequence number', () => {
    const links = handChain(['a', 'b']);
    expect(verifyChain([links[0], links[1], links[1]]).map((p) => p.code)).toEqual(['sequence_gap', 'chain_broken']);
  });
});
