import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { orgIdColumn } from '../orgs/schema.ts';

const KINDS = sql.raw(`('awareness','first_aider','junior','cpr_aed','instructor','renewal')`);

/**
 * A course as a society runs it: its kind and its rules (hours, pass marks, certificate term) are data,
 * so a society changes its term or pass mark without a code change. A class may use a course of its
 * own society or of any society above it (the province defines, the districts teach).
 */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    hours: integer('hours').notNull(),
    theoryPass: integer('theory_pass'),
    practicalPass: integer('practical_pass'),
    /** Null: the course ends in no certificate (普及培训). */
    validityMonths: integer('validity_months'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('training_courses_kind_ck', sql`${t.kind} in ${KINDS}`),
    check('training_courses_hours_ck', sql`${t.hours} > 0`),
    check('training_courses_awareness_ck', sql`${t.kind} <> 'awareness' or ${t.validityMonths} is null`),
    index('training_courses_org_idx').on(t.orgId),
  ],
);

/** 救护师资: who may teach which course kinds, until when their own certificate holds. */
export const trainingInstructors = pgTable(
  'training_instructors',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    mobileEnc: text('mobile_enc'),
    level: text('level').notNull(),
    courseKinds: text('course_kinds').array().notNull(),
    certNo: text('cert_no'),
    certValidUntil: date('cert_valid_until').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('training_instructors_level_ck', sql`${t.level} in ('junior','intermediate','senior')`),
    index('training_instructors_org_idx').on(t.orgId),
  ],
);

/** 培训基地 with its seats and equipment ({ name, quantity }[]). */
export const trainingBases = pgTable(
  'training_bases',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    capacity: integer('capacity').notNull(),
    equipment: jsonb('equipment').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('training_bases_capacity_ck', sql`${t.capacity} > 0`),
    index('training_bases_org_idx').on(t.orgId),
  ],
);

/** A class (培训班) of one course, owned by the society that runs it. */
export const trainingClasses = pgTable(
  'training_classes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    courseId: integer('course_id')
      .notNull()
      .references(() => trainingCourses.id),
    baseId: integer('base_id').references(() => trainingBases.id),
    title: text('title').notNull(),
    sector: text('sector').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    venue: text('venue'),
    capacity: integer('capacity').notNull(),
    publicSignup: boolean('public_signup').notNull().default(false),
    status: text('status').notNull().default('open'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'training_classes_sector_ck',
      sql`${t.sector} in ('enterprise','government','school','community','village')`,
    ),
    check('training_classes_status_ck', sql`${t.status} in ('open','completed')`),
    check('training_classes_dates_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    check('training_classes_capacity_ck', sql`${t.capacity} > 0`),
    index('training_classes_org_idx').on(t.orgId, t.startsOn),
  ],
);

export const trainingClassInstructors = pgTable(
  'training_class_instructors',
  {
    classId: integer('class_id')
      .notNull()
      .references(() => trainingClasses.id),
    instructorId: integer('instructor_id')
      .notNull()
      .references(() => trainingInstructors.id),
    /** The class's society (the row is scoped like its class). */
    orgId: orgIdColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.classId, t.instructorId] }),
    index('training_class_instructors_instructor_idx').on(t.instructorId),
  ],
);

/**
 * A person on a class's roster. 身份证 and mobile are encrypted with keyed hashes beside them; the
 * partial unique index on 身份证 makes "the same person twice on one roster" impossible, which is what
 * makes a re-import create nothing twice, even when two imports race.
 */
export const trainingTrainees = pgTable(
  'training_trainees',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    classId: integer('class_id')
      .notNull()
      .references(() => trainingClasses.id),
    name: text('name').notNull(),
    idCardEnc: text('id_card_enc'),
    idCardHash: text('id_card_hash'),
    mobileEnc: text('mobile_enc'),
    mobileHash: text('mobile_hash'),
    employer: text('employer'),
    source: text('source').notNull(),
    importId: integer('import_id'),
    attended: boolean('attended'),
    theoryScore: integer('theory_score'),
    practicalScore: integer('practical_score'),
    result: text('result').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('training_trainees_source_ck', sql`${t.source} in ('import','online')`),
    check('training_trainees_result_ck', sql`${t.result} in ('pending','passed','failed')`),
    check(
      'training_trainees_scores_ck',
      sql`coalesce(${t.theoryScore}, 0) between 0 and 100 and coalesce(${t.practicalScore}, 0) between 0 and 100`,
    ),
    uniqueIndex('training_trainees_class_id_card_uq')
      .on(t.classId, t.idCardHash)
      .where(sql`${t.idCardHash} is not null`),
    // Not unique: family members share a phone. Online sign-ups are idempotent by phone under the
    // class row lock instead (sign-up.ts).
    index('training_trainees_class_mobile_idx').on(t.classId, t.mobileHash),
    index('training_trainees_id_card_idx').on(t.idCardHash),
  ],
);

