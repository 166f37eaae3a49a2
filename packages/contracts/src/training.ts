import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, text } from './common.ts';
import { idCardSchema, isValidDateString, mobileSchema } from './validators/index.ts';

const dateString = z.string().refine(isValidDateString, '日期格式应为 YYYY-MM-DD');
const score = z.number().int().min(0, '分数为 0–100 的整数').max(100, '分数为 0–100 的整数');

/**
 * 应急救护培训 course kinds. Each kind says whether it ends in a certificate; the renewal course (复训)
 * does not make a new holder: it extends a first aider's certificate by issuing its successor.
 */
export const COURSE_KINDS = [
  'awareness',
  'first_aider',
  'junior',
  'cpr_aed',
  'instructor',
  'renewal',
] as const;
export const courseKindSchema = z.enum(COURSE_KINDS);
export type CourseKind = z.infer<typeof courseKindSchema>;
export const COURSE_KIND_LABELS: Record<CourseKind, { zh: string; en: string }> = {
  awareness: { zh: '普及培训', en: 'Awareness' },
  first_aider: { zh: '救护员', en: 'First aider' },
  junior: { zh: '初级救护员', en: 'Junior first aider' },
  cpr_aed: { zh: 'CPR+AED', en: 'CPR + AED' },
  instructor: { zh: '救护师资', en: 'Instructor' },
  renewal: { zh: '救护员复训', en: 'First-aider renewal' },
};

/** A course's rules: exam pass marks (null = not examined), certificate term (null = no certificate). */
export interface CourseRules {
  hours: number;
  theoryPass: number | null;
  practicalPass: number | null;
  validityMonths: number | null;
}

/** What a new course of each kind starts with; every society may change them per course. */
export const COURSE_KIND_DEFAULTS: Record<CourseKind, CourseRules> = {
  awareness: { hours: 4, theoryPass: null, practicalPass: null, validityMonths: null },
  first_aider: { hours: 16, theoryPass: 80, practicalPass: 80, validityMonths: 36 },
  junior: { hours: 8, theoryPass: 70, practicalPass: 70, validityMonths: 36 },
  cpr_aed: { hours: 4, theoryPass: null, practicalPass: 80, validityMonths: 24 },
  instructor: { hours: 40, theoryPass: 85, practicalPass: 85, validityMonths: 36 },
  renewal: { hours: 8, theoryPass: 80, practicalPass: 80, validityMonths: 36 },
};

/** 五进: enterprises, government bodies, schools, communities, villages. */
export const TRAINING_SECTORS = ['enterprise', 'government', 'school', 'community', 'village'] as const;
export const trainingSectorSchema = z.enum(TRAINING_SECTORS);
export type TrainingSector = z.infer<typeof trainingSectorSchema>;
export const TRAINING_SECTOR_LABELS: Record<TrainingSector, { zh: string; en: string }> = {
  enterprise: { zh: '进企业', en: 'Enterprises' },
  government: { zh: '进机关', en: 'Government bodies' },
  school: { zh: '进学校', en: 'Schools' },
  community: { zh: '进社区', en: 'Communities' },
  village: { zh: '进农村', en: 'Villages' },
};

export const INSTRUCTOR_LEVELS = ['junior', 'intermediate', 'senior'] as const;
export const instructorLevelSchema = z.enum(INSTRUCTOR_LEVELS);
export type InstructorLevel = z.infer<typeof instructorLevelSchema>;
export const INSTRUCTOR_LEVEL_LABELS: Record<InstructorLevel, { zh: string; en: string }> = {
  junior: { zh: '初级师资', en: 'Junior' },
  intermediate: { zh: '中级师资', en: 'Intermediate' },
  senior: { zh: '高级师资', en: 'Senior' },
};

// ---- courses ----------------------------------------------------------------------------------

const passMark = score.nullable();
export const createCourseSchema = z
  .object({
    orgId: idSchema,
    kind: courseKindSchema,
    name: text(100),
    hours: z.number().int().min(1, '学时至少 1').max(200, '学时不超过 200'),
    theoryPass: passMark,
    practicalPass: passMark,
    /** Months a certificate stays valid; null for a course that gives none (普及培训). */
    validityMonths: z.number().int().min(1, '有效期至少 1 个月').max(120, '有效期不超过 120 个月').nullable(),
  })
  .strict();
