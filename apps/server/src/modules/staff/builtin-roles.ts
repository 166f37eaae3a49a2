import { permissionList, type Permission } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { roles } from './schema.ts';

/**
 * The roles every installation has. Their permissions follow the catalogue: a permission added to
 * contracts reaches `admin` on the next start (`syncBuiltinRoles` runs at every start).
 */
export const BUILTIN_ROLES: { code: string; name: string; permissions: readonly Permission[] }[] = [
  { code: 'admin', name: '管理员', permissions: permissionList },
  {
    code: 'staff',
    name: '工作人员',
    permissions: permissionList.filter((p) => p.endsWith(':read') && !p.startsWith('audit:')),
  },
  {
    code: 'auditor',
    name: '监事（只读审计）',
    permissions: permissionList.filter(
      (p) => p.endsWith(':read') || p === 'audit:export' || p === 'ledger:view',
    ),
  },
];

export async function ensureBuiltinRoles(
  tx: Tx,
  actor: Actor,
  rootOrgId: number,
): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const def of BUILTIN_ROLES) {
    const existing = (
      await tx
        .select()
        .from(roles)
        .where(and(eq(roles.builtin, true), eq(roles.code, def.code)))
    )[0];
    const permissions = [...def.permissions];
    if (!existing) {
      const [row] = await tx
        .insert(roles)
        .values({ orgId: rootOrgId, code: def.code, name: def.name, permissions, builtin: true })
        .returning();
      await recordAudit(tx, actor, {
        action: 'roles.create',
        orgId: rootOrgId,
        entityType: 'role',
        entityId: row!.id,
        after: { ...def },
      });
      ids[def.code] = row!.id;
    } else {
      if (existing.permissions.join() !== permissions.join()) {
        await tx.update(roles).set({ permissions }).where(eq(roles.id, existing.id));
        await recordAudit(tx, actor, {
          action: 'roles.update',
          orgId: existing.orgId,
          entityType: 'role',
          entityId: existing.id,
          before: { permissions: existing.permissions },
          after: { permissions },
        });
      }
      ids[def.code] = existing.id;
    }
  }
  return ids;
}

/**
 * At every start: bring the built-in roles in line with the permission catalogue, so a module added
 * by an upgrade is usable by administrators of an existing installation at once.
 */
export async function syncBuiltinRoles(tx: Tx, actor: Actor): Promise<void> {
  const [root] = await tx.select({ orgId: roles.orgId }).from(roles).where(eq(roles.builtin, true)).limit(1);
  if (root) await ensureBuiltinRoles(tx, actor, root.orgId);
}
