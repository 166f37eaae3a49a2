import {
  RESCUE_EQUIPMENT_CHECK_DAYS,
  shanghaiDate,
  type RescueEquipment,
  type RescueEquipmentCondition,
  addDays,
} from '@boai/contracts';
import type { rescueTeamEquipment } from './schema.ts';

/** An item as shown: flagged when never checked or not within the check interval (scrapped items never). */
export function presentEquipment(
  r: typeof rescueTeamEquipment.$inferSelect,
  now = new Date(),
): RescueEquipment {
  const due = addDays(shanghaiDate(now), -RESCUE_EQUIPMENT_CHECK_DAYS);
  return {
    id: r.id,
    teamId: r.teamId,
    name: r.name,
    spec: r.spec,
    quantity: r.quantity,
    condition: r.condition as RescueEquipmentCondition,
    lastCheckedOn: r.lastCheckedOn,
    notes: r.notes,
    checkDue: r.condition !== 'scrapped' && (r.lastCheckedOn === null || r.lastCheckedOn < due),
  };
}
