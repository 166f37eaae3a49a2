CREATE TABLE "training_bases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_bases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"capacity" integer NOT NULL,
	"equipment" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_bases_capacity_ck" CHECK ("training_bases"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_certificate_series" (
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "training_certificate_series_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
CREATE TABLE "training_certificates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_certificates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"trainee_id" integer NOT NULL,
	"class_id" integer NOT NULL,
	"kind" text NOT NULL,
	"holder_name" text NOT NULL,
	"id_card_hash" text,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"revoked_reason" text,
	"revoked_at" timestamp with time zone,
	"renews_id" integer,
	"superseded_by_id" integer,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_certificates_kind_ck" CHECK ("training_certificates"."kind" in ('awareness','first_aider','junior','cpr_aed','instructor','renewal')),
	CONSTRAINT "training_certificates_status_ck" CHECK ("training_certificates"."status" in ('issued','revoked','superseded')),
	CONSTRAINT "training_certificates_dates_ck" CHECK ("training_certificates"."valid_until" >= "training_certificates"."issued_on")
);
--> statement-breakpoint
CREATE TABLE "training_class_instructors" (
	"class_id" integer NOT NULL,
	"instructor_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	CONSTRAINT "training_class_instructors_class_id_instructor_id_pk" PRIMARY KEY("class_id","instructor_id")
);
--> statement-breakpoint
CREATE TABLE "training_classes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_classes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"course_id" integer NOT NULL,
	"base_id" integer,
	"title" text NOT NULL,
	"sector" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"venue" text,
	"capacity" integer NOT NULL,
	"public_signup" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_classes_sector_ck" CHECK ("training_classes"."sector" in ('enterprise','government','school','community','village')),
	CONSTRAINT "training_classes_status_ck" CHECK ("training_classes"."status" in ('open','completed')),
	CONSTRAINT "training_classes_dates_ck" CHECK ("training_classes"."ends_on" >= "training_classes"."starts_on"),
	CONSTRAINT "training_classes_capacity_ck" CHECK ("training_classes"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_courses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"hours" integer NOT NULL,
	"theory_pass" integer,
	"practical_pass" integer,
	"validity_months" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_kind_ck" CHECK ("training_courses"."kind" in ('awareness','first_aider','junior','cpr_aed','instructor','renewal')),
	CONSTRAINT "training_courses_hours_ck" CHECK ("training_courses"."hours" > 0),
	CONSTRAINT "training_courses_awareness_ck" CHECK ("training_courses"."kind" <> 'awareness' or "training_courses"."validity_months" is null)
);
--> statement-breakpoint
CREATE TABLE "training_imports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"class_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"status" text DEFAULT 'previewed' NOT NULL,
	"total_rows" integer NOT NULL,
	"valid_rows" integer NOT NULL,
	"error_rows" integer NOT NULL,
	"duplicates" integer NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"rows_enc" text NOT NULL,
	"errors" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	CONSTRAINT "training_imports_status_ck" CHECK ("training_imports"."status" in ('previewed','committed'))
);
--> statement-breakpoint
CREATE TABLE "training_instructors" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_instructors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"mobile_enc" text,
	"level" text NOT NULL,
	"course_kinds" text[] NOT NULL,
	"cert_no" text,
	"cert_valid_until" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_instructors_level_ck" CHECK ("training_instructors"."level" in ('junior','intermediate','senior'))
);
--> statement-breakpoint
CREATE TABLE "training_trainees" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "training_trainees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"class_id" integer NOT NULL,
	"name" text NOT NULL,
	"id_card_enc" text,
	"id_card_hash" text,
	"mobile_enc" text,
	"mobile_hash" text,
	"employer" text,
	"source" text NOT NULL,
	"import_id" integer,
	"attended" boolean,
	"theory_score" integer,
	"practical_score" integer,
	"result" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_trainees_source_ck" CHECK ("training_trainees"."source" in ('import','online')),
	CONSTRAINT "training_trainees_result_ck" CHECK ("training_trainees"."result" in ('pending','passed','failed')),
	CONSTRAINT "training_trainees_scores_ck" CHECK (coalesce("training_trainees"."theory_score", 0) between 0 and 100 and coalesce("training_trainees"."practical_score", 0) between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "training_bases" ADD CONSTRAINT "training_bases_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificate_series" ADD CONSTRAINT "training_certificate_series_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_trainee_id_training_trainees_id_fk" FOREIGN KEY ("trainee_id") REFERENCES "public"."training_trainees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_renews_id_training_certificates_id_fk" FOREIGN KEY ("renews_id") REFERENCES "public"."training_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_superseded_by_id_training_certificates_id_fk" FOREIGN KEY ("superseded_by_id") REFERENCES "public"."training_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_class_instructors" ADD CONSTRAINT "training_class_instructors_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_class_instructors" ADD CONSTRAINT "training_class_instructors_instructor_id_training_instructors_id_fk" FOREIGN KEY ("instructor_id") REFERENCES "public"."training_instructors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_class_instructors" ADD CONSTRAINT "training_class_instructors_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_base_id_training_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."training_bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_imports" ADD CONSTRAINT "training_imports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_imports" ADD CONSTRAINT "training_imports_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_instructors" ADD CONSTRAINT "training_instructors_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_trainees" ADD CONSTRAINT "training_trainees_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_trainees" ADD CONSTRAINT "training_trainees_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_bases_org_idx" ON "training_bases" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_number_uq" ON "training_certificates" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_series_uq" ON "training_certificates" USING btree ("org_id","year","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_trainee_uq" ON "training_certificates" USING btree ("trainee_id");--> statement-breakpoint
CREATE INDEX "training_certificates_holder_idx" ON "training_certificates" USING btree ("id_card_hash");--> statement-breakpoint
CREATE INDEX "training_certificates_expiry_idx" ON "training_certificates" USING btree ("valid_until") WHERE "training_certificates"."status" = 'issued';--> statement-breakpoint
CREATE INDEX "training_certificates_org_idx" ON "training_certificates" USING btree ("org_id","issued_on");--> statement-breakpoint
CREATE INDEX "training_class_instructors_instructor_idx" ON "training_class_instructors" USING btree ("instructor_id");--> statement-breakpoint
CREATE INDEX "training_classes_org_idx" ON "training_classes" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE INDEX "training_courses_org_idx" ON "training_courses" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "training_imports_class_idx" ON "training_imports" USING btree ("class_id");--> statement-breakpoint
CREATE INDEX "training_instructors_org_idx" ON "training_instructors" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_trainees_class_id_card_uq" ON "training_trainees" USING btree ("class_id","id_card_hash") WHERE "training_trainees"."id_card_hash" is not null;--> statement-breakpoint
CREATE INDEX "training_trainees_class_mobile_idx" ON "training_trainees" USING btree ("class_id","mobile_hash");--> statement-breakpoint
CREATE INDEX "training_trainees_id_card_idx" ON "training_trainees" USING btree ("id_card_hash");