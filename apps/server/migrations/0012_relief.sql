CREATE TABLE "disaster_event_appeals" (
	"event_id" integer NOT NULL,
	"appeal_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	CONSTRAINT "disaster_event_appeals_event_id_appeal_id_pk" PRIMARY KEY("event_id","appeal_id")
);
--> statement-breakpoint
CREATE TABLE "disaster_event_needs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "disaster_event_needs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"event_id" integer NOT NULL,
	"item_id" integer,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"quantity" integer NOT NULL,
	"note" text,
	CONSTRAINT "disaster_event_needs_quantity_ck" CHECK ("disaster_event_needs"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "disaster_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "disaster_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"area" text NOT NULL,
	"response_level" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"status" text DEFAULT 'active' NOT NULL,
	"summary" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disaster_events_type_ck" CHECK ("disaster_events"."type" in ('typhoon','flood','earthquake','fire','drought','snow','landslide','epidemic','other')),
	CONSTRAINT "disaster_events_level_ck" CHECK ("disaster_events"."response_level" in ('I','II','III','IV')),
	CONSTRAINT "disaster_events_status_ck" CHECK ("disaster_events"."status" in ('active','closed')),
	CONSTRAINT "disaster_events_dates_ck" CHECK ("disaster_events"."ends_on" is null or "disaster_events"."ends_on" >= "disaster_events"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "allocation_approvals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "allocation_approvals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"allocation_id" integer NOT NULL,
	"level" integer NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allocation_approvals_decision_ck" CHECK ("allocation_approvals"."decision" in ('approved','rejected'))
);
--> statement-breakpoint
CREATE TABLE "allocation_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "allocation_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"allocation_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "allocation_lines_quantity_ck" CHECK ("allocation_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "allocation_picks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "allocation_picks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"allocation_id" integer NOT NULL,
	"line_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"picked_qty" integer DEFAULT 0 NOT NULL,
	"picked_at" timestamp with time zone,
	"picked_by" text,
	"received_qty" integer,
	"dest_batch_id" integer,
	CONSTRAINT "allocation_picks_quantity_ck" CHECK ("allocation_picks"."quantity" > 0),
	CONSTRAINT "allocation_picks_picked_ck" CHECK ("allocation_picks"."picked_qty" between 0 and "allocation_picks"."quantity"),
	CONSTRAINT "allocation_picks_received_ck" CHECK ("allocation_picks"."received_qty" is null or "allocation_picks"."received_qty" between 0 and "allocation_picks"."quantity")
);
--> statement-breakpoint
CREATE TABLE "allocations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "allocations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"from_warehouse_id" integer NOT NULL,
	"destination" text NOT NULL,
	"to_warehouse_id" integer,
	"to_org_id" integer,
	"event_id" integer,
	"aid_batch_ref" text,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"approvals_needed" integer DEFAULT 1 NOT NULL,
	"value_fen" bigint NOT NULL,
	"requested_by_org_id" integer NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"carrier" text,
	"tracking_no" text,
	"shipped_at" timestamp with time zone,
	"shipped_by" text,
	"signed_at" timestamp with time zone,
	"signer_name" text,
	"sign_note" text,
	"closed_reason" text,
	CONSTRAINT "allocations_destination_ck" CHECK ("allocations"."destination" in ('warehouse','event','org','aid')),
	CONSTRAINT "allocations_destination_ref_ck" CHECK (("allocations"."destination" = 'warehouse' and "allocations"."to_warehouse_id" is not null) or ("allocations"."destination" = 'event' and "allocations"."event_id" is not null) or ("allocations"."destination" = 'org' and "allocations"."to_org_id" is not null) or ("allocations"."destination" = 'aid' and "allocations"."aid_batch_ref" is not null)),
	CONSTRAINT "allocations_status_ck" CHECK ("allocations"."status" in ('requested','approved','rejected','shipped','signed','cancelled')),
	CONSTRAINT "allocations_approvals_ck" CHECK ("allocations"."approvals_needed" between 1 and 3),
	CONSTRAINT "allocations_value_ck" CHECK ("allocations"."value_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "goods_in_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "goods_in_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"note_id" integer NOT NULL,
	"line_no" integer NOT NULL,
	"gift_item_id" integer,
	"item_id" integer NOT NULL,
	"expected_qty" integer NOT NULL,
	"accepted_qty" integer NOT NULL,
	"rejected_qty" integer DEFAULT 0 NOT NULL,
	"reject_reason" text,
	"difference_note" text,
	"unit_value_fen" bigint NOT NULL,
	"lot_no" text,
	"expires_on" date,
	"location_id" integer,
	"batch_id" integer,
	CONSTRAINT "goods_in_lines_qty_ck" CHECK ("goods_in_lines"."expected_qty" >= 0 and "goods_in_lines"."accepted_qty" >= 0 and "goods_in_lines"."rejected_qty" >= 0),
	CONSTRAINT "goods_in_lines_some_ck" CHECK ("goods_in_lines"."accepted_qty" + "goods_in_lines"."rejected_qty" > 0),
	CONSTRAINT "goods_in_lines_reason_ck" CHECK ("goods_in_lines"."rejected_qty" = 0 or "goods_in_lines"."reject_reason" is not null),
	CONSTRAINT "goods_in_lines_difference_ck" CHECK ("goods_in_lines"."accepted_qty" + "goods_in_lines"."rejected_qty" = "goods_in_lines"."expected_qty" or "goods_in_lines"."difference_note" is not null),
	CONSTRAINT "goods_in_lines_batch_ck" CHECK (("goods_in_lines"."accepted_qty" = 0) = ("goods_in_lines"."batch_id" is null))
);
--> statement-breakpoint
CREATE TABLE "goods_in_notes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "goods_in_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"warehouse_id" integer NOT NULL,
	"source" text NOT NULL,
	"gift_id" integer,
	"supplier" text,
	"purchase_ref" text,
	"received_on" date NOT NULL,
	"inspector" text NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goods_in_notes_source_ck" CHECK ("goods_in_notes"."source" in ('gift','purchase')),
	CONSTRAINT "goods_in_notes_source_ref_ck" CHECK (("goods_in_notes"."source" = 'gift' and "goods_in_notes"."gift_id" is not null) or ("goods_in_notes"."source" = 'purchase' and "goods_in_notes"."gift_id" is null and "goods_in_notes"."supplier" is not null))
);
--> statement-breakpoint
CREATE TABLE "relief_attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "relief_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relief_attachments_entity_ck" CHECK ("relief_attachments"."entity_type" in ('allocation','stocktake','write_off','goods_in','return'))
);
--> statement-breakpoint
CREATE TABLE "relief_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "relief_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"spec" text,
	"unit" text NOT NULL,
	"category" text NOT NULL,
	"is_kit" boolean DEFAULT false NOT NULL,
	"valuation" text DEFAULT 'stated' NOT NULL,
	"standard_value_fen" bigint,
	"shelf_life_months" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relief_items_category_ck" CHECK ("relief_items"."category" in ('kit','shelter','bedding','clothing','food','water','hygiene','medical','rescue','other')),
	CONSTRAINT "relief_items_valuation_ck" CHECK ("relief_items"."valuation" in ('stated','standard')),
	CONSTRAINT "relief_items_standard_ck" CHECK (("relief_items"."valuation" = 'stated' and ("relief_items"."standard_value_fen" is null or "relief_items"."standard_value_fen" >= 0)) or ("relief_items"."valuation" = 'standard' and "relief_items"."standard_value_fen" >= 0)),
	CONSTRAINT "relief_items_shelf_life_ck" CHECK ("relief_items"."shelf_life_months" is null or "relief_items"."shelf_life_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "relief_kit_components" (
	"org_id" integer NOT NULL,
	"kit_item_id" integer NOT NULL,
	"component_item_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "relief_kit_components_kit_item_id_component_item_id_pk" PRIMARY KEY("kit_item_id","component_item_id"),
	CONSTRAINT "relief_kit_components_quantity_ck" CHECK ("relief_kit_components"."quantity" > 0),
	CONSTRAINT "relief_kit_components_self_ck" CHECK ("relief_kit_components"."kit_item_id" <> "relief_kit_components"."component_item_id")
);
--> statement-breakpoint
CREATE TABLE "stock_adjustments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stock_adjustments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"warehouse_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"allocation_id" integer,
	"quantity" integer NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"status" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "stock_adjustments_kind_ck" CHECK ("stock_adjustments"."kind" in ('write_off','return_in','return_out')),
	CONSTRAINT "stock_adjustments_quantity_ck" CHECK ("stock_adjustments"."quantity" > 0),
	CONSTRAINT "stock_adjustments_status_ck" CHECK ("stock_adjustments"."status" in ('requested','approved','rejected','done'))
);
--> statement-breakpoint
CREATE TABLE "stock_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stock_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"warehouse_id" integer NOT NULL,
	"location_id" integer,
	"item_id" integer NOT NULL,
	"code" text NOT NULL,
	"lot_no" text,
	"expires_on" date,
	"source" text NOT NULL,
	"gift_id" integer,
	"gift_item_id" integer,
	"parent_batch_id" integer,
	"supplier" text,
	"purchase_ref" text,
	"designated_org_id" integer,
	"designated_event_id" integer,
	"designation" text,
	"unit_value_fen" bigint NOT NULL,
	"received_qty" integer NOT NULL,
	"on_hand" integer NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_batches_source_ck" CHECK ("stock_batches"."source" in ('gift','purchase','transfer','return','gain')),
	CONSTRAINT "stock_batches_gift_ck" CHECK ("stock_batches"."source" <> 'gift' or "stock_batches"."gift_id" is not null),
	CONSTRAINT "stock_batches_transfer_ck" CHECK ("stock_batches"."source" <> 'transfer' or "stock_batches"."parent_batch_id" is not null),
	CONSTRAINT "stock_batches_on_hand_ck" CHECK ("stock_batches"."on_hand" >= 0),
	CONSTRAINT "stock_batches_reserved_ck" CHECK ("stock_batches"."reserved" >= 0 and "stock_batches"."reserved" <= "stock_batches"."on_hand"),
	CONSTRAINT "stock_batches_received_ck" CHECK ("stock_batches"."received_qty" > 0),
	CONSTRAINT "stock_batches_value_ck" CHECK ("stock_batches"."unit_value_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stock_movements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"warehouse_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"item_id" integer NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer NOT NULL,
	"value_fen" bigint NOT NULL,
	"ref" text NOT NULL,
	"actor" text NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movements_kind_ck" CHECK ("stock_movements"."kind" in ('gift_in','purchase_in','transfer_in','return_in','ship_out','stocktake_gain','stocktake_loss','write_off','return_out')),
	CONSTRAINT "stock_movements_quantity_ck" CHECK ("stock_movements"."quantity" <> 0),
	CONSTRAINT "stock_movements_sign_ck" CHECK (("stock_movements"."kind" in ('gift_in','purchase_in','transfer_in','return_in','stocktake_gain') and "stock_movements"."quantity" > 0) or ("stock_movements"."kind" in ('ship_out','stocktake_loss','write_off','return_out') and "stock_movements"."quantity" < 0))
);
--> statement-breakpoint
CREATE TABLE "stocktake_lines" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stocktake_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"stocktake_id" integer NOT NULL,
	"batch_id" integer NOT NULL,
	"system_qty" integer NOT NULL,
	"counted_qty" integer,
	"variance_reason" text,
	CONSTRAINT "stocktake_lines_counted_ck" CHECK ("stocktake_lines"."counted_qty" is null or "stocktake_lines"."counted_qty" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stocktakes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stocktakes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"warehouse_id" integer NOT NULL,
	"status" text DEFAULT 'counting' NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"comment" text,
	CONSTRAINT "stocktakes_status_ck" CHECK ("stocktakes"."status" in ('counting','submitted','approved','rejected'))
);
--> statement-breakpoint
CREATE TABLE "warehouse_locations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warehouse_locations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"warehouse_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text
);
--> statement-breakpoint
CREATE TABLE "warehouses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warehouses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"keeper_name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disaster_event_appeals" ADD CONSTRAINT "disaster_event_appeals_event_id_disaster_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."disaster_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disaster_event_appeals" ADD CONSTRAINT "disaster_event_appeals_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disaster_event_appeals" ADD CONSTRAINT "disaster_event_appeals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disaster_event_needs" ADD CONSTRAINT "disaster_event_needs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disaster_event_needs" ADD CONSTRAINT "disaster_event_needs_event_id_disaster_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."disaster_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disaster_events" ADD CONSTRAINT "disaster_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_approvals" ADD CONSTRAINT "allocation_approvals_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_approvals" ADD CONSTRAINT "allocation_approvals_allocation_id_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_lines" ADD CONSTRAINT "allocation_lines_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_lines" ADD CONSTRAINT "allocation_lines_allocation_id_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_lines" ADD CONSTRAINT "allocation_lines_item_id_relief_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."relief_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_picks" ADD CONSTRAINT "allocation_picks_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_picks" ADD CONSTRAINT "allocation_picks_allocation_id_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_picks" ADD CONSTRAINT "allocation_picks_line_id_allocation_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."allocation_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_picks" ADD CONSTRAINT "allocation_picks_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_picks" ADD CONSTRAINT "allocation_picks_dest_batch_id_stock_batches_id_fk" FOREIGN KEY ("dest_batch_id") REFERENCES "public"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_from_warehouse_id_warehouses_id_fk" FOREIGN KEY ("from_warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_to_warehouse_id_warehouses_id_fk" FOREIGN KEY ("to_warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_event_id_disaster_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."disaster_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_in_lines" ADD CONSTRAINT "goods_in_lines_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_in_lines" ADD CONSTRAINT "goods_in_lines_note_id_goods_in_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "public"."goods_in_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_in_lines" ADD CONSTRAINT "goods_in_lines_gift_item_id_gift_items_id_fk" FOREIGN KEY ("gift_item_id") REFERENCES "public"."gift_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_in_lines" ADD CONSTRAINT "goods_in_lines_item_id_relief_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."relief_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_in_lines" ADD CONSTRAINT "goods_in_lines_location_id_warehouse_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."warehouse_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_in_lines" ADD CONSTRAINT "goods_in_lines_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_in_notes" ADD CONSTRAINT "goods_in_notes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_in_notes" ADD CONSTRAINT "goods_in_notes_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_in_notes" ADD CONSTRAINT "goods_in_notes_gift_id_gifts_id_fk" FOREIGN KEY ("gift_id") REFERENCES "public"."gifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_attachments" ADD CONSTRAINT "relief_attachments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_items" ADD CONSTRAINT "relief_items_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_kit_components" ADD CONSTRAINT "relief_kit_components_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_kit_components" ADD CONSTRAINT "relief_kit_components_kit_item_id_relief_items_id_fk" FOREIGN KEY ("kit_item_id") REFERENCES "public"."relief_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_kit_components" ADD CONSTRAINT "relief_kit_components_component_item_id_relief_items_id_fk" FOREIGN KEY ("component_item_id") REFERENCES "public"."relief_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_adjustments" ADD CONSTRAINT "stock_adjustments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_adjustments" ADD CONSTRAINT "stock_adjustments_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_adjustments" ADD CONSTRAINT "stock_adjustments_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_adjustments" ADD CONSTRAINT "stock_adjustments_allocation_id_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_batches" ADD CONSTRAINT "stock_batches_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_batches" ADD CONSTRAINT "stock_batches_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_batches" ADD CONSTRAINT "stock_batches_location_id_warehouse_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."warehouse_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_batches" ADD CONSTRAINT "stock_batches_item_id_relief_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."relief_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_batches" ADD CONSTRAINT "stock_batches_gift_id_gifts_id_fk" FOREIGN KEY ("gift_id") REFERENCES "public"."gifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_batches" ADD CONSTRAINT "stock_batches_gift_item_id_gift_items_id_fk" FOREIGN KEY ("gift_item_id") REFERENCES "public"."gift_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_batches" ADD CONSTRAINT "stock_batches_parent_batch_id_stock_batches_id_fk" FOREIGN KEY ("parent_batch_id") REFERENCES "public"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_batches" ADD CONSTRAINT "stock_batches_designated_event_id_disaster_events_id_fk" FOREIGN KEY ("designated_event_id") REFERENCES "public"."disaster_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_item_id_relief_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."relief_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_lines" ADD CONSTRAINT "stocktake_lines_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_lines" ADD CONSTRAINT "stocktake_lines_stocktake_id_stocktakes_id_fk" FOREIGN KEY ("stocktake_id") REFERENCES "public"."stocktakes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktake_lines" ADD CONSTRAINT "stocktake_lines_batch_id_stock_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."stock_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktakes" ADD CONSTRAINT "stocktakes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stocktakes" ADD CONSTRAINT "stocktakes_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouse_locations" ADD CONSTRAINT "warehouse_locations_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouse_locations" ADD CONSTRAINT "warehouse_locations_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warehouses" ADD CONSTRAINT "warehouses_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disaster_event_appeals_appeal_uq" ON "disaster_event_appeals" USING btree ("appeal_id");--> statement-breakpoint
CREATE INDEX "disaster_event_needs_event_idx" ON "disaster_event_needs" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "disaster_event_needs_item_uq" ON "disaster_event_needs" USING btree ("event_id","item_id") WHERE "disaster_event_needs"."item_id" is not null;--> statement-breakpoint
CREATE INDEX "disaster_events_org_idx" ON "disaster_events" USING btree ("org_id","starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_approvals_level_uq" ON "allocation_approvals" USING btree ("allocation_id","level");--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_lines_item_uq" ON "allocation_lines" USING btree ("allocation_id","item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_picks_batch_uq" ON "allocation_picks" USING btree ("allocation_id","batch_id");--> statement-breakpoint
CREATE INDEX "allocation_picks_batch_idx" ON "allocation_picks" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "allocations_org_idx" ON "allocations" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "allocations_requested_by_idx" ON "allocations" USING btree ("requested_by_org_id");--> statement-breakpoint
CREATE INDEX "allocations_event_idx" ON "allocations" USING btree ("event_id") WHERE "allocations"."event_id" is not null;--> statement-breakpoint
CREATE INDEX "allocations_to_warehouse_idx" ON "allocations" USING btree ("to_warehouse_id") WHERE "allocations"."to_warehouse_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "goods_in_lines_line_uq" ON "goods_in_lines" USING btree ("note_id","line_no");--> statement-breakpoint
CREATE INDEX "goods_in_lines_gift_item_idx" ON "goods_in_lines" USING btree ("gift_item_id") WHERE "goods_in_lines"."gift_item_id" is not null;--> statement-breakpoint
CREATE INDEX "goods_in_notes_org_idx" ON "goods_in_notes" USING btree ("org_id","received_on");--> statement-breakpoint
CREATE INDEX "goods_in_notes_gift_idx" ON "goods_in_notes" USING btree ("gift_id") WHERE "goods_in_notes"."gift_id" is not null;--> statement-breakpoint
CREATE INDEX "relief_attachments_entity_idx" ON "relief_attachments" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "relief_items_code_uq" ON "relief_items" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "stock_adjustments_org_idx" ON "stock_adjustments" USING btree ("org_id","kind","status");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_batches_code_uq" ON "stock_batches" USING btree ("code");--> statement-breakpoint
CREATE INDEX "stock_batches_pick_idx" ON "stock_batches" USING btree ("warehouse_id","item_id","expires_on");--> statement-breakpoint
CREATE INDEX "stock_batches_org_item_idx" ON "stock_batches" USING btree ("org_id","item_id");--> statement-breakpoint
CREATE INDEX "stock_batches_gift_idx" ON "stock_batches" USING btree ("gift_id") WHERE "stock_batches"."gift_id" is not null;--> statement-breakpoint
CREATE INDEX "stock_batches_parent_idx" ON "stock_batches" USING btree ("parent_batch_id") WHERE "stock_batches"."parent_batch_id" is not null;--> statement-breakpoint
CREATE INDEX "stock_batches_expiry_idx" ON "stock_batches" USING btree ("expires_on") WHERE "stock_batches"."on_hand" > 0 and "stock_batches"."expires_on" is not null;--> statement-breakpoint
CREATE INDEX "stock_movements_org_at_idx" ON "stock_movements" USING btree ("org_id","at");--> statement-breakpoint
CREATE INDEX "stock_movements_batch_idx" ON "stock_movements" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "stock_movements_ref_idx" ON "stock_movements" USING btree ("ref");--> statement-breakpoint
CREATE UNIQUE INDEX "stocktake_lines_batch_uq" ON "stocktake_lines" USING btree ("stocktake_id","batch_id");--> statement-breakpoint
CREATE INDEX "stocktakes_org_idx" ON "stocktakes" USING btree ("org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "stocktakes_open_uq" ON "stocktakes" USING btree ("warehouse_id") WHERE "stocktakes"."status" in ('counting','submitted');--> statement-breakpoint
CREATE UNIQUE INDEX "warehouse_locations_code_uq" ON "warehouse_locations" USING btree ("warehouse_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_code_uq" ON "warehouses" USING btree ("org_id","code");