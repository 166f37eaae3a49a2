import ExcelJS from 'exceljs';

/** A data row of a sheet: its number as Excel shows it and each named column's text. */
export interface TableRow {
  row: number;
  get(column: string): string;
}

export type TableRead = { ok: true; rows: TableRow[] } | { ok: false; reason: 'unreadable' | 'columns' };

/** A cell's text as the person typing it saw it: rich text joined, formulas by their result. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v)
    return v.result === undefined ? '' : cellText(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  // Long digit strings typed into number cells (serials, ID numbers) keep their digits, not 3.2E+17.
  if (typeof v === 'number')
    return Number.isSafeInteger(v)
      ? String(v)
      : v.toLocaleString('fullwide', { useGrouping: false, maximumFractionDigits: 20 });
  return String(v).trim();
}

/**
 * Reads the first non-empty sheet of an .xlsx template as a table: the header is the first row naming
 * every `required` column (a title line may come before it); rows with no text in any column are
 * skipped. What the columns mean, and the messages, stay with the module that owns the template.
 */
export async function readTable(bytes: Buffer, required: readonly string[]): Promise<TableRead> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const sheet = wb.worksheets.find((s) => s.actualRowCount > 0);
  let header: Map<string, number> | null = null;
  const rows: TableRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const cells: string[] = [];
    r.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value)));
    if (!header) {
      if (required.every((c) => cells.includes(c))) header = new Map(cells.map((c, i) => [c, i]));
      return;
    }
    if (!cells.some((c) => c)) return;
    const h = header;
    rows.push({ row: rowNumber, get: (column) => (h.has(column) ? (cells[h.get(column)!] ?? '') : '') });
  });
  if (!header) return { ok: false, reason: 'columns' };
  return { ok: true, rows };
}
