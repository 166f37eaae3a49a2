import type { CreateRescueTeamInput, RescueTeam } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { notInFuture, presentTeams, teamNameTaken } from './repository.ts';
import { rescueTeams } from './schema.ts';

/** 组建救援队. Names are unique within a society; the unique index decides between two at once. */
export async function createTeam(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  input: CreateRescueTeamInput,
): Promise<RescueTeam> {
  await requireWritableOrg(tx, actor, 'relief:manage', input.orgId);
  notInFuture(input.foundedOn, 'foundedOn');
  const [row] = await tx
    .insert(rescueTeams)
    .values({
      orgId: input.orgId,
      name: input.name,
      type: input.type,
      foundedOn: input.foundedOn,
      leaderName: input.leaderName,
      contactPhoneEnc: pii.encrypt(input.contactPhone),
      baseAddress: input.baseAddress,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw teamNameTaken(input.name);
  await recordAudit(tx, actor, {
    action: 'rescue_team.create',
    orgId: row.orgId,
    entityType: 'rescue_team',
    entityId: row.id,
    after: { name: row.name, type: row.type, foundedOn: row.foundedOn, leaderName: row.leaderName },
  });
  return (await presentTeams(tx, pii, [row]))[0]!;
}
