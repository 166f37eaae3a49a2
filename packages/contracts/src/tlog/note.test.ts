import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8 } from './bytes.ts';
import { leafHash } from './merkle.ts';
import {
  addSignature,
  cosign,
  deriveSeed,
  formatCheckpoint,
  formatVerifierKey,
  KEY_TYPE_COSIGNATURE_V1,
  openCheckpoint,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  publicKeyOf,
  signNote,
  TlogNoteError,
  verifierKeyOf,
  verifyCosignature,
  type NoteSigner,
} from './note.ts';

// The example of Go's golang.org/x/mod/sumdb/note package documentation: key, text and the signed note.
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_SKEY_B64 = 'AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'; // 0x01 ‖ seed, from "PRIVATE+KEY+PeterNeumann+c74f20a3+…"
const PETER_TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_NOTE = `${PETER_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
const peter: NoteSigner = { name: 'PeterNeumann', privateKey: fromBase64(PETER_SKEY_B64).slice(1) };

const secret = new Uint8Array(32).fill(7);
const origin = '127.0.0.1:3000/boai/org/4';
const logKey: NoteSigner = { name: origin, privateKey: deriveSeed(secret, origin) };
const witness: NoteSigner = {
  name: '127.0.0.1:3000/boai/org/1/witness',
  privateKey: deriveSeed(secret, '127.0.0.1:3000/boai/org/1/witness'),
};
const body = formatCheckpoint({ origin, size: 8, rootHash: leafHash(utf8('x')) });

function refuse(fn: () => unknown, reason: 'malformed' | 'bad-signature'): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TlogNoteError);
    expect((e as TlogNoteError).reason).toBe(reason);
    return;
  }
  throw new Error('expected a TlogNoteError');
}

describe('signed notes (Go sumdb/note example)', () => {
  it('derives the published verifier key from the example private key', () => {
    expect(formatVerifierKey('PeterNeumann', publicKeyOf(peter.privateKey))).toBe(PETER_VKEY);
    expect(verifierKeyOf(peter)).toBe(PETER_VKEY);
    expect(parseVerifierKey(PETER_VKEY)).toMatchObject({ name: 'PeterNeumann', type: 1 });
  });

  it('signs the example text into exactly the published note', () => {
    expect(signNote(PETER_TEXT, peter)).toBe(PETER_NOTE);
  });

  it('opens the published note with the published key', () => {
    expect(openNote(PETER_NOTE, [PETER_VKEY])).toEqual({
      body: PETER_TEXT,
      verified: [{ name: 'PeterNeumann', keyId: 'c74f20a3', type: 1 }],
      unknown: 0,
    });
    // Without the key the signature is counted, not trusted.
    expect(openNote(PETER_NOTE, [])).toMatchObject({ verified: [], unknown: 1 });
  });

  it('refuses a changed text, a changed signature and malformed notes', () => {
    refuse(() => openNote(PETER_NOTE.replace('cryptography', 'cryptographY'), [PETER_VKEY]), 'bad-signature');
    refuse(() => openNote(PETER_NOTE.replace('E6RyyB', 'E6RyzB'), [PETER_VKEY]), 'bad-signature');
    // A changed key id names no key we know: the line is counted as unknown, and nothing is verified.
    expect(openNote(PETER_NOTE.replace('x08go', 'x08gp'), [PETER_VKEY])).toMatchObject({
      verified: [],
      unknown: 1,
    });
    refuse(() => openNote(PETER_TEXT, [PETER_VKEY]), 'malformed');
    refuse(() => openNote(PETER_NOTE.slice(0, -1), [PETER_VKEY]), 'malformed');
    refuse(() => openNote(PETER_NOTE.replace('— ', '- '), [PETER_VKEY]), 'malformed');
    refuse(() => openNote(PETER_NOTE.replace('you think', 'you\u0007think'), [PETER_VKEY]), 'malformed');
    refuse(() => openNote(`${PETER_NOTE}— PeterNeumann !!!!\n`, [PETER_VKEY]), 'malformed');
  });

  it('refuses mangled verifier keys', () => {
    for (const bad of [
      'PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
      'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T',
      'PeterNeumann+c74f20a3+AhpYc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
      'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW',
      'PeterNeumann+c74f20a3',
      PETER_VKEY.slice(1),
    ]) {
      expect(() => parseVerifierKey(bad), bad).toThrow();
    }
  });
});

describe('checkpoints', () => {
  it('formats and parses origin, size and root', () => {
    const root = leafHash(utf8('x'));
    expect(body).toBe(`${origin}\n8\n${toBase64(root)}\n`);
    expect(parseCheckpoint(body)).toEqual({ origin, size: 8, rootHash: root, extensions: [] });
  });

  it.each([
    ['no final newline', `${origin}\n8\n${toBase64(new Uint8Array(32))}`],
    ['leading zero in size', `${origin}\n08\n${toBase64(new Uint8Array(32))}\n`],
    ['negative size', `${origin}\n-1\n${toBase64(new Uint8Array(32))}\n`],
    ['short root', `${origin}\n8\n${toBase64(new Uint8Array(31))}\n`],
    ['missing root', `${origin}\n8\n`],
    ['empty origin', `\n8\n${toBase64(new Uint8Array(32))}\n`],
  ])('refuses %s', (_, text) => {
    expect(() => parseCheckpoint(text)).toThrow();
  });

  it('opens a checkpoint signed by a published log key and checks its origin', () => {
    const note = signNote(body, logKey);
    const opened = openCheckpoint(note, { logKeys: [verifierKeyOf(logKey)], origin });
    expect(opened.signedBy).toEqual([origin]);
    expect(opened.checkpoint.size).toBe(8);
    refuse(() => openCheckpoint(note, { logKeys: [PETER_VKEY] }), 'bad-signature');
    refuse(
      () => openCheckpoint(note, { logKeys: [verifierKeyOf(logKey)], origin: 'elsewhere' }),
      'malformed',
    );
  });

  it('carries both signatures during a key rotation; either published key verifies it', () => {
    const next: NoteSigner = { name: origin, privateKey: deriveSeed(new Uint8Array(32).fill(8), origin) };
    const note = signNote(body, [logKey, next]);
    expect(openCheckpoint(note, { logKeys: [verifierKeyOf(next)] }).signedBy).toEqual([origin]);
    expect(openNote(note, [verifierKeyOf(logKey), verifierKeyOf(next)]).verified).toHaveLength(2);
  });
});

describe('cosignatures (cosignature/v1)', () => {
  const witnessKey = verifierKeyOf(witness, KEY_TYPE_COSIGNATURE_V1);

  it('a witness line verifies with the witness key and carries its time', () => {
    const line = cosign(body, witness, 1_764_000_000);
    expect(verifyCosignature(body, line, witnessKey)).toEqual({ ok: true, time: 1_764_000_000 });
    // The payload is key id (4) ‖ big-endian time (8) ‖ signature (64).
    const payload = fromBase64(line.trim().split(' ').at(-1)!);
    expect(payload.length).toBe(76);
    expect(new DataView(payload.buffer).getBigUint64(4)).toBe(1_764_000_000n);
  });

  it('the same Ed25519 key has a different key id as a witness key than as a note key', () => {
    expect(parseVerifierKey(witnessKey).keyId).not.toEqual(parseVerifierKey(verifierKeyOf(witness)).keyId);
  });

  it('a cosignature over another body, time or by another key does not verify', () => {
    const line = cosign(body, witness, 1_764_000_000);
    const other = formatCheckpoint({ origin, size: 9, rootHash: leafHash(utf8('y')) });
    expect(verifyCosignature(other, line, witnessKey).ok).toBe(false);
    const payload = fromBase64(line.trim().split(' ').at(-1)!);
    payload[11]! ^= 1; // the last byte of the time
    const retimed = `— ${witness.name} ${toBase64(payload)}\n`;
    expect(verifyCosignature(body, retimed, witnessKey).ok).toBe(false);
    expect(verifyCosignature(body, line, verifierKeyOf(logKey, KEY_TYPE_COSIGNATURE_V1)).ok).toBe(false);
    expect(verifyCosignature(body, line, verifierKeyOf(witness)).ok).toBe(false);
    expect(verifyCosignature(body, 'garbage', witnessKey)).toEqual({ ok: false, time: null });
  });

  it('a checkpoint with the log signature and the witness cosignature opens with both', () => {
    const note = addSignature(signNote(body, logKey), cosign(body, witness, 1_764_000_001));
    const opened = openCheckpoint(note, { logKeys: [verifierKeyOf(logKey)], witnessKeys: [witnessKey] });
    expect(opened.signedBy).toEqual([origin]);
    expect(opened.cosignedBy).toEqual([{ name: witness.name, time: 1_764_000_001 }]);
    // A reader who does not know the witness still verifies the log signature.
    expect(openCheckpoint(note, { logKeys: [verifierKeyOf(logKey)] }).note.unknown).toBe(1);
    // A forged cosignature by the known witness makes the note invalid.
    const payload = fromBase64(cosign(body, witness, 1_764_000_001).trim().split(' ').at(-1)!);
    payload[40]! ^= 1;
    const forged = addSignature(signNote(body, logKey), `— ${witness.name} ${toBase64(payload)}\n`);
    refuse(
      () => openCheckpoint(forged, { logKeys: [verifierKeyOf(logKey)], witnessKeys: [witnessKey] }),
      'bad-signature',
    );
  });
});
