import { rm } from 'node:fs/promises';
import { BULK_IMPORT_MAX_ERRORS, type TraineeImportError } from '@boai/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Actor } from '../../platform/access/actor.ts';
import { inOrgSubtree, inScope } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { messageFor } from '../../platform/i18n/messages.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { trainingBulkImports, trainingClasses, trainingTrainees } from './schema.ts';
import {
  cellText,
  checkTraineeRow,
  rowError,
  TRAINEE_COLUMNS,
  type TraineeRowInput,
} from './trainee-sheet.ts';

/** The column naming each row's class (the class number shown in the console). */
export const CLASS_COLUMN = '班级编号';
/**
 * Rows per transaction and per INSERT: large enough that statement round trips do not dominate,
 * small enough that one INSERT stays under PostgreSQL's 65 535 parameters (10 columns a row).
 */
const CHUNK = 5000;

type Pending = TraineeRowInput & { classId: number; idCardHash: string };
type ClassInfo = { ok: true; orgId: number; capacity: number } | { ok: false; reason: string };

const openSheets = (file: string) =>
  new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });

/**
 * The roster sheet's last row number, for the progress bar: a quick first pass (no checks, no
 * database), since the zip is read ahead of the parser and the bytes read say nothing of the rows done.
 */
async function countRows(file: string): Promise<number> {
  for await (const sheet of openSheets(file)) {
    let last = 0;
    for await (const r of sheet) last = r.number;
    if (last) return last;
  }
  return 1;
}

/**
 * The bulk import job: streams the sheet row by row (never the whole file in memory), checks each row
 * with the roster rules, and every CHUNK rows enrols the good ones in one transaction: the named
 * classes locked (as sign-up and the preview commit lock them, so capacity holds against both), people
 * already on a roster skipped, then one multi-row INSERT. 身份证 and mobile are hashed and encrypted
 * once per row. Progress (share of the file read) and counts are written with each chunk. Each chunk
 * stands on its own: a failure part-way leaves the chunks before it enrolled, and re-uploading the
 * same file creates nothing twice.
 */
