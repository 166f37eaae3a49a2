import { desc, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { presentVerification } from './run-verification.ts';
import { ledgerVerifications } from './schema.ts';

/** Verification history of the actor's scope, newest first. */
export async function listVerifications(
  q: Queryable,
  actor: Actor,
  page: { page: number; pageSize: number },
) {
  const where = inScope(actor, 'ledger:view', ledgerVerifications.orgId);
  const [rows, [count]] = await Promise.all([
    q
      .select()
      .from(ledgerVerifications)
      .where(where)
      .orderBy(desc(ledgerVerifications.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    q
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerVerifications)
      .where(where),
  ]);
  return {
    items: rows.map(presentVerification),
    total: count?.n ?? 0,
    page: page.page,
    pageSize: page.pageSize,
  };
}
