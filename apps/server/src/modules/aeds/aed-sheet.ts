import {
  AED_STATUS_LABELS,
  AED_STATUSES,
  AED_VENUE_LABELS,
  AED_VENUE_TYPES,
  createAedSchema,
  type AedImportError,
  type CreateAedInput,
} from '@boai/contracts';
import ExcelJS from 'exceljs';
import { AppError, invalid } from '../../platform/errors.ts';
import { readTable } from '../../platform/xlsx/read-table.ts';

/** The template's columns, each with the field it fills; 状态 may be left empty (在用). */
const COLUMNS = [
  ['序列号', 'serial'],
  ['型号', 'model'],
  ['场所类型', 'venueType'],
  ['场所名称', 'venueName'],
  ['地址', 'address'],
  ['纬度', 'lat'],
  ['经度', 'lng'],
  ['产权单位', 'ownerUnit'],
  ['责任人', 'responsibleName'],
  ['责任人电话', 'responsibleMobile'],
  ['安装日期', 'installedOn'],
  ['电池有效期至', 'batteryExpiresOn'],
  ['电极片有效期至', 'padsExpiresOn'],
  ['状态', 'status'],
] as const;
const REQUIRED = COLUMNS.slice(0, 13).map(([c]) => c);
const COLUMN_OF = Object.fromEntries(COLUMNS.map(([c, f]) => [f, c])) as Record<string, string>;
export const AED_IMPORT_MAX_ROWS = 5000;

const venueByLabel = new Map(AED_VENUE_TYPES.map((v) => [AED_VENUE_LABELS[v].zh, v]));
const statusByLabel = new Map(AED_STATUSES.map((s) => [AED_STATUS_LABELS[s].zh, s]));

/** The import template: headers, one example row (WGS-84, as a phone's GPS reports), and the rules. */
export async function aedTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('AED');
  sheet.columns = COLUMNS.map(([header]) => ({ header, width: header === '地址' ? 36 : 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet
    .addRow([
      'AED-2026-0001',
      'Philips HeartStart HS1',
      '地铁站',
      '地铁1号线三阳广场站',
      '无锡市梁溪区中山路 333 号 B 出入口',
      '31.577123',
      '120.301456',
      '无锡地铁集团有限公司',
      '王建',
      '13812345678',
      '2025-06-01',
      '2029-06-01',
      '2027-06-01',
      '在用',
    ])
    .eachCell((c) => (c.numFmt = '@'));
  const notes = wb.addWorksheet('填写说明');
  notes.getColumn(1).width = 100;
  notes.addRow([
    `第 1 行为表头，请勿修改；第 2 行为示例，请替换或删除。场所类型填：${AED_VENUE_TYPES.map((v) => AED_VENUE_LABELS[v].zh).join('、')}。` +
      '纬度、经度为 WGS-84（手机 GPS、奥维等工具的原始坐标，不是高德/腾讯地图上拾取的坐标）。日期格式 YYYY-MM-DD。' +
      '状态填在用、停用或维修，不填为在用。本会已登记的序列号再次导入会自动跳过，不会重复登记。',
  ]).alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface AedSheetRow {
  row: number;
  input: CreateAedInput;
}

/** 2026/1/5, 2026.1.5 and 2026-01-05 are all the same day to the person typing them. */
const normalizeDate = (s: string) => {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
};

/**
 * Reads and checks an AED sheet for society `orgId`, each row through the same contract as the form
 * (so the rules cannot drift), each failure reported with its Excel row and column in Chinese.
 * A serial listed twice in the file is kept once (the first row).
 */
export async function readAedSheet(
  bytes: Buffer,
  orgId: number,
): Promise<{ rows: AedSheetRow[]; errors: AedImportError[]; total: number }> {
  const table = await readTable(bytes, REQUIRED);
  if (!table.ok && table.reason === 'unreadable')
    throw invalid('AED_IMPORT_FILE_UNREADABLE', 'contentBase64');
  if (!table.ok)
    throw new AppError(
      'AED_IMPORT_COLUMNS_MISSING',
      400,
      [{ field: 'contentBase64', code: 'AED_IMPORT_COLUMNS_MISSING' }],
      {
        columns: REQUIRED.join('、'),
      },
    );
  if (!table.rows.length) throw invalid('AED_IMPORT_FILE_EMPTY', 'contentBase64');
  if (table.rows.length > AED_IMPORT_MAX_ROWS)
    throw invalid('AED_IMPORT_TOO_MANY_ROWS', 'contentBase64', { max: AED_IMPORT_MAX_ROWS });
  const rows: AedSheetRow[] = [];
  const errors: AedImportError[] = [];
  const seen = new Map<string, number>();
  const fail = (row: number, column: string, message: string) =>
    errors.push({ row, column, message, text: `第 ${row} 行「${column}」：${message}` });
  for (const r of table.rows) {
    const before = errors.length;
    const venue = r.get('场所类型');
    const status = r.get('状态');
    if (venue && !venueByLabel.has(venue))
      fail(r.row, '场所类型', `应为 ${[...venueByLabel.keys()].join('、')} 之一`);
    if (status && !statusByLabel.has(status)) fail(r.row, '状态', '应为 在用、停用 或 维修');
    const parsed = createAedSchema.safeParse({
      orgId,
      serial: r.get('序列号'),
      model: r.get('型号'),
      venueType: venueByLabel.get(venue) ?? (venue ? 'other' : ''),
      venueName: r.get('场所名称'),
      address: r.get('地址'),
      lat: r.get('纬度') === '' ? undefined : r.get('纬度'),
      lng: r.get('经度') === '' ? undefined : r.get('经度'),
      ownerUnit: r.get('产权单位'),
      responsibleName: r.get('责任人'),
      responsibleMobile: r.get('责任人电话'),
      installedOn: normalizeDate(r.get('安装日期')),
      batteryExpiresOn: normalizeDate(r.get('电池有效期至')),
      padsExpiresOn: normalizeDate(r.get('电极片有效期至')),
      status: statusByLabel.get(status) ?? 'in_service',
    });
    if (!parsed.success) {
      const reported = new Set<string>();
      for (const issue of parsed.error.issues) {
        const column = COLUMN_OF[String(issue.path[0])] ?? '—';
        if (reported.has(column) || (column === '场所类型' && venue)) continue;
        reported.add(column);
        const raw = r.get(column);
        fail(
          r.row,
          column,
          raw === '' ? '不能为空' : issue.message.startsWith('Invalid') ? '格式不正确' : issue.message,
        );
      }
    }
    if (errors.length > before || !parsed.success) continue;
    const input = parsed.data;
    if (input.batteryExpiresOn < input.installedOn) {
      fail(r.row, '电池有效期至', '不能早于安装日期');
      continue;
    }
    if (input.padsExpiresOn < input.installedOn) {
      fail(r.row, '电极片有效期至', '不能早于安装日期');
      continue;
    }
    const first = seen.get(input.serial);
    if (first !== undefined) {
      fail(r.row, '序列号', `与第 ${first} 行重复`);
      continue;
    }
    seen.set(input.serial, r.row);
    rows.push({ row: r.row, input });
  }
  return { rows, errors, total: table.rows.length };
}
