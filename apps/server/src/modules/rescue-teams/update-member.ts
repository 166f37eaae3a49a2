import type { RescueMember, UpdateRescueMemberInput } from '@boai/contracts';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { invalid, notFound } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import {
  leaderTaken,
  notInFuture,
  presentMembers,
  requireTeam,
  writeCertificates,
  type MemberRow,
} from './repository.ts';
import {
  rescueDutyAssignments,
  rescueDutyShifts,
  rescueMemberCertificates,
  rescueTeamMembers,
} from './schema.ts';

/**
 * Edits a member: facts, role, skills, the whole certificate list, or 离队. Leaving takes the member
 * off every shift after the leaving day, so the roster never lists someone no longer in the team.
 */
export async function updateMember(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  teamId: number,
  memberId: number,
  input: UpdateRescueMemberInput,
): Promise<RescueMember> {
  const team = await requireTeam(tx, actor, 'relief:manage', teamId, true);
  const m = rescueTeamMembers;
  const [before] = await tx
    .select()
    .from(m)
    .where(and(eq(m.id, memberId), eq(m.teamId, teamId)))
    .for('update');
  if (!before) throw notFound();
  notInFuture(input.joinedOn, 'joinedOn');
  const joinedOn = input.joinedOn ?? before.joinedOn;
  const leftOn = input.leftOn === undefined ? before.leftOn : input.leftOn;
  if (leftOn !== null && leftOn < joinedOn) throw invalid('RESCUE_TEAM_LEFT_BEFORE_JOINED', 'leftOn');
  const { phone, certificates, ...rest } = input;
  let row: MemberRow | undefined;
  try {
    [row] = await tx
      .update(m)
      .set({ ...rest, ...(phone ? { phoneEnc: pii.encrypt(phone) } : {}), updatedAt: sql`now()` })
      .where(eq(m.id, memberId))
      .returning();
  } catch (e) {
    if (isUniqueViolation(e, 'rescue_team_members_leader_uq')) throw leaderTaken();
    throw e;
  }
  const certsBefore = certificates
    ? await tx.select().from(rescueMemberCertificates).where(eq(rescueMemberCertificates.memberId, memberId))
    : undefined;
  if (certificates) await writeCertificates(tx, row!, certificates);
  let removedFromShifts = 0;
  if (leftOn !== null && leftOn !== before.leftOn) {
    const later = tx
      .select({ id: rescueDutyShifts.id })
      .from(rescueDutyShifts)
      .where(and(eq(rescueDutyShifts.teamId, teamId), gt(rescueDutyShifts.dutyDate, leftOn)));
    removedFromShifts = (
      await tx
        .delete(rescueDutyAssignments)
        .where(
          and(eq(rescueDutyAssignments.memberId, memberId), inArray(rescueDutyAssignments.shiftId, later)),
        )
        .returning()
    ).length;
  }
  const { phoneEnc: _enc, ...shown } = before;
  await recordAudit(tx, actor, {
    action: 'rescue_team.member_update',
    orgId: team.orgId,
    entityType: 'rescue_team_member',
    entityId: memberId,
    before: {
      ...Object.fromEntries(Object.keys(rest).map((k) => [k, (shown as Record<string, unknown>)[k]])),
      ...(certsBefore
        ? {
            certificates: certsBefore.map(({ name, number, issuer, expiresOn }) => ({
              name,
              number,
              issuer,
              expiresOn,
            })),
          }
        : {}),
    },
    after: {
      ...rest,
      ...(certificates ? { certificates } : {}),
      phoneChanged: phone !== undefined,
      removedFromShifts,
    },
  });
  return (await presentMembers(tx, pii, [row!]))[0]!;
}
