import forge from 'node-forge';
import fc from 'fast-check';
import * as der from './der';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const fromHex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));

describe('DER writer (hand-encoded expectations, X.690)', () => {
  it.each([
    ['OID signedData', () => der.oid('1.2.840.113549.1.7.2'), '06092a864886f70d010702'],
    ['OID sha256', () => der.oid('2.16.840.1.101.3.4.2.1'), '0609608648016503040201'],
    ['OID signing-certificate-v2', () => der.oid('1.2.840.113549.1.9.16.2.47'), '060b2a864886f70d010910022f'],
    ['INTEGER 1', () => der.smallInteger(1), '020101'],
    ['INTEGER 0', () => der.smallInteger(0), '020100'],
    ['INTEGER 128 needs a sign byte', () => der.smallInteger(128), '02020080'],
    ['INTEGER 0x1001', () => der.smallInteger(0x1001), '02021001'],
    ['unsigned magnitude with leading zeros', () => der.unsignedInteger(fromHex('0000ff')), '020200ff'],
    ['NULL', () => der.nullValue(), '0500'],
    ['OCTET STRING', () => der.octetString(fromHex('cafe')), '0402cafe'],
    ['UTF8String "Đ"', () => der.utf8String('Đ'), '0c02c490'],
    ['UTCTime', () => der.time(new Date(Date.UTC(2026, 4, 26, 7, 30, 15))), `170d${Buffer.from('260526073015Z').toString('hex')}`],
    ['GeneralizedTime from 2050', () => der.time(new Date(Date.UTC(2050, 0, 1, 0, 0, 0))), `180f${Buffer.from('20500101000000Z').toString('hex')}`],
    ['[0] EXPLICIT', () => der.explicit(0, der.nullValue()), 'a0020500'],
    ['[4] EXPLICIT', () => der.explicit(4, der.nullValue()), 'a4020500'],
    ['SEQUENCE', () => der.sequence(der.smallInteger(1), der.nullValue()), '3005020101' + '0500'],
    ['SET OF sorted by encoding', () => der.setOf([der.smallInteger(2), der.nullValue(), der.smallInteger(1)]), '3108' + '020101' + '020102' + '0500'],
  ])('%s', (_name, make, expected) => {
    expect(hex(make())).toBe(expected);
  });

  it.each([
    [0x7f, '7f'],
    [0x80, '8180'],
    [200, '81c8'],
    [0x1234, '821234'],
    [0x10000, '83010000'],
  ])('length %i is encoded as %s', (n, expected) => {
    expect(hex(der.tlv(0x04, new Uint8Array(n))).slice(2, 2 + expected.length)).toBe(expected);
  });
});

describe('DER reader', () => {
  it('reads nested elements and keeps their raw bytes', () => {
    const seq = fromHex('3008' + '020101' + '0c03' + Buffer.from('Kim').toString('hex'));
    const node = der.read(seq);
    const [a, b] = der.children(node);
    expect([node.tag, a.tag, b.tag]).toEqual([0x30, 0x02, 0x0c]);
    expect(hex(a.raw)).toBe('020101');
    expect(der.readString(b)).toBe('Kim');
  });

  it('accepts BER indefinite lengths', () => {
    const ber = fromHex('3080' + '020101' + '0500' + '0000' + 'ff');
    const node = der.read(ber);
    expect(hex(node.raw)).toBe('3080020101050000' + '00');
    expect(der.children(node).map((c) => c.tag)).toEqual([0x02, 0x05]);
  });

  it.each([
    ['UTF8String', '0c' + '16' + Buffer.from('Nguyễn Đình Huấn').toString('hex'), 'Nguyễn Đình Huấn'],
    ['BMPString', '1e06' + '01b0' + '0063' + '0020', 'ưc '],
    ['PrintableString', '1302' + '564e', 'VN'],
  ])('decodes a %s', (_name, encoded, expected) => {
    expect(der.readString(der.read(fromHex(encoded)))).toBe(expected);
  });

  it.each([
    ['UTCTime 1999', '170d' + Buffer.from('991231235959Z').toString('hex'), Date.UTC(1999, 11, 31, 23, 59, 59)],
    ['UTCTime 2026', '170d' + Buffer.from('260526073015Z').toString('hex'), Date.UTC(2026, 4, 26, 7, 30, 15)],
    ['GeneralizedTime', '180f' + Buffer.from('20500101000000Z').toString('hex'), Date.UTC(2050, 0, 1)],
  ])('reads %s', (_name, encoded, expected) => {
    expect(der.readTime(der.read(fromHex(encoded))).getTime()).toBe(expected);
  });

  it.each([
    ['truncated', '3005020101'],
    ['length beyond the end', '0405cafe'],
    ['empty', ''],
  ])('rejects %s input', (_name, encoded) => {
    expect(() => der.children(der.read(fromHex(encoded)))).toThrow(der.DerError);
  });

  const arcs = (max: bigint) =>
    fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 39 }), fc.array(fc.bigInt({ min: 0n, max: max }), { maxLength: 8 }))
      .map(([a, b, rest]) => [a, b, ...rest].join('.'));

  it('OIDs read back as written, however large the arcs (property)', () => {
    fc.assert(
      fc.property(arcs(2n ** 40n), (dotted) => {
        expect(der.readOid(der.read(der.oid(dotted)))).toBe(dotted);
      }),
    );
  });

  it('OIDs are encoded as node-forge encodes them (property)', () => {
    fc.assert(
      fc.property(arcs(2n ** 31n - 1n), (dotted) => {
        expect(hex(der.oid(dotted)).slice(4)).toBe(Buffer.from(forge.asn1.oidToDer(dotted).getBytes(), 'binary').toString('hex'));
      }),
    );
  });

  it('any content survives tlv → read, whatever its length (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000 }), (content) => {
        const node = der.read(der.tlv(0x04, content));
        expect(Buffer.from(node.content).equals(Buffer.from(content))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('SET OF is independent of the input order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 5 }), { maxLength: 6 }), (items) => {
        const elements = items.map((i) => der.octetString(i));
        expect(hex(der.setOf(elements))).toBe(hex(der.setOf([...elements].reverse())));
      }),
    );
  });
});
