import { buildApp } from './app.ts';
import { formatDemoAccounts, isDatabaseEmpty, seedDemo } from './modules/demo.ts';
import { modules } from './modules/index.ts';
import { syncBuiltinRoles } from './modules/staff/builtin-roles.ts';
import { systemActor } from './platform/access/actor.ts';
import { purgeOldSessions } from './platform/auth/sessions.ts';
import { purgeIdempotencyKeys } from './platform/idempotency/run-idempotent.ts';
import { loadConfig } from './platform/config.ts';
import { openContext } from './platform/context.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { every } from './platform/jobs.ts';

/**
 * `npm start`: open (and migrate) the database, seed the demo on an empty one and print its
 * accounts once, serve the API and the web app, and shut down cleanly on SIGINT/SIGTERM.
 */
async function main() {
  const config = loadConfig();
  let ctx;
  try {
    ctx = await openContext(config);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  if (await isDatabaseEmpty(ctx.db)) {
    const seed = await seedDemo(ctx, config.demoPassword ?? undefined);
    process.stdout.write(formatDemoAccounts(seed));
  } else {
    await ctx.db.transaction((tx) => syncBuiltinRoles(tx, systemActor('startup')));
  }
  const app = await buildApp(ctx);
  const stopJobs = modules.flatMap((m) =>
    m.start ? [m.start(ctx, (job, err) => app.log.warn({ err, job }, 'background job failed'))] : [],
  );
  // Touches no society data (expired sessions and idempotency keys), so it needs no scoped actor;
  // its log lines carry the job's name.
  const stopHousekeeping = every(
    3_600_000,
    () => Promise.all([purgeOldSessions(ctx.db), purgeIdempotencyKeys(ctx.db)]),
    (err) => app.log.warn({ err, job: 'housekeeping' }, 'housekeeping failed'),
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    stopHousekeeping();
    for (const stop of stopJobs) stop();
    await app.close(); // stops accepting, waits for in-flight requests
    await ctx.database.close(); // flushes PGlite and releases the data-folder lock
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  app.log.info(
    `博爱 Boai 已启动 http://${config.host}:${config.port}/console  (数据库: ${ctx.database.kind})`,
  );
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
