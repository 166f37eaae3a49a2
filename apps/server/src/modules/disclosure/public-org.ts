import type { PublicDisclosureOrg, PublicDisclosureOrgList } from '@boai/contracts';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { orgs, unsafeFindOrg } from '../orgs/index.ts';
import { fundsOf, lineCountsAs, presentBatches, publicBatch, reversedLine } from './repository.ts';
import { disclosureBatches, disclosureLines } from './schema.ts';

/**
 * 信息公开 of one society, for anyone: what it has published as received and spent (reversals
 * subtracted) and its batches by day. Unscoped by design — it reads published lines only, so
 * nothing unpublished can show. A society that has never published answers with zeros.
 */
export async function publicOrgDisclosure(
  q: Queryable,
  orgId: number,
  page: { page: number; pageSize: number },
): Promise<PublicDisclosureOrg> {
  const org = await unsafeFindOrg(q, orgId);
  if (!org) throw notFound();
  const where = eq(disclosureBatches.orgId, orgId);
  const [agg] = await q
    .select({ n: sql<number>`count(*)::int`, last: sql<string | null>`max(${disclosureBatches.day})::text` })
    .from(disclosureBatches)
    .where(where);
  const rows = await q
    .select()
    .from(disclosureBatches)
    .where(where)
    .orderBy(desc(disclosureBatches.day))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return {
    orgId: org.id,
    orgName: org.name,
    lastDay: agg?.last ?? null,
    funds: await fundsOf(q, eq(disclosureLines.orgId, orgId)),
    batches: {
      items: (await presentBatches(q, rows)).map(publicBatch),
      total: agg?.n ?? 0,
      page: page.page,
      pageSize: page.pageSize,
    },
  };
}

/** The societies that have published, in tree order, with their published totals, for the public to choose from. */
export async function listPublishingOrgs(
  q: Queryable,
  page: { page: number; pageSize: number },
): Promise<PublicDisclosureOrgList> {
  const [count] = await q
    .select({ n: sql<number>`count(distinct ${disclosureBatches.orgId})::int` })
    .from(disclosureBatches);
  const publishers = await q
    .select({
      orgId: disclosureBatches.orgId,
      orgName: orgs.name,
      lastDay: sql<string>`max(${disclosureBatches.day})::text`,
    })
    .from(disclosureBatches)
    .innerJoin(orgs, eq(orgs.id, disclosureBatches.orgId))
    .groupBy(disclosureBatches.orgId, orgs.name, orgs.path)
    .orderBy(orgs.path)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const ids = publishers.map((p) => p.orgId);
  const sums = ids.length
    ? await q
        .select({
          orgId: disclosureLines.orgId,
          received: sql<number>`coalesce(sum(${disclosureLines.amountFen}) filter (where ${lineCountsAs} = 'gift' and ${disclosureLines.form} = 'money'), 0)::bigint`,
          spent: sql<number>`coalesce(sum(${disclosureLines.amountFen}) filter (where ${lineCountsAs} = 'disbursement'), 0)::bigint`,
        })
        .from(disclosureLines)
        .leftJoin(reversedLine, eq(reversedLine.id, disclosureLines.reversesLineId))
        .where(inArray(disclosureLines.orgId, ids))
        .groupBy(disclosureLines.orgId)
    : [];
  const byOrg = new Map(sums.map((s) => [s.orgId, s]));
  return {
    items: publishers.map((p) => ({
      ...p,
      receivedFen: Number(byOrg.get(p.orgId)?.received ?? 0),
      spentFen: Number(byOrg.get(p.orgId)?.spent ?? 0),
    })),
    total: count?.n ?? 0,
    page: page.page,
    pageSize: page.pageSize,
  };
}
