import type { CourseKind, CourseRules } from '@boai/contracts';
import { invalid } from '../../platform/errors.ts';

/**
 * What each kind demands of its rules: awareness sessions give no certificate; every certified course
 * examines at least one part (a certificate nobody was examined for proves nothing).
 */
export function checkCourseRules(kind: CourseKind, rules: Omit<CourseRules, 'hours'>): void {
  if (kind === 'awareness') {
    if (rules.validityMonths !== null) throw invalid('TRAINING_AWARENESS_NO_CERTIFICATE', 'validityMonths');
    return;
  }
  if (rules.validityMonths === null) throw invalid('TRAINING_COURSE_TERM_REQUIRED', 'validityMonths');
  if (rules.theoryPass === null && rules.practicalPass === null)
    throw invalid('TRAINING_COURSE_EXAM_REQUIRED', 'theoryPass');
}
