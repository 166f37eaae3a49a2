import { createHash } from 'node:crypto';
import type { CreateTraineeImportInput, TraineeImport } from '@boai/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { actorName, type Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Queryable, Tx } from '../../platform/db/client.ts';
import { conflict } from '../../platform/errors.ts';
import { maskIdCard, type PiiVault } from '../../platform/pii/index.ts';
import { trainingClasses, trainingImports, trainingTrainees } from './schema.ts';
import { readTraineeSheet, type TraineeRowInput } from './trainee-sheet.ts';

export type StoredTraineeRow = TraineeRowInput & { duplicate: boolean };
type ImportRow = typeof trainingImports.$inferSelect;

const SAMPLE = 200;

/** Marks the rows whose person (by 身份证) is already on the class's roster. */
export async function markEnrolled(
  q: Queryable,
  pii: PiiVault,
  classId: number,
  rows: TraineeRowInput[],
): Promise<StoredTraineeRow[]> {
  const hashes = rows.map((r) => pii.lookupHash('idCard', r.idCard));
  const found = new Set<string>();
  for (let i = 0; i < hashes.length; i += 1000) {
    const chunk = hashes.slice(i, i + 1000);
    const hit = await q
      .select({ h: trainingTrainees.idCardHash })
      .from(trainingTrainees)
      .where(and(eq(trainingTrainees.classId, classId), inArray(trainingTrainees.idCardHash, chunk)));
    for (const h of hit) found.add(h.h!);
  }
  return rows.map((r, i) => ({ ...r, duplicate: found.has(hashes[i]!) }));
}

export function presentTraineeImport(pii: PiiVault, row: ImportRow): TraineeImport {
  const rows = JSON.parse(pii.decrypt(row.rowsEnc)) as StoredTraineeRow[];
  return {
    id: row.id,
    classId: row.classId,
    fileName: row.fileName,
    status: row.status as TraineeImport['status'],
    totalRows: row.totalRows,
    validRows: row.validRows,
    errorRows: row.errorRows,
    duplicates: row.duplicates,
    created: row.created,
    errors: row.errors as TraineeImport['errors'],
    sample: rows
      .slice(0, SAMPLE)
      .map((r) => ({ row: r.row, name: r.name, idCardMasked: maskIdCard(r.idCard), duplicate: r.duplicate })),
  };
}

/**
 * Reads an uploaded roster for a class and keeps the checked result as a preview: nobody is enrolled
 * until staff confirm (commit-trainee-import.ts). The valid rows carry 身份证 and mobile, so they are
 * kept as one encrypted token.
 */
export async function previewTraineeImport(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  classId: number,
  input: CreateTraineeImportInput,
): Promise<TraineeImport> {
  await requireAccess(
    tx,
    actor,
    'training:manage',
    trainingClasses,
    trainingClasses.id,
    trainingClasses.orgId,
    [classId],
  );
  const [cls] = await tx.select().from(trainingClasses).where(eq(trainingClasses.id, classId));
  if (cls!.status !== 'open') throw conflict('TRAINING_CLASS_COMPLETED');
  const bytes = Buffer.from(input.contentBase64, 'base64');
  const sheet = await readTraineeSheet(bytes);
  const rows = await markEnrolled(tx, pii, classId, sheet.rows);
  const [row] = await tx
    .insert(trainingImports)
    .values({
      orgId: cls!.orgId,
      classId,
      fileName: input.fileName,
      fileSha256: createHash('sha256').update(bytes).digest('hex'),
      totalRows: sheet.total,
      validRows: rows.length,
      errorRows: new Set(sheet.errors.map((e) => e.row)).size,
      duplicates: rows.filter((r) => r.duplicate).length,
      rowsEnc: pii.encrypt(JSON.stringify(rows)),
      errors: sheet.errors,
      createdBy: actorName(actor),
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'training.import_preview',
    orgId: cls!.orgId,
    entityType: 'training_import',
    entityId: row!.id,
    after: {
      classId,
      fileName: input.fileName,
      fileSha256: row!.fileSha256,
      totalRows: row!.totalRows,
      validRows: row!.validRows,
      errorRows: row!.errorRows,
      duplicates: row!.duplicates,
    },
  });
  return presentTraineeImport(pii, row!);
}

export async function getTraineeImport(
  q: Queryable,
  pii: PiiVault,
  actor: Actor,
  id: number,
): Promise<TraineeImport> {
  await requireAccess(q, actor, 'training:read', trainingImports, trainingImports.id, trainingImports.orgId, [
    id,
  ]);
  const [row] = await q.select().from(trainingImports).where(eq(trainingImports.id, id));
  return presentTraineeImport(pii, row!);
}
