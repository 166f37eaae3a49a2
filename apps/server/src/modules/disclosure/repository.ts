import {
  shanghaiDate,
  startOfShanghaiDay,
  type DisclosureBatch,
  type DisclosureDraftLine,
  type DisclosureLine,
  type DisclosureTotals,
  type GiftForm,
  type PublicDisclosureBatch,
  type PublicFunds,
} from '@boai/contracts';
import { asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../platform/db/client.ts';
import { maskName } from '../../platform/pii/index.ts';
import { disbursements } from '../disbursements/index.ts';
import { appeals, donors, gifts, publicDonorName, receipts } from '../donations/index.ts';
import { orgNamesById, orgs } from '../orgs/index.ts';
import { disclosureBatches, disclosureLines } from './schema.ts';

export type BatchRow = typeof disclosureBatches.$inferSelect;

/** A line about to be published, with the row it stands for (kept off the public answer). */
export interface DraftLine extends DisclosureDraftLine {
  giftId: number | null;
  disbursementId: number | null;
}

/** The day after a 'YYYY-MM-DD' day. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d + 1);
  return t.toISOString().slice(0, 10);
}

/**
 * A recipient named in free text may be a unit (敬老院, 社区居委会) or a person receiving aid. A name as
 * short as a personal name (up to four characters) is masked like one (张*明); a unit's longer name is
 * shown in full. The people behind an aid batch are never named: the batch reference stands for them.
 */
function publicRecipientName(name: string): string {
  return Array.from(name).length <= 4 ? maskName(name) : name;
}

/** What money is bound to, in public words: the appeal's name, or 定向 and the donor's named purpose. */
const designationOf = (appealName: string | null, purpose: string | null) =>
  appealName ? (purpose ? `${appealName}（${purpose}）` : appealName) : purpose ? `定向：${purpose}` : null;

/** A receipted gift of `orgId` received on or before `day` that no batch holds yet (over `gifts`). */
export const giftPending = (orgId: number | SQL, day: string) =>
  sql`${gifts.orgId} = ${orgId} and ${gifts.status} = 'confirmed' and ${gifts.receiptId} is not null
      and ${gifts.receivedOn} <= ${day}
      and not exists (select 1 from ${disclosureLines} l where l.gift_id = ${gifts.id} and l.kind = 'gift')`;

/** A disbursement of `orgId` approved on or before `day` and not yet published (over `disbursements`). */
export const disbursementPending = (orgId: number | SQL, day: string) =>
  sql`${disbursements.orgId} = ${orgId} and ${disbursements.status} = 'approved'
      and ${disbursements.decidedAt} < ${startOfShanghaiDay(nextDay(day)).toISOString()}::timestamptz
      and not exists (select 1 from ${disclosureLines} l where l.disbursement_id = ${disbursements.id} and l.kind = 'disbursement')`;

/**
 * A published line of `orgId` whose gift or disbursement is now cancelled and that no reversal
 * answers yet (over `disclosure_lines` left-joined to `gifts` and `disbursements`).
 */
export const reversalDue = (orgId: number | SQL) =>
  sql`${disclosureLines.orgId} = ${orgId}
      and ((${disclosureLines.kind} = 'gift' and ${gifts.status} = 'cancelled')
        or (${disclosureLines.kind} = 'disbursement' and ${disbursements.status} = 'cancelled'))
      and not exists (select 1 from ${disclosureLines} r where r.reverses_line_id = ${disclosureLines.id} and r.kind = 'reversal')`;

/**
 * Everything of this society (its own, not its subtree's) that publishing `day` would write, in
 * line order: the receipted gifts received on or before the day that no batch holds yet (a gift
 * entered late for an earlier day goes into the next batch), the disbursements approved on or
 * before the day and not yet published, and one reversal for each published line whose gift or
 * disbursement has since been cancelled. The unique indexes on disclosure_lines make "not yet
 * published" hold even when two publishes race.
 */
export async function pendingLines(q: Queryable, orgId: number, day: string): Promise<DraftLine[]> {
  const giftRows = await q
    .select({
      id: gifts.id,
      receivedOn: gifts.receivedOn,
      form: gifts.form,
      amountFen: gifts.amountFen,
      appealId: gifts.appealId,
      purpose: gifts.purpose,
      appealName: appeals.name,
      receiptNo: receipts.number,
      kind: donors.kind,
      name: donors.name,
      nameConsent: donors.nameConsent,
    })
    .from(gifts)
    .innerJoin(donors, eq(donors.id, gifts.donorId))
    .innerJoin(receipts, eq(receipts.id, gifts.receiptId))
    .leftJoin(appeals, eq(appeals.id, gifts.appealId))
    .where(giftPending(orgId, day))
    .orderBy(asc(gifts.receivedOn), asc(gifts.id));

  const source = alias(gifts, 'source_gift');
  const sourceAppeal = alias(appeals, 'source_appeal');
  const sourceReceipt = alias(receipts, 'source_receipt');
  const recipientOrg = alias(orgs, 'recipient_org');
  const disbursementRows = await q
    .select({
      d: disbursements,
      appealName: appeals.name,
      sourceAppealId: source.appealId,
      sourceAppealName: sourceAppeal.name,
      sourcePurpose: source.purpose,
      sourceReceiptNo: sourceReceipt.number,
      recipientOrgName: recipientOrg.name,
    })
    .from(disbursements)
    .leftJoin(appeals, eq(appeals.id, disbursements.appealId))
    .leftJoin(source, eq(source.id, disbursements.giftId))
    .leftJoin(sourceAppeal, eq(sourceAppeal.id, source.appealId))
    .leftJoin(sourceReceipt, eq(sourceReceipt.id, source.receiptId))
    .leftJoin(recipientOrg, eq(recipientOrg.id, disbursements.recipientOrgId))
    .where(disbursementPending(orgId, day))
    .orderBy(asc(disbursements.decidedAt), asc(disbursements.id));

  const reversedRows = await q
    .select({ l: disclosureLines, day: disclosureBatches.day })
    .from(disclosureLines)
    .innerJoin(disclosureBatches, eq(disclosureBatches.id, disclosureLines.batchId))
    .leftJoin(gifts, eq(gifts.id, disclosureLines.giftId))
    .leftJoin(disbursements, eq(disbursements.id, disclosureLines.disbursementId))
    .where(reversalDue(orgId))
    .orderBy(asc(disclosureLines.id));

  const lines: Omit<DraftLine, 'lineNo'>[] = [
    ...giftRows.map((g) => ({
      kind: 'gift' as const,
      giftId: g.id,
      disbursementId: null,
      occurredOn: g.receivedOn,
      // THE masking rule: full name only for enterprises and persons who consented.
      publicName: publicDonorName(g),
      form: g.form as GiftForm,
      amountFen: g.amountFen,
      appealId: g.appealId,
      designation: designationOf(g.appealName, g.purpose),
      receiptNo: g.receiptNo,
      note: null,
      reverses: null,
    })),
    ...disbursementRows.map(({ d, ...r }) => ({
      kind: 'disbursement' as const,
      giftId: null,
      disbursementId: d.id,
      occurredOn: d.paidOn ?? shanghaiDate(d.decidedAt!),
      publicName:
        r.recipientOrgName ??
        (d.aidBatchRef
          ? `救助批次 ${d.aidBatchRef}`
          : d.recipientName
            ? publicRecipientName(d.recipientName)
            : d.purpose),
      form: 'money' as const,
      amountFen: d.amountFen,
      appealId: d.appealId ?? r.sourceAppealId,
      designation: d.appealId
        ? r.appealName
        : d.giftId
          ? designationOf(r.sourceAppealName, r.sourcePurpose)
          : null,
      // A designated gift's receipt number finds where that very gift went.
      receiptNo: r.sourceReceiptNo,
      note: d.purpose,
      reverses: null,
    })),
    ...reversedRows.map(({ l, day: reversedDay }) => ({
      kind: 'reversal' as const,
      giftId: l.giftId,
      disbursementId: l.disbursementId,
      occurredOn: day,
      publicName: l.publicName,
      form: l.form as GiftForm,
      amountFen: -l.amountFen,
      appealId: l.appealId,
      designation: l.designation,
      receiptNo: l.receiptNo,
      note: `${l.kind === 'gift' ? '捐赠已撤销' : '拨付已撤销'}，冲减 ${reversedDay} 公示第 ${l.lineNo} 行`,
      reverses: {
        lineId: l.id,
        kind: l.kind as 'gift' | 'disbursement',
        day: reversedDay,
        lineNo: l.lineNo,
      },
    })),
  ];
  return lines.map((l, i) => ({ ...l, lineNo: i + 1 }));
}

export function totalsOf(lines: readonly DisclosureDraftLine[]): DisclosureTotals {
  const t: DisclosureTotals = {
    giftCount: 0,
    giftFen: 0,
    disbursementCount: 0,
    disbursementFen: 0,
    reversalCount: 0,
    reversalFen: 0,
  };
  for (const l of lines) {
    if (l.kind === 'gift') {
      t.giftCount += 1;
      t.giftFen += l.amountFen;
    } else if (l.kind === 'disbursement') {
      t.disbursementCount += 1;
      t.disbursementFen += l.amountFen;
    } else {
      t.reversalCount += 1;
      t.reversalFen += l.amountFen;
    }
  }
  return t;
}

export const unsafeFindBatch = async (q: Queryable, orgId: number, day: string) =>
  (
    await q
      .select()
      .from(disclosureBatches)
      .where(sql`${disclosureBatches.orgId} = ${orgId} and ${disclosureBatches.day} = ${day}`)
  )[0];

export async function presentBatches(q: Queryable, rows: BatchRow[]): Promise<DisclosureBatch[]> {
  const names = await orgNamesById(
    q,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: names.get(r.orgId) ?? '',
    day: r.day,
    giftCount: r.giftCount,
    giftFen: r.giftFen,
    disbursementCount: r.disbursementCount,
    disbursementFen: r.disbursementFen,
    reversalCount: r.reversalCount,
    automatic: r.automatic,
    publishedBy: r.publishedBy,
    publishedAt: r.publishedAt.toISOString(),
  }));
}

