import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  getCiphers,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Encryption at rest for personal data (mobile numbers, ID numbers, TOTP secrets…).
 *
 * Token: `pii1.<keyId>.<alg>.<base64url(iv | ciphertext | mac)>`
 *  - SM4-CBC + HMAC-SM3 (encrypt-then-MAC) by default: the 商用密码 algorithms regulators expect;
 *  - AES-256-CBC + HMAC-SHA256 when this Node's OpenSSL lacks SM4 (some builds drop it). The algorithm is
 *    written into every token so a row stays decryptable whichever build wrote it.
 * Each key id carries one 32-byte master key; the cipher and MAC keys are derived from it with HKDF so the
 * same bytes are never used for two purposes.
 */

export type PiiAlgorithm = 'sm4' | 'aes256';

interface Suite {
  cipher: string;
  encKeyLength: number;
  hmac: string;
}

const SUITES: Record<PiiAlgorithm, Suite> = {
  sm4: { cipher: 'sm4-cbc', encKeyLength: 16, hmac: 'sm3' },
  aes256: { cipher: 'aes-256-cbc', encKeyLength: 32, hmac: 'sha256' },
};

const VERSION = 'pii1';
const IV_LENGTH = 16; // both ciphers have 16-byte blocks
const BLOCK = 16;
const MAC_LENGTH = 32; // SM3 and SHA-256 both produce 32 bytes
const MASTER_KEY_LENGTH = 32;
// Key ids travel inside tokens, which are '.'-separated, and inside the MAC input, which is NUL-separated.
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

export class PiiError extends Error {
  readonly code = 'PII_DECRYPT_FAILED' as const;
  constructor(message = '个人信息解密失败') {
    super(message);
    this.name = 'PiiError';
  }
}

export interface PiiVault {
  /** Encrypts with the active key; every call uses a fresh IV, so equal inputs give different tokens. */
  encrypt(plain: string): string;
  /** Decrypts a token written with any key in the ring; throws PiiError for anything not intact. */
  decrypt(token: string): string;
  /** True when the token was written with a key or algorithm other than the current ones. */
  needsRotation(token: string): boolean;
  /** Re-encrypts a token under the active key (returned unchanged, after verification, if already current). */
  reencrypt(token: string): string;
  /** Deterministic keyed hash of a normalised value, for exact-match lookup of encrypted columns. */
  lookupHash(kind: string, normalisedValue: string): string;
}

export interface PiiVaultConfig {
  keys: Record<string, Buffer>;
  activeKeyId: string;
  lookupKey: Buffer;
  /** Forces an algorithm for new tokens (tests, or pinning AES across a mixed fleet); default: SM4 if available. */
  algorithm?: PiiAlgorithm;
}

/** Whether this Node's OpenSSL offers the algorithm's cipher (SM4 may be compiled out). */
export function isPiiAlgorithmAvailable(alg: PiiAlgorithm): boolean {
  return getCiphers().includes(SUITES[alg].cipher);
}

export function defaultPiiAlgorithm(): PiiAlgorithm {
  return isPiiAlgorithmAvailable('sm4') ? 'sm4' : 'aes256';
}

const isAlgorithm = (s: string): s is PiiAlgorithm => Object.hasOwn(SUITES, s);

interface DerivedKeys {
  enc: Buffer;
  mac: Buffer;
}

function derive(master: Buffer, alg: PiiAlgorithm): DerivedKeys {
  const suite = SUITES[alg];
  // The algorithm name is the HKDF salt so SM4 and AES keys from one master key are independent,
  // rather than one being a prefix of the other.
  const salt = Buffer.from(`boai-pii:${alg}`);
  return {
    enc: Buffer.from(hkdfSync('sha256', master, salt, 'boai-pii-enc', suite.encKeyLength)),
    mac: Buffer.from(hkdfSync('sha256', master, salt, 'boai-pii-mac', 32)),
  };
}

