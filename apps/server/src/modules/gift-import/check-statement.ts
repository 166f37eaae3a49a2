import { createHash } from 'node:crypto';
import {
  isValidDateString,
  MoneyFormatError,
  parseYuan,
  shanghaiDate,
  type GiftImportError,
  type GiftImportRow,
  type GiftImportSource,
} from '@boai/contracts';
import { invalid } from '../../platform/errors.ts';
import type { Cell, SheetRow } from './read-sheet.ts';
import { findHeader, type Field } from './statement-columns.ts';

/** A file bigger than this is split by month: one commit holds every row in one transaction. */
export const MAX_DATA_ROWS = 10_000;
const MAX_PAYER = 100;
const MAX_REFERENCE = 64;
const MAX_MEMO = 500;

export interface CheckedStatement {
  /** Rows that will become gifts (the `duplicate` flag is set later, against the database). */
  rows: GiftImportRow[];
  errors: GiftImportError[];
  totalRows: number;
  errorRows: number;
  debitRows: number;
}

/** 合计 / 本页小计 / 共 12 笔 lines at the foot of a statement: not transactions. */
const SUMMARY = /^(合计|总计|本页合计|本页小计|小计|累计|共\s*\d+\s*笔)/;

/** Payers that are organisations, not people: they become enterprise donors (named in full). */
const ORGANISATION =
  /(公司|集团|协会|商会|学会|基金会|联合会|学校|学院|大学|中学|小学|幼儿园|医院|卫生院|银行|信用社|事务所|研究所|研究院|委员会|办事处|工会|团委|党支部|合作社|商行|中心|工作室|俱乐部)|[厂店局馆]$/;
export const looksLikeOrganisation = (name: string) => ORGANISATION.test(name);

/**
 * Reads a statement's rows and checks each one. Problems are reported per row and column, in the
 * words staff see in their file (第 12 行「贷方金额」：金额格式不正确); a row with any problem is
 * never imported. A missing column is one file-level error instead.
 */
export function checkStatement(
  source: GiftImportSource,
  sheet: SheetRow[],
  now = new Date(),
): CheckedStatement {
  const { index, map } = findHeader(source, sheet);
  const data = sheet.slice(index + 1);
  const today = shanghaiDate(now);
  const rows: GiftImportRow[] = [];
  const errors: GiftImportError[] = [];
  const firstRowOfReference = new Map<string, number>();
  const occurrences = new Map<string, number>();
  let totalRows = 0;
  let errorRows = 0;
  let debitRows = 0;

  for (const { row, cells } of data) {
    const text = (f: Field) =>
      (map[f]?.indexes ?? [])
        .map((i) => cellText(cells[i]))
        .filter(Boolean)
        .join(' ');
    const date = parseDateCell(map.date ? cells[map.date.indexes[0]!] : '');
    if (date.error && cells.some((c) => SUMMARY.test(cellText(c)))) continue;
    totalRows += 1;
    if (totalRows > MAX_DATA_ROWS) {
      throw invalid('GIFT_IMPORT_TOO_MANY_ROWS', 'contentBase64', { max: MAX_DATA_ROWS });
    }

    const rowErrors: GiftImportError[] = [];
    const fail = (field: Field, message: string) => {
      const column = map[field]?.header ?? '';
      rowErrors.push({ row, column, message, text: `第 ${row} 行「${column}」：${message}` });
    };

    const amount = parseAmountCell(cells[map.amount!.indexes[0]!]);
    if (amount.empty) {
      const debit = map.debit ? parseAmountCell(cells[map.debit.indexes[0]!]) : null;
      // A statement lists money going out too: a debit row is not a gift, and not an error.
      if (debit?.fen !== undefined && debit.fen > 0) {
        debitRows += 1;
        continue;
      }
      fail('amount', amount.fen === 0 ? '金额必须大于 0' : '金额为空');
    } else if (amount.error) fail('amount', amount.error);

    if (date.error) fail('date', date.error);
    else if (date.value! > today) fail('date', '日期晚于今天');

    const payer = text('payer');
    if (source === 'bank' && !payer) fail('payer', '户名为空');
    if (payer.length > MAX_PAYER) fail('payer', `户名过长（最多 ${MAX_PAYER} 个字）`);

    const reference = text('reference');
    if (reference.length > MAX_REFERENCE) {
      fail('reference', `${source === 'bank' ? '流水号' : '订单号'}过长（最多 ${MAX_REFERENCE} 位）`);
    } else if (reference) {
      const first = firstRowOfReference.get(reference);
      if (first !== undefined) {
        fail('reference', `与第 ${first} 行${source === 'bank' ? '流水号' : '订单号'}重复`);
      } else firstRowOfReference.set(reference, row);
    }

    if (rowErrors.length) {
      errors.push(...rowErrors);
      errorRows += 1;
      continue;
    }
    const account = text('account');
    const memo = text('memo').slice(0, MAX_MEMO);
    rows.push({
      row,
      receivedOn: date.value!,
      amountFen: amount.fen!,
      payer,
      account,
      reference,
      memo,
      project: text('project').slice(0, MAX_MEMO),
      externalRef: reference || fingerprint(occurrences, [date.value!, amount.fen!, payer, account, memo]),
      donorKind: looksLikeOrganisation(payer) ? 'enterprise' : source === 'bank' ? 'person' : 'anonymous',
      duplicate: false,
    });
  }
  return { rows, errors, totalRows, errorRows, debitRows };
}

