import { TRAINING_KEY } from './api.ts';

/** Query keys of the registries, so a form's write refreshes every list that shows them. */
export const COURSES_KEY = [...TRAINING_KEY, 'courses'];
export const INSTRUCTORS_KEY = [...TRAINING_KEY, 'instructors'];
export const BASES_KEY = [...TRAINING_KEY, 'bases'];
