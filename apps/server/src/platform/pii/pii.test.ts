import { createCipheriv, createDecipheriv, createHmac, getCiphers, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createPiiVault,
  defaultPiiAlgorithm,
  isPiiAlgorithmAvailable,
  parsePiiKeys,
  PiiError,
  type PiiAlgorithm,
} from './index.ts';

const k1 = Buffer.alloc(32, 1);
const k2 = Buffer.alloc(32, 2);
const lookupKey = Buffer.alloc(32, 9);

const vault = (over: Partial<Parameters<typeof createPiiVault>[0]> = {}) =>
  createPiiVault({ keys: { k1 }, activeKeyId: 'k1', lookupKey, ...over });

function expectPiiError(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PiiError);
    expect((e as PiiError).code).toBe('PII_DECRYPT_FAILED');
    return;
  }
  throw new Error('expected a PiiError');
}

const parts = (token: string) => token.split('.') as [string, string, string, string];
const body = (token: string) => Buffer.from(parts(token)[3], 'base64url');
const withBody = (token: string, raw: Buffer) =>
  [...parts(token).slice(0, 3), raw.toString('base64url')].join('.');

const algorithms = (['sm4', 'aes256'] as const).filter(isPiiAlgorithmAvailable);

describe('algorithm selection', () => {
  it('prefers SM4 when this OpenSSL has it, else AES-256', () => {
    expect(defaultPiiAlgorithm()).toBe(getCiphers().includes('sm4-cbc') ? 'sm4' : 'aes256');
    expect(parts(vault().encrypt('x'))[2]).toBe(defaultPiiAlgorithm());
  });

  it('AES-256 is always available as the fallback', () => {
    expect(isPiiAlgorithmAvailable('aes256')).toBe(true);
  });
});

