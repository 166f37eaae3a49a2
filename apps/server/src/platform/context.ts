import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import type { AppContext } from './http/context.ts';
import { createPiiVault, parsePiiKeys } from './pii/index.ts';

/** Opens the database, applies migrations and builds the context the app, CLI and tests share. */
export async function openContext(config: Config, database?: Database): Promise<AppContext> {
  const db = database ?? (await openDatabase(config));
  await migrate(db);
  const pii = createPiiVault({
    keys: parsePiiKeys(config.piiKeys),
    activeKeyId: config.piiActiveKey,
    lookupKey: Buffer.from(config.piiLookupKey, 'base64'),
  });
  return { config, database: db, db: db.db, pii };
}
