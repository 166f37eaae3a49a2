CREATE TABLE "rescue_assessment_criteria" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rescue_assessment_criteria_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"max_score" integer NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "rescue_assessment_criteria_max_ck" CHECK ("rescue_assessment_criteria"."max_score" > 0)
);
--> statement-breakpoint
CREATE TABLE "rescue_assessment_scores" (
	"assessment_id" integer NOT NULL,
	"criterion_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"score" integer NOT NULL,
	"note" text,
	CONSTRAINT "rescue_assessment_scores_assessment_id_criterion_id_pk" PRIMARY KEY("assessment_id","criterion_id"),
	CONSTRAINT "rescue_assessment_scores_score_ck" CHECK ("rescue_assessment_scores"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rescue_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rescue_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"year" integer NOT NULL,
	"assessor_org_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"total" integer NOT NULL,
	"max_total" integer NOT NULL,
	"grade" text,
	"comment" text,
	"updated_by" text NOT NULL,
	"finalized_by" text,
	"finalized_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rescue_assessments_status_ck" CHECK ("rescue_assessments"."status" in ('draft','final')),
	CONSTRAINT "rescue_assessments_grade_ck" CHECK ("rescue_assessments"."grade" is null or "rescue_assessments"."grade" in ('excellent','good','pass','fail')),
	CONSTRAINT "rescue_assessments_final_ck" CHECK ("rescue_assessments"."status" = 'draft' or "rescue_assessments"."grade" is not null)
);
--> statement-breakpoint
CREATE TABLE "rescue_deployment_members" (
	"deployment_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"minutes" integer NOT NULL,
	CONSTRAINT "rescue_deployment_members_deployment_id_member_id_pk" PRIMARY KEY("deployment_id","member_id"),
	CONSTRAINT "rescue_deployment_members_minutes_ck" CHECK ("rescue_deployment_members"."minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "rescue_deployments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rescue_deployments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"event_id" integer,
	"event_name" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"location" text NOT NULL,
	"summary" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rescue_deployments_dates_ck" CHECK ("rescue_deployments"."ended_on" is null or "rescue_deployments"."ended_on" >= "rescue_deployments"."started_on")
);
--> statement-breakpoint
CREATE TABLE "rescue_drill_participants" (
	"drill_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	CONSTRAINT "rescue_drill_participants_drill_id_member_id_pk" PRIMARY KEY("drill_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "rescue_drills" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rescue_drills_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"subject" text NOT NULL,
	"location" text,
	"minutes" integer NOT NULL,
	"notes" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rescue_drills_minutes_ck" CHECK ("rescue_drills"."minutes" > 0 and "rescue_drills"."minutes" <= 1440)
);
--> statement-breakpoint
CREATE TABLE "rescue_duty_assignments" (
	"shift_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	CONSTRAINT "rescue_duty_assignments_shift_id_member_id_pk" PRIMARY KEY("shift_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "rescue_duty_shifts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rescue_duty_shifts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"duty_date" date NOT NULL,
	"all_day" boolean NOT NULL,
	"start_time" text,
	"end_time" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"standby_level" text NOT NULL,
	"notes" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rescue_duty_shifts_window_ck" CHECK ("rescue_duty_shifts"."ends_at" > "rescue_duty_shifts"."starts_at"),
	CONSTRAINT "rescue_duty_shifts_level_ck" CHECK ("rescue_duty_shifts"."standby_level" in ('level1','level2','level3'))
);
--> statement-breakpoint
CREATE TABLE "rescue_member_certificates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rescue_member_certificates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"name" text NOT NULL,
	"number" text NOT NULL,
	"issuer" text NOT NULL,
	"expires_on" date
);
--> statement-breakpoint
CREATE TABLE "rescue_team_equipment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rescue_team_equipment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"name" text NOT NULL,
	"spec" text,
	"quantity" integer NOT NULL,
	"condition" text NOT NULL,
	"last_checked_on" date,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rescue_team_equipment_quantity_ck" CHECK ("rescue_team_equipment"."quantity" >= 0),
	CONSTRAINT "rescue_team_equipment_condition_ck" CHECK ("rescue_team_equipment"."condition" in ('good','fair','repair','scrapped'))
);
--> statement-breakpoint
CREATE TABLE "rescue_team_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rescue_team_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"phone_enc" text NOT NULL,
	"role" text NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rescue_team_members_gender_ck" CHECK ("rescue_team_members"."gender" in ('male','female')),
	CONSTRAINT "rescue_team_members_role_ck" CHECK ("rescue_team_members"."role" in ('leader','deputy','member')),
	CONSTRAINT "rescue_team_members_left_ck" CHECK ("rescue_team_members"."left_on" is null or "rescue_team_members"."left_on" >= "rescue_team_members"."joined_on")
);
--> statement-breakpoint
CREATE TABLE "rescue_teams" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rescue_teams_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"founded_on" date NOT NULL,
	"leader_name" text NOT NULL,
	"contact_phone_enc" text NOT NULL,
	"base_address" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rescue_teams_type_ck" CHECK ("rescue_teams"."type" in ('relief','water','mountain','psychological','drone','medical','other')),
	CONSTRAINT "rescue_teams_status_ck" CHECK ("rescue_teams"."status" in ('active','stood_down'))
);
--> statement-breakpoint
ALTER TABLE "rescue_assessment_criteria" ADD CONSTRAINT "rescue_assessment_criteria_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_assessment_scores" ADD CONSTRAINT "rescue_assessment_scores_assessment_id_rescue_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."rescue_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_assessment_scores" ADD CONSTRAINT "rescue_assessment_scores_criterion_id_rescue_assessment_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."rescue_assessment_criteria"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_assessment_scores" ADD CONSTRAINT "rescue_assessment_scores_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_assessments" ADD CONSTRAINT "rescue_assessments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_assessments" ADD CONSTRAINT "rescue_assessments_team_id_rescue_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."rescue_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_assessments" ADD CONSTRAINT "rescue_assessments_assessor_org_id_orgs_id_fk" FOREIGN KEY ("assessor_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_deployment_members" ADD CONSTRAINT "rescue_deployment_members_deployment_id_rescue_deployments_id_fk" FOREIGN KEY ("deployment_id") REFERENCES "public"."rescue_deployments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_deployment_members" ADD CONSTRAINT "rescue_deployment_members_member_id_rescue_team_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."rescue_team_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_deployment_members" ADD CONSTRAINT "rescue_deployment_members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_deployments" ADD CONSTRAINT "rescue_deployments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_deployments" ADD CONSTRAINT "rescue_deployments_team_id_rescue_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."rescue_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_drill_participants" ADD CONSTRAINT "rescue_drill_participants_drill_id_rescue_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."rescue_drills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_drill_participants" ADD CONSTRAINT "rescue_drill_participants_member_id_rescue_team_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."rescue_team_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_drill_participants" ADD CONSTRAINT "rescue_drill_participants_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_drills" ADD CONSTRAINT "rescue_drills_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_drills" ADD CONSTRAINT "rescue_drills_team_id_rescue_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."rescue_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_duty_assignments" ADD CONSTRAINT "rescue_duty_assignments_shift_id_rescue_duty_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."rescue_duty_shifts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_duty_assignments" ADD CONSTRAINT "rescue_duty_assignments_member_id_rescue_team_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."rescue_team_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_duty_assignments" ADD CONSTRAINT "rescue_duty_assignments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_duty_shifts" ADD CONSTRAINT "rescue_duty_shifts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_duty_shifts" ADD CONSTRAINT "rescue_duty_shifts_team_id_rescue_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."rescue_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_member_certificates" ADD CONSTRAINT "rescue_member_certificates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_member_certificates" ADD CONSTRAINT "rescue_member_certificates_member_id_rescue_team_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."rescue_team_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_team_equipment" ADD CONSTRAINT "rescue_team_equipment_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_team_equipment" ADD CONSTRAINT "rescue_team_equipment_team_id_rescue_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."rescue_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_team_members" ADD CONSTRAINT "rescue_team_members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_team_members" ADD CONSTRAINT "rescue_team_members_team_id_rescue_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."rescue_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescue_teams" ADD CONSTRAINT "rescue_teams_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rescue_assessment_criteria_name_uq" ON "rescue_assessment_criteria" USING btree ("org_id","year","name");--> statement-breakpoint
CREATE INDEX "rescue_assessment_scores_criterion_idx" ON "rescue_assessment_scores" USING btree ("criterion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rescue_assessments_team_year_uq" ON "rescue_assessments" USING btree ("team_id","year");--> statement-breakpoint
CREATE INDEX "rescue_assessments_assessor_idx" ON "rescue_assessments" USING btree ("assessor_org_id","year");--> statement-breakpoint
CREATE INDEX "rescue_deployments_team_idx" ON "rescue_deployments" USING btree ("team_id","started_on");--> statement-breakpoint
CREATE INDEX "rescue_deployments_event_idx" ON "rescue_deployments" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "rescue_drills_team_idx" ON "rescue_drills" USING btree ("team_id","held_on");--> statement-breakpoint
CREATE INDEX "rescue_duty_assignments_member_idx" ON "rescue_duty_assignments" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "rescue_duty_shifts_date_idx" ON "rescue_duty_shifts" USING btree ("duty_date","team_id");--> statement-breakpoint
CREATE INDEX "rescue_member_certificates_member_idx" ON "rescue_member_certificates" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "rescue_team_equipment_team_idx" ON "rescue_team_equipment" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "rescue_team_members_team_idx" ON "rescue_team_members" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rescue_team_members_leader_uq" ON "rescue_team_members" USING btree ("team_id") WHERE "rescue_team_members"."role" = 'leader' and "rescue_team_members"."left_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "rescue_teams_name_uq" ON "rescue_teams" USING btree ("org_id","name");