describe.each(algorithms)('with %s', (algorithm: PiiAlgorithm) => {
  const v = vault({ algorithm });

  it('round-trips text, including empty, CJK, emoji and long values', () => {
    for (const plain of ['', '13812345678', '张三丰', '𠀀𠀁 emoji 🎉', 'a'.repeat(10_000), 'x\u0000y']) {
      expect(v.decrypt(v.encrypt(plain))).toBe(plain);
    }
  });

  it('writes tokens as pii1.<keyId>.<alg>.<base64url>', () => {
    const token = v.encrypt('13812345678');
    expect(token).toMatch(new RegExp(`^pii1\\.k1\\.${algorithm}\\.[A-Za-z0-9_-]+$`));
    // iv (16) + one block of ciphertext for 11 bytes (16) + mac (32)
    expect(body(token)).toHaveLength(64);
  });

  it('pads ciphertext to whole blocks', () => {
    expect(body(v.encrypt('a'.repeat(15)))).toHaveLength(16 + 16 + 32);
    expect(body(v.encrypt('a'.repeat(16)))).toHaveLength(16 + 32 + 32);
  });

  it('uses a fresh IV per encryption', () => {
    const a = v.encrypt('same');
    const b = v.encrypt('same');
    expect(a).not.toBe(b);
    expect(body(a).subarray(0, 16).equals(body(b).subarray(0, 16))).toBe(false);
    expect(v.decrypt(a)).toBe(v.decrypt(b));
  });

  it('does not contain the plaintext', () => {
    const token = v.encrypt('13812345678');
    expect(token).not.toContain('13812345678');
    expect(body(token).includes(Buffer.from('13812345678'))).toBe(false);
  });

  it('rejects any single flipped bit anywhere in the body', () => {
    const token = v.encrypt('110105194912310021');
    const raw = body(token);
    for (let i = 0; i < raw.length; i++) {
      for (const bit of [0x01, 0x80]) {
        const bad = Buffer.from(raw);
        bad[i]! ^= bit;
        expectPiiError(() => v.decrypt(withBody(token, bad)));
      }
    }
  });

  it('rejects truncated and extended bodies', () => {
    const token = v.encrypt('13812345678');
    const raw = body(token);
    expectPiiError(() => v.decrypt(withBody(token, raw.subarray(0, raw.length - 1))));
    expectPiiError(() => v.decrypt(withBody(token, raw.subarray(0, raw.length - 16))));
    expectPiiError(() => v.decrypt(withBody(token, raw.subarray(0, 48))));
    expectPiiError(() => v.decrypt(withBody(token, Buffer.concat([raw, Buffer.alloc(16)]))));
    expectPiiError(() => v.decrypt(withBody(token, Buffer.alloc(0))));
  });

  it('rejects a token whose key id or algorithm was swapped', () => {
    const ring = createPiiVault({ keys: { k1, k2 }, activeKeyId: 'k1', lookupKey, algorithm });
    const token = ring.encrypt('secret');
    const [ver, , alg, b] = parts(token);
    expectPiiError(() => ring.decrypt([ver, 'k2', alg, b].join('.')));
    const otherAlg = algorithm === 'sm4' ? 'aes256' : 'sm4';
    expectPiiError(() => ring.decrypt([ver, 'k1', otherAlg, b].join('.')));
  });

  it('rejects a token encrypted under the same id but a different key', () => {
    const other = createPiiVault({ keys: { k1: k2 }, activeKeyId: 'k1', lookupKey, algorithm });
    expectPiiError(() => v.decrypt(other.encrypt('secret')));
  });

  // An independent reading of the documented construction, so the format is pinned down, not just self-consistent.
  const suite =
    algorithm === 'sm4'
      ? { cipher: 'sm4-cbc', len: 16, hmac: 'sm3' }
      : { cipher: 'aes-256-cbc', len: 32, hmac: 'sha256' };
  const salt = Buffer.from(`boai-pii:${algorithm}`);
  const encKey = Buffer.from(hkdfSync('sha256', k1, salt, 'boai-pii-enc', suite.len));
  const macKey = Buffer.from(hkdfSync('sha256', k1, salt, 'boai-pii-mac', 32));
  const macOf = (iv: Buffer, ct: Buffer) =>
    createHmac(suite.hmac, macKey)
      .update(Buffer.concat([Buffer.from(`pii1\u0000k1\u0000${algorithm}\u0000`), iv, ct]))
      .digest();
  const forge = (iv: Buffer, ct: Buffer) =>
    `pii1.k1.${algorithm}.${Buffer.concat([iv, ct, macOf(iv, ct)]).toString('base64url')}`;

  it('follows the documented construction: HKDF keys, CBC, encrypt-then-MAC', () => {
    const raw = body(v.encrypt('13812345678'));
    const iv = raw.subarray(0, 16);
    const ct = raw.subarray(16, raw.length - 32);
    expect(raw.subarray(raw.length - 32).equals(macOf(iv, ct))).toBe(true);
    const d = createDecipheriv(suite.cipher, encKey, iv);
    expect(Buffer.concat([d.update(ct), d.final()]).toString('utf8')).toBe('13812345678');
    // And the vault accepts a token built independently the same way.
    const iv2 = randomBytes(16);
    const c = createCipheriv(suite.cipher, encKey, iv2);
    expect(v.decrypt(forge(iv2, Buffer.concat([c.update('外部构造', 'utf8'), c.final()])))).toBe('外部构造');
  });

  it('rejects an authentic ciphertext whose padding is invalid', () => {
    // Only a holder of the MAC key could build this; it checks the decipher failure surfaces as PiiError.
    const iv = randomBytes(16);
    const c = createCipheriv(suite.cipher, encKey, iv);
    c.setAutoPadding(false);
    const ct = Buffer.concat([c.update(Buffer.alloc(16, 0x00)), c.final()]); // last byte 0 is never valid padding
    expectPiiError(() => v.decrypt(forge(iv, ct)));
  });

  it('rejects an authentic ciphertext that is not valid UTF-8', () => {
    const iv = randomBytes(16);
    const c = createCipheriv(suite.cipher, encKey, iv);
    const ct = Buffer.concat([c.update(Buffer.from([0xff, 0xfe, 0x80])), c.final()]);
    expectPiiError(() => v.decrypt(forge(iv, ct)));
  });
});

