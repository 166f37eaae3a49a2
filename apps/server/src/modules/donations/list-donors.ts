import { isIdCard, isUscc, normalizeMobile, type Donor, type DonorKind } from '@boai/contracts';
import { and, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope, requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { containsPattern } from '../../platform/db/like.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { presentDonors, unsafeFindDonor } from './repository.ts';
import { donors } from './schema.ts';

export interface ListDonorsFilter {
  page: number;
  pageSize: number;
  orgId?: number;
  kind?: DonorKind;
  q?: string;
}

/**
 * The keyword is an exact 身份证 / 统一社会信用代码 / mobile when it looks like one (matched through
 * the keyed hashes, never by decrypting rows), otherwise a fragment of the name.
 */
function keyword(pii: PiiVault, q: string): SQL {
  const id = q.toUpperCase();
  if (isIdCard(id)) return eq(donors.idCardHash, pii.lookupHash('idCard', id));
  if (isUscc(id)) return eq(donors.uscc, id);
  const mobile = normalizeMobile(q);
  if (mobile) return eq(donors.mobileHash, pii.lookupHash('mobile', mobile));
  return ilike(donors.name, containsPattern(q));
}

export async function listDonors(q: Queryable, pii: PiiVault, actor: Actor, f: ListDonorsFilter) {
  const where: SQL[] = [inScope(actor, 'donations:read', donors.orgId)];
  if (f.orgId !== undefined) where.push(inOrgSubtree(donors.orgId, f.orgId));
  if (f.kind) where.push(eq(donors.kind, f.kind));
  if (f.q) where.push(keyword(pii, f.q));
  const cond = and(...where);
  const [count] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(donors)
    .where(cond);
  const rows = await q
    .select()
    .from(donors)
    .where(cond)
    .orderBy(desc(donors.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const items: Donor[] = await presentDonors(q, pii, rows);
  return { items, total: count?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

export async function getDonor(q: Queryable, pii: PiiVault, actor: Actor, id: number): Promise<Donor> {
  await requireAccess(q, actor, 'donations:read', donors, donors.id, donors.orgId, [id]);
  return (await presentDonors(q, pii, [(await unsafeFindDonor(q, id))!]))[0]!;
}
