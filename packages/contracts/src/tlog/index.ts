/**
 * The transparency-log core (issue 5): canonical entries, RFC 6962 Merkle hashing, proofs from stored
 * subtrees and their verification, C2SP checkpoints, signed notes and cosignatures. Pure and
 * synchronous, the same code in the server, the CLI and the browser. Imported as the `tlog` namespace.
 */
export * from './bytes.ts';
export * from './canonical-json.ts';
export * from './merkle.ts';
export * from './note.ts';
export * from './audit-log.ts';
export * from './verify-trace.ts';
