CREATE TABLE "stock_expiry_alerts" (
	"batch_id" integer NOT NULL,
	"stage" text NOT NULL,
	"expires_on" date NOT NULL,
	"org_id" integer NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_expiry_alerts_batch_id_stage_expires_on_pk" PRIMARY KEY("batch_id","stage","expires_on"),
	CONSTRAINT "stock_expiry_alerts_stage_ck" CHECK ("stock_expiry_alerts"."stage" in ('d90','d30','expired'))
);
--> statement-breakpoint
ALTER TABLE "stock_adjustments" ADD COLUMN "counterparty" text;--> statement-breakpoint
ALTER TABLE "stock_adjustments" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "stock_expiry_alerts" ADD CONSTRAINT "stock_expiry_alerts_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_expiry_alerts" ADD CONSTRAINT "stock_expiry_alerts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stock_adjustments_allocation_idx" ON "stock_adjustments" USING btree ("allocation_id","batch_id") WHERE "stock_adjustments"."allocation_id" is not null;