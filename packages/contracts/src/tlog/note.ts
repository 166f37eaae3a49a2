import { ed25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  concatBytes,
  equalBytes,
  fromBase64,
  fromHex,
  TlogFormatError,
  toBase64,
  toHex,
  utf8,
} from './bytes.ts';
import { HASH_SIZE } from './merkle.ts';

/**
 * C2SP signed-note (Ed25519, key type 0x01), tlog-checkpoint bodies and tlog-cosignature/v1
 * (key type 0x04) — the text formats Go's sumdb/note and the transparency-dev witnesses read, so a
 * checkpoint of ours can be checked with their tools as well as with this file.
 */

export const KEY_TYPE_ED25519 = 0x01;
export const KEY_TYPE_COSIGNATURE_V1 = 0x04;
export type KeyType = typeof KEY_TYPE_ED25519 | typeof KEY_TYPE_COSIGNATURE_V1;

/** A signing key: `privateKey` is the 32-byte Ed25519 seed (RFC 8032 secret key). */
export interface NoteSigner {
  name: string;
  privateKey: Uint8Array;
}

export interface VerifierKey {
  name: string;
  type: KeyType;
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

export interface VerifiedSignature {
  name: string;
  /** Key id as 8 hex digits, as written in the verifier key. */
  keyId: string;
  type: KeyType;
  /** Unix seconds the witness says it co-signed at (cosignatures only). */
  time?: number;
}

export interface OpenedNote {
  /** The signed text, ending in a newline. */
  body: string;
  verified: VerifiedSignature[];
  /** Signature lines by keys not in the list given (other witnesses, retired keys). */
  unknown: number;
}

/** Why a note was refused: its shape, or a signature by a key we know that does not verify. */
export class TlogNoteError extends Error {
  readonly code = 'TLOG_NOTE' as const;
  constructor(
    readonly reason: 'malformed' | 'bad-signature',
    message: string,
  ) {
    super(message);
    this.name = 'TlogNoteError';
  }
}

const SIG_PREFIX = '— ';
const MAX_SIGNATURES = 100;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text that UTF-8 can carry unchanged (String.prototype.isWellFormed is ES2024, beyond our target). */
function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Control characters other than newline could hide text from a reader; signed notes forbid them. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x0a) return true;
  }
  return false;
}

/** A key name: non-empty, no '+', no whitespace (the verifier key and signature line formats split on those). */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !name.includes('+') && !/[\s\p{Cc}]/u.test(name) && isWellFormed(name);
}

/** First 4 bytes of SHA-256(name ‖ "\n" ‖ type ‖ public key). */
export function keyId(name: string, publicKey: Uint8Array, type: KeyType = KEY_TYPE_ED25519): Uint8Array {
  return sha256(concatBytes(utf8(name), utf8('\n'), new Uint8Array([type]), publicKey)).slice(0, 4);
}

export function publicKeyOf(privateKey: Uint8Array): Uint8Array {
  return ed25519.getPublicKey(privateKey);
}

/** The Ed25519 seed of one named key from the deployment's ledger secret (HKDF-SHA256, salt "boai-ledger"). */
export function deriveSeed(secret: Uint8Array, keyName: string): Uint8Array {
  return hkdf(sha256, secret, utf8('boai-ledger'), utf8(keyName), 32);
}

/** `name+hex8(keyid)+base64(type ‖ public key)`. */
export function formatVerifierKey(
  name: string,
  publicKey: Uint8Array,
  type: KeyType = KEY_TYPE_ED25519,
): string {
  if (!isValidKeyName(name)) throw new TlogFormatError(`密钥名称不合法：${name}`);
  if (publicKey.length !== 32) throw new TlogFormatError('Ed25519 公钥应为 32 字节');
  return `${name}+${toHex(keyId(name, publicKey, type))}+${toBase64(concatBytes(new Uint8Array([type]), publicKey))}`;
}

