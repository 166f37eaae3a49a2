import type { TraineeImport } from '@boai/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/scope.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, conflict } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { markEnrolled, presentTraineeImport, type StoredTraineeRow } from './preview-trainee-import.ts';
import { trainingClasses, trainingImports, trainingTrainees } from './schema.ts';

/**
 * Enrols a preview's valid rows, all or none, in the caller's transaction. The class row is locked
 * first (the same lock online sign-up takes), then the import row: a second commit, a retry or a
 * concurrent one changes nothing, and together with sign-ups the roster never exceeds capacity.
 * People already on the roster — from an earlier file or online — are skipped, checked again here
 * because they may have enrolled since the preview; `ON CONFLICT DO NOTHING` on the roster's unique
 * 身份证 index is the last guard.
 */
export async function commitTraineeImport(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  id: number,
  now = new Date(),
): Promise<{ import: TraineeImport; alreadyCommitted: boolean }> {
  await requireAccess(
    tx,
    actor,
    'training:manage',
    trainingImports,
    trainingImports.id,
    trainingImports.orgId,
    [id],
  );
  const [head] = await tx
    .select({ classId: trainingImports.classId })
    .from(trainingImports)
    .where(eq(trainingImports.id, id));
  const [cls] = await tx
    .select()
    .from(trainingClasses)
    .where(eq(trainingClasses.id, head!.classId))
    .for('update');
  const [imp] = await tx.select().from(trainingImports).where(eq(trainingImports.id, id)).for('update');
  if (imp!.status === 'committed') return { import: presentTraineeImport(pii, imp!), alreadyCommitted: true };
  if (cls!.status !== 'open') throw conflict('TRAINING_CLASS_COMPLETED');

  const stored = JSON.parse(pii.decrypt(imp!.rowsEnc)) as StoredTraineeRow[];
  const rows = await markEnrolled(tx, pii, cls!.id, stored);
  const fresh = rows.filter((r) => !r.duplicate);
  const [{ n }] = (await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(trainingTrainees)
    .where(eq(trainingTrainees.classId, cls!.id))) as [{ n: number }];
  if (n + fresh.length > cls!.capacity)
    throw new AppError('TRAINING_IMPORT_OVER_CAPACITY', 409, [], {
      capacity: cls!.capacity,
      enrolled: n,
      rows: fresh.length,
    });

  let created = 0;
  for (let i = 0; i < fresh.length; i += 500) {
    const inserted = await tx
      .insert(trainingTrainees)
      .values(
        fresh.slice(i, i + 500).map((r) => ({
          orgId: cls!.orgId,
          classId: cls!.id,
          name: r.name,
          idCardEnc: pii.encrypt(r.idCard),
          idCardHash: pii.lookupHash('idCard', r.idCard),
          mobileEnc: r.mobile ? pii.encrypt(r.mobile) : null,
          mobileHash: r.mobile ? pii.lookupHash('mobile', r.mobile) : null,
          employer: r.employer,
          source: 'import',
          importId: id,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: trainingTrainees.id });
    created += inserted.length;
  }
  const [row] = await tx
    .update(trainingImports)
    .set({
      status: 'committed',
      created,
      duplicates: rows.length - created,
      rowsEnc: pii.encrypt(JSON.stringify(rows)),
      committedAt: now,
    })
    .where(eq(trainingImports.id, id))
    .returning();
  await recordAudit(tx, actor, {
    action: 'training.import_commit',
    orgId: cls!.orgId,
    entityType: 'training_import',
    entityId: id,
    before: { status: 'previewed' },
    after: { status: 'committed', classId: cls!.id, created, skipped: rows.length - created },
  });
  return { import: presentTraineeImport(pii, row!), alreadyCommitted: false };
}
