import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';

/**
 * Both drivers give the same Drizzle query builder; modules only see `Db` and `Tx`,
 * so every query runs unchanged on PGlite (embedded default) and on PostgreSQL 15.
 */
// Modules use the query builder, not relational queries, so the schema type parameter stays open.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySchema = Record<string, any>;
export type Db = PgDatabase<PgQueryResultHKT, AnySchema, ExtractTablesWithRelations<AnySchema>>;
export type Tx = PgTransaction<PgQueryResultHKT, AnySchema, ExtractTablesWithRelations<AnySchema>>;
/** Either the database or an open transaction: read-only helpers accept both. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  // Money and counters are bigint in the database; beyond 2^53 a JS number would silently round.
  if (!Number.isSafeInteger(n)) throw new Error(`bigint ${v} exceeds the safe integer range`);
  return n;
});

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  await pool.query('select 1');
  return { db: drizzlePg(pool) as unknown as Db, kind: 'postgres', close: () => pool.end() };
}

/**
 * PGlite allows exactly one process per data folder: two processes would both open it without error
 * and lose each other's writes. The lock makes the second one refuse to start instead.
 * `dataDir === null` opens an in-memory database (tests).
 */
export async function openPglite(dataDir: string | null): Promise<Database> {
  let lock: DataDirLock | null = null;
  let client: PGlite;
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
    try {
      client = await PGlite.create(`${dataDir}/pgdata`, { parsers: { 20: (v: string) => Number(v) } });
    } catch (e) {
      lock.release();
      throw e;
    }
  } else {
    client = await PGlite.create({ parsers: { 20: (v: string) => Number(v) } });
  }
  return {
    db: drizzlePglite(client) as unknown as Db,
    kind: 'pglite',
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

export function openDatabase(cfg: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return cfg.databaseUrl ? openPostgres(cfg.databaseUrl) : openPglite(cfg.dataDir);
}

/** Runs raw SQL (for what the query builder cannot say) and returns its rows, typed by the caller. */
export async function queryRows<T>(q: Queryable, query: SQL): Promise<T[]> {
  return ((await q.execute(query)) as unknown as { rows: T[] }).rows;
}
