CREATE TABLE "donor_phone_codes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "donor_phone_codes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"mobile_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"used" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "donor_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"mobile_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gift_attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gift_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"gift_id" integer NOT NULL,
	"item_id" integer,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gift_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gift_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"gift_id" integer NOT NULL,
	"line_no" integer NOT NULL,
	"name" text NOT NULL,
	"spec" text,
	"unit" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_value_fen" bigint NOT NULL,
	"value_fen" bigint NOT NULL,
	"valuation_basis" text NOT NULL,
	"batch_no" text,
	"expires_on" date,
	CONSTRAINT "gift_items_quantity_ck" CHECK ("gift_items"."quantity" > 0),
	CONSTRAINT "gift_items_value_ck" CHECK ("gift_items"."unit_value_fen" >= 0 and "gift_items"."value_fen" = "gift_items"."unit_value_fen" * "gift_items"."quantity")
);
--> statement-breakpoint
CREATE TABLE "sms_outbox" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sms_outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"mobile_enc" text NOT NULL,
	"template" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "payment_notifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"order_id" integer,
	"provider" text NOT NULL,
	"notify_id" text NOT NULL,
	"verified" boolean NOT NULL,
	"outcome" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_orders" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payment_orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"appeal_id" integer NOT NULL,
	"out_trade_no" text NOT NULL,
	"provider" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"donor_name" text,
	"name_consent" boolean DEFAULT false NOT NULL,
	"mobile_enc" text,
	"mobile_hash" text,
	"status" text DEFAULT 'created' NOT NULL,
	"provider_txn_id" text,
	"paid_at" timestamp with time zone,
	"gift_id" integer,
	"view_token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_orders_amount_ck" CHECK ("payment_orders"."amount_fen" > 0),
	CONSTRAINT "payment_orders_status_ck" CHECK ("payment_orders"."status" in ('created','paid','closed'))
);
--> statement-breakpoint
CREATE TABLE "sandbox_payments" (
	"txn_id" text PRIMARY KEY NOT NULL,
	"merchant_order_no" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"notify_url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	CONSTRAINT "sandbox_payments_status_ck" CHECK ("sandbox_payments"."status" in ('pending','paid','closed'))
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "disbursements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"appeal_id" integer,
	"gift_id" integer,
	"amount_fen" bigint NOT NULL,
	"purpose" text NOT NULL,
	"recipient_org_id" integer,
	"recipient_name" text,
	"aid_batch_ref" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"paid_on" date,
	CONSTRAINT "disbursements_amount_ck" CHECK ("disbursements"."amount_fen" > 0),
	CONSTRAINT "disbursements_status_ck" CHECK ("disbursements"."status" in ('pending','approved','rejected','cancelled')),
	CONSTRAINT "disbursements_source_ck" CHECK ("disbursements"."appeal_id" is null or "disbursements"."gift_id" is null)
);
--> statement-breakpoint
CREATE TABLE "disclosure_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "disclosure_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"day" date NOT NULL,
	"gift_count" integer NOT NULL,
	"gift_fen" bigint NOT NULL,
	"disbursement_count" integer NOT NULL,
	"disbursement_fen" bigint NOT NULL,
	"reversal_count" integer NOT NULL,
	"automatic" boolean NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "disclosure_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"line_no" integer NOT NULL,
	"kind" text NOT NULL,
	"gift_id" integer,
	"disbursement_id" integer,
	"reverses_line_id" integer,
	"occurred_on" date NOT NULL,
	"public_name" text NOT NULL,
	"form" text DEFAULT 'money' NOT NULL,
	"amount_fen" bigint NOT NULL,
	"appeal_id" integer,
	"designation" text,
	"receipt_no" text,
	"note" text,
	CONSTRAINT "disclosure_lines_kind_ck" CHECK ("disclosure_lines"."kind" in ('gift','disbursement','reversal'))
);
--> statement-breakpoint
CREATE TABLE "gift_imports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gift_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"source" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"status" text DEFAULT 'previewed' NOT NULL,
	"total_rows" integer NOT NULL,
	"valid_rows" integer NOT NULL,
	"error_rows" integer NOT NULL,
	"created_gifts" integer DEFAULT 0 NOT NULL,
	"skipped_duplicates" integer DEFAULT 0 NOT NULL,
	"rows" jsonb NOT NULL,
	"errors" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	CONSTRAINT "gift_imports_source_ck" CHECK ("gift_imports"."source" in ('bank','platform')),
	CONSTRAINT "gift_imports_status_ck" CHECK ("gift_imports"."status" in ('previewed','committed'))
);
--> statement-breakpoint
ALTER TABLE "gifts" DROP CONSTRAINT "gifts_channel_ck";--> statement-breakpoint
ALTER TABLE "gifts" ADD COLUMN "form" text DEFAULT 'money' NOT NULL;--> statement-breakpoint
ALTER TABLE "gifts" ADD COLUMN "status" text DEFAULT 'confirmed' NOT NULL;--> statement-breakpoint
ALTER TABLE "gifts" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "gifts" ADD COLUMN "receipt_id" integer;--> statement-breakpoint
ALTER TABLE "gifts" ADD COLUMN "external_ref" text;--> statement-breakpoint
ALTER TABLE "gifts" ADD COLUMN "import_id" integer;--> statement-breakpoint
ALTER TABLE "gifts" ADD COLUMN "stock_status" text;--> statement-breakpoint
ALTER TABLE "gifts" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "receipts" ADD COLUMN "replaces_id" integer;--> statement-breakpoint
ALTER TABLE "receipts" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "receipts" ADD COLUMN "void_reason" text;--> statement-breakpoint
ALTER TABLE "receipts" ADD COLUMN "voided_by" text;--> statement-breakpoint
ALTER TABLE "gift_attachments" ADD CONSTRAINT "gift_attachments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_attachments" ADD CONSTRAINT "gift_attachments_gift_id_gifts_id_fk" FOREIGN KEY ("gift_id") REFERENCES "public"."gifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_attachments" ADD CONSTRAINT "gift_attachments_item_id_gift_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."gift_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_items" ADD CONSTRAINT "gift_items_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_items" ADD CONSTRAINT "gift_items_gift_id_gifts_id_fk" FOREIGN KEY ("gift_id") REFERENCES "public"."gifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_notifications" ADD CONSTRAINT "payment_notifications_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_notifications" ADD CONSTRAINT "payment_notifications_order_id_payment_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."payment_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_orders" ADD CONSTRAINT "payment_orders_gift_id_gifts_id_fk" FOREIGN KEY ("gift_id") REFERENCES "public"."gifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_gift_id_gifts_id_fk" FOREIGN KEY ("gift_id") REFERENCES "public"."gifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_recipient_org_id_orgs_id_fk" FOREIGN KEY ("recipient_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_batches" ADD CONSTRAINT "disclosure_batches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_lines" ADD CONSTRAINT "disclosure_lines_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_lines" ADD CONSTRAINT "disclosure_lines_batch_id_disclosure_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."disclosure_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_lines" ADD CONSTRAINT "disclosure_lines_gift_id_gifts_id_fk" FOREIGN KEY ("gift_id") REFERENCES "public"."gifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_lines" ADD CONSTRAINT "disclosure_lines_disbursement_id_disbursements_id_fk" FOREIGN KEY ("disbursement_id") REFERENCES "public"."disbursements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosure_lines" ADD CONSTRAINT "disclosure_lines_reverses_line_id_disclosure_lines_id_fk" FOREIGN KEY ("reverses_line_id") REFERENCES "public"."disclosure_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gift_imports" ADD CONSTRAINT "gift_imports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "donor_phone_codes_mobile_idx" ON "donor_phone_codes" USING btree ("mobile_hash","created_at");--> statement-breakpoint
CREATE INDEX "gift_attachments_gift_idx" ON "gift_attachments" USING btree ("gift_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gift_items_line_uq" ON "gift_items" USING btree ("gift_id","line_no");--> statement-breakpoint
CREATE INDEX "sms_outbox_status_idx" ON "sms_outbox" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "payment_notifications_order_idx" ON "payment_notifications" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_orders_out_trade_no_uq" ON "payment_orders" USING btree ("out_trade_no");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_orders_gift_uq" ON "payment_orders" USING btree ("gift_id") WHERE "payment_orders"."gift_id" is not null;--> statement-breakpoint
CREATE INDEX "payment_orders_status_idx" ON "payment_orders" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_payments_order_uq" ON "sandbox_payments" USING btree ("merchant_order_no");--> statement-breakpoint
CREATE INDEX "disbursements_org_status_idx" ON "disbursements" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "disbursements_appeal_idx" ON "disbursements" USING btree ("appeal_id");--> statement-breakpoint
CREATE INDEX "disbursements_gift_idx" ON "disbursements" USING btree ("gift_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_batches_day_uq" ON "disclosure_batches" USING btree ("org_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_lines_no_uq" ON "disclosure_lines" USING btree ("batch_id","line_no");--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_lines_gift_uq" ON "disclosure_lines" USING btree ("gift_id") WHERE "disclosure_lines"."kind" = 'gift';--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_lines_disbursement_uq" ON "disclosure_lines" USING btree ("disbursement_id") WHERE "disclosure_lines"."kind" = 'disbursement';--> statement-breakpoint
CREATE UNIQUE INDEX "disclosure_lines_reversal_uq" ON "disclosure_lines" USING btree ("reverses_line_id") WHERE "disclosure_lines"."kind" = 'reversal';--> statement-breakpoint
CREATE INDEX "disclosure_lines_org_kind_idx" ON "disclosure_lines" USING btree ("org_id","kind");--> statement-breakpoint
CREATE INDEX "disclosure_lines_receipt_idx" ON "disclosure_lines" USING btree ("receipt_no");--> statement-breakpoint
CREATE INDEX "disclosure_lines_appeal_idx" ON "disclosure_lines" USING btree ("appeal_id");--> statement-breakpoint
CREATE INDEX "gift_imports_org_idx" ON "gift_imports" USING btree ("org_id","created_at");--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_receipt_id_receipts_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."receipts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_replaces_id_receipts_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "public"."receipts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "gifts_external_ref_uq" ON "gifts" USING btree ("org_id","channel","external_ref") WHERE "gifts"."external_ref" is not null;--> statement-breakpoint
CREATE INDEX "gifts_unreceipted_idx" ON "gifts" USING btree ("id") WHERE "gifts"."receipt_id" is null and "gifts"."status" = 'confirmed';--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_live_gift_uq" ON "receipts" USING btree ("gift_id") WHERE "receipts"."status" = 'issued';--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_form_ck" CHECK ("gifts"."form" in ('money','goods'));--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_status_ck" CHECK ("gifts"."status" in ('confirmed','cancelled'));--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_stock_ck" CHECK (("gifts"."form" = 'money' and "gifts"."stock_status" is null) or ("gifts"."form" = 'goods' and "gifts"."stock_status" in ('awaiting','partly','received','rejected')));--> statement-breakpoint
ALTER TABLE "gifts" ADD CONSTRAINT "gifts_channel_ck" CHECK ("gifts"."channel" in ('bank','cash','online','scan','platform','goods'));--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_void_ck" CHECK (("receipts"."status" = 'issued') = ("receipts"."voided_at" is null) and ("receipts"."status" = 'issued' or "receipts"."void_reason" is not null));--> statement-breakpoint
-- Gifts recorded before the receipt desk existed already hold their receipt: point at it.
UPDATE "gifts" SET "receipt_id" = r."id" FROM "receipts" r WHERE r."gift_id" = "gifts"."id" AND r."status" = 'issued';
--> statement-breakpoint
-- A published disclosure never changes: corrections are new reversal lines.
CREATE OR REPLACE FUNCTION disclosure_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'published disclosure is immutable (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
END $$;
--> statement-breakpoint
CREATE TRIGGER disclosure_batches_immutable BEFORE UPDATE OR DELETE ON "disclosure_batches"
  FOR EACH ROW EXECUTE FUNCTION disclosure_reject_change();
--> statement-breakpoint
CREATE TRIGGER disclosure_batches_no_truncate BEFORE TRUNCATE ON "disclosure_batches"
  FOR EACH STATEMENT EXECUTE FUNCTION disclosure_reject_change();
--> statement-breakpoint
CREATE TRIGGER disclosure_lines_immutable BEFORE UPDATE OR DELETE ON "disclosure_lines"
  FOR EACH ROW EXECUTE FUNCTION disclosure_reject_change();
--> statement-breakpoint
CREATE TRIGGER disclosure_lines_no_truncate BEFORE TRUNCATE ON "disclosure_lines"
  FOR EACH STATEMENT EXECUTE FUNCTION disclosure_reject_change();
