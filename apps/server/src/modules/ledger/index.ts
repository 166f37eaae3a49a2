/** What other modules and the CLI may use of the transparency log. */
export { ledgerModule } from './module.ts';
export { builderSet, type BuilderSet } from './build-entries.ts';
export { sequenceOnce, sequenceLog } from './sequencer.ts';
export { checkpointOnce } from './checkpointer.ts';
export { verifyLedger, type VerificationResult } from './verify-ledger.ts';
export { inclusionProof, consistencyProof, rootAt } from './tree.ts';
export { logKeysOf, witnessKeysOf } from './log-keys.ts';