/** A batch as the public sees it: who pressed the button is staff business. */
export const publicBatch = ({ publishedBy: _, ...b }: DisclosureBatch): PublicDisclosureBatch => b;

/** The line a reversal reverses (joined by `selectLines` and `fundsOf`). */
export const reversedLine = alias(disclosureLines, 'reversed_line');
const reversedBatch = alias(disclosureBatches, 'reversed_batch');

/**
 * Published lines matching `where`, in publication order, each with its batch day and, for a
 * reversal, the line it reverses. `where` may refer to `disclosureLines` and `reversedLine`.
 */
export async function selectLines(
  q: Queryable,
  where: SQL | undefined,
  page?: { limit: number; offset: number },
  newestFirst = false,
): Promise<{ items: DisclosureLine[]; total: number }> {
  const base = q
    .select({
      l: disclosureLines,
      day: disclosureBatches.day,
      reversedKind: reversedLine.kind,
      reversedLineNo: reversedLine.lineNo,
      reversedDay: reversedBatch.day,
    })
    .from(disclosureLines)
    .innerJoin(disclosureBatches, eq(disclosureBatches.id, disclosureLines.batchId))
    .leftJoin(reversedLine, eq(reversedLine.id, disclosureLines.reversesLineId))
    .leftJoin(reversedBatch, eq(reversedBatch.id, reversedLine.batchId))
    .where(where)
    .orderBy(
      newestFirst ? desc(disclosureLines.batchId) : asc(disclosureLines.batchId),
      asc(disclosureLines.lineNo),
    );
  const rows = await (page ? base.limit(page.limit).offset(page.offset) : base);
  const total = page
    ? ((
        await q
          .select({ n: sql<number>`count(*)::int` })
          .from(disclosureLines)
          .leftJoin(reversedLine, eq(reversedLine.id, disclosureLines.reversesLineId))
          .where(where)
      )[0]?.n ?? 0)
    : rows.length;
  return {
    total,
    items: rows.map(({ l, day, reversedKind, reversedLineNo, reversedDay }) => ({
      id: l.id,
      batchId: l.batchId,
      day,
      lineNo: l.lineNo,
      kind: l.kind as DisclosureLine['kind'],
      occurredOn: l.occurredOn,
      publicName: l.publicName,
      form: l.form as GiftForm,
      amountFen: l.amountFen,
      appealId: l.appealId,
      designation: l.designation,
      receiptNo: l.receiptNo,
      note: l.note,
      reverses:
        l.reversesLineId !== null
          ? {
              lineId: l.reversesLineId,
              kind: reversedKind as 'gift' | 'disbursement',
              day: reversedDay!,
              lineNo: reversedLineNo!,
            }
          : null,
    })),
  };
}