describe('cross-algorithm', () => {
  it.skipIf(!isPiiAlgorithmAvailable('sm4'))('decrypts AES tokens on an SM4 vault and vice versa', () => {
    const sm4 = vault({ algorithm: 'sm4' });
    const aes = vault({ algorithm: 'aes256' });
    expect(sm4.decrypt(aes.encrypt('a'))).toBe('a');
    expect(aes.decrypt(sm4.encrypt('b'))).toBe('b');
    expect(sm4.needsRotation(aes.encrypt('a'))).toBe(true);
    const moved = sm4.reencrypt(aes.encrypt('c'));
    expect(parts(moved)[2]).toBe('sm4');
    expect(sm4.decrypt(moved)).toBe('c');
  });

  it('derives independent keys per algorithm from one master key', () => {
    const a = vault({ algorithm: 'aes256' }).encrypt('x');
    // Same body relabelled as another algorithm must not verify.
    expectPiiError(() => vault({ algorithm: 'aes256' }).decrypt(a.replace('.aes256.', '.sm4.')));
  });
});

describe('malformed tokens', () => {
  const v = vault();
  const good = v.encrypt('x');
  it.each([
    ['empty', ''],
    ['plain text', '13812345678'],
    ['wrong version', good.replace(/^pii1/, 'pii2')],
    ['missing part', good.split('.').slice(0, 3).join('.')],
    ['extra part', `${good}.x`],
    ['unknown algorithm', good.replace(/\.(sm4|aes256)\./, '.des.')],
    ['unknown key id', good.replace('.k1.', '.k9.')],
    ['invalid key id', good.replace('.k1.', '.k 1.')],
    ['prototype key id', good.replace('.k1.', '.__proto__.')],
    ['standard base64 characters', `${good.slice(0, -2)}+/`],
    ['base64 padding', `${good}==`],
    ['whitespace', ` ${good}`],
  ])('rejects %s', (_, token) => {
    expectPiiError(() => v.decrypt(token));
  });

  it('rejects a non-canonical base64url body', () => {
    // 64 bytes encode to 86 chars with 4 spare bits; setting them gives a string that decodes identically.
    const [a, b, c, d] = parts(good);
    const last = d.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const tweaked = alphabet[alphabet.indexOf(last) | 1]!;
    if (tweaked !== last) expectPiiError(() => v.decrypt([a, b, c, d.slice(0, -1) + tweaked].join('.')));
  });

  it('rejects non-string input', () => {
    expectPiiError(() => v.decrypt(undefined as unknown as string));
    expectPiiError(() => v.decrypt(42 as unknown as string));
  });

  it('gives a Chinese message', () => {
    expect(() => v.decrypt('nope')).toThrow('个人信息解密失败');
  });

  it('needsRotation also rejects malformed tokens', () => {
    expectPiiError(() => v.needsRotation('nope'));
  });
});