export type CreateCourseInput = z.infer<typeof createCourseSchema>;
/** A retired course (`active: false`) stays on its certificates but cannot be used for new classes. */
export const updateCourseSchema = createCourseSchema
  .omit({ orgId: true, kind: true })
  .partial()
  .extend({ active: z.boolean().optional() })
  .strict();
export type UpdateCourseInput = z.infer<typeof updateCourseSchema>;

export const courseSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: courseKindSchema,
  name: z.string(),
  hours: z.number().int(),
  theoryPass: z.number().int().nullable(),
  practicalPass: z.number().int().nullable(),
  validityMonths: z.number().int().nullable(),
  certifies: z.boolean(),
  active: z.boolean(),
});
export type Course = z.infer<typeof courseSchema>;
export const listCoursesQuerySchema = z.object({
  /** Courses of this society and below. */
  orgId: idSchema.optional(),
  /** The courses a class of this society may use: its own and those of societies above it. */
  usableAt: idSchema.optional(),
});

// ---- instructors and bases --------------------------------------------------------------------

export const createInstructorSchema = z
  .object({
    orgId: idSchema,
    name: text(50),
    mobile: mobileSchema.nullish(),
    level: instructorLevelSchema,
    /** The course kinds this instructor may teach. */
    courseKinds: z.array(courseKindSchema).min(1, '至少选择一种可授课程').max(COURSE_KINDS.length),
    certNo: text(50).nullish(),
    /** 师资证 valid until; an instructor whose certificate has lapsed by a class's last day cannot teach it. */
    certValidUntil: dateString,
  })
  .strict();
export type CreateInstructorInput = z.infer<typeof createInstructorSchema>;
export const updateInstructorSchema = createInstructorSchema
  .omit({ orgId: true })
  .partial()
  .extend({ active: z.boolean().optional() })
  .strict();
export type UpdateInstructorInput = z.infer<typeof updateInstructorSchema>;

export const instructorSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  mobileMasked: z.string().nullable(),
  level: instructorLevelSchema,
  courseKinds: z.array(courseKindSchema),
  certNo: z.string().nullable(),
  certValidUntil: z.string(),
  /** Hours taught: the course hours of every completed class they taught. */
  teachingHours: z.number().int(),
  classCount: z.number().int(),
  active: z.boolean(),
});
export type Instructor = z.infer<typeof instructorSchema>;
export const listInstructorsQuerySchema = z.object({
  /** The registry of this society and below. */
  orgId: idSchema.optional(),
  /** Those a class of this society may be taught by: its own and those of societies above it. */
  usableAt: idSchema.optional(),
  courseKind: courseKindSchema.optional(),
});

export const equipmentItemSchema = z.object({
  name: text(50),
  quantity: z.number().int().min(1).max(10_000),
});
export const createBaseSchema = z
  .object({
    orgId: idSchema,
    name: text(100),
    address: text(200),
    capacity: z.number().int().min(1, '容量至少 1 人').max(5000),
    equipment: z.array(equipmentItemSchema).max(100).default([]),
  })
  .strict();
export type CreateBaseInput = z.infer<typeof createBaseSchema>;
export const baseSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  name: z.string(),
  address: z.string(),
  capacity: z.number().int(),
  equipment: z.array(z.object({ name: z.string(), quantity: z.number().int() })),
});
export type TrainingBase = z.infer<typeof baseSchema>;
export const listBasesQuerySchema = z.object({ orgId: idSchema.optional(), usableAt: idSchema.optional() });

// ---- classes ----------------------------------------------------------------------------------

export const CLASS_STATUSES = ['open', 'completed'] as const;
export type ClassStatus = (typeof CLASS_STATUSES)[number];
export const CLASS_STATUS_LABELS: Record<ClassStatus, { zh: string; en: string }> = {
  open: { zh: '报名/培训中', en: 'Open' },
  completed: { zh: '已结业', en: 'Completed' },
};

