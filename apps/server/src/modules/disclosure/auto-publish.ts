import { shanghaiDate, shanghaiDateTime } from '@boai/contracts';
import { sql } from 'drizzle-orm';
import { systemActor } from '../../platform/access/actor.ts';
import { queryRows, type Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { every } from '../../platform/jobs.ts';
import { disbursements } from '../disbursements/index.ts';
import { gifts } from '../donations/index.ts';
import { orgs } from '../orgs/index.ts';
import { publishDisclosure } from './publish-disclosure.ts';
import { disbursementPending, giftPending, reversalDue } from './repository.ts';
import { disclosureBatches, disclosureLines } from './schema.ts';

const actor = systemActor('disclosure-auto');

/**
 * Active societies with no batch for `day` yet and something waiting for it (the same conditions
 * as the lines `publishDisclosure` writes), in one query however many societies there are.
 */
async function societiesWithPending(db: Db, day: string): Promise<number[]> {
  const org = sql`${orgs.id}`;
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select ${orgs.id} as id from ${orgs}
        where ${orgs.active}
          and not exists (select 1 from ${disclosureBatches} b where b.org_id = ${orgs.id} and b.day = ${day})
          and (exists (select 1 from ${gifts} where ${giftPending(org, day)})
            or exists (select 1 from ${disbursements} where ${disbursementPending(org, day)})
            or exists (select 1 from ${disclosureLines}
                       left join ${gifts} on ${gifts.id} = ${disclosureLines.giftId}
                       left join ${disbursements} on ${disbursements.id} = ${disclosureLines.disbursementId}
                       where ${reversalDue(org)}))
        order by ${orgs.id}`,
  );
  return rows.map((r) => Number(r.id));
}

/**
 * 自动公示: from `hour` o'clock Shanghai time, publishes today for every active society that has
 * something pending and no batch for today, as the named system actor `disclosure-auto`. Each society
 * in its own transaction, so one failure stops no other; a society a person published meanwhile is
 * simply skipped. Returns the ids of the societies published.
 */
export async function autoPublish(
  db: Db,
  hour: number,
  now = new Date(),
  onError: (orgId: number, err: unknown) => void = () => undefined,
): Promise<number[]> {
  if (Number(shanghaiDateTime(now).slice(11, 13)) < hour) return [];
  const day = shanghaiDate(now);
  const published: number[] = [];
  for (const orgId of await societiesWithPending(db, day)) {
    try {
      await db.transaction((tx) => publishDisclosure(tx, actor, { orgId, day, automatic: true }, now));
      published.push(orgId);
    } catch (e) {
      if (e instanceof AppError && e.code === 'DISCLOSURE_ALREADY_PUBLISHED') continue;
      onError(orgId, e);
    }
  }
  return published;
}

/** The job: checks every minute; returns how to stop it. */
export function startAutoPublish(db: Db, hour: number, onError: (err: unknown) => void): () => void {
  return every(60_000, () => autoPublish(db, hour, new Date(), (_orgId, err) => onError(err)), onError);
}