describe('key rotation', () => {
  it('walks through add key → activate → re-encrypt → retire old key', () => {
    const old = createPiiVault({ keys: { k1 }, activeKeyId: 'k1', lookupKey });
    const stored = old.encrypt('13812345678');

    // Step 1: add k2 but keep k1 active — nothing needs rotating yet.
    const added = createPiiVault({ keys: { k1, k2 }, activeKeyId: 'k1', lookupKey });
    expect(added.needsRotation(stored)).toBe(false);
    expect(added.reencrypt(stored)).toBe(stored);

    // Step 2: make k2 active; old rows still decrypt and are flagged.
    const rotated = createPiiVault({ keys: { k1, k2 }, activeKeyId: 'k2', lookupKey });
    expect(rotated.decrypt(stored)).toBe('13812345678');
    expect(rotated.needsRotation(stored)).toBe(true);
    const fresh = rotated.encrypt('new');
    expect(parts(fresh)[1]).toBe('k2');
    expect(rotated.needsRotation(fresh)).toBe(false);

    // Step 3: re-encrypt old rows.
    const moved = rotated.reencrypt(stored);
    expect(parts(moved)[1]).toBe('k2');
    expect(rotated.needsRotation(moved)).toBe(false);
    expect(rotated.decrypt(moved)).toBe('13812345678');
    // Re-encrypting a current token is a no-op, so a rotation job can skip unchanged rows.
    expect(rotated.reencrypt(moved)).toBe(moved);

    // Step 4: retire k1; re-encrypted rows still work, stragglers fail loudly.
    const retired = createPiiVault({ keys: { k2 }, activeKeyId: 'k2', lookupKey });
    expect(retired.decrypt(moved)).toBe('13812345678');
    expectPiiError(() => retired.decrypt(stored));
    expectPiiError(() => retired.reencrypt(stored));
  });

  it('reencrypt refuses tampered tokens instead of laundering them', () => {
    const rotated = createPiiVault({ keys: { k1, k2 }, activeKeyId: 'k2', lookupKey });
    const stored = createPiiVault({ keys: { k1 }, activeKeyId: 'k1', lookupKey }).encrypt('x');
    const raw = body(stored);
    raw[20]! ^= 1;
    expectPiiError(() => rotated.reencrypt(withBody(stored, raw)));
  });

  it('lookup hashes do not change when encryption keys rotate', () => {
    const before = createPiiVault({ keys: { k1 }, activeKeyId: 'k1', lookupKey });
    const after = createPiiVault({ keys: { k2 }, activeKeyId: 'k2', lookupKey });
    expect(after.lookupHash('mobile', '13812345678')).toBe(before.lookupHash('mobile', '13812345678'));
  });
});

describe('lookupHash', () => {
  const v = vault();

  it('is HMAC-SHA256(lookupKey, kind NUL value) in hex', () => {
    const expected = createHmac('sha256', lookupKey).update('mobile\u000013812345678').digest('hex');
    expect(v.lookupHash('mobile', '13812345678')).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is deterministic', () => {
    expect(v.lookupHash('mobile', '13812345678')).toBe(vault().lookupHash('mobile', '13812345678'));
  });

  it('separates kinds and values', () => {
    const h = v.lookupHash('mobile', '13812345678');
    expect(v.lookupHash('idcard', '13812345678')).not.toBe(h);
    expect(v.lookupHash('mobile', '13812345679')).not.toBe(h);
    // The separator stops 'ab'+'c' colliding with 'a'+'bc'.
    expect(v.lookupHash('ab', 'c')).not.toBe(v.lookupHash('a', 'bc'));
  });

  it('depends on the lookup key', () => {
    expect(vault({ lookupKey: Buffer.alloc(32, 8) }).lookupHash('mobile', '1')).not.toBe(
      v.lookupHash('mobile', '1'),
    );
  });

  it('rejects kinds that would make the encoding ambiguous', () => {
    expect(() => v.lookupHash('', 'x')).toThrow();
    expect(() => v.lookupHash('a\u0000b', 'x')).toThrow();
  });

  it('hashes empty and unicode values', () => {
    expect(v.lookupHash('name', '')).toMatch(/^[0-9a-f]{64}$/);
    expect(v.lookupHash('name', '张三')).not.toBe(v.lookupHash('name', '张四'));
  });
});

