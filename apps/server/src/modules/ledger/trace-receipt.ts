import {
  LEDGER_TRACE_STEPS,
  formatFen,
  tlog,
  type LedgerTrace,
  type LedgerTraceStep,
  type LedgerTraceStepName,
} from '@boai/contracts';
import { desc, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { useOfFunds } from '../disbursements/index.ts';
import { publishedBatchOfGifts } from '../disclosure/index.ts';
import { disasterEvents } from '../disaster-events/index.ts';
import { appeals, gifts, receipts } from '../donations/index.ts';
import { orgs } from '../orgs/index.ts';
import { publicGiftTraceRefs, warehouses } from '../relief/index.ts';
import { logKeysOf } from './log-keys.ts';
import { ledgerCheckpoints, ledgerEntries } from './schema.ts';
import { inclusionProof } from './tree.ts';

type LedgerConfig = Pick<Config, 'ledgerKeys' | 'ledgerActiveKeys' | 'publicUrl'>;

/**
 * Disbursements shown as "used" for one gift: the most recent of its fund paid since the gift came in.
 * Money in a fund is pooled, so these are what the gift's fund paid for, not payments of this gift alone.
 */
const USED_LIMIT = 20;

const STEP_OF_KIND: Record<string, LedgerTraceStepName> = {
  'gift.received': 'received',
  'receipt.issued': 'receipted',
  'disclosure.published': 'published',
  'goods.stocked': 'stocked',
  'allocation.shipped': 'shipped',
  'allocation.signed': 'signed',
  'disbursement.made': 'used',
  'aid.given': 'used',
  'receipt.voided': 'voided',
  'gift.cancelled': 'voided',
};

const TITLES: Record<LedgerTraceStepName, string> = {
  received: '接收捐赠',
  receipted: '开具捐赠票据',
  published: '每日公示',
  allocated: '调拨分配',
  stocked: '物资入库',
  shipped: '发运',
  signed: '签收',
  used: '所在资金拨付使用',
  voided: '冲红 / 撤销',
};

const yuan = (fen: unknown) => (typeof fen === 'number' ? formatFen(fen, { symbol: true }) : '');

/** Names the relief entries refer to by id (societies, warehouses, events), looked up once per trace. */
interface Names {
  orgs: Map<number, string>;
  warehouses: Map<number, string>;
  events: Map<number, string>;
}

type GoodsLine = { item?: unknown; unit?: unknown; gift?: unknown } & Record<string, unknown>;

/**
 * "家庭应急包 300 个，棉被 20 床": the lines of a relief entry that carry this gift's goods (an allocation
 * may carry several donors' goods; only this donor's are theirs to trace), summed per item.
 */
function goodsText(e: Record<string, unknown>, qtyField: string, giftRef: string): string {
  const sums = new Map<string, { unit: string; qty: number }>();
  for (const l of (e.lines ?? []) as GoodsLine[]) {
    if (l.gift !== undefined && l.gift !== giftRef) continue;
    const qty = typeof l[qtyField] === 'number' ? l[qtyField] : 0;
    if (!qty) continue;
    const key = String(l.item);
    const s = sums.get(key) ?? { unit: String(l.unit ?? ''), qty: 0 };
    s.qty += qty;
    sums.set(key, s);
  }
  return [...sums].map(([item, s]) => `${item} ${s.qty.toLocaleString('en-US')} ${s.unit}`).join('，');
}

/** 梁溪区红十字会（台风“海葵”）: where an allocation went, as the public reads it. */
function destinationText(e: Record<string, unknown>, names: Names): string {
  const event = typeof e.event === 'number' ? names.events.get(e.event) : undefined;
  const org = typeof e.toOrg === 'number' ? names.orgs.get(e.toOrg) : undefined;
  if (e.destination === 'event') return event ?? '';
  const base = e.destination === 'aid' ? `${org ?? ''}救助批次 ${String(e.aidBatch)}` : (org ?? '');
  return event ? `${base}（${event}）` : base;
}

/** A warehouse under its society's name unless it already carries it: 无锡市红十字会备灾仓库. */
const warehouseText = (id: unknown, orgName: string, names: Names) => {
  const name = typeof id === 'number' ? (names.warehouses.get(id) ?? '') : '';
  return name.startsWith(orgName) ? name : `${orgName}${name}`;
};

function detailOf(
  kind: string,
  e: Record<string, unknown>,
  orgName: string,
  names: Names,
  giftRef: string,
): string {
  switch (kind) {
    case 'goods.stocked':
      return `${warehouseText(e.warehouse, orgName, names)}入库 ${goodsText(e, 'acceptedQty', giftRef)}`;
    case 'allocation.shipped':
      return `发往 ${destinationText(e, names)} ${goodsText(e, 'quantity', giftRef)}`;
    case 'allocation.signed': {
      const to = typeof e.toOrg === 'number' ? (names.orgs.get(e.toOrg) ?? '') : '';
      return `${to}签收 ${goodsText(e, 'receivedQty', giftRef)}`;
    }
    case 'gift.received':
      return `${orgName}收到${e.form === 'goods' ? '物资' : '善款'} ${yuan(e.amountFen)}（${String(e.receivedOn)}）`;
    case 'receipt.issued':
      return `票据 ${String(e.number)}，金额 ${yuan(e.amountFen)}${e.replaces ? `，替换已冲红的 ${String(e.replaces)}` : ''}`;
    case 'disclosure.published':
      return `${orgName} ${String(e.day)} 公示：收到捐赠 ${String(e.giftCount)} 笔，共 ${yuan(e.giftFen)}`;
    case 'disbursement.made':
      return `${orgName}拨付 ${yuan(e.amountFen)}：${String(e.purpose)}${e.paidOn ? `（${String(e.paidOn)}）` : ''}`;
    case 'receipt.voided':
      return `票据 ${String(e.number)} 已冲红`;
    case 'gift.cancelled':
      return `捐赠已撤销（${yuan(e.amountFen)}）`;
    default:
      return orgName;
  }
}

/**
 * 善款去向: a receipt's journey through the logs — received, receipted, published, used (and voided) —
 * each step with its log entry and an inclusion proof against the latest checkpoint of the log it is
 * in, so the browser can check every step itself. A step not yet in a checkpoint has `proof: null`
 * (shown as 待入账); an event not yet appended is not shown.
 */
export async function traceReceipt(q: Queryable, config: LedgerConfig, number: string): Promise<LedgerTrace> {
  const [r] = await q
    .select({
      receipt: receipts,
      gift: gifts,
      orgName: orgs.name,
      appealName: appeals.name,
    })
    .from(receipts)
    .innerJoin(gifts, eq(gifts.id, receipts.giftId))
    .innerJoin(orgs, eq(orgs.id, receipts.orgId))
    .leftJoin(appeals, eq(appeals.id, gifts.appealId))
    .where(eq(receipts.number, number));
  if (!r)
    throw new AppError('LEDGER_RECEIPT_NOT_FOUND', 404, [
      { field: 'receiptNumber', code: 'LEDGER_RECEIPT_NOT_FOUND' },
    ]);
  const { receipt, gift } = r;

  const refs = [`gift:${gift.id}`, `receipt:${receipt.id}`];
  const batch = (await publishedBatchOfGifts(q, [gift.id])).get(gift.id);
  if (batch) refs.push(`disclosure-batch:${batch}`);
  if (gift.form === 'money' && gift.status === 'confirmed') {
    const fund = gift.appealId
      ? { appealId: gift.appealId }
      : gift.purpose
        ? { giftId: gift.id }
        : { orgId: gift.orgId };
    for (const use of await useOfFunds(q, fund, { limit: USED_LIMIT, since: gift.receivedOn }))
      refs.push(`disbursement:${use.id}`);
  }
  // Goods: taken into stock, then every allocation that carried them, at any distance from the gift.
  if (gift.form === 'goods') refs.push(...(await publicGiftTraceRefs(q, gift.id)));
  const rows = await q
    .select({ e: ledgerEntries, orgName: orgs.name })
    .from(ledgerEntries)
    .innerJoin(orgs, eq(orgs.id, ledgerEntries.orgId))
    .where(inArray(ledgerEntries.ref, refs))
    .orderBy(ledgerEntries.createdAt);
  // A receipt's other entries (an earlier receipt of the same gift) are not this receipt's journey.
  const entries = rows.filter(
    ({ e }) => STEP_OF_KIND[e.kind] && !(e.ref.startsWith('receipt:') && e.ref !== `receipt:${receipt.id}`),
  );

  const orgIds = [...new Set([receipt.orgId, ...entries.map(({ e }) => e.orgId)])];
  const checkpoints = await latestCheckpoints(q, orgIds);
  const objects = entries.map(({ e }) => JSON.parse(e.entry) as Record<string, unknown>);
  const names = await reliefNames(q, objects);
  const steps: LedgerTraceStep[] = [];
  for (const [i, { e, orgName }] of entries.entries()) {
    const cp = checkpoints.get(e.orgId);
    const inCheckpoint = cp && e.idx < cp.size;
    const object = objects[i]!;
    steps.push({
      step: STEP_OF_KIND[e.kind]!,
      at: String(object.at ?? e.createdAt.toISOString()),
      title: TITLES[STEP_OF_KIND[e.kind]!],
      detail: detailOf(e.kind, object, orgName, names, `gift:${gift.id}`),
      entry: {
        orgId: e.orgId,
        index: e.idx,
        kind: e.kind,
        entry: e.entry,
        leafHash: tlog.toBase64(new Uint8Array(e.leafHash)),
      },
      proof: inCheckpoint
        ? {
            size: cp.size,
            hashes: (await inclusionProof(q, e.orgId, e.idx, cp.size)).map((h) => tlog.toBase64(h)),
            checkpoint: cp.note,
          }
        : null,
    });
  }
  // The journey's order first (a receipt may be stamped in the same instant as its gift), then time.
  // Goods move in hops (stocked, shipped, signed, shipped on …): those steps keep to time among themselves.
  const rank = (s: LedgerTraceStep) =>
    LEDGER_TRACE_STEPS.indexOf(GOODS_STEPS.has(s.step) ? 'stocked' : s.step);
  steps.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) ||
      LEDGER_TRACE_STEPS.indexOf(a.step) - LEDGER_TRACE_STEPS.indexOf(b.step),
  );
  return {
    receipt: {
      number: receipt.number,
      status: receipt.status as 'issued' | 'voided',
      amountFen: receipt.amountFen,
      date: receipt.issuedAt.toISOString(),
      orgId: receipt.orgId,
      orgName: r.orgName,
      appealName: r.appealName,
    },
    checkpoint: checkpoints.get(receipt.orgId)?.note ?? '',
    logKeys: logKeysOf(config, receipt.orgId).verifierKeys,
    steps,
  };
}

