import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import { every } from '../../platform/jobs.ts';
import type { BuilderSet } from './build-entries.ts';
import { checkpointOnce } from './checkpointer.ts';
import { sequenceOnce } from './sequencer.ts';

/**
 * The log's job runs this often: it appends what waits in the outbox, then checkpoints every log that
 * grew — so an event is in a signed, witnessed checkpoint about 0.1–0.4 s after its commit, and a busy
 * log gets at most a few checkpoints a second.
 */
export const LEDGER_INTERVAL_MS = 200;

/**
 * The log's background work in a running server: the sequencer, then the checkpointer. Several
 * processes may run it against one database (row locks keep each log in one hand at a time). A witness
 * refusal is reported as an error: it means a log's history changed under its witness.
 */
export function startLedgerJobs(
  db: Db,
  config: Config,
  builders: () => BuilderSet,
  onError: (job: string, err: unknown) => void,
): () => void {
  return every(
    LEDGER_INTERVAL_MS,
    async () => {
      await sequenceOnce(db, builders());
      for (const r of await checkpointOnce(db, config)) {
        if (r.refused) onError('ledger-witness', new Error(`log ${r.orgId} size ${r.size}: ${r.refused}`));
      }
    },
    (err) => onError('ledger', err),
  );
}
