import {
  GIFT_CHANNEL_LABELS,
  REPORT_GROUPING_LABELS,
  type DonationReport,
  type DonationReportQuery,
  type GiftChannel,
} from '@boai/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope, requireOrgAccess } from '../../platform/access/scope.ts';
import { queryRows, type Queryable } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { orgs, unsafeFindOrg } from '../orgs/index.ts';
import { appeals, gifts } from './schema.ts';

/**
 * The key and label of each grouping, as SQL over gifts joined with their society (`o`) and appeal
 * (`a`). "By society" rolls every gift up to the reported society itself or the child society whose
 * subtree it belongs to — how a city office reads its counties' figures.
 */
function grouping(by: DonationReportQuery['groupBy'], reportedPath: string): { key: SQL; label: SQL } {
  switch (by) {
    case 'month':
      return {
        key: sql`to_char(${gifts.receivedOn}, 'YYYY-MM')`,
        label: sql`to_char(${gifts.receivedOn}, 'YYYY-MM')`,
      };
    case 'channel':
      return { key: sql`${gifts.channel}`, label: sql`${gifts.channel}` };
    case 'designation':
      return {
        key: sql`case when ${gifts.appealId} is not null then 'appeal:' || ${gifts.appealId}
                      when ${gifts.purpose} is not null then 'purpose:' || ${gifts.purpose} else 'none' end`,
        label: sql`coalesce(a.name, '定向：' || ${gifts.purpose}, '非定向')`,
      };
    case 'org': {
      const child = sql`nullif(split_part(substr(o.path, ${reportedPath.length + 1}), '/', 1), '')`;
      return {
        key: sql`coalesce(${child}, 'self')`,
        label: sql`coalesce((select c.name from ${orgs} c where c.id = ${child}::int), '本级')`,
      };
    }
  }
}

/** Confirmed gifts of a society and its subtree in a period, summed per group in fen by the database. */
export async function donationReport(
  q: Queryable,
  actor: Actor,
  f: DonationReportQuery,
): Promise<DonationReport> {
  try {
    await requireOrgAccess(q, actor, 'donations:read', [f.orgId]);
  } catch {
    throw invalid('NOT_FOUND', 'orgId');
  }
  const org = (await unsafeFindOrg(q, f.orgId))!;
  const g = grouping(f.groupBy, org.path);
  const rows = await queryRows<{ key: string; label: string; n: number; fen: number }>(
    q,
    sql`select ${g.key} as key, min(${g.label}) as label, count(*)::int as n, sum(${gifts.amountFen})::bigint as fen
        from ${gifts}
        join ${orgs} o on o.id = ${gifts.orgId}
        left join ${appeals} a on a.id = ${gifts.appealId}
        where ${inScope(actor, 'donations:read', gifts.orgId)}
          and ${inOrgSubtree(gifts.orgId, f.orgId)}
          and ${gifts.status} = 'confirmed' and ${gifts.form} = ${f.form}
          ${f.from ? sql`and ${gifts.receivedOn} >= ${f.from}` : sql``}
          ${f.to ? sql`and ${gifts.receivedOn} <= ${f.to}` : sql``}
        group by 1
        order by ${f.groupBy === 'month' ? sql`1` : sql`4 desc, 1`}`,
  );
  const out = rows.map((r) => ({
    key: r.key,
    label: f.groupBy === 'channel' ? GIFT_CHANNEL_LABELS[r.label as GiftChannel].zh : r.label,
    giftCount: r.n,
    amountFen: Number(r.fen),
  }));
  return {
    rows: out,
    giftCount: out.reduce((s, r) => s + r.giftCount, 0),
    amountFen: out.reduce((s, r) => s + r.amountFen, 0),
  };
}

/** The report as .xlsx, with its total line, for the office's monthly and yearly returns. */
export function donationReportXlsx(report: DonationReport, f: DonationReportQuery) {
  async function* rows() {
    for (const r of report.rows) yield [r.label, r.giftCount, r.amountFen / 100];
    yield ['合计', report.giftCount, report.amountFen / 100];
  }
  return streamXlsx(
    `捐赠统计（${REPORT_GROUPING_LABELS[f.groupBy].zh}）`,
    [
      { header: REPORT_GROUPING_LABELS[f.groupBy].zh.replace('按', ''), width: 30 },
      { header: '笔数', width: 10 },
      { header: '金额（元）', width: 16 },
    ],
    rows(),
  );
}
