import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgIdColumn } from '../orgs/schema.ts';

/** Staff accounts. `org_id` is the society the person works for; what they may do comes from `user_roles`. */
export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** Encrypted at rest (platform/pii); `mobile_hash` is the keyed hash for exact lookup. */
    mobileEnc: text('mobile_enc'),
    mobileHash: text('mobile_hash'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    totpSecretEnc: text('totp_secret_enc'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    active: boolean('active').notNull().default(true),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    index('users_org_idx').on(t.orgId),
    index('users_mobile_hash_idx').on(t.mobileHash),
  ],
);

/** Roles carry permissions. Built-in roles belong to the root society and can be used everywhere. */
export const roles = pgTable(
  'roles',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: orgIdColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    permissions: text('permissions').array().notNull(),
    requireTotp: boolean('require_totp').notNull().default(false),
    builtin: boolean('builtin').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('roles_org_code_uq').on(t.orgId, t.code)],
);

/** A user holds a role at a society, over that society only ('own') or it and everything below ('subtree'). */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    roleId: integer('role_id')
      .notNull()
      .references(() => roles.id),
    orgId: orgIdColumn(),
    scope: text('scope').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.roleId, t.orgId] }),
    index('user_roles_org_idx').on(t.orgId),
    check('user_roles_scope_ck', sql`${t.scope} in ('own','subtree')`),
  ],
);
