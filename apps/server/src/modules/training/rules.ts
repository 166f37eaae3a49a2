import {
  type CertificateState,
  type CourseRules,
  type TraineeResult,
  addDays,
  addMonths,
} from '@boai/contracts';

export interface Scores {
  attended: boolean | null;
  theoryScore: number | null;
  practicalScore: number | null;
}

/**
 * Pass or fail by the course's own rule: attendance first, then each examined part at its pass mark.
 * A part the course examines but that has no score yet leaves the trainee pending, not failed, so
 * entering theory today and practice tomorrow never fails anyone in between.
 */
export function judge(rules: Pick<CourseRules, 'theoryPass' | 'practicalPass'>, s: Scores): TraineeResult {
  if (s.attended === null) return 'pending';
  if (!s.attended) return 'failed';
  const parts: [number | null, number | null][] = [
    [rules.theoryPass, s.theoryScore],
    [rules.practicalPass, s.practicalScore],
  ];
  let pending = false;
  for (const [mark, got] of parts) {
    if (mark === null) continue;
    if (got === null) pending = true;
    else if (got < mark) return 'failed';
  }
  return pending ? 'pending' : 'passed';
}

/**
 * The last day a certificate issued on `issuedOn` is valid: the term counted from the issue day, or —
 * for a renewal — from the day after the renewed certificate runs out, if that is later, so renewing
 * early never shortens what the holder already had.
 */
export function validUntilFor(issuedOn: string, months: number, renewedUntil: string | null = null): string {
  const from = renewedUntil && addDays(renewedUntil, 1) > issuedOn ? addDays(renewedUntil, 1) : issuedOn;
  return addDays(addMonths(from, months), -1);
}

/** A certificate's state on `today` (Shanghai date): the record's status first, then its dates. */
export function certificateState(c: { status: string; validUntil: string }, today: string): CertificateState {
  if (c.status === 'revoked') return 'revoked';
  if (c.status === 'superseded') return 'superseded';
  return c.validUntil < today ? 'expired' : 'valid';
}

/** 'JH' + year + society (4 digits) + sequence (6 digits): JH20260003000042. */
export const certificateNumber = (year: number, orgId: number, seq: number) =>
  `JH${year}${String(orgId).padStart(4, '0')}${String(seq).padStart(6, '0')}`;
