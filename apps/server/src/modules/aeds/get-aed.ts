import type { AedDetail, AedInspection, AedInspectionResult } from '@boai/contracts';
import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { presentAeds } from './repository.ts';
import { aedDevices, aedInspections } from './schema.ts';

export const presentInspection = (r: typeof aedInspections.$inferSelect): AedInspection => ({
  id: r.id,
  deviceId: r.deviceId,
  inspectedOn: r.inspectedOn,
  inspector: r.inspector,
  result: r.result as AedInspectionResult,
  notes: r.notes,
  recordedBy: r.recordedBy,
});

/** One device with its inspections, newest first. */
export async function getAed(q: Queryable, pii: PiiVault, actor: Actor, id: number): Promise<AedDetail> {
  const t = aedDevices;
  await requireAccess(q, actor, 'training:read', t, t.id, t.orgId, [id]);
  const [row] = await q.select().from(t).where(eq(t.id, id));
  const inspections = await q
    .select()
    .from(aedInspections)
    .where(eq(aedInspections.deviceId, id))
    .orderBy(desc(aedInspections.inspectedOn), desc(aedInspections.id));
  const [device] = await presentAeds(q, pii, [row!]);
  return { ...device!, inspections: inspections.map(presentInspection) };
}
