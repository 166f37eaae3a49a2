import { RESCUE_EQUIPMENT_CONDITION_LABELS, type RescueEquipment } from '@boai/contracts';
import { asc, eq } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { presentEquipment } from './equipment.ts';
import { requireTeam } from './repository.ts';
import { rescueTeamEquipment } from './schema.ts';

export async function listEquipment(q: Queryable, actor: Actor, teamId: number): Promise<RescueEquipment[]> {
  await requireTeam(q, actor, 'relief:read', teamId);
  const rows = await q
    .select()
    .from(rescueTeamEquipment)
    .where(eq(rescueTeamEquipment.teamId, teamId))
    .orderBy(asc(rescueTeamEquipment.name), asc(rescueTeamEquipment.id));
  return rows.map((r) => presentEquipment(r));
}

const COLUMNS = [
  { header: '装备名称', width: 20 },
  { header: '规格型号', width: 24 },
  { header: '数量', width: 8 },
  { header: '状况', width: 8 },
  { header: '最近点验', width: 12 },
  { header: '需点验', width: 8 },
  { header: '备注', width: 30 },
];

/** 装备清单 (.xlsx). */
export async function exportEquipment(q: Queryable, actor: Actor, teamId: number): Promise<Readable> {
  const items = await listEquipment(q, actor, teamId);
  async function* rows() {
    for (const i of items)
      yield [
        i.name,
        i.spec ?? '',
        i.quantity,
        RESCUE_EQUIPMENT_CONDITION_LABELS[i.condition].zh,
        i.lastCheckedOn ?? '',
        i.checkDue ? '是' : '',
        i.notes ?? '',
      ];
  }
  return streamXlsx('装备', COLUMNS, rows());
}
