import { shanghaiDate } from '@boai/contracts';
import type { Tx } from '../../platform/db/client.ts';
import type { DemoSeed } from '../demo.ts';
import { commitImport } from './commit-import.ts';
import { previewImport } from './preview-import.ts';

const DAY_MS = 86_400_000;

/**
 * 梁溪区's bank statement of the last days, as its bank's online banking exports it (title lines above
 * the header, a debit row, a 合计 line). One row has an amount the bank system mangled, so the
 * history shows what a row error looks like; the rest became gifts with receipts.
 */
function liangxiStatement(now: Date): string {
  const day = (n: number) => shanghaiDate(new Date(now.getTime() - n * DAY_MS)).replaceAll('-', '/');
  return [
    '中国工商银行对公账户交易明细',
    '账号：1103 0201 0900 1234 567,户名：无锡市梁溪区红十字会',
    '交易日期,交易流水号,对方户名,对方账号,借方金额,贷方金额,余额,摘要',
    `${day(9)},HX${day(9).replaceAll('/', '')}00017,无锡市梁溪区惠民商贸有限公司,="3201 0088 1234 5678",,"5,000.00","128,300.00",捐赠 博爱助学`,
    `${day(8)},HX${day(8).replaceAll('/', '')}00022,钱丽萍,="6222 0210 0300 8811 234",,200.00,"128,500.00",爱心捐款`,
    `${day(8)},HX${day(8).replaceAll('/', '')}00031,无锡市梁溪区红十字会,,"1,200.00",,"127,300.00",支付 急救培训教材印刷费`,
    `${day(7)},HX${day(7).replaceAll('/', '')}00009,周海涛,="6228 4804 0211 7733 015",,666.66,"127,966.66",捐赠`,
    `${day(6)},HX${day(6).replaceAll('/', '')}00045,梁溪区广益街道居民委员会,="3201 0088 5566 0102",,"1,880.50","129,847.16",居民爱心募捐`,
    `${day(5)},HX${day(5).replaceAll('/', '')}00013,钱丽萍,="6222 0210 0300 8811 234",,200.00,"130,047.16",爱心捐款（月捐）`,
    `${day(4)},HX${day(4).replaceAll('/', '')}00028,徐志强,="6217 0010 4000 2233 889",,1.005.00,"131,052.16",捐赠`,
    '合计,,,,"1,200.00","7,947.16",,',
  ].join('\r\n');
}

export async function seedDemoGiftImports(tx: Tx, seed: DemoSeed): Promise<void> {
  const now = new Date();
  const preview = await previewImport(
    tx,
    seed.actor,
    {
      orgId: seed.orgs.liangxi!,
      source: 'bank',
      fileName: '梁溪区红十字会-工行对公账户明细.csv',
      contentBase64: Buffer.from(liangxiStatement(now)).toString('base64'),
    },
    now,
  );
  await commitImport(tx, seed.pii, seed.actor, preview.id, now);
}
