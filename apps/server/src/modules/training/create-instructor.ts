import type { CreateInstructorInput, Instructor } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { presentInstructors } from './list-instructors.ts';
import { trainingInstructors } from './schema.ts';

/** Registers a 救护师资 with the course kinds they are qualified to teach. */
export async function createInstructor(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  input: CreateInstructorInput,
): Promise<Instructor> {
  await requireWritableOrg(tx, actor, 'training:manage', input.orgId);
  const [row] = await tx
    .insert(trainingInstructors)
    .values({
      orgId: input.orgId,
      name: input.name,
      mobileEnc: input.mobile ? pii.encrypt(input.mobile) : null,
      level: input.level,
      courseKinds: [...new Set(input.courseKinds)],
      certNo: input.certNo ?? null,
      certValidUntil: input.certValidUntil,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'training.instructor_create',
    orgId: row!.orgId,
    entityType: 'training_instructor',
    entityId: row!.id,
    after: {
      name: row!.name,
      level: row!.level,
      courseKinds: row!.courseKinds,
      certNo: row!.certNo,
      certValidUntil: row!.certValidUntil,
    },
  });
  return (await presentInstructors(tx, pii, [row!]))[0]!;
}
