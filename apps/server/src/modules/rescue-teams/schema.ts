import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { disasterEvents } from '../disaster-events/schema.ts';
import { orgIdColumn, orgs } from '../orgs/schema.ts';

/*
 * 救援队. Every row carries the team's society as org_id (children copy it from their team), so each
 * table is scoped by the same one predicate and distributes with its team.
 */

/** A rescue team of a society. Never deleted: 撤编 (stood_down) keeps its history readable. */
export const rescueTeams = pgTable(
  'rescue_teams',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    foundedOn: date('founded_on').notNull(),
    leaderName: text('leader_name').notNull(),
    contactPhoneEnc: text('contact_phone_enc').notNull(),
    baseAddress: text('base_address').notNull(),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'rescue_teams_type_ck',
      sql`${t.type} in ('relief','water','mountain','psychological','drone','medical','other')`,
    ),
    check('rescue_teams_status_ck', sql`${t.status} in ('active','stood_down')`),
    uniqueIndex('rescue_teams_name_uq').on(t.orgId, t.name),
  ],
);

/** 队员. `left_on` marks 离队; the row stays, because deployments and drills name the member. */
export const rescueTeamMembers = pgTable(
  'rescue_team_members',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    teamId: integer('team_id')
      .notNull()
      .references(() => rescueTeams.id),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    phoneEnc: text('phone_enc').notNull(),
    role: text('role').notNull(),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('rescue_team_members_gender_ck', sql`${t.gender} in ('male','female')`),
    check('rescue_team_members_role_ck', sql`${t.role} in ('leader','deputy','member')`),
    check('rescue_team_members_left_ck', sql`${t.leftOn} is null or ${t.leftOn} >= ${t.joinedOn}`),
    index('rescue_team_members_team_idx').on(t.teamId),
    // One serving 队长 per team: the index decides a race between two appointments.
    uniqueIndex('rescue_team_members_leader_uq')
      .on(t.teamId)
      .where(sql`${t.role} = 'leader' and ${t.leftOn} is null`),
  ],
);

/** A member's certificate (救护员证, 潜水员证, 无人机驾驶员执照 …); no expiry date means it does not expire. */
export const rescueMemberCertificates = pgTable(
  'rescue_member_certificates',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    memberId: integer('member_id')
      .notNull()
      .references(() => rescueTeamMembers.id),
    name: text('name').notNull(),
    number: text('number').notNull(),
    issuer: text('issuer').notNull(),
    expiresOn: date('expires_on'),
  },
  (t) => [index('rescue_member_certificates_member_idx').on(t.memberId)],
);

export const rescueTeamEquipment = pgTable(
  'rescue_team_equipment',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    teamId: integer('team_id')
      .notNull()
      .references(() => rescueTeams.id),
    name: text('name').notNull(),
    spec: text('spec'),
    quantity: integer('quantity').notNull(),
    condition: text('condition').notNull(),
    lastCheckedOn: date('last_checked_on'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('rescue_team_equipment_quantity_ck', sql`${t.quantity} >= 0`),
    check('rescue_team_equipment_condition_ck', sql`${t.condition} in ('good','fair','repair','scrapped')`),
    index('rescue_team_equipment_team_idx').on(t.teamId),
  ],
);

/**
 * 值班备勤: one shift. `starts_at`/`ends_at` are the instants the shift covers (a whole day is
 * Shanghai midnight to midnight; a night shift ends the next morning) — what overlap is judged on.
 */
export const rescueDutyShifts = pgTable(
  'rescue_duty_shifts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    teamId: integer('team_id')
      .notNull()
      .references(() => rescueTeams.id),
    dutyDate: date('duty_date').notNull(),
    allDay: boolean('all_day').notNull(),
    startTime: text('start_time'),
    endTime: text('end_time'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    standbyLevel: text('standby_level').notNull(),
    notes: text('notes'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('rescue_duty_shifts_window_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check('rescue_duty_shifts_level_ck', sql`${t.standbyLevel} in ('level1','level2','level3')`),
    index('rescue_duty_shifts_date_idx').on(t.dutyDate, t.teamId),
  ],
);

/** Who is on a shift. Removing a shift removes its assignments with it. */
export const rescueDutyAssignments = pgTable(
  'rescue_duty_assignments',
  {
    shiftId: integer('shift_id')
      .notNull()
      .references(() => rescueDutyShifts.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => rescueTeamMembers.id),
    orgId: orgIdColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.shiftId, t.memberId] }),
    index('rescue_duty_assignments_member_idx').on(t.memberId),
  ],
);

/**
 * 出队: a team sent to a disaster event. With `event_id` (an event of the team's line of the tree,
 * checked by disaster-events' findEventForOrg) `event_name` is the event's name when recorded; without
 * one it is the name as written (an emergency never registered as an event).
 */
