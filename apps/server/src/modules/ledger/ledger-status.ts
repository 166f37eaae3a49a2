import type { LedgerStatus } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/scope.ts';
import type { Config } from '../../platform/config.ts';
import { queryRows, type Queryable } from '../../platform/db/client.ts';
import { ledgerOrigin, witnessKeyName } from '../../platform/ledger/index.ts';
import { orgs } from '../orgs/index.ts';

/**
 * 账本状态 for the console: each log in the actor's scope with its size, last checkpoint, the events
 * still waiting in the outbox and how long the oldest has waited (the log's lag), and its witness.
 */
export async function ledgerStatus(
  q: Queryable,
  config: Pick<Config, 'publicUrl'>,
  actor: Actor,
  now = new Date(),
): Promise<LedgerStatus> {
  const rows = await queryRows<{
    id: number;
    name: string;
    parent_id: number | null;
    size: number | string | null;
    cp_size: number | string | null;
    cp_at: Date | string | null;
    cosigned: boolean | null;
    backlog: number | string | null;
    oldest: Date | string | null;
  }>(
    q,
    sql`select orgs.id, orgs.name, orgs.parent_id, l.size, cp.size as cp_size, cp.created_at as cp_at,
               cp.cosigned, ob.backlog, ob.oldest
        from ${orgs}
        left join ledger_logs l on l.org_id = orgs.id
        left join lateral (select size, created_at, cosigned from ledger_checkpoints c
                           where c.org_id = orgs.id order by size desc limit 1) cp on true
        left join lateral (select count(*) as backlog, min(created_at) as oldest from ledger_outbox x
                           where x.org_id = orgs.id) ob on true
        where ${inScope(actor, 'ledger:view', orgs.id)}
        order by orgs.path`,
  );
  return {
    items: rows.map((r) => {
      const oldest = r.oldest ? new Date(r.oldest) : null;
      return {
        orgId: r.id,
        orgName: r.name,
        origin: ledgerOrigin(config.publicUrl, r.id),
        size: Number(r.size ?? 0),
        checkpointSize: r.cp_size === null ? null : Number(r.cp_size),
        checkpointAt: r.cp_at === null ? null : new Date(r.cp_at).toISOString(),
        backlog: Number(r.backlog ?? 0),
        lagMs: oldest ? Math.max(0, now.getTime() - oldest.getTime()) : 0,
        witness: r.parent_id === null ? null : witnessKeyName(config.publicUrl, r.parent_id),
        cosigned: r.cosigned === true,
      };
    }),
  };
}
