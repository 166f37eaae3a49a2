import { sql, type SQL } from 'drizzle-orm';
import { ledgerOutbox } from './schema.ts';

/**
 * `recordPublicEvents` as a clause of a bigger statement: the INSERT of the events that `events`
 * selects as `(org_id, kind, ref)`, in its order — for a batch write that makes its rows and their
 * events in one round trip (a CTE), where the refs' ids exist only inside that statement.
 */
export const publicEventsInsert = (events: SQL): SQL =>
  sql`insert into ${ledgerOutbox} (org_id, kind, ref) ${events}`;
