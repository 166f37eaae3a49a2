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
import { appeals } from '../donations/index.ts';
import { orgIdColumn } from '../orgs/schema.ts';

/**
 * 灾害事件: a typhoon, flood or earthquake a society responds to. Appeals, gifts (through their
 * appeal), allocations and dispatches point at it, so its page can set what was needed against what
 * was sent. The society that opens it owns it; its subtree responds under it.
 */
export const disasterEvents = pgTable(
  'disaster_events',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    name: text('name').notNull(),
    /** typhoon 台风, flood 洪涝, earthquake 地震, fire 火灾, drought 干旱, snow 冰雪, landslide 地质灾害, epidemic 公共卫生, other. */
    type: text('type').notNull(),
    /** Affected area as people write it (省市县乡), free text: several counties are common. */
    area: text('area').notNull(),
    /** 应急响应等级 I–IV (I is the gravest), as the government or the society declared it. */
    responseLevel: text('response_level').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    status: text('status').notNull().default('active'),
    summary: text('summary'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'disaster_events_type_ck',
      sql`${t.type} in ('typhoon','flood','earthquake','fire','drought','snow','landslide','epidemic','other')`,
    ),
    check('disaster_events_level_ck', sql`${t.responseLevel} in ('I','II','III','IV')`),
    check('disaster_events_status_ck', sql`${t.status} in ('active','closed')`),
    check('disaster_events_dates_ck', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    index('disaster_events_org_idx').on(t.orgId, t.startsOn),
  ],
);

/**
 * The needs list (需求清单) of an event: what the affected area asked for, by catalogue item when
 * there is one (relief_items, a plain id: relief builds on events, not the other way round) or by name.
 */
export const disasterEventNeeds = pgTable(
  'disaster_event_needs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    eventId: integer('event_id')
      .notNull()
      .references(() => disasterEvents.id),
    itemId: integer('item_id'),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    quantity: integer('quantity').notNull(),
    note: text('note'),
  },
  (t) => [
    check('disaster_event_needs_quantity_ck', sql`${t.quantity} > 0`),
    index('disaster_event_needs_event_idx').on(t.eventId),
    uniqueIndex('disaster_event_needs_item_uq')
      .on(t.eventId, t.itemId)
      .where(sql`${t.itemId} is not null`),
  ],
);

/** Appeals raised for an event (an appeal serves at most one event). */
export const disasterEventAppeals = pgTable(
  'disaster_event_appeals',
  {
    eventId: integer('event_id')
      .notNull()
      .references(() => disasterEvents.id),
    appealId: integer('appeal_id')
      .notNull()
      .references(() => appeals.id),
    orgId: orgIdColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.appealId] }),
    uniqueIndex('disaster_event_appeals_appeal_uq').on(t.appealId),
  ],
);