const GOODS_STEPS = new Set<LedgerTraceStepName>(['stocked', 'shipped', 'signed']);

/** The societies, warehouses and events relief entries name by id, in three queries at most. */
async function reliefNames(q: Queryable, objects: Record<string, unknown>[]): Promise<Names> {
  const ids = (field: string) => [
    ...new Set(objects.map((o) => o[field]).filter((v): v is number => typeof v === 'number')),
  ];
  const lookup = async <T extends { id: number; name: string }>(wanted: number[], load: () => Promise<T[]>) =>
    new Map(wanted.length ? (await load()).map((r) => [r.id, r.name]) : []);
  const orgIds = ids('toOrg');
  const warehouseIds = ids('warehouse');
  const eventIds = ids('event');
  return {
    orgs: await lookup(orgIds, () =>
      q.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, orgIds)),
    ),
    warehouses: await lookup(warehouseIds, () =>
      q
        .select({ id: warehouses.id, name: warehouses.name })
        .from(warehouses)
        .where(inArray(warehouses.id, warehouseIds)),
    ),
    events: await lookup(eventIds, () =>
      q
        .select({ id: disasterEvents.id, name: disasterEvents.name })
        .from(disasterEvents)
        .where(inArray(disasterEvents.id, eventIds)),
    ),
  };
}

/** The latest checkpoint of each log, in one query. */
async function latestCheckpoints(q: Queryable, orgIds: number[]) {
  const rows = await q
    .selectDistinctOn([ledgerCheckpoints.orgId], {
      orgId: ledgerCheckpoints.orgId,
      size: ledgerCheckpoints.size,
      note: ledgerCheckpoints.note,
    })
    .from(ledgerCheckpoints)
    .where(inArray(ledgerCheckpoints.orgId, orgIds))
    .orderBy(ledgerCheckpoints.orgId, desc(ledgerCheckpoints.size));
  return new Map(rows.map((r) => [r.orgId, r]));
}