describe('createPiiVault configuration', () => {
  it('rejects an active key id missing from the ring', () => {
    expect(() => createPiiVault({ keys: { k1 }, activeKeyId: 'k2', lookupKey })).toThrow(/k2/);
  });

  it('rejects an empty ring', () => {
    expect(() => createPiiVault({ keys: {}, activeKeyId: 'k1', lookupKey })).toThrow();
  });

  it('rejects master keys of the wrong length', () => {
    expect(() => createPiiVault({ keys: { k1: Buffer.alloc(16) }, activeKeyId: 'k1', lookupKey })).toThrow(
      /32/,
    );
    expect(() => createPiiVault({ keys: { k1: Buffer.alloc(33) }, activeKeyId: 'k1', lookupKey })).toThrow(
      /32/,
    );
  });

  it('rejects a lookup key of the wrong length', () => {
    expect(() => vault({ lookupKey: Buffer.alloc(31) })).toThrow();
  });

  it('rejects key ids that cannot be carried in a token', () => {
    expect(() => createPiiVault({ keys: { 'k.1': k1 }, activeKeyId: 'k.1', lookupKey })).toThrow();
    expect(() => createPiiVault({ keys: { '': k1 }, activeKeyId: '', lookupKey })).toThrow();
  });

  it('copies keys so later mutation of the caller’s buffers has no effect', () => {
    const master = Buffer.from(k1);
    const v = createPiiVault({ keys: { k1: master }, activeKeyId: 'k1', lookupKey });
    const token = v.encrypt('x');
    master.fill(0);
    expect(v.decrypt(token)).toBe('x');
  });
});

describe('parsePiiKeys', () => {
  const b64 = (b: Buffer) => b.toString('base64');

  it('parses a single key', () => {
    const keys = parsePiiKeys(`k1:${b64(k1)}`);
    expect(Object.keys(keys)).toEqual(['k1']);
    expect(keys.k1!.equals(k1)).toBe(true);
  });

  it('parses several keys, tolerating spaces and a trailing comma', () => {
    const keys = parsePiiKeys(` k1 : ${b64(k1)} , k2:${b64(k2)},`);
    expect(Object.keys(keys)).toEqual(['k1', 'k2']);
    expect(keys.k2!.equals(k2)).toBe(true);
  });

  it('accepts URL-safe base64', () => {
    const key = randomBytes(32);
    expect(parsePiiKeys(`k1:${key.toString('base64url')}`).k1!.equals(key)).toBe(true);
  });

  it('feeds createPiiVault', () => {
    const v = createPiiVault({
      keys: parsePiiKeys(`dev1:${b64(randomBytes(32))}`),
      activeKeyId: 'dev1',
      lookupKey,
    });
    expect(v.decrypt(v.encrypt('ok'))).toBe('ok');
  });

  it('reports wrong lengths with the key id and the actual length', () => {
    expect(() => parsePiiKeys(`k1:${b64(Buffer.alloc(16))}`)).toThrow(/"k1".*32.*16/);
    expect(() => parsePiiKeys(`k1:${b64(k1)},k2:${b64(Buffer.alloc(48))}`)).toThrow(/"k2".*48/);
  });

  it('never echoes key material in errors', () => {
    const short = b64(Buffer.alloc(16, 7));
    try {
      parsePiiKeys(`k1:${short}`);
    } catch (e) {
      expect((e as Error).message).not.toContain(short);
    }
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['no colon', b64(k1)],
    ['empty id', `:${b64(k1)}`],
    ['empty key', 'k1:'],
    ['bad id', `k.1:${b64(k1)}`],
    ['not base64', 'k1:!!!not-base64!!!'],
    ['duplicate id', `k1:${b64(k1)},k1:${b64(k2)}`],
    ['empty entry in the middle', `k1:${b64(k1)},,k2:${b64(k2)}`],
  ])('rejects %s', (_, spec) => {
    expect(() => parsePiiKeys(spec)).toThrow();
  });

  it('keeps an id like __proto__ as plain data', () => {
    const keys = parsePiiKeys(`__proto__:${b64(k1)}`);
    expect(Object.hasOwn(keys, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(keys)).toBe(Object.prototype);
  });
});
