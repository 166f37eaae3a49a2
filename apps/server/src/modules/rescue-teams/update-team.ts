import type { RescueTeam, UpdateRescueTeamInput } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { notInFuture, presentTeams, requireTeam, teamNameTaken, type TeamRow } from './repository.ts';
import { rescueTeams } from './schema.ts';

/** Edits a team's facts, or stands it down (撤编) / back up; the phone is replaced only when sent. */
export async function updateTeam(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  id: number,
  input: UpdateRescueTeamInput,
): Promise<RescueTeam> {
  const before = await requireTeam(tx, actor, 'relief:manage', id, true);
  notInFuture(input.foundedOn, 'foundedOn');
  const { contactPhone, ...rest } = input;
  let row: TeamRow | undefined;
  try {
    [row] = await tx
      .update(rescueTeams)
      .set({
        ...rest,
        ...(contactPhone ? { contactPhoneEnc: pii.encrypt(contactPhone) } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(rescueTeams.id, id))
      .returning();
  } catch (e) {
    if (isUniqueViolation(e, 'rescue_teams_name_uq')) throw teamNameTaken(input.name ?? before.name);
    throw e;
  }
  const { contactPhoneEnc: _enc, ...shown } = before;
  await recordAudit(tx, actor, {
    action: 'rescue_team.update',
    orgId: before.orgId,
    entityType: 'rescue_team',
    entityId: id,
    before: Object.fromEntries(Object.keys(rest).map((k) => [k, (shown as Record<string, unknown>)[k]])),
    after: { ...rest, phoneChanged: contactPhone !== undefined },
  });
  return (await presentTeams(tx, pii, [row!]))[0]!;
}
