import type { AuditAction } from '@boai/contracts';
import type { Queryable } from '../db/client.ts';
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
