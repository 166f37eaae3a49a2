import type { CourseKind, Instructor, InstructorLevel } from '@boai/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { maskMobile, type PiiVault } from '../../platform/pii/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import { atOrAbove, usableFrom } from './repository.ts';
import { trainingClasses, trainingClassInstructors, trainingCourses, trainingInstructors } from './schema.ts';

type InstructorRow = typeof trainingInstructors.$inferSelect;

/** Instructors with their teaching record: the course hours of every completed class they taught. */
export async function presentInstructors(
  q: Queryable,
  pii: PiiVault,
  rows: InstructorRow[],
): Promise<Instructor[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const taught = new Map(
    (
      await q
        .select({
          id: trainingClassInstructors.instructorId,
          hours: sql<number>`coalesce(sum(${trainingCourses.hours}) filter (where ${trainingClasses.status} = 'completed'), 0)::int`,
          classes: sql<number>`count(*)::int`,
        })
        .from(trainingClassInstructors)
        .innerJoin(trainingClasses, eq(trainingClasses.id, trainingClassInstructors.classId))
        .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
        .where(inArray(trainingClassInstructors.instructorId, ids))
        .groupBy(trainingClassInstructors.instructorId)
    ).map((t) => [t.id, t]),
  );
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    name: r.name,
    mobileMasked: r.mobileEnc ? maskMobile(pii.decrypt(r.mobileEnc)) : null,
    level: r.level as InstructorLevel,
    courseKinds: r.courseKinds as CourseKind[],
    certNo: r.certNo,
    certValidUntil: r.certValidUntil,
    teachingHours: taught.get(r.id)?.hours ?? 0,
    classCount: taught.get(r.id)?.classes ?? 0,
    active: r.active,
  }));
}

export async function listInstructors(
  q: Queryable,
  pii: PiiVault,
  actor: Actor,
  filter: { orgId?: number; usableAt?: number; courseKind?: CourseKind },
): Promise<Instructor[]> {
  const t = trainingInstructors;
  const rows = await q
    .select()
    .from(t)
    .where(
      and(
        filter.usableAt
          ? usableFrom(actor, 'training:read', t.orgId)
          : inScope(actor, 'training:read', t.orgId),
        filter.orgId ? inOrgSubtree(t.orgId, filter.orgId) : undefined,
        filter.usableAt ? atOrAbove(t.orgId, filter.usableAt) : undefined,
        filter.courseKind ? sql`${filter.courseKind} = any(${t.courseKinds})` : undefined,
      ),
    )
    .orderBy(asc(t.orgId), asc(t.id))
    .limit(1000);
  return presentInstructors(q, pii, rows);
}