/** The verifier key of a signer, as published. */
export function verifierKeyOf(signer: NoteSigner, type: KeyType = KEY_TYPE_ED25519): string {
  return formatVerifierKey(signer.name, publicKeyOf(signer.privateKey), type);
}

export function parseVerifierKey(text: string): VerifierKey {
  const first = text.indexOf('+');
  const name = text.slice(0, first);
  const hex = text.slice(first + 1, first + 9);
  const rest = text.slice(first + 9);
  if (first < 0 || !isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(hex) || !rest.startsWith('+')) {
    throw new TlogFormatError('验证公钥格式不正确');
  }
  const raw = fromBase64(rest.slice(1));
  const type = raw[0];
  if (raw.length !== 33 || (type !== KEY_TYPE_ED25519 && type !== KEY_TYPE_COSIGNATURE_V1)) {
    throw new TlogFormatError('验证公钥不是 Ed25519 签名或见证公钥');
  }
  const publicKey = raw.slice(1);
  const id = keyId(name, publicKey, type);
  if (!equalBytes(id, fromHex(hex))) throw new TlogFormatError('验证公钥的密钥 ID 与公钥不符');
  return { name, type, keyId: id, publicKey };
}

function toKey(key: string | VerifierKey): VerifierKey {
  return typeof key === 'string' ? parseVerifierKey(key) : key;
}

function checkBody(body: string): void {
  if (body.length === 0 || !body.endsWith('\n')) throw new TlogFormatError('签名文本须以换行结尾');
  if (hasControl(body) || !isWellFormed(body)) {
    throw new TlogFormatError('签名文本含有控制字符或非法字符');
  }
}

function line(name: string, payload: Uint8Array): string {
  return `${SIG_PREFIX}${name} ${toBase64(payload)}\n`;
}

/** One Ed25519 signature line over `body`. */
export function signatureLine(body: string, signer: NoteSigner): string {
  checkBody(body);
  if (!isValidKeyName(signer.name)) throw new TlogFormatError(`密钥名称不合法：${signer.name}`);
  const id = keyId(signer.name, publicKeyOf(signer.privateKey));
  return line(signer.name, concatBytes(id, ed25519.sign(utf8(body), signer.privateKey)));
}

/** body + "\n" + one signature line per signer (two during a key rotation). */
export function signNote(body: string, signers: NoteSigner | readonly NoteSigner[]): string {
  const list = Array.isArray(signers) ? signers : [signers as NoteSigner];
  if (list.length === 0) throw new TlogFormatError('至少需要一个签名密钥');
  return `${body}\n${list.map((s) => signatureLine(body, s)).join('')}`;
}

/** Appends a signature line (e.g. a witness's cosignature) to a signed note. */
export function addSignature(note: string, signatureLineText: string): string {
  if (!note.includes('\n\n') || !note.endsWith('\n')) throw new TlogFormatError('签名笔记格式不正确');
  if (!signatureLineText.startsWith(SIG_PREFIX) || !signatureLineText.endsWith('\n')) {
    throw new TlogFormatError('签名行格式不正确');
  }
  const inner = signatureLineText.slice(0, -1);
  if (inner.includes('\n')) throw new TlogFormatError('签名行只能有一行');
  return note + signatureLineText;
}

function cosignedMessage(body: string, time: number): Uint8Array {
  return utf8(`cosignature/v1\ntime ${time}\n${body}`);
}

function uint64(n: number): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n));
  return out;
}

/** A witness's cosignature/v1 line: payload keyid(4) ‖ time uint64 BE ‖ Ed25519 signature(64). */
export function cosign(body: string, witness: NoteSigner, time: number): string {
  checkBody(body);
  if (!Number.isSafeInteger(time) || time < 0) throw new TlogFormatError('见证时间应为非负整数秒');
  if (!isValidKeyName(witness.name)) throw new TlogFormatError(`密钥名称不合法：${witness.name}`);
  const id = keyId(witness.name, publicKeyOf(witness.privateKey), KEY_TYPE_COSIGNATURE_V1);
  const sig = ed25519.sign(cosignedMessage(body, time), witness.privateKey);
  return line(witness.name, concatBytes(id, uint64(time), sig));
}

