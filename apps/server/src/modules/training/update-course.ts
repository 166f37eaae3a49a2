import type { Course, CourseKind, UpdateCourseInput } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { checkCourseRules } from './course-rules.ts';
import { presentCourses } from './repository.ts';
import { trainingCourses } from './schema.ts';

/**
 * Changes a course's name, hours, pass marks or term. Certificates already issued keep the dates they
 * were issued with; results already judged are judged again only when they are next recorded.
 */
export async function updateCourse(
  tx: Tx,
  actor: Actor,
  id: number,
  input: UpdateCourseInput,
): Promise<Course> {
  await requireAccess(
    tx,
    actor,
    'training:manage',
    trainingCourses,
    trainingCourses.id,
    trainingCourses.orgId,
    [id],
  );
  const [before] = await tx.select().from(trainingCourses).where(eq(trainingCourses.id, id)).for('update');
  const next = { ...before!, ...input };
  checkCourseRules(before!.kind as CourseKind, next);
  const [row] = await tx.update(trainingCourses).set(input).where(eq(trainingCourses.id, id)).returning();
  await recordAudit(tx, actor, {
    action: 'training.course_update',
    orgId: row!.orgId,
    entityType: 'training_course',
    entityId: id,
    before: {
      name: before!.name,
      hours: before!.hours,
      theoryPass: before!.theoryPass,
      practicalPass: before!.practicalPass,
      validityMonths: before!.validityMonths,
    },
    after: input,
  });
  return (await presentCourses(tx, [row!]))[0]!;
}
