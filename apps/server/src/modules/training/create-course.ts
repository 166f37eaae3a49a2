import type { Course, CreateCourseInput } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { checkCourseRules } from './course-rules.ts';
import { presentCourses } from './repository.ts';
import { trainingCourses } from './schema.ts';

/** Adds a course to a society's catalogue; its rules are checked against its kind first. */
export async function createCourse(tx: Tx, actor: Actor, input: CreateCourseInput): Promise<Course> {
  await requireWritableOrg(tx, actor, 'training:manage', input.orgId);
  checkCourseRules(input.kind, input);
  const [row] = await tx
    .insert(trainingCourses)
    .values({
      orgId: input.orgId,
      kind: input.kind,
      name: input.name,
      hours: input.hours,
      theoryPass: input.theoryPass,
      practicalPass: input.practicalPass,
      validityMonths: input.validityMonths,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'training.course_create',
    orgId: row!.orgId,
    entityType: 'training_course',
    entityId: row!.id,
    after: input,
  });
  return (await presentCourses(tx, [row!]))[0]!;
}
