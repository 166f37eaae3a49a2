import { tlog } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import { queryRows, type Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { logKeysOf } from './log-keys.ts';
import { ledgerCheckpoints } from './schema.ts';
import { consistencyProof, rootAt } from './tree.ts';
import { lastCosignedSize, witnessCheckpoint } from './witness.ts';

type LedgerConfig = Pick<Config, 'ledgerKeys' | 'ledgerActiveKeys' | 'publicUrl'>;

export interface CheckpointResult {
  orgId: number;
  size: number;
  cosigned: boolean;
  /** Why the witness refused, when it did (the checkpoint is kept, signed by the log only). */
  refused: string | null;
}

/**
 * Signs a checkpoint of a society's log if it grew since the last one, and has it co-signed by the
 * parent society's witness. The log's head row is locked (it waits for an append in progress to
 * commit), so the checkpoint's size and root are of a committed tree and checkpoints of one log are
 * made one at a time, in increasing size.
 */
export async function checkpointLog(
  db: Db,
  config: LedgerConfig,
  orgId: number,
  now = new Date(),
): Promise<CheckpointResult | null> {
  return db.transaction(async (tx) => {
    const [log] = await queryRows<{
      size: number | string;
      checkpoint_size: number | string;
      parent_id: number | null;
    }>(
      tx,
      sql`select l.size, l.checkpoint_size, o.parent_id from ledger_logs l join orgs o on o.id = l.org_id
          where l.org_id = ${orgId} for update of l`,
    );
    const size = Number(log?.size ?? 0);
    if (!log || size <= Number(log.checkpoint_size)) return null;
    const root = await rootAt(tx, orgId, size);
    const keys = logKeysOf(config, orgId);
    const body = tlog.formatCheckpoint({ origin: keys.origin, size, rootHash: root });
    let note = tlog.signNote(body, keys.signers);
    let refused: string | null = null;
    if (log.parent_id !== null) {
      const fromSize = await lastCosignedSize(tx, log.parent_id, orgId);
      try {
        const proof =
          fromSize > 0 && fromSize <= size ? await consistencyProof(tx, orgId, fromSize, size) : [];
        const lines = await witnessCheckpoint(
          tx,
          config,
          { witnessOrgId: log.parent_id, logOrgId: orgId, note, proof, fromSize },
          now,
        );
        for (const line of lines) note = tlog.addSignature(note, line);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        refused = String(e.params.reason ?? e.code);
      }
    }
    await tx.insert(ledgerCheckpoints).values({
      orgId,
      size,
      rootHash: Buffer.from(root),
      note,
      cosigned: log.parent_id !== null && refused === null,
      createdAt: now,
    });
    await tx.execute(sql`update ledger_logs set checkpoint_size = ${size} where org_id = ${orgId}`);
    return { orgId, size, cosigned: log.parent_id !== null && refused === null, refused };
  });
}

/** Checkpoints every log that grew. */
export async function checkpointOnce(
  db: Db,
  config: LedgerConfig,
  now = new Date(),
): Promise<CheckpointResult[]> {
  const grown = await queryRows<{ org_id: number }>(
    db,
    sql`select org_id from ledger_logs where size > checkpoint_size order by org_id`,
  );
  const out: CheckpointResult[] = [];
  for (const { org_id } of grown) {
    const r = await checkpointLog(db, config, Number(org_id), now);
    if (r) out.push(r);
  }
  return out;
}
