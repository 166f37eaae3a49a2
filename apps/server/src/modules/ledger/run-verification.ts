import type { LedgerVerification } from '@boai/contracts';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Config } from '../../platform/config.ts';
import type { Db } from '../../platform/db/client.ts';
import { orgs } from '../orgs/index.ts';
import type { BuilderSet } from './build-entries.ts';
import { ledgerVerifications } from './schema.ts';
import { verifyLedger } from './verify-ledger.ts';

/**
 * 校验 from the console: runs the verifier over the logs of every society in the actor's scope and
 * keeps the result (who, when, what was found). Reads run outside a transaction — a large log takes
 * a while, and the verifier only compares what it reads.
 */
export async function runVerification(
  db: Db,
  config: Pick<Config, 'ledgerKeys' | 'ledgerActiveKeys' | 'publicUrl'>,
  builders: BuilderSet,
  actor: Actor & { kind: 'user' },
): Promise<LedgerVerification> {
  const startedAt = new Date();
  const scope = await db
    .select({ id: orgs.id })
    .from(orgs)
    .where(inScope(actor, 'ledger:view', orgs.id));
  const result = await verifyLedger(
    db,
    config,
    builders,
    scope.map((o) => o.id),
  );
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ledgerVerifications)
      .values({
        orgId: actor.homeOrgId,
        orgIds: result.orgIds,
        byName: actorName(actor),
        startedAt,
        entriesChecked: result.entriesChecked,
        checkpointsChecked: result.checkpointsChecked,
        ok: result.findings.length === 0,
        findings: result.findings,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'ledger.verify',
      orgId: actor.homeOrgId,
      entityType: 'ledger_verification',
      entityId: row!.id,
      after: { ok: row!.ok, findings: result.findings.length, entries: result.entriesChecked },
    });
    return presentVerification(row!);
  });
}

export const presentVerification = (r: typeof ledgerVerifications.$inferSelect): LedgerVerification => ({
  id: r.id,
  startedAt: r.startedAt.toISOString(),
  finishedAt: r.finishedAt.toISOString(),
  byName: r.byName,
  orgIds: r.orgIds,
  entriesChecked: r.entriesChecked,
  checkpointsChecked: r.checkpointsChecked,
  ok: r.ok,
  findings: r.findings as LedgerVerification['findings'],
});
