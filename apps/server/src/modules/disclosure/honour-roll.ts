import type { HonourRoll } from '@boai/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { donors, gifts } from '../donations/index.ts';
import { unsafeFindOrg } from '../orgs/index.ts';
import { disclosureLines } from './schema.ts';

/**
 * 功德榜 of a society, from its published gift lines that were not reversed.
 *
 * Named givers — enterprises, and persons who consented and were published under their full name —
 * are totalled by name. Everyone else (张*三, 爱心人士) is listed gift by gift and NEVER totalled:
 * a total, a count or a "last gave on" per masked name would tie one person's gifts together, and
 * a few such fragments can single a person out. Whether a giver is named is read from the donor now,
 * so a withdrawn consent stops the totalling at once (the published lines themselves never change).
 */
export async function honourRoll(
  q: Queryable,
  f: { orgId: number; section: 'named' | 'unnamed'; page: number; pageSize: number },
): Promise<HonourRoll> {
  const org = await unsafeFindOrg(q, f.orgId);
  if (!org) throw notFound();
  const named = sql`(${donors.kind} = 'enterprise'
    or (${donors.kind} = 'person' and ${donors.nameConsent} and ${disclosureLines.publicName} = ${donors.name}))`;
  const standing = and(
    eq(disclosureLines.orgId, f.orgId),
    eq(disclosureLines.kind, 'gift'),
    sql`not exists (select 1 from ${disclosureLines} r where r.reverses_line_id = ${disclosureLines.id} and r.kind = 'reversal')`,
    f.section === 'named' ? named : sql`not ${named}`,
  );
  const offset = (f.page - 1) * f.pageSize;
  if (f.section === 'named') {
    const total = sql<number>`sum(${disclosureLines.amountFen})::bigint`;
    const base = q
      .select({
        publicName: disclosureLines.publicName,
        amountFen: total,
        giftCount: sql<number>`count(*)::int`,
        lastOn: sql<string>`max(${disclosureLines.occurredOn})::text`,
      })
      .from(disclosureLines)
      .innerJoin(gifts, eq(gifts.id, disclosureLines.giftId))
      .innerJoin(donors, eq(donors.id, gifts.donorId))
      .where(standing)
      .groupBy(disclosureLines.publicName);
    const [count] = await q.select({ n: sql<number>`count(*)::int` }).from(base.as('named_givers'));
    const rows = await base.orderBy(desc(total), disclosureLines.publicName).limit(f.pageSize).offset(offset);
    return {
      section: 'named',
      orgName: org.name,
      items: rows.map((r) => ({ ...r, amountFen: Number(r.amountFen) })),
      total: count?.n ?? 0,
      page: f.page,
      pageSize: f.pageSize,
    };
  }
  const [count] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(disclosureLines)
    .innerJoin(gifts, eq(gifts.id, disclosureLines.giftId))
    .innerJoin(donors, eq(donors.id, gifts.donorId))
    .where(standing);
  const rows = await q
    .select({
      publicName: disclosureLines.publicName,
      amountFen: disclosureLines.amountFen,
      lastOn: disclosureLines.occurredOn,
    })
    .from(disclosureLines)
    .innerJoin(gifts, eq(gifts.id, disclosureLines.giftId))
    .innerJoin(donors, eq(donors.id, gifts.donorId))
    .where(standing)
    .orderBy(desc(disclosureLines.amountFen), desc(disclosureLines.id))
    .limit(f.pageSize)
    .offset(offset);
  return {
    section: 'unnamed',
    orgName: org.name,
    items: rows.map((r) => ({ ...r, giftCount: 1 })),
    total: count?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}
