import type { RescueEquipment, UpdateRescueEquipmentInput } from '@boai/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { presentEquipment } from './equipment.ts';
import { notInFuture, requireTeam } from './repository.ts';
import { rescueTeamEquipment } from './schema.ts';

/** 装备点验 and corrections: quantity, condition (报废 included), last check date, notes. */
export async function updateEquipment(
  tx: Tx,
  actor: Actor,
  teamId: number,
  itemId: number,
  input: UpdateRescueEquipmentInput,
): Promise<RescueEquipment> {
  const team = await requireTeam(tx, actor, 'relief:manage', teamId, true);
  const e = rescueTeamEquipment;
  const [before] = await tx
    .select()
    .from(e)
    .where(and(eq(e.id, itemId), eq(e.teamId, teamId)));
  if (!before) throw notFound();
  notInFuture(input.lastCheckedOn, 'lastCheckedOn');
  const [row] = await tx
    .update(e)
    .set({ ...input, updatedAt: sql`now()` })
    .where(eq(e.id, itemId))
    .returning();
  await recordAudit(tx, actor, {
    action: 'rescue_team.equipment_update',
    orgId: team.orgId,
    entityType: 'rescue_team_equipment',
    entityId: itemId,
    before: Object.fromEntries(Object.keys(input).map((k) => [k, (before as Record<string, unknown>)[k]])),
    after: input,
  });
  return presentEquipment(row!);
}
