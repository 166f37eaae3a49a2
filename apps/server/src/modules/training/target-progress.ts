import {
  TRAINING_SECTORS,
  type TargetProgress,
  type TargetProgressQuery,
  type TrainingSector,
} from '@boai/contracts';
import { and, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope, requireOrgAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { orgs } from '../orgs/index.ts';
import {
  trainingCertificates,
  trainingClasses,
  trainingCourses,
  trainingTargets,
  trainingTrainees,
} from './schema.ts';
import { CERTIFIED_KINDS, presentTarget } from './targets.ts';

interface Tally {
  path: string;
  month: number;
  sector: string;
  n: number;
}

/**
 * A society's year against its targets: who was certified (a new 救护员 or instructor certificate
 * issued that year, not revoked — a renewal is the same person again, so it does not count) and who was
 * reached (attended an awareness session of a class ending that year), over its whole subtree, split
 * by child society, month and 五进 sector. Only rows the actor may read are counted.
 */
export async function targetProgress(
  q: Queryable,
  actor: Actor,
  query: TargetProgressQuery,
): Promise<TargetProgress> {
  await requireOrgAccess(q, actor, 'training:read', [query.orgId]);
  const from = `${query.year}-01-01`;
  const to = `${query.year}-12-31`;
  const c = trainingCertificates;
  const cl = trainingClasses;
  const t = trainingTrainees;
  const certMonth = sql<number>`extract(month from ${c.issuedOn})::int`;
  const classMonth = sql<number>`extract(month from ${cl.endsOn})::int`;

  const certified = (await q
    .select({
      path: orgs.path,
      month: certMonth,
      sector: cl.sector,
      n: sql<number>`count(*)::int`,
    })
    .from(c)
    .innerJoin(cl, eq(cl.id, c.classId))
    .innerJoin(orgs, eq(orgs.id, c.orgId))
    .where(
      and(
        inScope(actor, 'training:read', c.orgId),
        inOrgSubtree(c.orgId, query.orgId),
        gte(c.issuedOn, from),
        lte(c.issuedOn, to),
        inArray(c.kind, [...CERTIFIED_KINDS]),
        isNull(c.renewsId),
        ne(c.status, 'revoked'),
      ),
    )
    .groupBy(orgs.path, certMonth, cl.sector)) as Tally[];

  const reached = (await q
    .select({
      path: orgs.path,
      month: classMonth,
      sector: cl.sector,
      n: sql<number>`count(*)::int`,
    })
    .from(t)
    .innerJoin(cl, eq(cl.id, t.classId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, cl.courseId))
    .innerJoin(orgs, eq(orgs.id, t.orgId))
    .where(
      and(
        inScope(actor, 'training:read', t.orgId),
        inOrgSubtree(t.orgId, query.orgId),
        eq(trainingCourses.kind, 'awareness'),
        eq(t.attended, true),
        gte(cl.endsOn, from),
        lte(cl.endsOn, to),
      ),
    )
    .groupBy(orgs.path, classMonth, cl.sector)) as Tally[];

  const [self] = await q.select().from(orgs).where(eq(orgs.id, query.orgId));
  const children = await q
    .select({ id: orgs.id, name: orgs.name, path: orgs.path })
    .from(orgs)
    .where(and(eq(orgs.parentId, query.orgId), inScope(actor, 'training:read', orgs.id)))
    .orderBy(orgs.path);
  const targets = new Map(
    (
      await q
        .select()
        .from(trainingTargets)
        .where(
          and(
            eq(trainingTargets.year, query.year),
            inArray(trainingTargets.orgId, [query.orgId, ...children.map((k) => k.id)]),
          ),
        )
    ).map((r) => [r.orgId, presentTarget(r)]),
  );

  const sum = (rows: Tally[], keep: (r: Tally) => boolean) =>
    rows.reduce((acc, r) => (keep(r) ? acc + r.n : acc), 0);
  const both = (keep: (r: Tally) => boolean) => ({
    certified: sum(certified, keep),
    reached: sum(reached, keep),
  });
  return {
    orgId: query.orgId,
    orgName: self!.name,
    year: query.year,
    target: targets.get(query.orgId) ?? null,
    ...both(() => true),
    children: children.map((k) => ({
      orgId: k.id,
      orgName: k.name,
      target: targets.get(k.id) ?? null,
      ...both((r) => r.path.startsWith(k.path)),
    })),
    months: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, ...both((r) => r.month === i + 1) })),
    sectors: TRAINING_SECTORS.map((sector: TrainingSector) => ({
      sector,
      ...both((r) => r.sector === sector),
    })),
  };
}
