import type { AuditEntry, AuditQuery } from '@boai/contracts';
import { and, desc, eq, gte, ilike, lte, sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import { auditLog } from '../../platform/audit/schema.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { containsPattern, likeLiteral } from '../../platform/db/like.ts';
import { orgNamesById } from '../orgs/index.ts';

export type AuditFilter = Omit<AuditQuery, 'page' | 'pageSize'>;

/** Audit rows of the societies the actor may audit (events without a society are not shown to staff). */
function where(actor: Actor, f: AuditFilter): SQL | undefined {
  const parts: SQL[] = [inScope(actor, 'audit:read', auditLog.orgId)];
  if (f.from) parts.push(gte(auditLog.at, new Date(f.from)));
  if (f.to) parts.push(lte(auditLog.at, new Date(f.to)));
  if (f.action) parts.push(ilike(auditLog.action, `${likeLiteral(f.action)}%`));
  if (f.entityType) parts.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) parts.push(eq(auditLog.entityId, f.entityId));
  if (f.actor) parts.push(ilike(auditLog.actorName, containsPattern(f.actor)));
  if (f.orgId !== undefined) {
    parts.push(inOrgSubtree(auditLog.orgId, f.orgId));
  }
  return and(...parts);
}

const columns = {
  id: auditLog.id,
  at: auditLog.at,
  actorKind: auditLog.actorKind,
  actorUserId: auditLog.actorUserId,
  actorName: auditLog.actorName,
  orgId: auditLog.orgId,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  before: auditLog.before,
  after: auditLog.after,
  ip: auditLog.ip,
};

type Row = { [K in keyof typeof columns]: unknown } & { at: Date; actorKind: string; orgId: number | null };

async function present(q: Queryable, rows: Row[]): Promise<AuditEntry[]> {
  const names = await orgNamesById(
    q,
    rows.flatMap((r) => (r.orgId === null ? [] : [r.orgId])),
  );
  return rows.map((r) => ({
    ...(r as unknown as AuditEntry),
    at: r.at.toISOString(),
    actorKind: r.actorKind as AuditEntry['actorKind'],
    orgName: r.orgId === null ? null : (names.get(r.orgId) ?? null),
  }));
}

export async function searchAudit(
  q: Queryable,
  actor: Actor,
  f: AuditFilter & { page: number; pageSize: number },
) {
  const cond = where(actor, f);
  const [count] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(cond);
  const rows = await q
    .select(columns)
    .from(auditLog)
    .where(cond)
    .orderBy(desc(auditLog.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items: await present(q, rows as Row[]), total: count?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

/** Streams matching rows in id order, a page at a time, so an export of a year never sits in memory at once. */
export async function* iterateAudit(
  q: Queryable,
  actor: Actor,
  f: AuditFilter,
  batch = 1000,
): AsyncGenerator<AuditEntry> {
  let lastId = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await q
      .select(columns)
      .from(auditLog)
      .where(and(where(actor, f), sql`${auditLog.id} < ${lastId}`))
      .orderBy(desc(auditLog.id))
      .limit(batch);
    for (const e of await present(q, rows as Row[])) yield e;
    if (rows.length < batch) return;
    lastId = Number(rows[rows.length - 1]!.id);
  }
}
