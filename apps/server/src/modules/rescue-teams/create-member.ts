import type { CreateRescueMemberInput, RescueMember } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import {
  leaderTaken,
  notInFuture,
  presentMembers,
  requireTeam,
  stoodDown,
  writeCertificates,
  type MemberRow,
} from './repository.ts';
import { rescueTeamMembers } from './schema.ts';

/** 队员入队, with skills and certificates. A team has one serving 队长. */
export async function createMember(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  teamId: number,
  input: CreateRescueMemberInput,
): Promise<RescueMember> {
  const team = await requireTeam(tx, actor, 'relief:manage', teamId, true);
  if (team.status !== 'active') throw stoodDown();
  notInFuture(input.joinedOn, 'joinedOn');
  let row: MemberRow | undefined;
  try {
    [row] = await tx
      .insert(rescueTeamMembers)
      .values({
        orgId: team.orgId,
        teamId,
        name: input.name,
        gender: input.gender,
        phoneEnc: pii.encrypt(input.phone),
        role: input.role,
        joinedOn: input.joinedOn,
        skills: input.skills,
      })
      .returning();
  } catch (e) {
    if (isUniqueViolation(e, 'rescue_team_members_leader_uq')) throw leaderTaken();
    throw e;
  }
  await writeCertificates(tx, row!, input.certificates);
  await recordAudit(tx, actor, {
    action: 'rescue_team.member_create',
    orgId: team.orgId,
    entityType: 'rescue_team_member',
    entityId: row!.id,
    after: {
      teamId,
      name: row!.name,
      role: row!.role,
      joinedOn: row!.joinedOn,
      skills: row!.skills,
      certificates: input.certificates,
    },
  });
  return (await presentMembers(tx, pii, [row!]))[0]!;
}