/** What the MAC covers: version, key id and algorithm (so none can be swapped), then IV and ciphertext. */
function macInput(keyId: string, alg: PiiAlgorithm, iv: Buffer, ct: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${VERSION}\u0000${keyId}\u0000${alg}\u0000`), iv, ct]);
}

function checkMasterKey(keyId: string, key: unknown): Buffer {
  if (!KEY_ID.test(keyId))
    throw new Error(`PII 密钥编号 "${keyId}" 无效：只能包含字母、数字、_ 和 -，最长 32 个字符`);
  if (!Buffer.isBuffer(key)) throw new Error(`PII 密钥 "${keyId}" 必须是 Buffer`);
  if (key.length !== MASTER_KEY_LENGTH) {
    throw new Error(`PII 密钥 "${keyId}" 长度应为 ${MASTER_KEY_LENGTH} 字节，实际为 ${key.length} 字节`);
  }
  return key;
}

interface ParsedToken {
  keyId: string;
  alg: PiiAlgorithm;
  iv: Buffer;
  ct: Buffer;
  mac: Buffer;
}

/** Structural parse only — no key needed, nothing authenticated yet. */
function parseToken(token: unknown): ParsedToken {
  if (typeof token !== 'string') throw new PiiError();
  const parts = token.split('.');
  if (parts.length !== 4) throw new PiiError();
  const [version, keyId, alg, body] = parts as [string, string, string, string];
  if (version !== VERSION || !KEY_ID.test(keyId) || !isAlgorithm(alg) || !BASE64URL.test(body))
    throw new PiiError();
  const raw = Buffer.from(body, 'base64url');
  // Reject non-canonical encodings (stray trailing bits) so one ciphertext has exactly one token spelling.
  if (raw.toString('base64url') !== body) throw new PiiError();
  const ctLength = raw.length - IV_LENGTH - MAC_LENGTH;
  if (ctLength < BLOCK || ctLength % BLOCK !== 0) throw new PiiError();
  return {
    keyId,
    alg,
    iv: raw.subarray(0, IV_LENGTH),
    ct: raw.subarray(IV_LENGTH, IV_LENGTH + ctLength),
    mac: raw.subarray(IV_LENGTH + ctLength),
  };
}

export function createPiiVault(config: PiiVaultConfig): PiiVault {
  const algorithm = config.algorithm ?? defaultPiiAlgorithm();
  if (!isPiiAlgorithmAvailable(algorithm)) throw new Error(`当前 Node.js 不支持 PII 加密算法 ${algorithm}`);

  // A Map, not the config object, so key ids like "__proto__" or "toString" cannot reach Object.prototype.
  const masters = new Map<string, Buffer>();
  for (const [keyId, key] of Object.entries(config.keys))
    masters.set(keyId, Buffer.from(checkMasterKey(keyId, key)));
  if (masters.size === 0) throw new Error('未配置 PII 密钥');
  if (!masters.has(config.activeKeyId))
    throw new Error(`当前 PII 密钥 "${config.activeKeyId}" 不在密钥列表中`);
  const activeKeyId = config.activeKeyId;

  if (!Buffer.isBuffer(config.lookupKey) || config.lookupKey.length !== MASTER_KEY_LENGTH) {
    throw new Error(`PII 查询哈希密钥长度应为 ${MASTER_KEY_LENGTH} 字节`);
  }
  // The lookup key is deliberately separate from the encryption ring and never rotated with it: the hash
  // columns (e.g. users.mobile_hash) are what exact-match searches compare against, so changing this key
  // means recomputing every hash column from decrypted values in one coordinated migration. Rotating the
  // encryption keys, by contrast, can proceed row by row because old keys stay in the ring.
  const lookupKey = Buffer.from(config.lookupKey);

  const derived = new Map<string, DerivedKeys>();
  const keysFor = (keyId: string, alg: PiiAlgorithm): DerivedKeys => {
    const cacheKey = `${keyId}\u0000${alg}`;
    let k = derived.get(cacheKey);
    if (!k) {
      const master = masters.get(keyId);
      if (!master) throw new PiiError();
      k = derive(master, alg);
      derived.set(cacheKey, k);
    }
    return k;
  };

  function encrypt(plain: string): string {
    if (typeof plain !== 'string') throw new TypeError('只能加密字符串');
    const suite = SUITES[algorithm];
    const { enc, mac } = keysFor(activeKeyId, algorithm);
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv(suite.cipher, enc, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const tag = createHmac(suite.hmac, mac)
      .update(macInput(activeKeyId, algorithm, iv, ct))
      .digest();
    return `${VERSION}.${activeKeyId}.${algorithm}.${Buffer.concat([iv, ct, tag]).toString('base64url')}`;
  }

  function decrypt(token: string): string {
    const t = parseToken(token);
    if (!masters.has(t.keyId) || !isPiiAlgorithmAvailable(t.alg)) throw new PiiError();
    const suite = SUITES[t.alg];
    const { enc, mac } = keysFor(t.keyId, t.alg);
    const expected = createHmac(suite.hmac, mac)
      .update(macInput(t.keyId, t.alg, t.iv, t.ct))
      .digest();
    // Constant-time comparison, and the MAC is checked before any decryption (no padding oracle).
    if (expected.length !== t.mac.length || !timingSafeEqual(expected, t.mac)) throw new PiiError();
    let plain: Buffer;
    try {
      const decipher = createDecipheriv(suite.cipher, enc, t.iv);
      plain = Buffer.concat([decipher.update(t.ct), decipher.final()]);
    } catch {
      throw new PiiError();
    }
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(plain);
    } catch {
      throw new PiiError();
    }
  }

  function needsRotation(token: string): boolean {
    const t = parseToken(token);
    return t.keyId !== activeKeyId || t.alg !== algorithm;
  }

  function reencrypt(token: string): string {
    const plain = decrypt(token);
    // Keeping a current token as-is lets a rotation job skip rows it has already rewritten.
    return needsRotation(token) ? encrypt(plain) : token;
  }

  function lookupHash(kind: string, normalisedValue: string): string {
    // NUL separates kind from value; a kind containing NUL could collide with another kind/value pair.
    if (typeof kind !== 'string' || kind.length === 0 || kind.includes('\u0000')) {
      throw new TypeError('查询哈希的类型名无效');
    }
    if (typeof normalisedValue !== 'string') throw new TypeError('查询哈希的值必须是字符串');
    return createHmac('sha256', lookupKey).update(`${kind}\u0000${normalisedValue}`, 'utf8').digest('hex');
  }

  return { encrypt, decrypt, needsRotation, reencrypt, lookupHash };
}

/**
 * Parses an env-var key list, `k1:<base64 32 bytes>,k2:<base64 32 bytes>`, into a key ring.
 * Errors name the offending key id but never echo key material.
 */
export function parsePiiKeys(spec: string): Record<string, Buffer> {
  if (typeof spec !== 'string' || spec.trim() === '')
    throw new Error('PII 密钥配置为空，应为 "编号:base64密钥,…"');
  const entries: [string, Buffer][] = [];
  const seen = new Set<string>();
  const parts = spec.split(',').map((p) => p.trim());
  for (const [i, part] of parts.entries()) {
    // Tolerate a trailing comma, which is easy to leave behind when editing the list.
    if (part === '' && i === parts.length - 1 && i > 0) continue;
    const colon = part.indexOf(':');
    if (colon <= 0) throw new Error(`PII 密钥配置第 ${i + 1} 项格式不正确，应为 "编号:base64密钥"`);
    const keyId = part.slice(0, colon).trim();
    const b64 = part.slice(colon + 1).trim();
    if (!KEY_ID.test(keyId))
      throw new Error(`PII 密钥编号 "${keyId}" 无效：只能包含字母、数字、_ 和 -，最长 32 个字符`);
    if (seen.has(keyId)) throw new Error(`PII 密钥编号 "${keyId}" 重复`);
    seen.add(keyId);
    // Standard or URL-safe base64; Buffer.from silently skips bad characters, so check the alphabet first.
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(b64)) throw new Error(`PII 密钥 "${keyId}" 不是有效的 base64`);
    const key = Buffer.from(b64.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length !== MASTER_KEY_LENGTH) {
      throw new Error(`PII 密钥 "${keyId}" 长度应为 ${MASTER_KEY_LENGTH} 字节，实际为 ${key.length} 字节`);
    }
    entries.push([keyId, key]);
  }
  // fromEntries defines own properties, so even an id like "__proto__" lands as data, not a prototype.
  return Object.fromEntries(entries);
}

/**
 * Key rotation for one row: the row's encrypted fields re-encrypted under the active key, or `null`
 * when none needed it (so a rotation job writes only rows that change and can simply be run again).
 */
export function rotateFields<T extends Record<string, string | null>>(pii: PiiVault, fields: T): T | null {
  let changed = false;
  const out: Record<string, string | null> = {};
  for (const [k, token] of Object.entries(fields)) {
    const rotate = token !== null && pii.needsRotation(token);
    out[k] = rotate ? pii.reencrypt(token) : token;
    changed ||= rotate;
  }
  return changed ? (out as T) : null;
}
