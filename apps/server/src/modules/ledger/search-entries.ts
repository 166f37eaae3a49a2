import type { LedgerConsoleEntriesQuery, LedgerConsoleEntryPage } from '@boai/contracts';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { orgs } from '../orgs/index.ts';
import { refsOfReceipt } from './lookup-entries.ts';
import { presentEntry } from './public-log.ts';
import { ledgerEntries } from './schema.ts';

/** 条目查询: entries of the logs in the actor's scope, each log newest first, by society, kind, ref or receipt. */
export async function searchEntries(
  q: Queryable,
  actor: Actor,
  f: LedgerConsoleEntriesQuery,
): Promise<LedgerConsoleEntryPage> {
  const parts: SQL[] = [inScope(actor, 'ledger:view', ledgerEntries.orgId)];
  if (f.orgId !== undefined) parts.push(eq(ledgerEntries.orgId, f.orgId));
  if (f.kind) parts.push(eq(ledgerEntries.kind, f.kind));
  if (f.ref) parts.push(eq(ledgerEntries.ref, f.ref));
  if (f.receipt) parts.push(inArray(ledgerEntries.ref, await refsOfReceipt(q, f.receipt)));
  const where = and(...parts);
  const [rows, [count]] = await Promise.all([
    q
      .select({ e: ledgerEntries, orgName: orgs.name })
      .from(ledgerEntries)
      .innerJoin(orgs, eq(orgs.id, ledgerEntries.orgId))
      .where(where)
      // Index order (primary key, or org + kind + idx), so a page of a million-entry log reads 20 rows.
      .orderBy(desc(ledgerEntries.orgId), desc(ledgerEntries.idx))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    q
      .select({ n: sql<number>`count(*)::int` })
      .from(ledgerEntries)
      .where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...presentEntry(r.e), orgName: r.orgName })),
    total: count?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}
