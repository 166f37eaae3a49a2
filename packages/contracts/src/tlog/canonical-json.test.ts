import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromHex, toBase64, toHex, TlogFormatError } from './bytes.ts';
import { canonicalJson, entryBytes } from './canonical-json.ts';

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code units, drops undefined properties, keeps array order, no whitespace', () => {
    const value = {
      z: 1,
      a: [3, 1, { y: null, b: true }],
      é: '票',
      A: false,
      '\u{1F600}': 1,
      '\uFB33': 2,
      skip: undefined,
    };
    // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FB33 by code units (not by code points).
    expect(canonicalJson(value)).toBe(
      '{"A":false,"a":[3,1,{"b":true,"y":null}],"z":1,"é":"票","\u{1F600}":1,"\uFB33":2}',
    );
  });

  it('escapes strings as JSON does, lone surrogates included', () => {
    expect(canonicalJson({ s: 'a"b\\c\n\u0001\u2028 爱心人士' })).toBe(
      '{"s":"a\\"b\\\\c\\n\\u0001\u2028 爱心人士"}',
    );
    expect(canonicalJson('\uD800')).toBe('"\\ud800"');
  });

  it.each([
    ['a float', { amountFen: 12.5 }],
    ['NaN', [Number.NaN]],
    ['Infinity', Infinity],
    ['an unsafe integer', 2 ** 53],
    ['a bigint', 1n],
    ['a Date', { at: new Date(0) }],
    ['undefined in an array', [undefined]],
    ['a hole in an array', [1, , 2]], // eslint-disable-line no-sparse-arrays
    ['a function', { f: () => 1 }],
    ['a Map', new Map()],
  ])('refuses %s', (_, value) => {
    expect(() => canonicalJson(value)).toThrow(TlogFormatError);
  });

  it('is what JSON.parse reads back, and a fixed point', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.maxSafeInteger(),
        fc.string({ unit: 'grapheme' }),
        fc.array(tie('value')),
        fc.dictionary(fc.string({ unit: 'grapheme' }), tie('value')),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('entry bytes are the UTF-8 of the text', () => {
    expect(toHex(entryBytes('{"a":"票"}'))).toBe('7b2261223a22e7a5a8227d');
  });
});

describe('base64 and hex', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
        expect(fromHex(toHex(bytes))).toEqual(bytes);
        expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });

  it.each(['YQ', 'YR==', 'YQ=a', 'Y Q==', 'YQ==\n', '====', 'YQ==YQ=='])(
    'refuses non-canonical base64 %j',
    (text) => {
      expect(() => fromBase64(text)).toThrow(TlogFormatError);
    },
  );
});
