import {
  shanghaiDate,
  type Certificate,
  type ClassSummary,
  type Course,
  type Permission,
  type CourseKind,
  type Trainee,
  type TrainingSector,
} from '@boai/contracts';
import { and, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inScope, requireAccess } from '../../platform/access/scope.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { maskIdCard, maskMobile, type PiiVault } from '../../platform/pii/index.ts';
import { orgNamesById, orgs } from '../orgs/index.ts';
import { certificateState } from './rules.ts';
import {
  trainingBases,
  trainingCertificates,
  trainingClasses,
  trainingClassInstructors,
  trainingCourses,
  trainingInstructors,
  trainingTrainees,
} from './schema.ts';

export type CourseRow = typeof trainingCourses.$inferSelect;
export type ClassRow = typeof trainingClasses.$inferSelect;
export type TraineeRow = typeof trainingTrainees.$inferSelect;
export type CertificateRow = typeof trainingCertificates.$inferSelect;

/**
 * Rows an actor may use (courses, instructors, bases): those in their scope, and those of every
 * society above the ones where they hold `permission` — a district teaches the province's courses,
 * with the city's instructors at the city's base, without seeing the rest of the city's data.
 */
export function usableFrom(actor: Actor, permission: Permission, orgIdColumn: AnyColumn): SQL {
  if (actor.kind === 'system') return sql`true`;
  const paths = actor.grants.filter((g) => g.permissions.has(permission)).map((g) => g.orgPath);
  const above = paths.length
    ? sql`${orgIdColumn} in (select ${orgs.id} from ${orgs} where ${sql.join(
        paths.map((p) => sql`${p} like ${orgs.path} || '%'`),
        sql` or `,
      )})`
    : sql`false`;
  return sql`(${inScope(actor, permission, orgIdColumn)} or ${above})`;
}

/** A filter: rows of society `orgId` or of a society above it (what a class of `orgId` may use). */
export const atOrAbove = (orgIdColumn: AnyColumn, orgId: number): SQL =>
  sql`${orgIdColumn} in (select ${orgs.id} from ${orgs} where (select p.path from ${orgs} p where p.id = ${orgId}) like ${orgs.path} || '%')`;

export async function presentCourses(q: Queryable, rows: CourseRow[]): Promise<Course[]> {
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    kind: r.kind as CourseKind,
    name: r.name,
    hours: r.hours,
    theoryPass: r.theoryPass,
    practicalPass: r.practicalPass,
    validityMonths: r.validityMonths,
    certifies: r.validityMonths !== null,
    active: r.active,
  }));
}

/** Class rows as summaries: names, instructors and roster counts in four queries for the whole page. */
export async function presentClasses(q: Queryable, rows: ClassRow[]): Promise<ClassSummary[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const orgNames = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  const courses = new Map(
    (
      await q
        .select()
        .from(trainingCourses)
        .where(
          inArray(
            trainingCourses.id,
            rows.map((r) => r.courseId),
          ),
        )
    ).map((c) => [c.id, c]),
  );
  const baseIds = rows.flatMap((r) => (r.baseId ? [r.baseId] : []));
  const bases = new Map(
    baseIds.length
      ? (
          await q
            .select({ id: trainingBases.id, name: trainingBases.name })
            .from(trainingBases)
            .where(inArray(trainingBases.id, baseIds))
        ).map((b) => [b.id, b.name])
      : [],
  );
  const teaching = await q
    .select({
      classId: trainingClassInstructors.classId,
      id: trainingInstructors.id,
      name: trainingInstructors.name,
    })
    .from(trainingClassInstructors)
    .innerJoin(trainingInstructors, eq(trainingInstructors.id, trainingClassInstructors.instructorId))
    .where(inArray(trainingClassInstructors.classId, ids))
    .orderBy(trainingInstructors.id);
  const counts = new Map(
    (
      await q
        .select({
          classId: trainingTrainees.classId,
          enrolled: sql<number>`count(*)::int`,
          passed: sql<number>`count(*) filter (where ${trainingTrainees.result} = 'passed')::int`,
          certified: sql<number>`count(${trainingCertificates.id})::int`,
        })
        .from(trainingTrainees)
        .leftJoin(trainingCertificates, eq(trainingCertificates.traineeId, trainingTrainees.id))
        .where(inArray(trainingTrainees.classId, ids))
        .groupBy(trainingTrainees.classId)
    ).map((c) => [c.classId, c]),
  );
  return rows.map((r) => {
    const course = courses.get(r.courseId)!;
    const c = counts.get(r.id);
    return {
      id: r.id,
      orgId: r.orgId,
      orgName: orgNames.get(r.orgId) ?? '',
      courseId: r.courseId,
      courseName: course.name,
      courseKind: course.kind as CourseKind,
      baseId: r.baseId,
      baseName: r.baseId ? (bases.get(r.baseId) ?? null) : null,
      title: r.title,
      sector: r.sector as TrainingSector,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      venue: r.venue,
      capacity: r.capacity,
      enrolled: c?.enrolled ?? 0,
      passed: c?.passed ?? 0,
      certified: c?.certified ?? 0,
      publicSignup: r.publicSignup,
      status: r.status as ClassSummary['status'],
      instructors: teaching.filter((t) => t.classId === r.id).map((t) => ({ id: t.id, name: t.name })),
    };
  });
}