export const createClassSchema = z
  .object({
    orgId: idSchema,
    courseId: idSchema,
    baseId: idSchema.nullish(),
    title: text(100),
    sector: trainingSectorSchema,
    startsOn: dateString,
    endsOn: dateString,
    capacity: z.number().int().min(1, '名额至少 1 人').max(2000, '名额不超过 2000 人'),
    instructorIds: z.array(idSchema).max(20),
    /** Open to public online sign-up (the portal page). */
    publicSignup: z.boolean().default(false),
    venue: text(200).nullish(),
  })
  .strict()
  .refine((c) => c.endsOn >= c.startsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });
export type CreateClassInput = z.infer<typeof createClassSchema>;

export const classSummarySchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  courseId: z.number().int(),
  courseName: z.string(),
  courseKind: courseKindSchema,
  baseId: z.number().int().nullable(),
  baseName: z.string().nullable(),
  title: z.string(),
  sector: trainingSectorSchema,
  startsOn: z.string(),
  endsOn: z.string(),
  venue: z.string().nullable(),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  passed: z.number().int(),
  certified: z.number().int(),
  publicSignup: z.boolean(),
  status: z.enum(CLASS_STATUSES),
  instructors: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type ClassSummary = z.infer<typeof classSummarySchema>;
export const listClassesQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  courseKind: courseKindSchema.optional(),
  sector: trainingSectorSchema.optional(),
  status: z.enum(CLASS_STATUSES).optional(),
  from: dateString.optional(),
  to: dateString.optional(),
  q: z.string().trim().max(50).optional(),
});
export type ListClassesQuery = z.infer<typeof listClassesQuerySchema>;
export const classPageSchema = pageOf(classSummarySchema);

export const TRAINEE_RESULTS = ['pending', 'passed', 'failed'] as const;
export type TraineeResult = (typeof TRAINEE_RESULTS)[number];
export const TRAINEE_RESULT_LABELS: Record<TraineeResult, { zh: string; en: string }> = {
  pending: { zh: '待考核', en: 'Pending' },
  passed: { zh: '合格', en: 'Passed' },
  failed: { zh: '不合格', en: 'Failed' },
};
export const TRAINEE_SOURCES = ['import', 'online'] as const;

export const traineeSchema = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  name: z.string(),
  idCardMasked: z.string().nullable(),
  mobileMasked: z.string().nullable(),
  employer: z.string().nullable(),
  source: z.enum(TRAINEE_SOURCES),
  attended: z.boolean().nullable(),
  theoryScore: z.number().int().nullable(),
  practicalScore: z.number().int().nullable(),
  result: z.enum(TRAINEE_RESULTS),
  certificateNumber: z.string().nullable(),
});
export type Trainee = z.infer<typeof traineeSchema>;
export const classDetailSchema = classSummarySchema.extend({
  course: courseSchema,
  trainees: z.array(traineeSchema),
});
export type ClassDetail = z.infer<typeof classDetailSchema>;

/** One trainee's results; a score left out keeps the one recorded. */
export const traineeResultInputSchema = z
  .object({
    traineeId: idSchema,
    attended: z.boolean(),
    theoryScore: score.nullish(),
    practicalScore: score.nullish(),
  })
  .strict();
export const recordResultsSchema = z
  .object({ results: z.array(traineeResultInputSchema).min(1).max(2000) })
  .strict();
export type RecordResultsInput = z.infer<typeof recordResultsSchema>;

// ---- enrolment: public sign-up and staff import -----------------------------------------------

export const publicClassSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  orgName: z.string(),
  courseName: z.string(),
  courseKind: courseKindSchema,
  hours: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  venue: z.string().nullable(),
  capacity: z.number().int(),
  remaining: z.number().int(),
});
export type PublicClass = z.infer<typeof publicClassSchema>;

export const signUpSchema = z
  .object({
    name: text(50),
    mobile: mobileSchema,
    idCard: idCardSchema.nullish(),
    employer: text(100).nullish(),
  })
  .strict();