/** What a line counts as: a reversal counts (negatively) as the kind of line it reverses. */
export const lineCountsAs = sql<string>`coalesce(${reversedLine.kind}, ${disclosureLines.kind})`;

/**
 * Published totals over the lines matching `where` (reversals subtracted): money and goods received,
 * money spent. Net counts, so a gift published and then reversed counts zero times.
 */
export async function fundsOf(q: Queryable, where: SQL | undefined): Promise<PublicFunds> {
  const [r] = await q
    .select({
      received: sql<number>`coalesce(sum(${disclosureLines.amountFen}) filter (where ${lineCountsAs} = 'gift' and ${disclosureLines.form} = 'money'), 0)::bigint`,
      goods: sql<number>`coalesce(sum(${disclosureLines.amountFen}) filter (where ${lineCountsAs} = 'gift' and ${disclosureLines.form} = 'goods'), 0)::bigint`,
      giftCount: sql<number>`(count(*) filter (where ${disclosureLines.kind} = 'gift') - count(*) filter (where ${reversedLine.kind} = 'gift'))::int`,
      spent: sql<number>`coalesce(sum(${disclosureLines.amountFen}) filter (where ${lineCountsAs} = 'disbursement'), 0)::bigint`,
      disbursementCount: sql<number>`(count(*) filter (where ${disclosureLines.kind} = 'disbursement') - count(*) filter (where ${reversedLine.kind} = 'disbursement'))::int`,
    })
    .from(disclosureLines)
    .leftJoin(reversedLine, eq(reversedLine.id, disclosureLines.reversesLineId))
    .where(where);
  const receivedFen = Number(r?.received ?? 0);
  const spentFen = Number(r?.spent ?? 0);
  return {
    receivedFen,
    goodsFen: Number(r?.goods ?? 0),
    giftCount: r?.giftCount ?? 0,
    spentFen,
    disbursementCount: r?.disbursementCount ?? 0,
    balanceFen: receivedFen - spentFen,
  };
}

/** Lines of this kind, a reversal counting as what it reverses (for the lists of a public page). */
export const linesCountingAs = (kind: 'gift' | 'disbursement'): SQL => sql`${lineCountsAs} = ${kind}`;
