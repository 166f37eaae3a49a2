import type { Target } from '@boai/contracts';
import type { trainingTargets } from './schema.ts';

type TargetRow = typeof trainingTargets.$inferSelect;

/** Certificates that make someone a certified first aider: 救护员 and the instructor level above it. */
export const CERTIFIED_KINDS = ['first_aider', 'instructor'] as const;

/** One basis point is 1/10 000: 30 bp of a population is its 0.3 %. */
export const BASIS_POINTS = 10_000;

/**
 * A target in people. A share is rounded up: a society of 1 001 people asked to certify 0.3 % has met
 * its target only with 4, not with 3.
 */
export function goalOf(basis: 'count' | 'share', population: number | null, value: number): number {
  if (basis === 'count') return value;
  return Math.ceil((population! * value) / BASIS_POINTS);
}

export function presentTarget(row: TargetRow): Target {
  const basis = row.basis as Target['basis'];
  return {
    orgId: row.orgId,
    year: row.year,
    basis,
    population: row.population,
    certified: row.certified,
    reached: row.reached,
    certifiedGoal: goalOf(basis, row.population, row.certified),
    reachedGoal: goalOf(basis, row.population, row.reached),
  };
}