export const rescueDeployments = pgTable(
  'rescue_deployments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    teamId: integer('team_id')
      .notNull()
      .references(() => rescueTeams.id),
    eventId: integer('event_id').references(() => disasterEvents.id),
    eventName: text('event_name').notNull(),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    location: text('location').notNull(),
    summary: text('summary'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('rescue_deployments_dates_ck', sql`${t.endedOn} is null or ${t.endedOn} >= ${t.startedOn}`),
    index('rescue_deployments_team_idx').on(t.teamId, t.startedOn),
    index('rescue_deployments_event_idx').on(t.eventId),
  ],
);

/** Each deployed member's hours, as integer minutes (no floating point anywhere). */
export const rescueDeploymentMembers = pgTable(
  'rescue_deployment_members',
  {
    deploymentId: integer('deployment_id')
      .notNull()
      .references(() => rescueDeployments.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => rescueTeamMembers.id),
    orgId: orgIdColumn(),
    minutes: integer('minutes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.deploymentId, t.memberId] }),
    check('rescue_deployment_members_minutes_ck', sql`${t.minutes} > 0`),
  ],
);

/** 演练. Every participant is credited with the drill's length. */
export const rescueDrills = pgTable(
  'rescue_drills',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    teamId: integer('team_id')
      .notNull()
      .references(() => rescueTeams.id),
    heldOn: date('held_on').notNull(),
    subject: text('subject').notNull(),
    location: text('location'),
    minutes: integer('minutes').notNull(),
    notes: text('notes'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('rescue_drills_minutes_ck', sql`${t.minutes} > 0 and ${t.minutes} <= 1440`),
    index('rescue_drills_team_idx').on(t.teamId, t.heldOn),
  ],
);

export const rescueDrillParticipants = pgTable(
  'rescue_drill_participants',
  {
    drillId: integer('drill_id')
      .notNull()
      .references(() => rescueDrills.id),
    memberId: integer('member_id')
      .notNull()
      .references(() => rescueTeamMembers.id),
    orgId: orgIdColumn(),
  },
  (t) => [primaryKey({ columns: [t.drillId, t.memberId] })],
);

/** 考核标准: a society's criteria for one year, in weight order. Locked once a team is scored on them. */
export const rescueAssessmentCriteria = pgTable(
  'rescue_assessment_criteria',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    year: integer('year').notNull(),
    name: text('name').notNull(),
    maxScore: integer('max_score').notNull(),
    sortOrder: integer('sort_order').notNull(),
  },
  (t) => [
    check('rescue_assessment_criteria_max_ck', sql`${t.maxScore} > 0`),
    uniqueIndex('rescue_assessment_criteria_name_uq').on(t.orgId, t.year, t.name),
  ],
);

/**
 * 考核评估: one per team per year (the unique index is the rule). org_id is the team's society (who
 * may see it); assessor_org_id the society whose criteria were used — the team's own or one above.
 * total/max_total/grade follow the scores on every save; grade stays null until all are scored.
 */
export const rescueAssessments = pgTable(
  'rescue_assessments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    teamId: integer('team_id')
      .notNull()
      .references(() => rescueTeams.id),
    year: integer('year').notNull(),
    assessorOrgId: integer('assessor_org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull().default('draft'),
    total: integer('total').notNull(),
    maxTotal: integer('max_total').notNull(),
    grade: text('grade'),
    comment: text('comment'),
    updatedBy: text('updated_by').notNull(),
    finalizedBy: text('finalized_by'),
    finalizedAt: timestamp('finalized_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('rescue_assessments_status_ck', sql`${t.status} in ('draft','final')`),
    check(
      'rescue_assessments_grade_ck',
      sql`${t.grade} is null or ${t.grade} in ('excellent','good','pass','fail')`,
    ),
    check('rescue_assessments_final_ck', sql`${t.status} = 'draft' or ${t.grade} is not null`),
    uniqueIndex('rescue_assessments_team_year_uq').on(t.teamId, t.year),
    index('rescue_assessments_assessor_idx').on(t.assessorOrgId, t.year),
  ],
);

export const rescueAssessmentScores = pgTable(
  'rescue_assessment_scores',
  {
    assessmentId: integer('assessment_id')
      .notNull()
      .references(() => rescueAssessments.id),
    criterionId: integer('criterion_id')
      .notNull()
      .references(() => rescueAssessmentCriteria.id),
    orgId: orgIdColumn(),
    score: integer('score').notNull(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.criterionId] }),
    check('rescue_assessment_scores_score_ck', sql`${t.score} >= 0`),
    index('rescue_assessment_scores_criterion_idx').on(t.criterionId),
  ],
);
