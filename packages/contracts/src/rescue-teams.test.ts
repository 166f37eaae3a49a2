import { describe, expect, it } from 'vitest';
import { rescueGradeFor } from './rescue-team-assessments.ts';
import {
  dutyShiftInputSchema,
  rescueHoursSchema,
  rescueHoursToMinutes,
  rescueMinutesToHours,
} from './rescue-teams.ts';

describe('rescue team rules', () => {
  it('grades exactly at the thresholds, in integers', () => {
    expect(rescueGradeFor(90, 100)).toBe('excellent');
    expect(rescueGradeFor(89, 100)).toBe('good');
    expect(rescueGradeFor(75, 100)).toBe('good');
    expect(rescueGradeFor(74, 100)).toBe('pass');
    expect(rescueGradeFor(60, 100)).toBe('pass');
    expect(rescueGradeFor(59, 100)).toBe('fail');
    // 27 of 30 is exactly 90 %, which floating point would put at 0.8999…
    expect(rescueGradeFor(27, 30)).toBe('excellent');
    expect(rescueGradeFor(0, 10)).toBe('fail');
  });

  it('takes hours to one decimal and keeps them as whole minutes', () => {
    expect(rescueHoursSchema.safeParse(12.5).success).toBe(true);
    expect(rescueHoursSchema.safeParse(0.1).success).toBe(true);
    expect(rescueHoursSchema.safeParse(1.25).success).toBe(false);
    expect(rescueHoursSchema.safeParse(0).success).toBe(false);
    expect(rescueHoursToMinutes(6.3)).toBe(378);
    expect(rescueMinutesToHours(378)).toBe(6.3);
    for (let tenths = 1; tenths < 500; tenths++)
      expect(rescueMinutesToHours(rescueHoursToMinutes(tenths / 10))).toBe(tenths / 10);
  });

  it('needs start and end for a shift that is not all day', () => {
    const base = { dutyDate: '2026-03-02', standbyLevel: 'level1', memberIds: [1] };
    expect(dutyShiftInputSchema.safeParse({ ...base, allDay: true }).success).toBe(true);
    expect(
      dutyShiftInputSchema.safeParse({ ...base, allDay: false, startTime: '20:00', endTime: '08:00' })
        .success,
    ).toBe(true);
    const missing = dutyShiftInputSchema.safeParse({ ...base, allDay: false, startTime: '08:00' });
    expect(missing.error?.issues[0]?.path).toEqual(['endTime']);
    expect(
      dutyShiftInputSchema.safeParse({ ...base, allDay: false, startTime: '24:00', endTime: '08:00' })
        .success,
    ).toBe(false);
  });
});
