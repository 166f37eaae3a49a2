import {
  shanghaiDateTime,
  STOCKTAKE_SHEET_MAX_BYTES,
  type StocktakeSheetImportInput,
  type StocktakeSheetResult,
} from '@boai/contracts';
import ExcelJS from 'exceljs';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { AppError, conflict, invalid } from '../../platform/errors.ts';
import { readTable } from '../../platform/xlsx/read-table.ts';
import { stockBatches } from './schema.ts';
import { normalizeBatchCode } from './repository.ts';
import { recordStocktakeCounts } from './stocktake-counts.ts';
import { getStocktake } from './stocktake-list.ts';
import { lockStocktake } from './stocktake-repository.ts';

const CODE = '批次码';
const COUNTED = '实盘数量';
const REASON = '差异原因';
const BOOK = '账面数量';

/**
 * 盘点表: the printable count sheet of one stock-take, in walking order (location, item, batch), with
 * room to write the counted quantity and the reason, and lines for the counters' signatures. The same
 * file, filled in, is read back by `importStocktakeSheet` (matched by 批次码). `blind` leaves out the
 * book quantity (盲盘) so the counter is not led by it.
 */
export async function stocktakeSheet(
  q: Queryable,
  actor: Actor,
  id: number,
  blind: boolean,
): Promise<Buffer> {
  const st = await getStocktake(q, actor, id);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('盘点表', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  const columns: [string, number][] = [
    ['序号', 6],
    [CODE, 14],
    ['物资名称', 22],
    ['规格', 18],
    ['单位', 6],
    ['批号', 14],
    ['有效期至', 12],
    ['库位', 10],
    ...(blind ? [] : ([[BOOK, 10]] as [string, number][])),
    [COUNTED, 10],
    [REASON, 24],
  ];
  columns.forEach(([, width], i) => (ws.getColumn(i + 1).width = width));
  const title = ws.addRow([`${st.warehouseName} 盘点表（盘点单 ${st.id} 号）`]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, columns.length);
  ws.addRow([
    [
      st.orgName,
      `开始时间：${shanghaiDateTime(new Date(st.startedAt))}`,
      `发起人：${st.startedBy}`,
      ...(blind ? ['（盲盘）'] : []),
    ].join('    '),
  ]);
  ws.mergeCells(2, 1, 2, columns.length);
  const header = ws.addRow(columns.map(([h]) => h));
  header.font = { bold: true };
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  header.eachCell((c) => (c.border = border));
  st.lines.forEach((l, i) => {
    const row = ws.addRow([
      i + 1,
      l.batchCode,
      l.itemName,
      l.spec ?? '',
      l.unit,
      l.lotNo ?? '',
      l.expiresOn ?? '',
      l.locationCode ?? '',
      ...(blind ? [] : [l.systemQty]),
      l.countedQty ?? null,
      l.varianceReason ?? '',
    ]);
    row.eachCell({ includeEmpty: true }, (c) => (c.border = border));
    row.getCell(2).numFmt = '@';
  });
  ws.addRow([]);
  ws.addRow(['盘点人：', '', '', '复核人：', '', '', '仓库负责人：', '', '日期：']);
  // Repeat the column header on every printed page.
  ws.pageSetup.printTitlesRow = '3:3';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ERROR_TEXT = {
  code: '请填写批次码',
  qty: '应为不小于 0 的整数',
  unknown: '不是本仓库的批次',
} as const;

/**
 * Reads a filled-in count sheet and records its counts. A sheet is taken whole or not at all: any row
 * in error and nothing is written, so the office fixes the file and uploads it again. A batch written
 * on two rows (found on two shelves) counts as their sum; rows with no counted quantity are skipped.
 */
export async function importStocktakeSheet(
  tx: Tx,
  actor: Actor,
  id: number,
  input: StocktakeSheetImportInput,
): Promise<StocktakeSheetResult> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length > STOCKTAKE_SHEET_MAX_BYTES) throw invalid('STOCKTAKE_SHEET_UNREADABLE', 'contentBase64');
  const table = await readTable(bytes, [CODE, COUNTED]);
  if (!table.ok)
    throw table.reason === 'unreadable'
      ? invalid('STOCKTAKE_SHEET_UNREADABLE', 'contentBase64')
      : new AppError(
          'STOCKTAKE_SHEET_COLUMNS_MISSING',
          400,
          [{ field: 'contentBase64', code: 'STOCKTAKE_SHEET_COLUMNS_MISSING' }],
          { columns: `${CODE}、${COUNTED}` },
        );
  const st = await lockStocktake(tx, actor, 'relief:manage', id);
  if (st.status !== 'counting') throw conflict('STOCKTAKE_NOT_COUNTING');
  const errors: StocktakeSheetResult['errors'] = [];
  const error = (row: number, column: string, message: string) =>
    errors.push({ row, column, text: `第 ${row} 行「${column}」：${message}` });
  const sums = new Map<string, { qty: number; reason: string | null; row: number }>();
  for (const r of table.rows) {
    const code = normalizeBatchCode(r.get(CODE));
    const qtyText = r.get(COUNTED);
    if (!qtyText) continue;
    if (!code) {
      error(r.row, CODE, ERROR_TEXT.code);
      continue;
    }
    if (!/^\d{1,8}$/.test(qtyText)) {
      error(r.row, COUNTED, ERROR_TEXT.qty);
      continue;
    }
    const prev = sums.get(code);
    const reason = r.get(REASON) || null;
    sums.set(code, {
      qty: (prev?.qty ?? 0) + Number(qtyText),
      reason: prev?.reason ?? reason,
      row: prev?.row ?? r.row,
    });
  }
  const known = await knownCodes(tx, st.warehouseId, [...sums.keys()]);
  for (const [code, s] of sums) if (!known.has(code)) error(s.row, CODE, `${code} ${ERROR_TEXT.unknown}`);
  if (!errors.length && !sums.size) throw invalid('STOCKTAKE_SHEET_EMPTY', 'contentBase64');
  if (errors.length) return { rows: sums.size, applied: 0, errors: errors.sort((a, b) => a.row - b.row) };
  const counts = [...sums].map(([batchCode, s]) => ({
    batchCode,
    countedQty: s.qty,
    ...(s.reason ? { varianceReason: s.reason.slice(0, 200) } : {}),
  }));
  await recordStocktakeCounts(tx, actor, id, { counts });
  return { rows: sums.size, applied: counts.length, errors: [] };
}

/** Which of `codes` (normalised) name batches of the warehouse: the only ones a count may be about. */
async function knownCodes(q: Queryable, warehouseId: number, codes: string[]) {
  if (!codes.length) return new Set<string>();
  const b = stockBatches;
  const rows = await q
    .select({ code: b.code })
    .from(b)
    .where(and(eq(b.warehouseId, warehouseId), inArray(b.code, codes)));
  return new Set(rows.map((r) => r.code));
}
