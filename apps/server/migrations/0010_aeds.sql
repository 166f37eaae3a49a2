CREATE TABLE "aed_devices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "aed_devices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"serial" text NOT NULL,
	"model" text NOT NULL,
	"venue_type" text NOT NULL,
	"venue_name" text NOT NULL,
	"address" text NOT NULL,
	"lat_e6" integer NOT NULL,
	"lng_e6" integer NOT NULL,
	"owner_unit" text NOT NULL,
	"responsible_name" text NOT NULL,
	"responsible_mobile_enc" text NOT NULL,
	"installed_on" date NOT NULL,
	"battery_expires_on" date NOT NULL,
	"pads_expires_on" date NOT NULL,
	"status" text DEFAULT 'in_service' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aed_devices_venue_ck" CHECK ("aed_devices"."venue_type" in ('metro','school','mall','transport','hospital','sports','government','community','scenic','other')),
	CONSTRAINT "aed_devices_status_ck" CHECK ("aed_devices"."status" in ('in_service','out_of_service','repair')),
	CONSTRAINT "aed_devices_lat_ck" CHECK ("aed_devices"."lat_e6" between -90000000 and 90000000),
	CONSTRAINT "aed_devices_lng_ck" CHECK ("aed_devices"."lng_e6" between -180000000 and 180000000)
);
--> statement-breakpoint
CREATE TABLE "aed_inspections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "aed_inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"device_id" integer NOT NULL,
	"inspected_on" date NOT NULL,
	"inspector" text NOT NULL,
	"result" text NOT NULL,
	"notes" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aed_inspections_result_ck" CHECK ("aed_inspections"."result" in ('normal','abnormal'))
);
--> statement-breakpoint
CREATE TABLE "aed_reminders" (
	"device_id" integer NOT NULL,
	"part" text NOT NULL,
	"due_on" date NOT NULL,
	"org_id" integer NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "aed_reminders_device_id_part_due_on_pk" PRIMARY KEY("device_id","part","due_on"),
	CONSTRAINT "aed_reminders_part_ck" CHECK ("aed_reminders"."part" in ('battery','pads'))
);
--> statement-breakpoint
ALTER TABLE "aed_devices" ADD CONSTRAINT "aed_devices_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aed_inspections" ADD CONSTRAINT "aed_inspections_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aed_inspections" ADD CONSTRAINT "aed_inspections_device_id_aed_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."aed_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aed_reminders" ADD CONSTRAINT "aed_reminders_device_id_aed_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."aed_devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "aed_reminders" ADD CONSTRAINT "aed_reminders_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "aed_devices_serial_uq" ON "aed_devices" USING btree ("org_id","serial");--> statement-breakpoint
CREATE INDEX "aed_devices_location_idx" ON "aed_devices" USING btree ("lat_e6","lng_e6") WHERE "aed_devices"."status" = 'in_service';--> statement-breakpoint
CREATE INDEX "aed_devices_battery_idx" ON "aed_devices" USING btree ("battery_expires_on");--> statement-breakpoint
CREATE INDEX "aed_devices_pads_idx" ON "aed_devices" USING btree ("pads_expires_on");--> statement-breakpoint
CREATE INDEX "aed_inspections_device_idx" ON "aed_inspections" USING btree ("device_id","inspected_on");