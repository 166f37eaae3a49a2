import type { Course } from '@boai/contracts';
import { and, asc } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import { atOrAbove, presentCourses, usableFrom } from './repository.ts';
import { trainingCourses } from './schema.ts';

/**
 * Courses in the actor's scope (optionally one society's subtree). With `usableAt`: the courses a
 * class of that society may use — its own and those of every society above it.
 */
export async function listCourses(
  q: Queryable,
  actor: Actor,
  filter: { orgId?: number; usableAt?: number },
): Promise<Course[]> {
  const rows = await q
    .select()
    .from(trainingCourses)
    .where(
      and(
        filter.usableAt
          ? and(
              usableFrom(actor, 'training:read', trainingCourses.orgId),
              atOrAbove(trainingCourses.orgId, filter.usableAt),
            )
          : inScope(actor, 'training:read', trainingCourses.orgId),
        filter.orgId ? inOrgSubtree(trainingCourses.orgId, filter.orgId) : undefined,
      ),
    )
    .orderBy(asc(trainingCourses.orgId), asc(trainingCourses.id));
  return presentCourses(q, rows);
}
