import type { GiftImportSource } from '@boai/contracts';
import ExcelJS from 'exceljs';
import { templateHeaders } from './statement-columns.ts';

/** One example row per source, in the order of the template's headers. */
const EXAMPLES: Record<GiftImportSource, (string | number)[]> = {
  bank: [
    '2026-09-01',
    '1,000.00',
    '',
    '无锡市梁溪区惠民商贸有限公司',
    '6222 0210 0100 1234 567',
    'HX20260901000123',
    '捐赠 河南抗洪救灾',
  ],
  platform: ['99GY202609070001', '2026-09-07 10:23:11', '99.00', '爱心小王', '博爱家园 社区急救角', '加油！'],
};

const NOTES: Record<GiftImportSource, string> = {
  bank:
    '第 1 行为表头，请勿修改；第 2 行为示例，请替换或删除。日期可写 2026-09-01、2026/09/01 或 20260901；' +
    '金额以元为单位，最多两位小数；只导入贷方（收入）金额，借方（支出）行自动跳过；同一流水号重复导入不会重复记账。',
  platform:
    '第 1 行为表头，请勿修改；第 2 行为示例，请替换或删除。订单号必填，同一订单号重复导入不会重复记账；' +
    '捐赠人昵称按匿名（爱心人士）登记，企业名称按企业登记。',
};

/** The import template of a source as .xlsx: the expected headers and one example row; notes on a second sheet. */
export async function importTemplate(source: GiftImportSource): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(source === 'bank' ? '银行到账明细' : '平台捐赠明细');
  const headers = templateHeaders(source);
  sheet.columns = headers.map((header) => ({ header, width: Math.max(14, header.length * 4) }));
  sheet.getRow(1).font = { bold: true };
  // Text cells, so Excel keeps long account and order numbers as typed instead of 6.22E+18.
  sheet.addRow(EXAMPLES[source]).eachCell((c) => (c.numFmt = '@'));
  // Notes live on their own sheet: the statement sheet must hold nothing but rows to import.
  const notes = workbook.addWorksheet('填写说明');
  notes.getColumn(1).width = 100;
  notes.addRow([NOTES[source]]).alignment = { wrapText: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
