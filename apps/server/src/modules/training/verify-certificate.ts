import { shanghaiDate, shanghaiDateTime, type CourseKind, type PublicCertificate } from '@boai/contracts';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { maskIdCard, type PiiVault } from '../../platform/pii/index.ts';
import { countAttempt, type ThrottleRule } from '../donor-portal/index.ts';
import { orgNamesById } from '../orgs/index.ts';
import { certificateState } from './rules.ts';
import { trainingCertificates, trainingClasses, trainingCourses, trainingTrainees } from './schema.ts';

/** Names compared as people type them: surrounding and inner spaces and the middle dot variants do not count. */
const normaliseName = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\s·•・.]/g, '')
    .toLowerCase();

export const sameName = (a: string, b: string) => normaliseName(a) === normaliseName(b);

/**
 * The certificate with this number if `name` is its holder's, else null — counted against the same
 * per-address allowance as the public check, since it answers the same question. For pages that act
 * on a holder's behalf (a rescue report, the holder's verified rescues).
 */
export async function certificateOfHolder(q: Queryable, number: string, name: string, ip: string) {
  const attempt = await countAttempt(q, `cert-verify:${ip}`, VERIFY_RULE);
  if (!attempt.allowed)
    throw new AppError('TRAINING_VERIFY_TOO_MANY_TRIES', 429, [], { minutes: attempt.minutesLeft });
  const [c] = await q.select().from(trainingCertificates).where(eq(trainingCertificates.number, number));
  return c && sameName(name, c.holderName) ? c : null;
}

/**
 * Name checks one address may make before a pause: far more than anyone verifying the certificates in
 * front of them needs, far too few to walk the (sequential) numbers with a name to find its holder.
 */
export const VERIFY_RULE: ThrottleRule = { limit: 30, windowMinutes: 15, lockMinutes: 15 };

/**
 * The public check behind the QR code. Unscoped by design, and deliberately mute: a number alone
 * answers only that it exists; the holder, course and validity are shown only when the name given
 * matches the holder's. Validity is read at the moment of the query, so an expired, revoked or
 * renewed-and-superseded certificate never shows as valid, whatever was printed on it.
 */
export async function verifyCertificate(
  q: Queryable,
  pii: PiiVault,
  number: string,
  name: string | undefined,
  ip: string,
  now = new Date(),
): Promise<PublicCertificate> {
  if (name) {
    const attempt = await countAttempt(q, `cert-verify:${ip}`, VERIFY_RULE);
    if (!attempt.allowed)
      throw new AppError('TRAINING_VERIFY_TOO_MANY_TRIES', 429, [], { minutes: attempt.minutesLeft });
  }
  const [row] = await q
    .select({
      c: trainingCertificates,
      courseName: trainingCourses.name,
      idCardEnc: trainingTrainees.idCardEnc,
    })
    .from(trainingCertificates)
    .innerJoin(trainingClasses, eq(trainingClasses.id, trainingCertificates.classId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingClasses.courseId))
    .innerJoin(trainingTrainees, eq(trainingTrainees.id, trainingCertificates.traineeId))
    .where(eq(trainingCertificates.number, number));
  if (!row) throw notFound();
  const { c } = row;
  if (!name || !sameName(name, c.holderName)) return { number, nameMatches: false };
  const successor = c.supersededById
    ? (
        await q
          .select({ number: trainingCertificates.number })
          .from(trainingCertificates)
          .where(eq(trainingCertificates.id, c.supersededById))
      )[0]
    : undefined;
  return {
    number,
    nameMatches: true,
    holderName: c.holderName,
    idCardMasked: row.idCardEnc ? maskIdCard(pii.decrypt(row.idCardEnc)) : null,
    kind: c.kind as CourseKind,
    courseName: row.courseName,
    orgName: (await orgNamesById(q, [c.orgId])).get(c.orgId) ?? '',
    issuedOn: c.issuedOn,
    validUntil: c.validUntil,
    state: certificateState(c, shanghaiDate(now)),
    supersededBy: successor?.number ?? null,
    checkedAt: shanghaiDateTime(now),
  };
}
