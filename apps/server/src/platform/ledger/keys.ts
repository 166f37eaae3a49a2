import { tlog } from '@boai/contracts';
import type { Config } from '../config.ts';

/**
 * The transparency log's signing keys. Nothing is stored: a society's Ed25519 seed is
 * HKDF-SHA256(secret, salt "boai-ledger", info = key name), so every process with the same
 * BOAI_LEDGER_KEYS signs with the same keys, and a society's keys follow from its id alone.
 * Key names: a log signs as its origin, `<host of BOAI_PUBLIC_URL>/boai/org/<id>`; a society
 * witnessing its children's logs signs as `<its own origin>/witness`.
 */
export interface LedgerSigningKey {
  /** The signed-note key name (an origin, or an origin + "/witness"). */
  name: string;
  /** Which configured secret it comes from (`k1` …), for rotation. */
  secretName: string;
  /** Configured as active: signs new checkpoints. Inactive keys still verify old ones. */
  active: boolean;
  seed: Uint8Array;
  publicKey: Uint8Array;
}

export const ledgerOrigin = (publicUrl: string, orgId: number) =>
  `${new URL(publicUrl).host}/boai/org/${orgId}`;
export const witnessKeyName = (publicUrl: string, witnessOrgId: number) =>
  `${ledgerOrigin(publicUrl, witnessOrgId)}/witness`;

const cache = new Map<string, { seed: Uint8Array; publicKey: Uint8Array }>();

function derive(secret: Buffer, name: string) {
  const id = `${secret.toString('base64')}\n${name}`;
  let k = cache.get(id);
  if (!k) {
    const seed = tlog.deriveSeed(secret, name);
    k = { seed, publicKey: tlog.publicKeyOf(seed) };
    cache.set(id, k);
  }
  return k;
}

/** Every configured key under `name`, active ones first (the order signatures appear in a note). */
export function signingKeys(
  config: Pick<Config, 'ledgerKeys' | 'ledgerActiveKeys'>,
  name: string,
): LedgerSigningKey[] {
  const keys = config.ledgerKeys.map((k) => ({
    name,
    secretName: k.name,
    active: config.ledgerActiveKeys.includes(k.name),
    ...derive(k.secret, name),
  }));
  return [...keys.filter((k) => k.active), ...keys.filter((k) => !k.active)];
}

/** A key as the signing functions of the core library take it. */
export const noteSigner = (k: LedgerSigningKey): tlog.NoteSigner => ({ name: k.name, privateKey: k.seed });