export function presentTrainee(pii: PiiVault, r: TraineeRow, certificateNumber: string | null): Trainee {
  return {
    id: r.id,
    classId: r.classId,
    name: r.name,
    idCardMasked: r.idCardEnc ? maskIdCard(pii.decrypt(r.idCardEnc)) : null,
    mobileMasked: r.mobileEnc ? maskMobile(pii.decrypt(r.mobileEnc)) : null,
    employer: r.employer,
    source: r.source as Trainee['source'],
    attended: r.attended,
    theoryScore: r.theoryScore,
    practicalScore: r.practicalScore,
    result: r.result as Trainee['result'],
    certificateNumber,
  };
}

/** Certificates with their society, course, holder's masked 身份证 and renewal links, as of `now`. */
export async function presentCertificates(
  q: Queryable,
  pii: PiiVault,
  rows: CertificateRow[],
  now = new Date(),
): Promise<Certificate[]> {
  if (!rows.length) return [];
  const today = shanghaiDate(now);
  const orgNames = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  const classCourse = new Map(
    (
      await q
        .select({ classId: trainingClasses.id, courseName: trainingCourses.name })
        .from(trainingClasses)
        .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
        .where(
          inArray(
            trainingClasses.id,
            rows.map((r) => r.classId),
          ),
        )
    ).map((c) => [c.classId, c.courseName]),
  );
  const trainees = new Map(
    (
      await q
        .select({ id: trainingTrainees.id, idCardEnc: trainingTrainees.idCardEnc })
        .from(trainingTrainees)
        .where(
          inArray(
            trainingTrainees.id,
            rows.map((r) => r.traineeId),
          ),
        )
    ).map((t) => [t.id, t.idCardEnc]),
  );
  const linkedIds = rows.flatMap((r) =>
    [r.renewsId, r.supersededById].filter((x): x is number => x !== null),
  );
  const linked = new Map(
    linkedIds.length
      ? (
          await q
            .select({ id: trainingCertificates.id, number: trainingCertificates.number })
            .from(trainingCertificates)
            .where(inArray(trainingCertificates.id, linkedIds))
        ).map((c) => [c.id, c.number])
      : [],
  );
  return rows.map((r) => {
    const enc = trainees.get(r.traineeId);
    return {
      id: r.id,
      number: r.number,
      orgId: r.orgId,
      orgName: orgNames.get(r.orgId) ?? '',
      classId: r.classId,
      kind: r.kind as CourseKind,
      courseName: classCourse.get(r.classId) ?? '',
      holderName: r.holderName,
      idCardMasked: enc ? maskIdCard(pii.decrypt(enc)) : null,
      issuedOn: r.issuedOn,
      validUntil: r.validUntil,
      state: certificateState(r, today),
      revokedReason: r.revokedReason,
      renews: r.renewsId ? (linked.get(r.renewsId) ?? null) : null,
      supersededBy: r.supersededById ? (linked.get(r.supersededById) ?? null) : null,
    };
  });
}

/** SQL for "state on `today`" filters, matching `certificateState`. */
export function certificateStateIs(state: Certificate['state'], today: string): SQL {
  const c = trainingCertificates;
  switch (state) {
    case 'revoked':
      return eq(c.status, 'revoked');
    case 'superseded':
      return eq(c.status, 'superseded');
    case 'expired':
      return and(eq(c.status, 'issued'), sql`${c.validUntil} < ${today}`)!;
    case 'valid':
      return and(eq(c.status, 'issued'), sql`${c.validUntil} >= ${today}`)!;
  }
}

/**
 * A class the actor manages, with its course, locked until commit: results and certificates are
 * decided against the class as it stands, and two of those for one class never interleave.
 * Out of scope or missing answers NOT_FOUND.
 */
export async function lockClassToManage(tx: Tx, actor: Actor, classId: number) {
  await requireAccess(
    tx,
    actor,
    'training:manage',
    trainingClasses,
    trainingClasses.id,
    trainingClasses.orgId,
    [classId],
  );
  const [row] = await tx
    .select({ cls: trainingClasses, course: trainingCourses })
    .from(trainingClasses)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
    .where(eq(trainingClasses.id, classId))
    .for('update', { of: trainingClasses });
  return row!;
}
