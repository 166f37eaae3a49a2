import { addMonths } from '@boai/contracts';
import { describe, expect, it } from 'vitest';
import { certificateNumber, certificateState, judge, validUntilFor } from './rules.ts';

const firstAider = { theoryPass: 80, practicalPass: 80 };

describe('judging a trainee by the course rule', () => {
  it('fails an absentee whatever the scores, and leaves unrecorded attendance pending', () => {
    expect(judge(firstAider, { attended: false, theoryScore: 100, practicalScore: 100 })).toBe('failed');
    expect(judge(firstAider, { attended: null, theoryScore: 100, practicalScore: 100 })).toBe('pending');
  });
  it('passes at the pass mark and fails one point below it, on either part', () => {
    expect(judge(firstAider, { attended: true, theoryScore: 80, practicalScore: 80 })).toBe('passed');
    expect(judge(firstAider, { attended: true, theoryScore: 79, practicalScore: 100 })).toBe('failed');
    expect(judge(firstAider, { attended: true, theoryScore: 100, practicalScore: 79 })).toBe('failed');
  });
  it('keeps a trainee pending while an examined part has no score, but fails at once on a failed part', () => {
    expect(judge(firstAider, { attended: true, theoryScore: 90, practicalScore: null })).toBe('pending');
    expect(judge(firstAider, { attended: true, theoryScore: 60, practicalScore: null })).toBe('failed');
  });
  it('passes an awareness session on attendance alone and ignores parts a course does not examine', () => {
    expect(
      judge(
        { theoryPass: null, practicalPass: null },
        { attended: true, theoryScore: null, practicalScore: null },
      ),
    ).toBe('passed');
    expect(
      judge(
        { theoryPass: null, practicalPass: 80 },
        { attended: true, theoryScore: null, practicalScore: 80 },
      ),
    ).toBe('passed');
  });
});

describe('certificate dates', () => {
  it('adds months with the day clamped to the month end, across years and leap days', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-11-24', 36)).toBe('2029-11-24');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
  it('runs a 3-year term to the day before the anniversary', () => {
    expect(validUntilFor('2026-11-24', 36)).toBe('2029-11-23');
    expect(validUntilFor('2024-02-29', 36)).toBe('2027-02-27');
  });
  it('continues a renewal from the renewed certificate’s end when that is later, so renewing early loses nothing', () => {
    expect(validUntilFor('2026-11-24', 36, '2027-03-01')).toBe('2030-03-01');
    // Renewed after it lapsed: the new term starts on the renewal day.
    expect(validUntilFor('2026-11-24', 36, '2026-01-01')).toBe('2029-11-23');
  });
  it('reads the state at the query day: valid through the last day, expired the day after', () => {
    const c = { status: 'issued', validUntil: '2029-11-23' };
    expect(certificateState(c, '2029-11-23')).toBe('valid');
    expect(certificateState(c, '2029-11-24')).toBe('expired');
    expect(certificateState({ ...c, status: 'revoked' }, '2026-01-01')).toBe('revoked');
    expect(certificateState({ ...c, status: 'superseded' }, '2026-01-01')).toBe('superseded');
  });
  it('numbers certificates JH + year + society + sequence', () => {
    expect(certificateNumber(2026, 3, 42)).toBe('JH20260003000042');
  });
});
