import type { AuditAction } from '@boai/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { actorName, type Actor } from '../access/actor.ts';
import { auditLog } from './schema.ts';

export interface AuditEvent {
  /** A code of the catalogue in contracts (a new action needs its label there). */
  action: AuditAction;
  orgId: number | null;
  entityType?: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
}

const auditRow = (actor: Actor | null, event: AuditEvent, ip?: string | null) => ({
  actorKind: actor ? actor.kind : 'anonymous',
  actorUserId: actor?.kind === 'user' ? actor.userId : null,
  actorName: actor ? actorName(actor) : null,
  orgId: event.orgId,
  action: event.action,
  entityType: event.entityType ?? null,
  entityId: event.entityId === undefined ? null : String(event.entityId),
  before: event.before ?? null,
  after: event.after ?? null,
  ip: ip ?? actor?.ip ?? null,
});

/**
 * Writes one audit row. Call it inside the same transaction as the write it describes,
 * so a write without its audit row (or the reverse) cannot exist.
 */
export async function recordAudit(
  q: Queryable,
  actor: Actor | null,
  event: AuditEvent,
  ip?: string | null,
): Promise<void> {
  await q.insert(auditLog).values(auditRow(actor, event, ip));
}

/** Many audit rows in one statement, for writes done in batches (same transaction rule). */
export async function recordAudits(q: Queryable, entries: { actor: Actor; event: AuditEvent }[]) {
  if (entries.length) await q.insert(auditLog).values(entries.map((e) => auditRow(e.actor, e.event)));
}

const jsonParam = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/**
 * The INSERT of audit rows for entities that the same statement creates (as one of its CTEs), whose
 * ids exist only inside it: `ids` names a relation `(ord, entity_id)` of that statement, and the entry
 * at position `ord` is written with that entity id. Used where a batch writes everything in one round trip.
 */
export function auditInsertFor(entries: { actor: Actor; event: AuditEvent }[], ids: SQL): SQL {
  const rows = rowsOf(
    {
      ord: 'int',
      actor_kind: 'text',
      actor_user_id: 'int',
      actor_name: 'text',
      org_id: 'int',
      action: 'text',
      entity_type: 'text',
      before: 'jsonb',
      after: 'jsonb',
      ip: 'text',
    },
    entries.map((e, ord) => {
      const r = auditRow(e.actor, e.event);
      return {
        ord,
        actor_kind: r.actorKind,
        actor_user_id: r.actorUserId,
        actor_name: r.actorName,
        org_id: r.orgId,
        action: r.action,
        entity_type: r.entityType,
        before: jsonParam(r.before),
        after: jsonParam(r.after),
        ip: r.ip,
      };
    }),
  );
  return sql`insert into ${auditLog} (actor_kind, actor_user_id, actor_name, org_id, action, entity_type,
      entity_id, before, after, ip)
    select a.actor_kind, a.actor_user_id, a.actor_name, a.org_id, a.action, a.entity_type,
      ids.entity_id::text, a.before, a.after, a.ip
    from ${rows} as a join ${ids} as ids using (ord)`;
}
