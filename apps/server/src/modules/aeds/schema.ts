import { sql } from 'drizzle-orm';
import {
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
import { orgIdColumn } from '../orgs/schema.ts';

/**
 * An AED (自动体外除颤器) in a public place. Location is WGS-84 in integer micro-degrees (≈ 0.1 m):
 * exact, indexable, and no floating-point column; maps on GCJ-02 tiles shift it for display only.
 * The serial is unique per owning society, which is what makes a re-import create nothing twice.
 */
export const aedDevices = pgTable(
  'aed_devices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    serial: text('serial').notNull(),
    model: text('model').notNull(),
    venueType: text('venue_type').notNull(),
    venueName: text('venue_name').notNull(),
    address: text('address').notNull(),
    latE6: integer('lat_e6').notNull(),
    lngE6: integer('lng_e6').notNull(),
    ownerUnit: text('owner_unit').notNull(),
    responsibleName: text('responsible_name').notNull(),
    responsibleMobileEnc: text('responsible_mobile_enc').notNull(),
    installedOn: date('installed_on').notNull(),
    batteryExpiresOn: date('battery_expires_on').notNull(),
    padsExpiresOn: date('pads_expires_on').notNull(),
    status: text('status').notNull().default('in_service'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'aed_devices_venue_ck',
      sql`${t.venueType} in ('metro','school','mall','transport','hospital','sports','government','community','scenic','other')`,
    ),
    check('aed_devices_status_ck', sql`${t.status} in ('in_service','out_of_service','repair')`),
    check('aed_devices_lat_ck', sql`${t.latE6} between -90000000 and 90000000`),
    check('aed_devices_lng_ck', sql`${t.lngE6} between -180000000 and 180000000`),
    uniqueIndex('aed_devices_serial_uq').on(t.orgId, t.serial),
    // The public "nearest" search: a latitude band scanned in index order, longitude filtered from
    // the index entries themselves, in-service devices only.
    index('aed_devices_location_idx')
      .on(t.latE6, t.lngE6)
      .where(sql`${t.status} = 'in_service'`),
    index('aed_devices_battery_idx').on(t.batteryExpiresOn),
    index('aed_devices_pads_idx').on(t.padsExpiresOn),
  ],
);

/** 巡检: each visit to a device, who checked it and what was found. Append-only. */
export const aedInspections = pgTable(
  'aed_inspections',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    deviceId: integer('device_id')
      .notNull()
      .references(() => aedDevices.id),
    inspectedOn: date('inspected_on').notNull(),
    inspector: text('inspector').notNull(),
    result: text('result').notNull(),
    notes: text('notes'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('aed_inspections_result_ck', sql`${t.result} in ('normal','abnormal')`),
    index('aed_inspections_device_idx').on(t.deviceId, t.inspectedOn),
  ],
);

/**
 * One row per reminder sent: a device's battery or pads and the date they were due. The primary key
 * is the "once per device and due date" rule — a replaced battery has a new date and is reminded anew.
 */
export const aedReminders = pgTable(
  'aed_reminders',
  {
    deviceId: integer('device_id')
      .notNull()
      .references(() => aedDevices.id),
    part: text('part').notNull(),
    dueOn: date('due_on').notNull(),
    orgId: orgIdColumn(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.deviceId, t.part, t.dueOn] }),
    check('aed_reminders_part_ck', sql`${t.part} in ('battery','pads')`),
  ],
);
