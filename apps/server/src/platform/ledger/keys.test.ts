import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tlog } from '@boai/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { ledgerOrigin, signingKeys, witnessKeyName } from './keys.ts';

const secret = (b: number) => Buffer.alloc(32, b).toString('base64');
const pii = { BOAI_PII_KEYS: `p:${secret(1)}`, BOAI_PII_LOOKUP_KEY: secret(2) };
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('ledger keys from configuration', () => {
  it('derives the same key for the same secret and name, a different one for another name or secret', () => {
    const config = loadConfig({
      ...pii,
      BOAI_LEDGER_KEYS: `k1:${secret(3)},k2:${secret(4)}`,
      BOAI_LEDGER_ACTIVE_KEYS: 'k2',
    });
    expect(config.ledgerActiveKeys).toEqual(['k2']);
    const origin = ledgerOrigin('https://boai.example.org', 4);
    expect(origin).toBe('boai.example.org/boai/org/4');
    expect(witnessKeyName('http://127.0.0.1:3000', 1)).toBe('127.0.0.1:3000/boai/org/1/witness');
    const keys = signingKeys(config, origin);
    expect(keys.map((k) => [k.secretName, k.active])).toEqual([
      ['k2', true],
      ['k1', false],
    ]);
    expect(keys[0]!.seed).toEqual(tlog.deriveSeed(Buffer.alloc(32, 4), origin));
    expect(signingKeys(config, origin)[0]!.publicKey).toEqual(keys[0]!.publicKey);
    expect(signingKeys(config, ledgerOrigin('https://boai.example.org', 5))[0]!.publicKey).not.toEqual(
      keys[0]!.publicKey,
    );
    expect(keys[1]!.publicKey).not.toEqual(keys[0]!.publicKey);
  });

  it('stops the start on a malformed secret, a duplicate name or an active key that is not listed', () => {
    expect(() => loadConfig({ ...pii, BOAI_LEDGER_KEYS: 'k1:short' })).toThrow(/BOAI_LEDGER_KEYS/);
    expect(() => loadConfig({ ...pii, BOAI_LEDGER_KEYS: `k1:${secret(3)},k1:${secret(4)}` })).toThrow(/重复/);
    expect(() =>
      loadConfig({ ...pii, BOAI_LEDGER_KEYS: `k1:${secret(3)}`, BOAI_LEDGER_ACTIVE_KEYS: 'k9' }),
    ).toThrow(/BOAI_LEDGER_ACTIVE_KEYS/);
  });

  it('generates a development secret once, and adds it to a data folder made before the log', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'boai-keys-'));
    dirs.push(dir);
    const old = { piiKeys: `dev1:${secret(5)}`, piiActiveKey: 'dev1', piiLookupKey: secret(6) };
    writeFileSync(path.join(dir, 'dev-secrets.json'), JSON.stringify(old));
    const first = loadConfig({ BOAI_DATA_DIR: dir });
    const saved = JSON.parse(readFileSync(path.join(dir, 'dev-secrets.json'), 'utf8'));
    expect(saved).toMatchObject(old);
    expect(saved.ledgerKeys).toMatch(/^dev1:/);
    expect(first.piiKeys).toBe(old.piiKeys);
    expect(loadConfig({ BOAI_DATA_DIR: dir }).ledgerKeys).toEqual(first.ledgerKeys);
  });
});
