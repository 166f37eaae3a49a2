import type { CreateRescueEquipmentInput, RescueEquipment } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { presentEquipment } from './equipment.ts';
import { notInFuture, requireTeam } from './repository.ts';
import { rescueTeamEquipment } from './schema.ts';

/** 登记装备 of a team. */
export async function createEquipment(
  tx: Tx,
  actor: Actor,
  teamId: number,
  input: CreateRescueEquipmentInput,
): Promise<RescueEquipment> {
  const team = await requireTeam(tx, actor, 'relief:manage', teamId, true);
  notInFuture(input.lastCheckedOn, 'lastCheckedOn');
  const [row] = await tx
    .insert(rescueTeamEquipment)
    .values({
      orgId: team.orgId,
      teamId,
      name: input.name,
      spec: input.spec ?? null,
      quantity: input.quantity,
      condition: input.condition,
      lastCheckedOn: input.lastCheckedOn ?? null,
      notes: input.notes ?? null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'rescue_team.equipment_create',
    orgId: team.orgId,
    entityType: 'rescue_team_equipment',
    entityId: row!.id,
    after: { teamId, ...input },
  });
  return presentEquipment(row!);
}
