import {
  COURSE_KIND_LABELS,
  type ClassSummary,
  type CourseKind,
  type CreateClassInput,
} from '@boai/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, invalid } from '../../platform/errors.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { atOrAbove, presentClasses } from './repository.ts';
import {
  trainingBases,
  trainingClasses,
  trainingClassInstructors,
  trainingCourses,
  trainingInstructors,
} from './schema.ts';

/**
 * Opens a class. Its course, base and instructors must belong to the class's society or one above it.
 * Every instructor must be qualified for the course's kind and hold a 师资证 valid through the last day
 * of the class; a certified course needs at least one. Refusals name the field and the instructor.
 */
export async function createClass(tx: Tx, actor: Actor, input: CreateClassInput): Promise<ClassSummary> {
  await requireWritableOrg(tx, actor, 'training:manage', input.orgId);
  const [course] = await tx
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.id, input.courseId), atOrAbove(trainingCourses.orgId, input.orgId)));
  if (!course || !course.active) throw invalid('NOT_FOUND', 'courseId');

  if (input.baseId) {
    const [base] = await tx
      .select()
      .from(trainingBases)
      .where(and(eq(trainingBases.id, input.baseId), atOrAbove(trainingBases.orgId, input.orgId)));
    if (!base) throw invalid('NOT_FOUND', 'baseId');
    if (input.capacity > base.capacity)
      throw invalid('TRAINING_CLASS_OVER_BASE_CAPACITY', 'capacity', { capacity: base.capacity });
  }

  const instructorIds = [...new Set(input.instructorIds)];
  if (!instructorIds.length && course.validityMonths !== null)
    throw invalid('TRAINING_CLASS_INSTRUCTOR_REQUIRED', 'instructorIds');
  const found = instructorIds.length
    ? await tx
        .select()
        .from(trainingInstructors)
        .where(
          and(
            inArray(trainingInstructors.id, instructorIds),
            atOrAbove(trainingInstructors.orgId, input.orgId),
          ),
        )
    : [];
  const kind = course.kind as CourseKind;
  for (const id of instructorIds) {
    const t = found.find((f) => f.id === id);
    if (!t || !t.active) throw invalid('NOT_FOUND', 'instructorIds');
    if (!t.courseKinds.includes(kind))
      throw new AppError(
        'TRAINING_INSTRUCTOR_NOT_QUALIFIED',
        400,
        [{ field: 'instructorIds', code: 'TRAINING_INSTRUCTOR_NOT_QUALIFIED' }],
        {
          name: t.name,
          course: COURSE_KIND_LABELS[kind].zh,
        },
      );
    if (t.certValidUntil < input.endsOn)
      throw new AppError(
        'TRAINING_INSTRUCTOR_CERT_EXPIRED',
        400,
        [{ field: 'instructorIds', code: 'TRAINING_INSTRUCTOR_CERT_EXPIRED' }],
        {
          name: t.name,
          date: t.certValidUntil,
        },
      );
  }

  const [row] = await tx
    .insert(trainingClasses)
    .values({
      orgId: input.orgId,
      courseId: course.id,
      baseId: input.baseId ?? null,
      title: input.title,
      sector: input.sector,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      venue: input.venue ?? null,
      capacity: input.capacity,
      publicSignup: input.publicSignup,
      createdBy: actorName(actor),
    })
    .returning();
  if (instructorIds.length)
    await tx
      .insert(trainingClassInstructors)
      .values(instructorIds.map((instructorId) => ({ classId: row!.id, instructorId, orgId: row!.orgId })));
  await recordAudit(tx, actor, {
    action: 'training.class_create',
    orgId: row!.orgId,
    entityType: 'training_class',
    entityId: row!.id,
    after: { ...input, instructorIds },
  });
  return (await presentClasses(tx, [row!]))[0]!;
}
