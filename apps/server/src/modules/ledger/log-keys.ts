import { tlog } from '@boai/contracts';
import type { Config } from '../../platform/config.ts';
import { ledgerOrigin, noteSigner, signingKeys, witnessKeyName } from '../../platform/ledger/index.ts';

type KeyConfig = Pick<Config, 'ledgerKeys' | 'ledgerActiveKeys' | 'publicUrl'>;

/** A society's log: its origin, the keys that sign its checkpoints, and their published verifier keys. */
export function logKeysOf(config: KeyConfig, orgId: number) {
  const origin = ledgerOrigin(config.publicUrl, orgId);
  const keys = signingKeys(config, origin);
  return {
    origin,
    signers: keys.filter((k) => k.active).map(noteSigner),
    verifierKeys: keys.map((k) => tlog.formatVerifierKey(k.name, k.publicKey)),
  };
}

/** A society as the witness of its children's logs (cosignature/v1 keys). */
export function witnessKeysOf(config: KeyConfig, witnessOrgId: number) {
  const name = witnessKeyName(config.publicUrl, witnessOrgId);
  const keys = signingKeys(config, name);
  return {
    name,
    signers: keys.filter((k) => k.active).map(noteSigner),
    verifierKeys: keys.map((k) => tlog.formatVerifierKey(k.name, k.publicKey, tlog.KEY_TYPE_COSIGNATURE_V1)),
  };
}
