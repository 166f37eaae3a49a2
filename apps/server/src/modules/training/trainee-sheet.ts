import { normalizeMobile, validateIdCard, type TraineeImportError } from '@boai/contracts';
import ExcelJS from 'exceljs';
import { AppError, invalid } from '../../platform/errors.ts';
import { readTable } from '../../platform/xlsx/read-table.ts';

/** The roster template's columns; 姓名 and 身份证号 are required (a certificate names its holder by both). */
export const TRAINEE_COLUMNS = ['姓名', '身份证号', '手机号', '工作单位'] as const;
/** More than any class holds: a file this long is a mistake (or the wrong file). */
export const TRAINEE_IMPORT_MAX_ROWS = 5000;

export interface TraineeRowInput {
  row: number;
  name: string;
  idCard: string;
  mobile: string | null;
  employer: string | null;
}

/** The roster template: the headers, one example row, and the rules on a second sheet. */
export async function traineeTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('学员名单');
  sheet.columns = TRAINEE_COLUMNS.map((header) => ({ header, width: header === '身份证号' ? 24 : 18 }));
  sheet.getRow(1).font = { bold: true };
  sheet
    .addRow(['张三', '320102199001011234', '13812345678', '无锡市梁溪区某某小学'])
    .eachCell((c) => (c.numFmt = '@'));
  const notes = wb.addWorksheet('填写说明');
  notes.getColumn(1).width = 100;
  notes.addRow([
    '第 1 行为表头，请勿修改；第 2 行为示例，请替换或删除。姓名、身份证号必填；手机号用于证书到期提醒，可不填。' +
      '身份证号请设为文本格式，避免 Excel 显示为 3.2E+17。同一班级中已在名单上的学员（按身份证号）再次导入会自动跳过。',
  ]).alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export { cellText } from '../../platform/xlsx/read-table.ts';

export const rowError = (row: number, column: string, message: string): TraineeImportError => ({
  row,
  column,
  message,
  text: `第 ${row} 行「${column}」：${message}`,
});

/**
 * One roster row's rules, shared by the preview and the bulk import: 姓名 and a valid 身份证号 required,
 * a mobile, if given, a real one. Returns the clean row, or the row's errors in Chinese.
 */
export function checkTraineeRow(
  get: (column: string) => string,
  rowNumber: number,
): { row?: TraineeRowInput; errors: TraineeImportError[] } {
  const errors: TraineeImportError[] = [];
  const fail = (column: string, message: string) => errors.push(rowError(rowNumber, column, message));
  const name = get('姓名');
  const idRaw = get('身份证号');
  const mobileRaw = get('手机号');
  if (!name) fail('姓名', '不能为空');
  else if (Array.from(name).length > 50) fail('姓名', '不能超过 50 个字');
  const id = validateIdCard(idRaw);
  if (!idRaw) fail('身份证号', '不能为空');
  else if (!id.ok)
    fail(
      '身份证号',
      {
        format: '格式不正确（应为 18 位）',
        region: '地区码不正确',
        birthdate: '出生日期不正确',
        checksum: '校验位不正确，请核对',
      }[id.reason],
    );
  const mobile = mobileRaw ? normalizeMobile(mobileRaw) : null;
  if (mobileRaw && !mobile) fail('手机号', '格式不正确（应为 11 位手机号）');
  if (errors.length || !id.ok) return { errors };
  return {
    errors,
    row: { row: rowNumber, name, idCard: id.value, mobile, employer: get('工作单位').slice(0, 100) || null },
  };
}

/**
 * Reads and checks a roster. Each bad row is reported with its Excel row number and a Chinese reason;
 * the rest are returned valid. A person listed twice in the file is kept once (the first row).
 */
export async function readTraineeSheet(
  bytes: Buffer,
): Promise<{ rows: TraineeRowInput[]; errors: TraineeImportError[]; total: number }> {
  const table = await readTable(bytes, ['姓名', '身份证号']);
  if (!table.ok && table.reason === 'unreadable') throw invalid('TRAINING_IMPORT_FILE_UNREADABLE', 'contentBase64');
  if (!table.ok)
    throw new AppError(
      'TRAINING_IMPORT_COLUMNS_MISSING',
      400,
      [{ field: 'contentBase64', code: 'TRAINING_IMPORT_COLUMNS_MISSING' }],
      { columns: '姓名、身份证号' },
    );
  const rows: TraineeRowInput[] = [];
  const errors: TraineeImportError[] = [];
  const seen = new Map<string, number>();
  let total = 0;
  for (const { row: rowNumber, get } of table.rows) {
    if (!TRAINEE_COLUMNS.some((c) => get(c) !== '')) continue;
    total += 1;
    if (total > TRAINEE_IMPORT_MAX_ROWS) break;
    const checked = checkTraineeRow(get, rowNumber);
    errors.push(...checked.errors);
    if (!checked.row) continue;
    const first = seen.get(checked.row.idCard);
    if (first !== undefined) {
      errors.push(rowError(rowNumber, '身份证号', `与第 ${first} 行重复`));
      continue;
    }
    seen.set(checked.row.idCard, rowNumber);
    rows.push(checked.row);
  }
  if (total > TRAINEE_IMPORT_MAX_ROWS)
    throw invalid('TRAINING_IMPORT_TOO_MANY_ROWS', 'contentBase64', { max: TRAINEE_IMPORT_MAX_ROWS });
  if (!total) throw invalid('TRAINING_IMPORT_FILE_EMPTY', 'contentBase64');
  return { rows, errors, total };
}