/**
 * An uploaded roster (.xlsx). The parsed valid rows wait here between preview and commit; they hold
 * 身份证 and mobile numbers, so they are stored encrypted as one token, never as clear jsonb.
 */
export const trainingImports = pgTable(
  'training_imports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    classId: integer('class_id')
      .notNull()
      .references(() => trainingClasses.id),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    status: text('status').notNull().default('previewed'),
    totalRows: integer('total_rows').notNull(),
    validRows: integer('valid_rows').notNull(),
    errorRows: integer('error_rows').notNull(),
    duplicates: integer('duplicates').notNull(),
    created: integer('created').notNull().default(0),
    rowsEnc: text('rows_enc').notNull(),
    errors: jsonb('errors').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [
    check('training_imports_status_ck', sql`${t.status} in ('previewed','committed')`),
    index('training_imports_class_idx').on(t.classId),
  ],
);

/** Gap-free certificate numbers per issuing society and year, moved in the issuing transaction. */
export const trainingCertificateSeries = pgTable(
  'training_certificate_series',
  {
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);

/**
 * A certificate. Its record never says "expired": that is read from `valid_until` at the moment of a
 * query. A renewal issues a successor (`renews_id`) and marks this one superseded, in one transaction.
 */
export const trainingCertificates = pgTable(
  'training_certificates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    traineeId: integer('trainee_id')
      .notNull()
      .references(() => trainingTrainees.id),
    classId: integer('class_id')
      .notNull()
      .references(() => trainingClasses.id),
    kind: text('kind').notNull(),
    holderName: text('holder_name').notNull(),
    idCardHash: text('id_card_hash'),
    issuedOn: date('issued_on').notNull(),
    validUntil: date('valid_until').notNull(),
    status: text('status').notNull().default('issued'),
    revokedReason: text('revoked_reason'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    renewsId: integer('renews_id').references((): AnyPgColumn => trainingCertificates.id),
    supersededById: integer('superseded_by_id').references((): AnyPgColumn => trainingCertificates.id),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('training_certificates_kind_ck', sql`${t.kind} in ${KINDS}`),
    check('training_certificates_status_ck', sql`${t.status} in ('issued','revoked','superseded')`),
    check('training_certificates_dates_ck', sql`${t.validUntil} >= ${t.issuedOn}`),
    uniqueIndex('training_certificates_number_uq').on(t.number),
    uniqueIndex('training_certificates_series_uq').on(t.orgId, t.year, t.seq),
    // One certificate per trainee (per class enrolment): issuing twice cannot happen, even in a race.
    uniqueIndex('training_certificates_trainee_uq').on(t.traineeId),
    index('training_certificates_holder_idx').on(t.idCardHash),
    index('training_certificates_expiry_idx')
      .on(t.validUntil)
      .where(sql`${t.status} = 'issued'`),
    index('training_certificates_org_idx').on(t.orgId, t.issuedOn),
  ],
);

/**
 * A society's yearly first-aid targets. `basis` says how `certified` and `reached` read: plain counts,
 * or shares of `population` (the registered population the society serves) in basis points — 30 is
 * 0.3 %, 300 is 3 % — so the target follows the population without a float anywhere.
 */
export const trainingTargets = pgTable(
  'training_targets',
  {
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    population: integer('population'),
    basis: text('basis').notNull(),
    certified: integer('certified').notNull(),
    reached: integer('reached').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.year] }),
    check('training_targets_basis_ck', sql`${t.basis} in ('count','share')`),
    check('training_targets_values_ck', sql`${t.certified} >= 0 and ${t.reached} >= 0`),
    check('training_targets_population_ck', sql`${t.basis} = 'count' or coalesce(${t.population}, 0) > 0`),
  ],
);

/**
 * A large roster upload (up to hundreds of thousands of rows, each naming its class) processed by a job
 * in the server after the upload request has answered. Its progress and counts are written as it goes,
 * so the console can poll them; the first errors are kept for the office to fix and re-upload.
 */
export const trainingBulkImports = pgTable(
  'training_bulk_imports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    /** The class of rows that name none (null: every row must name its class). */
    classId: integer('class_id').references(() => trainingClasses.id),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    status: text('status').notNull().default('queued'),
    /** Share of the file read so far, in ‰. */
    progress: integer('progress').notNull().default(0),
    totalRows: integer('total_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    errors: jsonb('errors').notNull().default([]),
    failure: text('failure'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    check('training_bulk_imports_status_ck', sql`${t.status} in ('queued','running','done','failed')`),
    index('training_bulk_imports_org_idx').on(t.orgId, t.createdAt),
  ],
);
