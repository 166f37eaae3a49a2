import type { Instructor, UpdateInstructorInput } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { presentInstructors } from './list-instructors.ts';
import { trainingInstructors } from './schema.ts';

/** Changes an instructor's qualifications or renews their certificate (a new 有效期至), or retires them. */
export async function updateInstructor(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  id: number,
  input: UpdateInstructorInput,
): Promise<Instructor> {
  const t = trainingInstructors;
  await requireAccess(tx, actor, 'training:manage', t, t.id, t.orgId, [id]);
  const [before] = await tx.select().from(t).where(eq(t.id, id)).for('update');
  const { mobile, courseKinds, ...rest } = input;
  const [row] = await tx
    .update(t)
    .set({
      ...rest,
      ...(courseKinds ? { courseKinds: [...new Set(courseKinds)] } : {}),
      ...(mobile !== undefined ? { mobileEnc: mobile ? pii.encrypt(mobile) : null } : {}),
    })
    .where(eq(t.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'training.instructor_update',
    orgId: row!.orgId,
    entityType: 'training_instructor',
    entityId: id,
    before: {
      level: before!.level,
      courseKinds: before!.courseKinds,
      certValidUntil: before!.certValidUntil,
      active: before!.active,
    },
    after: { ...rest, courseKinds, mobileChanged: mobile !== undefined },
  });
  return (await presentInstructors(tx, pii, [row!]))[0]!;
}