export type SignUpInput = z.infer<typeof signUpSchema>;
export const signUpResultSchema = z.object({
  classId: z.number().int(),
  /** True when this phone had already signed up: nothing new was created. */
  existing: z.boolean(),
  remaining: z.number().int(),
});

export const TRAINEE_IMPORT_MAX_BYTES = 15 * 1024 * 1024;
export const createTraineeImportSchema = z
  .object({
    fileName: text(200).refine((n) => /\.xlsx$/i.test(n), {
      message: '仅支持 .xlsx 文件（.xls 请先另存为 .xlsx）',
    }),
    contentBase64: z
      .string()
      .min(1, '文件为空')
      .max(Math.ceil(TRAINEE_IMPORT_MAX_BYTES / 3) * 4, '文件不能超过 15 MB')
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容不是有效的 Base64 编码'),
  })
  .strict();
export type CreateTraineeImportInput = z.infer<typeof createTraineeImportSchema>;
export const traineeImportErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
  text: z.string(),
});
export type TraineeImportError = z.infer<typeof traineeImportErrorSchema>;
export const traineeImportSchema = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  fileName: z.string(),
  status: z.enum(['previewed', 'committed']),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  /** Valid rows whose person is already on the roster: committing skips them. */
  duplicates: z.number().int(),
  created: z.number().int(),
  errors: z.array(traineeImportErrorSchema),
  /** The first valid rows, masked. */
  sample: z.array(
    z.object({ row: z.number().int(), name: z.string(), idCardMasked: z.string(), duplicate: z.boolean() }),
  ),
});
export type TraineeImport = z.infer<typeof traineeImportSchema>;
export const traineeImportCommitSchema = z.object({
  import: traineeImportSchema,
  alreadyCommitted: z.boolean(),
});

// ---- certificates -----------------------------------------------------------------------------

export const CERTIFICATE_STATES = ['valid', 'expired', 'revoked', 'superseded'] as const;
export type CertificateState = (typeof CERTIFICATE_STATES)[number];
export const CERTIFICATE_STATE_LABELS: Record<CertificateState, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'Valid' },
  expired: { zh: '已过期', en: 'Expired' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  superseded: { zh: '已换发（以新证为准）', en: 'Superseded by renewal' },
};

export const certificateNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^JH\d{14}$/, '证书编号应为 JH 加 14 位数字');
export const certificateNumberParamsSchema = z.object({ number: certificateNumberSchema });

export const certificateSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  orgId: z.number().int(),
  orgName: z.string(),
  classId: z.number().int(),
  kind: courseKindSchema,
  courseName: z.string(),
  holderName: z.string(),
  idCardMasked: z.string().nullable(),
  issuedOn: z.string(),
  validUntil: z.string(),
  /** Read at the moment of the query: a certificate past its date is expired whatever its record says. */
  state: z.enum(CERTIFICATE_STATES),
  revokedReason: z.string().nullable(),
  renews: z.string().nullable(),
  supersededBy: z.string().nullable(),
});
export type Certificate = z.infer<typeof certificateSchema>;
export const listCertificatesQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  classId: idSchema.optional(),
  state: z.enum(CERTIFICATE_STATES).optional(),
  /** Certificate number, or part of the holder's name. */
  q: z.string().trim().max(50).optional(),
});
export type ListCertificatesQuery = z.infer<typeof listCertificatesQuerySchema>;
export const certificatePageSchema = pageOf(certificateSchema);

export const issueCertificatesResultSchema = z.object({
  issued: z.array(z.object({ traineeId: z.number().int(), number: z.string() })),
  /** Passed trainees who got none, with the reason (a renewal without a certificate to renew). */
  skipped: z.array(z.object({ traineeId: z.number().int(), name: z.string(), reason: z.string() })),
});
export type IssueCertificatesResult = z.infer<typeof issueCertificatesResultSchema>;

export const revokeCertificateSchema = z.object({ reason: text(200) }).strict();

