import { shanghaiDate, type SignUpInput } from '@boai/contracts';
import { and, eq, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { trainingClasses, trainingTrainees } from './schema.ts';

/**
 * A member of the public signs up for a class with their phone. Idempotent by phone (and by 身份证 if
 * given): signing up again answers "already signed up" and creates nothing. The class row is locked
 * FOR UPDATE before counting, so concurrent sign-ups queue on it and the roster never exceeds capacity —
 * the count and the insert happen under the same lock, and the lock is held until commit.
 */
export async function signUp(
  tx: Tx,
  pii: PiiVault,
  classId: number,
  input: SignUpInput,
  ip: string | null,
  now = new Date(),
): Promise<{ classId: number; existing: boolean; remaining: number }> {
  const [cls] = await tx.select().from(trainingClasses).where(eq(trainingClasses.id, classId)).for('update');
  if (!cls || !cls.publicSignup) throw notFound();
  if (cls.status !== 'open' || shanghaiDate(now) > cls.startsOn) throw conflict('TRAINING_SIGNUP_CLOSED');

  const mobileHash = pii.lookupHash('mobile', input.mobile);
  const idCardHash = input.idCard ? pii.lookupHash('idCard', input.idCard) : null;
  const enrolled = async () =>
    (
      (await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(trainingTrainees)
        .where(eq(trainingTrainees.classId, classId))) as [{ n: number }]
    )[0].n;
  const [already] = await tx
    .select({ id: trainingTrainees.id })
    .from(trainingTrainees)
    .where(
      and(
        eq(trainingTrainees.classId, classId),
        or(
          eq(trainingTrainees.mobileHash, mobileHash),
          idCardHash ? eq(trainingTrainees.idCardHash, idCardHash) : undefined,
        ),
      ),
    )
    .limit(1);
  if (already) return { classId, existing: true, remaining: Math.max(0, cls.capacity - (await enrolled())) };

  const n = await enrolled();
  if (n >= cls.capacity) throw conflict('TRAINING_CLASS_FULL');
  const [row] = await tx
    .insert(trainingTrainees)
    .values({
      orgId: cls.orgId,
      classId,
      name: input.name,
      idCardEnc: input.idCard ? pii.encrypt(input.idCard) : null,
      idCardHash,
      mobileEnc: pii.encrypt(input.mobile),
      mobileHash,
      employer: input.employer ?? null,
      source: 'online',
    })
    .returning({ id: trainingTrainees.id });
  await recordAudit(
    tx,
    null,
    {
      action: 'training.signup',
      orgId: cls.orgId,
      entityType: 'training_trainee',
      entityId: row!.id,
      after: { classId },
    },
    ip,
  );
  return { classId, existing: false, remaining: cls.capacity - n - 1 };
}
