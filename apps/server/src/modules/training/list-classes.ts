import type { ClassDetail, ClassSummary, Course, ListClassesQuery } from '@boai/contracts';
import { and, asc, desc, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope, requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { presentClasses, presentCourses, presentTrainee } from './repository.ts';
import { trainingCertificates, trainingClasses, trainingCourses, trainingTrainees } from './schema.ts';

export async function listClasses(
  q: Queryable,
  actor: Actor,
  query: ListClassesQuery,
): Promise<{ items: ClassSummary[]; total: number; page: number; pageSize: number }> {
  const c = trainingClasses;
  const where = and(
    inScope(actor, 'training:read', c.orgId),
    query.orgId ? inOrgSubtree(c.orgId, query.orgId) : undefined,
    query.sector ? eq(c.sector, query.sector) : undefined,
    query.status ? eq(c.status, query.status) : undefined,
    query.from ? sql`${c.endsOn} >= ${query.from}` : undefined,
    query.to ? sql`${c.startsOn} <= ${query.to}` : undefined,
    query.courseKind
      ? inArray(
          c.courseId,
          q
            .select({ id: trainingCourses.id })
            .from(trainingCourses)
            .where(eq(trainingCourses.kind, query.courseKind)),
        )
      : undefined,
    query.q ? ilike(c.title, `%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`) : undefined,
  );
  const [{ n }] = (await q
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .where(where)) as [{ n: number }];
  const rows = await q
    .select()
    .from(c)
    .where(where)
    .orderBy(desc(c.startsOn), desc(c.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await presentClasses(q, rows), total: n, page: query.page, pageSize: query.pageSize };
}

/** One class with its course and its whole roster (身份证 and mobile masked). */
export async function getClass(q: Queryable, pii: PiiVault, actor: Actor, id: number): Promise<ClassDetail> {
  await requireAccess(q, actor, 'training:read', trainingClasses, trainingClasses.id, trainingClasses.orgId, [
    id,
  ]);
  const [row] = await q.select().from(trainingClasses).where(eq(trainingClasses.id, id));
  const [summary] = await presentClasses(q, [row!]);
  const [courseRow] = await q.select().from(trainingCourses).where(eq(trainingCourses.id, row!.courseId));
  const [course] = (await presentCourses(q, [courseRow!])) as [Course];
  const trainees = await q
    .select({ t: trainingTrainees, number: trainingCertificates.number })
    .from(trainingTrainees)
    .leftJoin(trainingCertificates, eq(trainingCertificates.traineeId, trainingTrainees.id))
    .where(eq(trainingTrainees.classId, id))
    .orderBy(asc(trainingTrainees.id));
  return {
    ...summary!,
    course,
    trainees: trainees.map((r) => presentTrainee(pii, r.t, r.number)),
  };
}
