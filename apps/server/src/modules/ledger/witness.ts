import { tlog } from '@boai/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { logKeysOf, witnessKeysOf } from './log-keys.ts';
import { ledgerWitnessState } from './schema.ts';

/**
 * The parent society witnessing a child's log (C2SP tlog-cosignature). It remembers the last
 * checkpoint it co-signed for that log and co-signs a new one only when it is signed by the log's
 * key and provably extends that one (RFC 9162 consistency proof) — so the log cannot show one
 * history to the witness's users and another to someone else. It relies on nothing of the log's
 * own tables: its memory is `ledger_witness_state`, and the proof is checked, not trusted.
 */

export interface WitnessRequest {
  witnessOrgId: number;
  logOrgId: number;
  /** The log's signed checkpoint. */
  note: string;
  /** Consistency proof from the witness's last co-signed size (`lastCosigned`) to this checkpoint. */
  proof: readonly Uint8Array[];
  /** Which size the proof starts from (what the log was told the witness had seen). */
  fromSize: number;
}

/** The size the witness last co-signed for a log (0 = never): the log builds its proof from it. */
export async function lastCosignedSize(
  q: Queryable,
  witnessOrgId: number,
  logOrgId: number,
): Promise<number> {
  const [row] = await q
    .select({ size: ledgerWitnessState.size })
    .from(ledgerWitnessState)
    .where(and(eq(ledgerWitnessState.orgId, witnessOrgId), eq(ledgerWitnessState.logOrgId, logOrgId)));
  return row?.size ?? 0;
}

const refuse = (reason: string) => new AppError('LEDGER_WITNESS_REFUSED', 409, [], { reason });

/** Checks and co-signs; returns the cosignature lines to append. Throws LEDGER_WITNESS_REFUSED. */
export async function witnessCheckpoint(
  tx: Tx,
  config: Pick<Config, 'ledgerKeys' | 'ledgerActiveKeys' | 'publicUrl'>,
  req: WitnessRequest,
  now = new Date(),
): Promise<string[]> {
  const log = logKeysOf(config, req.logOrgId);
  let opened: tlog.OpenedCheckpoint;
  try {
    opened = tlog.openCheckpoint(req.note, { logKeys: log.verifierKeys, origin: log.origin });
  } catch (e) {
    throw refuse(`检查点签名无效：${(e as Error).message}`);
  }
  const cp = opened.checkpoint;
  const [state] = await tx
    .select()
    .from(ledgerWitnessState)
    .where(and(eq(ledgerWitnessState.orgId, req.witnessOrgId), eq(ledgerWitnessState.logOrgId, req.logOrgId)))
    .for('update');
  if (state) {
    const seenRoot = new Uint8Array(state.rootHash);
    if (cp.size < state.size) throw refuse(`大小 ${cp.size} 小于已见证的 ${state.size}`);
    if (req.fromSize !== state.size) throw refuse(`一致性证明应从已见证的大小 ${state.size} 开始`);
    if (!tlog.verifyConsistency(state.size, cp.size, req.proof, seenRoot, cp.rootHash)) {
      throw refuse(`与已见证的检查点（大小 ${state.size}）不一致：日志历史被改写`);
    }
  }
  const witness = witnessKeysOf(config, req.witnessOrgId);
  const time = Math.floor(now.getTime() / 1000);
  const lines = witness.signers.map((s) => tlog.cosign(opened.note.body, s, time));
  await tx
    .insert(ledgerWitnessState)
    .values({
      orgId: req.witnessOrgId,
      logOrgId: req.logOrgId,
      size: cp.size,
      rootHash: Buffer.from(cp.rootHash),
    })
    .onConflictDoUpdate({
      target: [ledgerWitnessState.orgId, ledgerWitnessState.logOrgId],
      set: { size: cp.size, rootHash: Buffer.from(cp.rootHash), updatedAt: sql`now()` },
    });
  return lines;
}