export async function runBulkImport(
  db: Db,
  pii: PiiVault,
  actor: Actor,
  id: number,
  file: string,
): Promise<void> {
  const b = trainingBulkImports;
  const [job] = await db.update(b).set({ status: 'running' }).where(eq(b.id, id)).returning();
  let lastRow = 1;
  let rowCount = 1;
  const state = { totalRows: 0, created: 0, duplicates: 0, errorRows: 0 };
  const errors: TraineeImportError[] = [];
  const errorRowSet = new Set<number>();
  const addError = (e: TraineeImportError) => {
    if (!errorRowSet.has(e.row)) {
      errorRowSet.add(e.row);
      state.errorRows += 1;
    }
    if (errors.length < BULK_IMPORT_MAX_ERRORS) errors.push(e);
  };
  const classes = new Map<number, ClassInfo>();
  /** First row of each (class, person) in this file: later rows of the same pair are reported. */
  const firstRow = new Map<string, number>();
  let pending: Pending[] = [];

  async function loadClasses(ids: number[]) {
    const unknown = ids.filter((c) => !classes.has(c));
    if (!unknown.length) return;
    const found = await db
      .select({
        id: trainingClasses.id,
        orgId: trainingClasses.orgId,
        capacity: trainingClasses.capacity,
        status: trainingClasses.status,
      })
      .from(trainingClasses)
      .where(
        and(
          inArray(trainingClasses.id, unknown),
          inScope(actor, 'training:manage', trainingClasses.orgId),
          inOrgSubtree(trainingClasses.orgId, job!.orgId),
        ),
      );
    for (const c of found)
      classes.set(
        c.id,
        c.status === 'open'
          ? { ok: true, orgId: c.orgId, capacity: c.capacity }
          : { ok: false, reason: '该班级已结业，不能再添加学员' },
      );
    for (const c of unknown)
      if (!classes.has(c)) classes.set(c, { ok: false, reason: '班级编号不存在，或不属于本单位' });
  }

  async function flush() {
    const rows = pending;
    pending = [];
    await loadClasses([...new Set(rows.map((r) => r.classId))]);
    const good = rows.filter((r) => {
      const c = classes.get(r.classId)!;
      if (!c.ok) addError(rowError(r.row, CLASS_COLUMN, c.reason));
      return c.ok;
    });
    const classIds = [...new Set(good.map((r) => r.classId))].sort((x, y) => x - y);
    await db.transaction(async (tx) => {
      if (classIds.length) {
        const t = trainingTrainees;
        const locked = await tx
          .select({
            id: trainingClasses.id,
            capacity: trainingClasses.capacity,
            status: trainingClasses.status,
          })
          .from(trainingClasses)
          .where(inArray(trainingClasses.id, classIds))
          .orderBy(asc(trainingClasses.id))
          .for('update');
        const seats = new Map(locked.map((c) => [c.id, c.status === 'open' ? c.capacity : 0]));
        for (const c of await tx
          .select({ classId: t.classId, n: sql<number>`count(*)::int` })
          .from(t)
          .where(inArray(t.classId, classIds))
          .groupBy(t.classId))
          seats.set(c.classId, seats.get(c.classId)! - c.n);
        const enrolled = new Set(
          (
            await tx
              .select({ classId: t.classId, h: t.idCardHash })
              .from(t)
              .where(
                and(
                  inArray(t.classId, classIds),
                  inArray(
                    t.idCardHash,
                    good.map((r) => r.idCardHash),
                  ),
                ),
              )
          ).map((e) => `${e.classId}:${e.h}`),
        );
        const values = [];
        for (const r of good) {
          if (enrolled.has(`${r.classId}:${r.idCardHash}`)) {
            state.duplicates += 1;
            continue;
          }
          const left = seats.get(r.classId)!;
          if (left <= 0) {
            addError(rowError(r.row, CLASS_COLUMN, '班级名额已满'));
            continue;
          }
          seats.set(r.classId, left - 1);
          values.push({
            orgId: (classes.get(r.classId) as { orgId: number }).orgId,
            classId: r.classId,
            name: r.name,
            idCardEnc: pii.encrypt(r.idCard),
            idCardHash: r.idCardHash,
            mobileEnc: r.mobile ? pii.encrypt(r.mobile) : null,
            mobileHash: r.mobile ? pii.lookupHash('mobile', r.mobile) : null,
            employer: r.employer,
            source: 'import',
          });
        }
        if (values.length) {
          const inserted = await tx.insert(t).values(values).onConflictDoNothing().returning({ id: t.id });
          state.created += inserted.length;
          // Enrolled by a concurrent import or sign-up between the check and the insert.
          state.duplicates += values.length - inserted.length;
        }
      }
      await tx
        .update(b)
        .set({ ...state, errors, progress: Math.min(999, Math.floor((lastRow * 1000) / rowCount)) })
        .where(eq(b.id, id));
    });
  }

  try {
    let header: Map<string, number> | null = null;
    try {
      rowCount = await countRows(file);
      for await (const sheet of openSheets(file)) {
        let rowsInSheet = 0;
        for await (const r of sheet) {
          rowsInSheet += 1;
          lastRow = r.number;
          const cells = (r.values as ExcelJS.CellValue[]).slice(1).map(cellText);
          if (!header) {
            if (cells.includes('姓名') && cells.includes('身份证号'))
              header = new Map(cells.map((c, i) => [c, i]));
            continue;
          }
          const h = header;
          const get = (col: string) => (h.has(col) ? (cells[h.get(col)!] ?? '') : '');
          if (![...TRAINEE_COLUMNS, CLASS_COLUMN].some((c) => get(c) !== '')) continue;
          state.totalRows += 1;
          const checked = checkTraineeRow(get, r.number);
          checked.errors.forEach(addError);
          const classText = get(CLASS_COLUMN);
          const classId = classText ? (/^\d{1,9}$/.test(classText) ? Number(classText) : NaN) : job!.classId;
          if (classId === null) addError(rowError(r.number, CLASS_COLUMN, '不能为空（或上传时选择班级）'));
          else if (Number.isNaN(classId)) addError(rowError(r.number, CLASS_COLUMN, '应为班级编号（数字）'));
          if (!checked.row || classId === null || Number.isNaN(classId)) continue;
          const key = `${classId}:${checked.row.idCard}`;
          const first = firstRow.get(key);
          if (first !== undefined) {
            addError(rowError(r.number, '身份证号', `与第 ${first} 行重复`));
            continue;
          }
          firstRow.set(key, r.number);
          pending.push({ ...checked.row, classId, idCardHash: pii.lookupHash('idCard', checked.row.idCard) });
          if (pending.length >= CHUNK) await flush();
        }
        // The roster is the first sheet with anything in it, as in the preview (a 填写说明 sheet may follow).
        if (rowsInSheet) break;
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('TRAINING_IMPORT_FILE_UNREADABLE', 400);
    }
    if (!header)
      throw new AppError('TRAINING_IMPORT_COLUMNS_MISSING', 400, [], { columns: '姓名、身份证号' });
    if (!state.totalRows) throw new AppError('TRAINING_IMPORT_FILE_EMPTY', 400);
    await flush();
    await db.transaction(async (tx) => {
      await tx.update(b).set({ status: 'done', progress: 1000, finishedAt: new Date() }).where(eq(b.id, id));
      await recordAudit(tx, actor, {
        action: 'training.bulk_import_done',
        orgId: job!.orgId,
        entityType: 'training_bulk_import',
        entityId: id,
        after: state,
      });
    });
  } catch (err) {
    const failure =
      err instanceof AppError
        ? messageFor('zh-CN', err.code, err.params)
        : messageFor('zh-CN', 'TRAINING_BULK_IMPORT_FAILED');
    await db
      .update(b)
      .set({ ...state, errors, status: 'failed', failure, finishedAt: new Date() })
      .where(eq(b.id, id));
    if (!(err instanceof AppError)) throw err;
  } finally {
    await rm(file, { force: true });
  }
}
