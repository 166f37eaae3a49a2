import { shanghaiDate, type Certificate, type ListCertificatesQuery } from '@boai/contracts';
import { and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope, requireAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { certificateStateIs, presentCertificates, type CertificateRow } from './repository.ts';
import { trainingCertificates } from './schema.ts';

/** The WHERE of a certificate search, as of `now` (state is read from the dates at query time). */
export function certificateFilter(
  actor: Actor,
  query: Omit<ListCertificatesQuery, 'page' | 'pageSize'>,
  now: Date,
) {
  const c = trainingCertificates;
  const q = query.q?.trim();
  return and(
    inScope(actor, 'training:read', c.orgId),
    query.orgId ? inOrgSubtree(c.orgId, query.orgId) : undefined,
    query.classId ? eq(c.classId, query.classId) : undefined,
    query.state ? certificateStateIs(query.state, shanghaiDate(now)) : undefined,
    q
      ? or(eq(c.number, q.toUpperCase()), ilike(c.holderName, `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`))
      : undefined,
  );
}

export async function listCertificates(
  q: Queryable,
  pii: PiiVault,
  actor: Actor,
  query: ListCertificatesQuery,
  now = new Date(),
): Promise<{ items: Certificate[]; total: number; page: number; pageSize: number }> {
  const c = trainingCertificates;
  const where = certificateFilter(actor, query, now);
  const [{ n }] = (await q
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .where(where)) as [{ n: number }];
  const rows = await q
    .select()
    .from(c)
    .where(where)
    .orderBy(desc(c.issuedOn), desc(c.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: await presentCertificates(q, pii, rows, now),
    total: n,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function findCertificate(q: Queryable, actor: Actor, id: number): Promise<CertificateRow> {
  const c = trainingCertificates;
  await requireAccess(q, actor, 'training:read', c, c.id, c.orgId, [id]);
  return (await q.select().from(c).where(eq(c.id, id)))[0]!;
}
