import ExcelJS from 'exceljs';
import { invalid } from '../../platform/errors.ts';

/**
 * A cell as read from the file: text, or — from .xlsx only — a number or a date cell. Numbers stay
 * numbers here so the row checks can tell an Excel date serial from text; amounts are turned into
 * their decimal text before parsing, never added up as floats.
 */
export type Cell = string | number | Date;
/** The rows of the file's first sheet, each with its number as Excel shows it. */
export type SheetRow = { row: number; cells: Cell[] };

/** Reads an .xlsx or .csv file into rows of cells; a file that cannot be read is one clear error. */
export async function readSheet(fileName: string, bytes: Buffer): Promise<SheetRow[]> {
  if (/\.xlsx$/i.test(fileName)) return readXlsx(bytes);
  return parseCsv(decodeText(bytes));
}

async function readXlsx(bytes: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw invalid('GIFT_IMPORT_FILE_UNREADABLE', 'contentBase64');
  }
  // Banks put the statement on the first sheet; some add a cover sheet first, so take the first with data.
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('result' in v) return v.result === undefined ? '' : cellValue(v.result as ExcelJS.CellValue);
  if ('text' in v) return String(v.text);
  return '';
}

/**
 * Text of a .csv file. Chinese banks export GBK (GB18030 is its superset); other systems UTF-8 with
 * or without a byte-order mark, a few UTF-16 with one. Bytes that are not valid UTF-8 are GB18030.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. The delimiter is a comma,
 * or a tab for the "CSV" files some bank systems write tab-separated. Row numbers count records, as
 * Excel shows them when it opens the file.
 */
export function parseCsv(text: string): SheetRow[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let rowNumber = 1;
  const endRow = () => {
    cells.push(field);
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: rowNumber, cells: cells.map(unwrapCsvCell) });
    rowNumber += 1;
    cells = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else quoted = false;
    } else if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
    } else field += ch;
  }
  if (field !== '' || cells.length) endRow();
  return rows;
}

/**
 * Banks keep long numbers (account, serial) from turning into 6.22E+18 in Excel by writing them as
 * ="6222…", with a leading tab or with a leading apostrophe. The number itself is what we want.
 */
function unwrapCsvCell(s: string): string {
  const t = s.trim();
  const formula = /^="(.*)"$/.exec(t);
  if (formula) return formula[1]!.trim();
  return t.startsWith("'") ? t.slice(1).trim() : t;
}
