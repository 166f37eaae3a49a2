import type { ClassDetail, RecordResultsInput } from '@boai/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { getClass } from './list-classes.ts';
import { lockClassToManage } from './repository.ts';
import { judge } from './rules.ts';
import { trainingCertificates, trainingTrainees } from './schema.ts';

type FieldError = { field: string; code: string };

/**
 * Records attendance and scores for trainees of one class and judges each by the course's rule. Every
 * line is checked before anything is written, and every fault is reported by its line: a trainee not
 * on this roster, a score for a part the course does not examine, a trainee already certified (their
 * result is settled; revoke the certificate first).
 */
export async function recordResults(
  tx: Tx,
  pii: PiiVault,
  actor: Actor,
  classId: number,
  input: RecordResultsInput,
): Promise<ClassDetail> {
  const { cls, course } = await lockClassToManage(tx, actor, classId);
  const ids = input.results.map((r) => r.traineeId);
  const trainees = new Map(
    (
      await tx
        .select({ t: trainingTrainees, cert: trainingCertificates.id })
        .from(trainingTrainees)
        .leftJoin(trainingCertificates, eq(trainingCertificates.traineeId, trainingTrainees.id))
        .where(and(eq(trainingTrainees.classId, classId), inArray(trainingTrainees.id, ids)))
    ).map((r) => [r.t.id, r]),
  );
  const errors: FieldError[] = [];
  input.results.forEach((r, i) => {
    const found = trainees.get(r.traineeId);
    if (!found) errors.push({ field: `results.${i}.traineeId`, code: 'TRAINING_TRAINEE_NOT_IN_CLASS' });
    else if (found.cert !== null)
      errors.push({ field: `results.${i}.traineeId`, code: 'TRAINING_TRAINEE_CERTIFIED' });
    if (r.theoryScore != null && course.theoryPass === null)
      errors.push({ field: `results.${i}.theoryScore`, code: 'TRAINING_SCORE_NOT_EXAMINED' });
    if (r.practicalScore != null && course.practicalPass === null)
      errors.push({ field: `results.${i}.practicalScore`, code: 'TRAINING_SCORE_NOT_EXAMINED' });
  });
  if (errors.length) throw new AppError('VALIDATION_FAILED', 400, errors);

  const changes: { id: number; result: string }[] = [];
  for (const r of input.results) {
    const t = trainees.get(r.traineeId)!.t;
    const next = {
      attended: r.attended,
      theoryScore: r.theoryScore === undefined ? t.theoryScore : r.theoryScore,
      practicalScore: r.practicalScore === undefined ? t.practicalScore : r.practicalScore,
    };
    const result = judge(course, next);
    await tx
      .update(trainingTrainees)
      .set({ ...next, result })
      .where(eq(trainingTrainees.id, t.id));
    changes.push({ id: t.id, result });
  }
  await recordAudit(tx, actor, {
    action: 'training.results',
    orgId: cls.orgId,
    entityType: 'training_class',
    entityId: classId,
    after: { results: input.results, judged: changes },
  });
  return getClass(tx, pii, actor, classId);
}