/**
 * A row without a serial or order number is known by what it says plus how many identical rows came
 * before it in the file: two equal ¥100 gifts from the same payer on one day stay two gifts, and the
 * same statement (or an overlapping one holding the same day) gives each the same fingerprint again.
 */
function fingerprint(occurrences: Map<string, number>, parts: (string | number)[]): string {
  const key = parts.join('\u001f');
  const n = occurrences.get(key) ?? 0;
  occurrences.set(key, n + 1);
  return `fp:${createHash('sha256').update(`${key}\u001f${n}`).digest('hex')}`;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

function cellText(c: Cell | undefined): string {
  if (c === undefined) return '';
  if (c instanceof Date) return isNaN(c.getTime()) ? '' : c.toISOString().slice(0, 10);
  return String(c).replace(CONTROL, ' ').trim();
}

const pad = (n: number) => String(n).padStart(2, '0');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, YYYY年MM月DD日 and YYYYMMDD, with or without a time after it,
 * and Excel date cells (a date, or a day number that the sheet did not format as one).
 */
export function parseDateCell(c: Cell | undefined): { value?: string; error?: string } {
  if (c instanceof Date) {
    // exceljs hands a date cell over as the wall-clock date at UTC midnight.
    if (isNaN(c.getTime())) return { error: '日期格式不正确' };
    return { value: `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())}` };
  }
  if (typeof c === 'number') {
    if (Number.isInteger(c) && c >= 19000101 && c <= 29991231) return parseDateCell(String(c));
    if (c >= 1 && c < 2958466) {
      const d = new Date(EXCEL_EPOCH + Math.floor(c) * DAY_MS);
      return parseDateCell(d);
    }
    return { error: '日期格式不正确' };
  }
  const s = cellText(c);
  if (!s) return { error: '日期为空' };
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(s) ??
    /^(\d{4})(\d{2})(\d{2})(?:\s*\d{2}:?\d{2}:?\d{2})?$/.exec(s);
  if (!m) return { error: '日期格式不正确' };
  const value = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return isValidDateString(value) ? { value } : { error: '日期不存在' };
}

/** Yuan with up to two decimals, thousands separators and ¥ allowed; parsed on its text, in fen. */
export function parseAmountCell(c: Cell | undefined): { fen?: number; error?: string; empty?: boolean } {
  let s: string;
  if (typeof c === 'number') {
    // An .xlsx number cell: its shortest decimal text is what the file says (e.g. 1234.5).
    s = String(c);
    if (/e/i.test(s)) return { error: '金额格式不正确' };
  } else {
    s = cellText(c)
      .replace(/\s/g, '')
      .replace(/(元|CNY|RMB)$/i, '');
  }
  if (s === '' || s === '-' || s === '--') return { empty: true };
  let fen: number;
  try {
    fen = parseYuan(s);
  } catch (e) {
    return { error: e instanceof MoneyFormatError ? e.message : '金额格式不正确' };
  }
  if (fen === 0) return { empty: true, fen: 0 };
  return { fen };
}
