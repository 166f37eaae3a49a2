import { batchCodeOf, type Permission } from '@boai/contracts';
import { inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope } from '../../platform/access/scope.ts';
import { queryRows, type Queryable } from '../../platform/db/client.ts';
import { orgs } from '../orgs/index.ts';

/** The ids on a society's materialised path, root first: '/1/4/17/' → [1, 4, 17]. */
export const pathIds = (path: string): number[] => path.split('/').filter(Boolean).map(Number);

/**
 * Who reads which catalogue rows: a society's items are read by the society and those above it
 * (`inScope`), and are USABLE by every society below — so the actor also sees the items of every
 * society above the ones where it holds `permission`. Taken from the grants' own paths: no query.
 */
export function catalogueScope(actor: Actor, permission: Permission, orgIdColumn: AnyColumn): SQL {
  const scoped = inScope(actor, permission, orgIdColumn);
  if (actor.kind === 'system') return scoped;
  const above = new Set<number>();
  for (const g of actor.grants)
    if (g.permissions.has(permission)) for (const id of pathIds(g.orgPath)) above.add(id);
  return above.size ? or(scoped, inArray(orgIdColumn, [...above]))! : scoped;
}

/** Rows of society `orgId` or of a society above it: the catalogue that society may stock from. */
export const usableBy = (orgIdColumn: AnyColumn, orgId: number): SQL =>
  sql`${orgIdColumn} in (select ${orgs.id} from ${orgs} where (select ${orgs.path} from ${orgs} where ${orgs.id} = ${orgId}) like ${orgs.path} || '%')`;

/** The label code as typed or scanned (pc00000042, " PC00000042 ") in its stored form. */
export const normalizeBatchCode = (code: string) => code.trim().toUpperCase();
export const batchCode = batchCodeOf;

/**
 * A new batch's id, taken before its INSERT so that its label code (PC + the id) is written in the
 * same statement: the code column is NOT NULL and unique, and never needs a second UPDATE.
 */
export async function nextBatchId(q: Queryable): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    q,
    sql`select nextval(pg_get_serial_sequence('stock_batches', 'id'))::int as id`,
  );
  return Number(row!.id);
}

/** fen × quantity when it stays a safe integer (the column is bigint, a JS number beyond 2^53 would round). */
export function valueOf(unitValueFen: number, quantity: number): number | null {
  const v = BigInt(unitValueFen) * BigInt(quantity);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(v);
}