function verifyEd25519(sig: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    return ed25519.verify(sig, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/** Checks one signature (the bytes after the key id) by a known key; the cosignature's time when it has one. */
function check(body: string, key: VerifierKey, sig: Uint8Array): { ok: boolean; time?: number } {
  if (key.type === KEY_TYPE_ED25519) {
    return { ok: sig.length === 64 && verifyEd25519(sig, utf8(body), key.publicKey) };
  }
  if (sig.length !== 8 + 64) return { ok: false };
  const time = new DataView(sig.buffer, sig.byteOffset, 8).getBigUint64(0);
  if (time > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false };
  const seconds = Number(time);
  return { ok: verifyEd25519(sig.slice(8), cosignedMessage(body, seconds), key.publicKey), time: seconds };
}

interface ParsedLine {
  name: string;
  keyId: Uint8Array;
  sig: Uint8Array;
  text: string;
}

function parseLine(text: string): ParsedLine | null {
  if (!text.startsWith(SIG_PREFIX)) return null;
  const rest = text.slice(SIG_PREFIX.length);
  const space = rest.indexOf(' ');
  if (space < 0) return null;
  const name = rest.slice(0, space);
  const b64 = rest.slice(space + 1);
  if (!isValidKeyName(name) || b64 === '') return null;
  let raw: Uint8Array;
  try {
    raw = fromBase64(b64);
  } catch {
    return null;
  }
  if (raw.length < 5) return null;
  return { name, keyId: raw.slice(0, 4), sig: raw.slice(4), text };
}

/**
 * Splits a signed note and checks every signature line by a key in `keys` (note keys and witness
 * keys alike). Throws TlogNoteError when the note is malformed or a known key's signature does
 * not verify; an empty `verified` means no known key signed it — the caller decides what it needs.
 */
export function openNote(note: string, keys: readonly (string | VerifierKey)[]): OpenedNote {
  const known = keys.map(toKey);
  if (!isWellFormed(note) || hasControl(note)) {
    throw new TlogNoteError('malformed', '签名笔记含有控制字符或非法字符');
  }
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new TlogNoteError('malformed', '签名笔记缺少签名部分');
  const body = note.slice(0, split + 1);
  const sigs = note.slice(split + 2);
  if (sigs === '' || !sigs.endsWith('\n')) throw new TlogNoteError('malformed', '签名笔记须以换行结尾');
  const lines = sigs.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new TlogNoteError('malformed', '签名行过多');

  const verified: VerifiedSignature[] = [];
  const seen = new Set<string>();
  const unknownLines = new Set<string>();
  for (const text of lines) {
    const parsed = parseLine(text);
    if (!parsed) throw new TlogNoteError('malformed', `签名行格式不正确：${text.slice(0, 80)}`);
    const key = known.find((k) => k.name === parsed.name && equalBytes(k.keyId, parsed.keyId));
    if (!key) {
      unknownLines.add(text);
      continue;
    }
    const id = `${key.name}+${toHex(key.keyId)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const result = check(body, key, parsed.sig);
    if (!result.ok) throw new TlogNoteError('bad-signature', `${key.name} 的签名无效`);
    verified.push({
      name: key.name,
      keyId: toHex(key.keyId),
      type: key.type,
      ...(result.time !== undefined ? { time: result.time } : {}),
    });
  }
  return { body, verified, unknown: unknownLines.size };
}

/** Checks one cosignature line over a checkpoint body with a witness's key. Never throws. */
export function verifyCosignature(
  body: string,
  signatureLineText: string,
  witnessKey: string | VerifierKey,
): { ok: boolean; time: number | null } {
  try {
    const key = toKey(witnessKey);
    const parsed = parseLine(
      signatureLineText.endsWith('\n') ? signatureLineText.slice(0, -1) : signatureLineText,
    );
    if (key.type !== KEY_TYPE_COSIGNATURE_V1 || !parsed) return { ok: false, time: null };
    if (parsed.name !== key.name || !equalBytes(parsed.keyId, key.keyId)) return { ok: false, time: null };
    checkBody(body);
    const result = check(body, key, parsed.sig);
    return { ok: result.ok, time: result.ok ? (result.time ?? null) : null };
  } catch {
    return { ok: false, time: null };
  }
}

// ---- checkpoints (C2SP tlog-checkpoint) ----

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** Optional lines after the root hash; we write none, but a valid checkpoint may carry them. */
  extensions?: string[];
}

/** "origin\nsize\nbase64(root)\n" */
export function formatCheckpoint(cp: Checkpoint): string {
  if (cp.origin === '' || /[\n\r]/.test(cp.origin)) throw new TlogFormatError('检查点来源不能为空或含换行');
  if (!Number.isSafeInteger(cp.size) || cp.size < 0) throw new TlogFormatError('检查点大小应为非负整数');
  if (cp.rootHash.length !== HASH_SIZE) throw new TlogFormatError('根哈希应为 32 字节');
  const extensions = cp.extensions ?? [];
  if (extensions.some((e) => e === '' || e.includes('\n'))) throw new TlogFormatError('检查点扩展行不能为空');
  return [cp.origin, String(cp.size), toBase64(cp.rootHash), ...extensions].map((l) => `${l}\n`).join('');
}

export function parseCheckpoint(body: string): Checkpoint {
  if (!body.endsWith('\n')) throw new TlogFormatError('检查点须以换行结尾');
  const lines = body.slice(0, -1).split('\n');
  const [origin, size, root, ...extensions] = lines;
  if (origin === undefined || origin === '' || size === undefined || root === undefined) {
    throw new TlogFormatError('检查点至少需要来源、大小、根哈希三行');
  }
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw new TlogFormatError('检查点大小格式不正确');
  }
  if (extensions.some((e) => e === '')) throw new TlogFormatError('检查点扩展行不能为空');
  const rootHash = fromBase64(root);
  if (rootHash.length !== HASH_SIZE) throw new TlogFormatError('根哈希应为 32 字节');
  return { origin, size: Number(size), rootHash, extensions };
}

export interface OpenedCheckpoint {
  checkpoint: Checkpoint;
  note: OpenedNote;
  /** Names of the log keys that signed it. */
  signedBy: string[];
  /** Witnesses whose cosignature verified, with the time they co-signed. */
  cosignedBy: { name: string; time: number }[];
}

/**
 * A checkpoint as a verifier needs it: signed by at least one of the log's published keys, body well
 * formed, origin the expected one. Witness keys are optional: their lines are checked when given.
 */
export function openCheckpoint(
  note: string,
  opts: { logKeys: readonly string[]; witnessKeys?: readonly string[]; origin?: string },
): OpenedCheckpoint {
  const logKeys = opts.logKeys.map(parseVerifierKey).filter((k) => k.type === KEY_TYPE_ED25519);
  const witnessKeys = (opts.witnessKeys ?? []).map(parseVerifierKey);
  const opened = openNote(note, [...logKeys, ...witnessKeys]);
  const signedBy = opened.verified.filter((v) => v.type === KEY_TYPE_ED25519).map((v) => v.name);
  if (signedBy.length === 0) throw new TlogNoteError('bad-signature', '检查点没有已公布日志密钥的有效签名');
  const checkpoint = parseCheckpoint(opened.body);
  if (opts.origin !== undefined && checkpoint.origin !== opts.origin) {
    throw new TlogNoteError('malformed', `检查点来源应为 ${opts.origin}，实为 ${checkpoint.origin}`);
  }
  const cosignedBy = opened.verified
    .filter((v) => v.type === KEY_TYPE_COSIGNATURE_V1)
    .map((v) => ({ name: v.name, time: v.time ?? 0 }));
  return { checkpoint, note: opened, signedBy, cosignedBy };
}
