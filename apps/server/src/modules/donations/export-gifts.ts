import type { Readable } from 'node:stream';
import { GIFT_CHANNEL_LABELS, GIFT_FORM_LABELS } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { iterateGifts, type ListGiftsFilter } from './list-gifts.ts';

const COLUMNS = [
  { header: '票据号码', width: 18 },
  { header: '到账日期', width: 12 },
  { header: '接收单位', width: 22 },
  { header: '捐赠人', width: 26 },
  { header: '公示名称', width: 14 },
  { header: '捐赠方式', width: 16 },
  { header: '形式', width: 8 },
  { header: '金额（元）', width: 14 },
  { header: '定向', width: 30 },
  { header: '状态', width: 8 },
] as const;

/** The gift list as filtered on screen, as .xlsx for the finance office (amounts as numbers, in yuan). */
export function exportGifts(
  q: Queryable,
  actor: Actor,
  f: Omit<ListGiftsFilter, 'page' | 'pageSize'>,
): Readable {
  return streamXlsx('捐赠明细', COLUMNS, rows(q, actor, f));
}

async function* rows(q: Queryable, actor: Actor, f: Omit<ListGiftsFilter, 'page' | 'pageSize'>) {
  for await (const g of iterateGifts(q, actor, f)) {
    yield [
      g.receiptNo,
      g.receivedOn,
      g.orgName,
      g.donorName,
      g.donorPublicName,
      GIFT_CHANNEL_LABELS[g.channel].zh,
      GIFT_FORM_LABELS[g.form].zh,
      // Yuan for the spreadsheet's sums; the fen value is exact, so /100 is exact to two decimals.
      g.amountFen / 100,
      g.appealName ?? g.purpose ?? '非定向',
      g.status === 'confirmed' ? '有效' : '已撤销',
    ];
  }
}
