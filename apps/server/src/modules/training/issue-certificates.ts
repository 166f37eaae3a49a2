import { shanghaiDate, type IssueCertificatesResult } from '@boai/contracts';
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { queryRows, type Tx } from '../../platform/db/client.ts';
import { conflict } from '../../platform/errors.ts';
import { certificateNumber, validUntilFor } from './rules.ts';
import { lockClassToManage, type CertificateRow } from './repository.ts';
import { trainingCertificates, trainingClasses, trainingTrainees } from './schema.ts';

/** Certificate kinds a renewal (复训) course extends. */
const RENEWABLE = ['first_aider'];

/**
 * 结业: closes a class and issues certificates to every trainee who passed and holds none yet, in one
 * transaction. Numbers come from the issuing society's series for the year, moved once by the count
 * issued while its row stays locked until commit: dense, never shared, never skipped (a failed issue
 * rolls the counter back with everything else). Issuing again later (after a 补考) continues the series.
 *
 * A renewal course issues the holder's next first-aider certificate: it runs on from the renewed one's
 * last day (renewing early loses nothing) and the renewed one is marked superseded, so only the newest
 * certificate ever verifies as valid. A course without a certificate (普及培训) just closes the class.
 */
export async function issueCertificates(
  tx: Tx,
  actor: Actor,
  classId: number,
  now = new Date(),
): Promise<IssueCertificatesResult> {
  const { cls, course } = await lockClassToManage(tx, actor, classId);
  const [pending] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(trainingTrainees)
    .where(and(eq(trainingTrainees.classId, classId), eq(trainingTrainees.result, 'pending')));
  if (pending!.n > 0) throw conflict('TRAINING_RESULTS_PENDING');
  await tx.update(trainingClasses).set({ status: 'completed' }).where(eq(trainingClasses.id, classId));

  const result: IssueCertificatesResult = { issued: [], skipped: [] };
  if (course.validityMonths !== null) {
    const passed = await tx
      .select({ t: trainingTrainees })
      .from(trainingTrainees)
      .leftJoin(trainingCertificates, eq(trainingCertificates.traineeId, trainingTrainees.id))
      .where(
        and(
          eq(trainingTrainees.classId, classId),
          eq(trainingTrainees.result, 'passed'),
          isNull(trainingCertificates.id),
        ),
      )
      .orderBy(trainingTrainees.id);
    const issuedOn = shanghaiDate(now);
    const plans: { traineeId: number; name: string; idCardHash: string; renews: CertificateRow | null }[] =
      [];
    for (const { t } of passed) {
      if (!t.idCardHash) {
        result.skipped.push({
          traineeId: t.id,
          name: t.name,
          reason: '缺少身份证号，无法发证（请补录后再发证）',
        });
        continue;
      }
      let renews: CertificateRow | null = null;
      if (course.kind === 'renewal') {
        [renews = null] = (await tx
          .select()
          .from(trainingCertificates)
          .where(
            and(
              eq(trainingCertificates.idCardHash, t.idCardHash),
              eq(trainingCertificates.status, 'issued'),
              inArray(trainingCertificates.kind, RENEWABLE),
            ),
          )
          .orderBy(desc(trainingCertificates.validUntil))
          .limit(1)
          .for('update')) as [CertificateRow?];
        if (!renews) {
          result.skipped.push({
            traineeId: t.id,
            name: t.name,
            reason: '未找到可复训的救护员证书（已撤销或从未取得）',
          });
          continue;
        }
      }
      plans.push({ traineeId: t.id, name: t.name, idCardHash: t.idCardHash, renews });
    }
    if (plans.length) {
      const year = Number(issuedOn.slice(0, 4));
      const [series] = await queryRows<{ last_seq: number }>(
        tx,
        sql`insert into training_certificate_series (org_id, year, last_seq) values (${cls.orgId}, ${year}, ${plans.length})
            on conflict (org_id, year) do update set last_seq = training_certificate_series.last_seq + excluded.last_seq
            returning last_seq`,
      );
      const first = Number(series!.last_seq) - plans.length + 1;
      const inserted = await tx
        .insert(trainingCertificates)
        .values(
          plans.map((p, i) => ({
            orgId: cls.orgId,
            year,
            seq: first + i,
            number: certificateNumber(year, cls.orgId, first + i),
            traineeId: p.traineeId,
            classId,
            kind: course.kind === 'renewal' ? p.renews!.kind : course.kind,
            holderName: p.name,
            idCardHash: p.idCardHash,
            issuedOn,
            validUntil: validUntilFor(issuedOn, course.validityMonths!, p.renews?.validUntil ?? null),
            renewsId: p.renews?.id ?? null,
          })),
        )
        .returning({
          id: trainingCertificates.id,
          traineeId: trainingCertificates.traineeId,
          number: trainingCertificates.number,
          renewsId: trainingCertificates.renewsId,
        });
      for (const c of inserted) {
        if (c.renewsId)
          await tx
            .update(trainingCertificates)
            .set({ status: 'superseded', supersededById: c.id })
            .where(eq(trainingCertificates.id, c.renewsId));
        result.issued.push({ traineeId: c.traineeId, number: c.number });
      }
    }
  }
  await recordAudit(tx, actor, {
    action: 'training.certificates_issue',
    orgId: cls.orgId,
    entityType: 'training_class',
    entityId: classId,
    after: { issued: result.issued.map((i) => i.number), skipped: result.skipped.map((s) => s.traineeId) },
  });
  return result;
}