/** The public check: the name must match before anything about the holder is shown. */
export const verifyCertificateQuerySchema = z.object({ name: z.string().trim().max(50).optional() });
export const publicCertificateSchema = z.discriminatedUnion('nameMatches', [
  z.object({ number: z.string(), nameMatches: z.literal(false) }),
  z.object({
    number: z.string(),
    nameMatches: z.literal(true),
    holderName: z.string(),
    idCardMasked: z.string().nullable(),
    kind: courseKindSchema,
    courseName: z.string(),
    orgName: z.string(),
    issuedOn: z.string(),
    validUntil: z.string(),
    state: z.enum(CERTIFICATE_STATES),
    supersededBy: z.string().nullable(),
    checkedAt: z.string(),
  }),
]);
export type PublicCertificate = z.infer<typeof publicCertificateSchema>;

/**
 * Yearly targets. With `basis: 'share'`, `certified` and `reached` are basis points of `population`
 * (30 = 0.3 %, 300 = 3 %), the way the seeds state them; with `basis: 'count'` they are people.
 */
export const TARGET_BASES = ['count', 'share'] as const;
export const targetBasisSchema = z.enum(TARGET_BASES);
const targetYear = z.coerce
  .number()
  .int()
  .min(2000, '年份应在 2000–2100 之间')
  .max(2100, '年份应在 2000–2100 之间');
export const setTargetSchema = z
  .object({
    orgId: idSchema,
    year: targetYear,
    basis: targetBasisSchema,
    population: z.number().int().min(1, '登记人口应为正整数').max(2_000_000_000).nullish(),
    certified: z.number().int().min(0).max(2_000_000_000),
    reached: z.number().int().min(0).max(2_000_000_000),
  })
  .strict();
export type SetTargetInput = z.infer<typeof setTargetSchema>;

export const targetSchema = z.object({
  orgId: z.number().int(),
  year: z.number().int(),
  basis: targetBasisSchema,
  population: z.number().int().nullable(),
  certified: z.number().int(),
  reached: z.number().int(),
  /** The targets in people, whatever the basis. */
  certifiedGoal: z.number().int(),
  reachedGoal: z.number().int(),
});
export type Target = z.infer<typeof targetSchema>;

export const targetProgressQuerySchema = z.object({ orgId: idSchema, year: targetYear });
export type TargetProgressQuery = z.infer<typeof targetProgressQuerySchema>;
const counts = { certified: z.number().int(), reached: z.number().int() };
export const targetProgressSchema = z.object({
  orgId: z.number().int(),
  orgName: z.string(),
  year: z.number().int(),
  target: targetSchema.nullable(),
  ...counts,
  /** Each child society with its own subtree's counts and its own target. */
  children: z.array(
    z.object({ orgId: z.number().int(), orgName: z.string(), target: targetSchema.nullable(), ...counts }),
  ),
  months: z.array(z.object({ month: z.number().int(), ...counts })),
  sectors: z.array(z.object({ sector: trainingSectorSchema, ...counts })),
});
export type TargetProgress = z.infer<typeof targetProgressSchema>;

/**
 * The bulk roster import: one .xlsx of up to hundreds of thousands of rows, sent as the raw request
 * body, each row naming its class in a 班级编号 column (or all going to `classId`), processed by a job
 * in the server whose progress the console polls.
 */
export const BULK_IMPORT_MAX_BYTES = 64 * 1024 * 1024;
/** Errors kept for the office to read (the count covers them all). */
export const BULK_IMPORT_MAX_ERRORS = 1000;
export const createBulkImportQuerySchema = z.object({
  orgId: idSchema,
  classId: idSchema.optional(),
  fileName: text(200).refine((n) => /\.xlsx$/i.test(n), { message: '仅支持 .xlsx 文件' }),
});
export type CreateBulkImportQuery = z.infer<typeof createBulkImportQuerySchema>;
export const BULK_IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export const bulkImportSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  classId: z.number().int().nullable(),
  fileName: z.string(),
  status: z.enum(BULK_IMPORT_STATUSES),
  /** Share of the file read, in ‰. */
  progress: z.number().int(),
  totalRows: z.number().int(),
  created: z.number().int(),
  duplicates: z.number().int(),
  errorRows: z.number().int(),
  errors: z.array(traineeImportErrorSchema),
  failure: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type BulkImport = z.infer<typeof bulkImportSchema>;
