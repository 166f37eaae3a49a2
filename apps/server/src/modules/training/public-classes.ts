import { shanghaiDate, type CourseKind, type PublicClass } from '@boai/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { orgs } from '../orgs/index.ts';
import { trainingClasses, trainingCourses, trainingTrainees } from './schema.ts';

/**
 * Classes open to online sign-up, for the public portal. Unscoped by design: it shows only what a
 * poster on a community notice board shows — title, society, course, dates, venue and seats left.
 */
export async function publicClasses(q: Queryable, id?: number, now = new Date()): Promise<PublicClass[]> {
  const c = trainingClasses;
  const rows = await q
    .select({
      id: c.id,
      title: c.title,
      orgName: orgs.name,
      courseName: trainingCourses.name,
      courseKind: trainingCourses.kind,
      hours: trainingCourses.hours,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      venue: c.venue,
      capacity: c.capacity,
      enrolled: sql<number>`(select count(*)::int from ${trainingTrainees} where ${trainingTrainees.classId} = ${c.id})`,
    })
    .from(c)
    .innerJoin(orgs, eq(orgs.id, c.orgId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, c.courseId))
    .where(
      and(
        eq(c.publicSignup, true),
        eq(c.status, 'open'),
        sql`${c.startsOn} >= ${shanghaiDate(now)}`,
        id ? eq(c.id, id) : undefined,
      ),
    )
    .orderBy(asc(c.startsOn), asc(c.id))
    .limit(100);
  if (id && !rows.length) throw notFound();
  return rows.map(({ enrolled, ...r }) => ({
    ...r,
    courseKind: r.courseKind as CourseKind,
    remaining: Math.max(0, r.capacity - enrolled),
  }));
}
