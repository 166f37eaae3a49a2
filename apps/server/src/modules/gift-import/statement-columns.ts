import type { GiftImportSource } from '@boai/contracts';
import type { Cell, SheetRow } from './read-sheet.ts';
import { invalid } from '../../platform/errors.ts';

/** What a column means to us, whatever the bank or platform calls it. */
export type Field = 'date' | 'amount' | 'debit' | 'payer' | 'account' | 'reference' | 'memo' | 'project';

type ColumnSpec = { field: Field; required: boolean; aliases: readonly string[]; all?: boolean };

/**
 * The headers Chinese banks and fundraising platforms use, most usual first. A file may name a
 * column any of these ways; the first found wins. `all` joins every matching column (a statement
 * with both 摘要 and 附言 keeps both).
 */
export const COLUMNS: Record<GiftImportSource, readonly ColumnSpec[]> = {
  bank: [
    { field: 'date', required: true, aliases: ['交易日期', '记账日期', '入账日期', '交易时间'] },
    {
      field: 'amount',
      required: true,
      aliases: ['贷方金额', '收入金额', '入账金额', '贷方发生额', '收入'],
    },
    { field: 'debit', required: false, aliases: ['借方金额', '支出金额', '借方发生额', '支出'] },
    {
      field: 'payer',
      required: true,
      aliases: ['对方户名', '付款人名称', '对方账户名', '对方名称', '付款人户名', '付款人'],
    },
    { field: 'account', required: false, aliases: ['对方账号', '付款人账号', '对方账户'] },
    { field: 'reference', required: false, aliases: ['交易流水号', '流水号', '交易参考号', '银行流水号'] },
    { field: 'memo', required: false, aliases: ['摘要', '附言', '用途', '备注'], all: true },
  ],
  platform: [
    { field: 'reference', required: true, aliases: ['订单号', '捐赠单号', '交易单号', '支付单号'] },
    { field: 'date', required: true, aliases: ['捐赠时间', '支付时间', '捐赠日期'] },
    { field: 'amount', required: true, aliases: ['捐赠金额', '实付金额', '支付金额'] },
    { field: 'payer', required: false, aliases: ['捐赠人', '昵称', '捐赠人昵称', '用户昵称'] },
    { field: 'project', required: false, aliases: ['项目名称'] },
    { field: 'memo', required: false, aliases: ['留言', '捐赠留言', '备注'], all: true },
  ],
};

/** The headers of the import templates: the first name of every column. */
export const templateHeaders = (source: GiftImportSource) => COLUMNS[source].map((c) => c.aliases[0]!);

/** Where each field is: its column indexes and the header text as written in the file. */
export type ColumnMap = Partial<Record<Field, { indexes: number[]; header: string }>>;

/** "贷方金额(元)", " 交易日期 ", "*对方户名" → the bare header. */
const normalise = (c: Cell) =>
  String(c)
    .replace(/[\s*＊]/g, '')
    .replace(/[(（][^)）]*[)）]$/, '');

function mapColumns(source: GiftImportSource, header: Cell[]): ColumnMap {
  const names = header.map(normalise);
  const map: ColumnMap = {};
  for (const spec of COLUMNS[source]) {
    const indexes: number[] = [];
    for (const alias of spec.aliases) {
      names.forEach((n, i) => {
        if (n === alias && !indexes.includes(i)) indexes.push(i);
      });
      if (indexes.length && !spec.all) break;
    }
    if (indexes.length) map[spec.field] = { indexes, header: String(header[indexes[0]!]).trim() };
  }
  return map;
}

const missingOf = (source: GiftImportSource, map: ColumnMap) =>
  COLUMNS[source].filter((c) => c.required && !map[c.field]);

/** How far down title lines (账号, 户名, 起止日期 …) may push the header row. */
const HEADER_SEARCH_ROWS = 30;

/**
 * Finds the header row: the first of the top rows that names every required column. Without one,
 * the file is refused with the list of what is missing (named as the template names it, with the
 * other accepted names), judged against the row that came closest.
 */
export function findHeader(source: GiftImportSource, rows: SheetRow[]): { index: number; map: ColumnMap } {
  let best: { index: number; map: ColumnMap; found: number } | null = null;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const map = mapColumns(source, rows[i]!.cells);
    if (!missingOf(source, map).length) return { index: i, map };
    const found = Object.keys(map).length;
    if (!best || found > best.found) best = { index: i, map, found };
  }
  const missing = missingOf(source, best?.map ?? {});
  throw invalid('GIFT_IMPORT_COLUMNS_MISSING', 'contentBase64', {
    columns: missing
      .map((c) => `${c.aliases[0]}（或 ${c.aliases.slice(1).join('/')}）`.replace('（或 ）', ''))
      .join('、'),
  });
}
