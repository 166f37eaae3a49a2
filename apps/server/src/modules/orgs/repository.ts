import { ORG_LEVELS, type AuditAction, type Org, type OrgLevel } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { queryRows, type Queryable } from '../../platform/db/client.ts';
import { orgs } from './schema.ts';

export type OrgRow = typeof orgs.$inferSelect;

export const levelRank = (level: string): number => ORG_LEVELS.indexOf(level as OrgLevel);

/**
 * Unscoped read by id: only for use after `requireAccess` has checked the id, or for
 * platform code that must resolve an org before an actor exists (login).
 */
export async function unsafeFindOrg(q: Queryable, id: number): Promise<OrgRow | undefined> {
  const rows = await q.select().from(orgs).where(eq(orgs.id, id));
  return rows[0];
}

export async function unsafeLockOrg(q: Queryable, id: number): Promise<OrgRow | undefined> {
  const rows = await q.select().from(orgs).where(eq(orgs.id, id)).for('update');
  return rows[0];
}

export async function nextOrgId(q: Queryable): Promise<number> {
  const [row] = await queryRows<{ id: number }>(
    q,
    sql`select nextval(pg_get_serial_sequence('orgs', 'id'))::int as id`,
  );
  return Number(row!.id);
}

export const isDescendantPath = (path: string, ancestorPath: string) => path.startsWith(ancestorPath);

export function presentOrg(row: OrgRow): Org {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    level: row.level as OrgLevel,
    uscc: row.uscc,
    regionCode: row.regionCode,
    active: row.active,
    path: row.path,
    depth: row.depth,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The fields the audit trail keeps for an org. */
export const auditOrg = (row: OrgRow) => ({
  name: row.name,
  level: row.level,
  parentId: row.parentId,
  path: row.path,
  uscc: row.uscc,
  regionCode: row.regionCode,
  active: row.active,
});

/** Records a change to one society in the audit trail (same transaction) and presents the result. */
export async function auditedOrg(
  q: Queryable,
  actor: Actor,
  action: AuditAction,
  before: OrgRow | null,
  after: OrgRow,
  extra: Record<string, unknown> = {},
): Promise<Org> {
  await recordAudit(q, actor, {
    action,
    orgId: after.id,
    entityType: 'org',
    entityId: after.id,
    before: before ? auditOrg(before) : undefined,
    after: { ...auditOrg(after), ...extra },
  });
  return presentOrg(after);
}
