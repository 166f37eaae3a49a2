import type { Readable } from 'node:stream';
import { DISCLOSURE_LINE_KIND_LABELS, GIFT_FORM_LABELS } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { getBatch } from './list-batches.ts';

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '类别', width: 10 },
  { header: '日期', width: 12 },
  { header: '捐赠人/受助方（公示名称）', width: 28 },
  { header: '形式', width: 8 },
  { header: '金额（元）', width: 14 },
  { header: '定向/项目', width: 30 },
  { header: '票据号码', width: 18 },
  { header: '说明', width: 36 },
] as const;

/**
 * One published batch as the .xlsx a society posts or files (公示明细表): the public lines exactly,
 * amounts in yuan as numbers. Access is checked before the download starts.
 */
export async function exportBatch(q: Queryable, actor: Actor, id: number) {
  const { batch, lines } = await getBatch(q, actor, id);
  async function* rows() {
    for (const l of lines) {
      yield [
        l.lineNo,
        DISCLOSURE_LINE_KIND_LABELS[l.kind].zh,
        l.occurredOn,
        l.publicName,
        GIFT_FORM_LABELS[l.form].zh,
        // The fen value is exact, so /100 is exact to two decimals.
        l.amountFen / 100,
        l.designation ?? '',
        l.receiptNo ?? '',
        l.note ?? '',
      ];
    }
  }
  const stream: Readable = streamXlsx(`${batch.day} 公示`, COLUMNS, rows());
  return { batch, stream };
}
