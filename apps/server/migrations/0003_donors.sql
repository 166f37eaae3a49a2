CREATE TABLE "donors" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "donors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"name_consent" boolean DEFAULT false NOT NULL,
	"id_card_enc" text,
	"id_card_hash" text,
	"mobile_enc" text,
	"mobile_hash" text,
	"uscc" text,
	"contact" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "donors_kind_ck" CHECK ("donors"."kind" in ('person','enterprise','anonymous'))
);
--> statement-breakpoint
ALTER TABLE "donors" ADD CONSTRAINT "donors_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "donors_org_id_card_uq" ON "donors" USING btree ("org_id","id_card_hash") WHERE "donors"."id_card_hash" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "donors_org_uscc_uq" ON "donors" USING btree ("org_id","uscc") WHERE "donors"."uscc" is not null;--> statement-breakpoint
CREATE INDEX "donors_org_mobile_idx" ON "donors" USING btree ("org_id","mobile_hash");--> statement-breakpoint
CREATE INDEX "donors_org_created_idx" ON "donors" USING btree ("org_id","created_at");