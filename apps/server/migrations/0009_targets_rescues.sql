CREATE TABLE "training_targets" (
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"population" integer,
	"basis" text NOT NULL,
	"certified" integer NOT NULL,
	"reached" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_targets_org_id_year_pk" PRIMARY KEY("org_id","year"),
	CONSTRAINT "training_targets_basis_ck" CHECK ("training_targets"."basis" in ('count','share')),
	CONSTRAINT "training_targets_values_ck" CHECK ("training_targets"."certified" >= 0 and "training_targets"."reached" >= 0),
	CONSTRAINT "training_targets_population_ck" CHECK ("training_targets"."basis" = 'count' or coalesce("training_targets"."population", 0) > 0)
);
--> statement-breakpoint
CREATE TABLE "rescues" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rescues_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"certificate_id" integer NOT NULL,
	"rescuer_name" text NOT NULL,
	"mobile_enc" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"actions" text[] NOT NULL,
	"description" text NOT NULL,
	"outcome" text NOT NULL,
	"aed_used" boolean NOT NULL,
	"casualty_age_band" text NOT NULL,
	"casualty_sex" text NOT NULL,
	"status" text DEFAULT 'reported' NOT NULL,
	"review_note" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"commendation" text,
	"commended_by" text,
	"commended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rescues_status_ck" CHECK ("rescues"."status" in ('reported','verified','rejected')),
	CONSTRAINT "rescues_outcome_ck" CHECK ("rescues"."outcome" in ('recovered','hospital_alive','died','unknown')),
	CONSTRAINT "rescues_age_band_ck" CHECK ("rescues"."casualty_age_band" in ('infant','child','adult','senior','unknown')),
	CONSTRAINT "rescues_sex_ck" CHECK ("rescues"."casualty_sex" in ('male','female','unknown')),
	CONSTRAINT "rescues_commend_ck" CHECK ("rescues"."commendation" is null or "rescues"."status" = 'verified')
);
--> statement-breakpoint
ALTER TABLE "training_targets" ADD CONSTRAINT "training_targets_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescues" ADD CONSTRAINT "rescues_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rescues" ADD CONSTRAINT "rescues_certificate_id_training_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."training_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rescues_org_idx" ON "rescues" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE INDEX "rescues_certificate_idx" ON "rescues" USING btree ("certificate_id");