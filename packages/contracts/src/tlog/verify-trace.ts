import type { LedgerLog, LedgerTrace, LedgerTraceStep } from '../ledger.ts';
import { equalBytes, fromBase64 } from './bytes.ts';
import { canonicalJson, entryBytes } from './canonical-json.ts';
import { leafHash, verifyInclusion } from './merkle.ts';
import { openCheckpoint } from './note.ts';

/**
 * The 善款去向 page's check, run in the donor's browser: for each step, the checkpoint is signed by
 * a key the society publishes, the entry text hashes to the leaf, and the inclusion proof leads
 * from that leaf to the signed root. Keys come from the published log list, not from the trace
 * answer, so a trace cannot vouch for itself.
 */

export type StepCheck =
  | { status: 'verified'; size: number; origin: string; cosignedBy: string[] }
  | { status: 'pending' }
  | {
      status: 'failed';
      /** signature: checkpoint not signed by a published key; entry: text and hash disagree; proof: the path does not reach the root. */
      reason: 'no-log' | 'signature' | 'entry' | 'proof';
      message: string;
    };

export type TraceCheck = {
  overall: 'verified' | 'failed' | 'pending';
  steps: StepCheck[];
};

export function verifyTraceStep(step: LedgerTraceStep, logs: readonly LedgerLog[]): StepCheck {
  const log = logs.find((l) => l.orgId === step.entry.orgId);
  if (!log) return { status: 'failed', reason: 'no-log', message: '找不到该条目所在日志的公开密钥' };

  // The entry first: its text must be canonical JSON of this kind, and hash to the served leaf.
  const leaf = leafHash(entryBytes(step.entry.entry));
  let served: Uint8Array | null = null;
  try {
    served = fromBase64(step.entry.leafHash);
  } catch {
    served = null;
  }
  let canonical = false;
  try {
    const value = JSON.parse(step.entry.entry) as { kind?: unknown };
    canonical = canonicalJson(value) === step.entry.entry && value.kind === step.entry.kind;
  } catch {
    canonical = false;
  }
  if (!served || !equalBytes(served, leaf) || !canonical) {
    return { status: 'failed', reason: 'entry', message: '条目文本与其哈希不符' };
  }
  if (!step.proof) return { status: 'pending' };

  let opened;
  try {
    opened = openCheckpoint(step.proof.checkpoint, {
      logKeys: log.keys,
      witnessKeys: log.witness?.keys ?? [],
      origin: log.origin,
    });
  } catch (e) {
    return { status: 'failed', reason: 'signature', message: `检查点签名验证失败：${(e as Error).message}` };
  }
  const { size, rootHash } = opened.checkpoint;
  let hashes: Uint8Array[];
  try {
    hashes = step.proof.hashes.map(fromBase64);
  } catch {
    return { status: 'failed', reason: 'proof', message: '包含证明格式不正确' };
  }
  if (step.proof.size !== size || !verifyInclusion(leaf, step.entry.index, size, hashes, rootHash)) {
    return { status: 'failed', reason: 'proof', message: '包含证明不能连到已签名的根哈希' };
  }
  return {
    status: 'verified',
    size,
    origin: opened.checkpoint.origin,
    cosignedBy: opened.cosignedBy.map((c) => c.name),
  };
}

export function verifyTrace(trace: LedgerTrace, logs: readonly LedgerLog[]): TraceCheck {
  const steps = trace.steps.map((s) => verifyTraceStep(s, logs));
  const overall = steps.some((s) => s.status === 'failed')
    ? 'failed'
    : steps.length === 0 || steps.some((s) => s.status === 'pending')
      ? 'pending'
      : 'verified';
  return { overall, steps };
}
