import type { Permission } from '@boai/contracts';
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { roles, userRoles, users } from './schema.ts';

/**
 * Who an office notice of a society goes to: its active staff holding `permission` through a role
 * granted AT that society (not the societies above it — a city's staff are not told about every
 * district's shelf), with a mobile on file. Mobiles come back decrypted: for the SMS outbox only.
 */
export async function staffMobilesAt(
  q: Queryable,
  pii: PiiVault,
  orgIds: number[],
  permission: Permission,
): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  const ids = [...new Set(orgIds)];
  if (!ids.length) return out;
  const rows = await q
    .selectDistinct({ orgId: userRoles.orgId, userId: users.id, mobileEnc: users.mobileEnc })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        inArray(userRoles.orgId, ids),
        eq(users.active, true),
        isNotNull(users.mobileEnc),
        sql`${permission} = any(${roles.permissions})`,
      ),
    )
    .orderBy(userRoles.orgId, users.id);
  for (const r of rows) {
    const list = out.get(r.orgId) ?? [];
    list.push(pii.decrypt(r.mobileEnc!));
    out.set(r.orgId, list);
  }
  return out;
}
