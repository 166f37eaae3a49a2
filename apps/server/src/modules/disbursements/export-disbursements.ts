import type { Readable } from 'node:stream';
import { DISBURSEMENT_STATUS_LABELS, FUND_SOURCE_LABELS, shanghaiDateTime } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { streamXlsx } from '../../platform/xlsx/stream-xlsx.ts';
import { iterateDisbursements, type DisbursementFilter } from './list-disbursements.ts';

const COLUMNS = [
  { header: '编号', width: 8 },
  { header: '拨付单位', width: 22 },
  { header: '资金来源', width: 12 },
  { header: '项目 / 定向捐赠票据', width: 30 },
  { header: '金额（元）', width: 14 },
  { header: '用途', width: 30 },
  { header: '拨付对象', width: 24 },
  { header: '救助批次', width: 14 },
  { header: '状态', width: 8 },
  { header: '申请人', width: 12 },
  { header: '申请时间', width: 20 },
  { header: '审批人', width: 12 },
  { header: '拨付日期', width: 12 },
  { header: '审批意见', width: 30 },
] as const;

/** The list as filtered on screen, as .xlsx for the finance office (amounts as numbers, in yuan). */
export function exportDisbursements(q: Queryable, actor: Actor, f: DisbursementFilter): Readable {
  return streamXlsx('拨付明细', COLUMNS, rows(q, actor, f));
}

async function* rows(q: Queryable, actor: Actor, f: DisbursementFilter) {
  for await (const d of iterateDisbursements(q, actor, f)) {
    yield [
      d.id,
      d.orgName,
      FUND_SOURCE_LABELS[d.source].zh,
      d.appealName ?? d.giftReceiptNo ?? '',
      // Yuan for the spreadsheet's sums; fen are exact, so /100 is exact to two decimals.
      d.amountFen / 100,
      d.purpose,
      d.recipientOrgName ?? d.recipientName ?? '',
      d.aidBatchRef ?? '',
      DISBURSEMENT_STATUS_LABELS[d.status].zh,
      d.requestedBy,
      shanghaiDateTime(new Date(d.requestedAt)),
      d.decidedBy ?? '',
      d.paidOn ?? '',
      d.decisionNote ?? '',
    ];
  }
}
