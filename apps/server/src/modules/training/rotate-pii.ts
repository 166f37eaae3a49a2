import { eq, isNotNull, or } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { rotateFields, type PiiVault } from '../../platform/pii/index.ts';
import { trainingImports, trainingInstructors, trainingTrainees } from './schema.ts';

/** Key rotation for trainees' 身份证 and mobile, instructors' mobiles and rosters awaiting commit. */
export async function rotateTrainingPii(tx: Tx, pii: PiiVault): Promise<number> {
  let changed = 0;
  const t = trainingTrainees;
  for (const { id, ...fields } of await tx
    .select({ id: t.id, idCardEnc: t.idCardEnc, mobileEnc: t.mobileEnc })
    .from(t)
    .where(or(isNotNull(t.idCardEnc), isNotNull(t.mobileEnc)))
    .for('update')) {
    const rotated = rotateFields(pii, fields);
    if (!rotated) continue;
    await tx.update(t).set(rotated).where(eq(t.id, id));
    changed++;
  }
  const i = trainingInstructors;
  for (const { id, ...fields } of await tx
    .select({ id: i.id, mobileEnc: i.mobileEnc })
    .from(i)
    .where(isNotNull(i.mobileEnc))
    .for('update')) {
    const rotated = rotateFields(pii, fields);
    if (!rotated) continue;
    await tx.update(i).set(rotated).where(eq(i.id, id));
    changed++;
  }
  const m = trainingImports;
  for (const { id, ...fields } of await tx.select({ id: m.id, rowsEnc: m.rowsEnc }).from(m).for('update')) {
    const rotated = rotateFields(pii, fields);
    if (!rotated) continue;
    await tx.update(m).set(rotated).where(eq(m.id, id));
    changed++;
  }
  return changed;
}
