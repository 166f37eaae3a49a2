#!/usr/bin/env node
// The README's test command. Runs the whole suite on the embedded PGlite database, again on
// PostgreSQL (a fresh database per test file on the server at TEST_PG_URL, default 127.0.0.1:5432),
// then the browser tests in Chromium. With CI=true a missing PostgreSQL or Chromium is a failure,
// not a skip. Ends with the plain line `N passed, N failed` and writes test-results/summary.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const pgUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.argv.slice(2); // e.g. `npm test -- pglite` to run one phase
mkdirSync('test-results', { recursive: true });

const canConnect = (url) =>
  new Promise((resolve) => {
    const u = new URL(url);
    const s = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.setTimeout(2000, () => (s.destroy(), resolve(false)));
  });

let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

function runVitest(label, paths, env) {
  const out = `test-results/${label}.json`;
  const res = spawnSync('npx', ['vitest', 'run', ...paths, '--reporter=default', '--reporter=json', `--outputFile=${out}`], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (!existsSync(out)) {
    failed += 1;
    lines.push(`${label}: vitest did not report (exit ${res.status})`);
    return;
  }
  const r = JSON.parse(readFileSync(out, 'utf8'));
  // A file that fails to load has no test results but counts as a failure.
  const brokenFiles = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  passed += r.numPassedTests;
  failed += r.numFailedTests + brokenFiles;
  skipped += r.numPendingTests + r.numTodoTests;
  lines.push(`${label}: ${r.numPassedTests} passed, ${r.numFailedTests + brokenFiles} failed`);
}

const want = (phase) => only.length === 0 || only.includes(phase);

if (want('pglite')) runVitest('pglite', ['packages', 'apps/server'], { TEST_DATABASE_URL: '' });

if (want('postgres')) {
  if (await canConnect(pgUrl)) runVitest('postgres', ['apps/server'], { TEST_DATABASE_URL: pgUrl });
  else if (ci) {
    failed += 1;
    lines.push(`postgres: no PostgreSQL at ${pgUrl} (required in CI)`);
  } else lines.push(`postgres: skipped, no PostgreSQL at ${pgUrl}`);
}

if (want('e2e')) {
  if (existsSync(chromium)) runVitest('e2e', ['e2e'], { CHROMIUM_PATH: chromium });
  else if (ci) {
    failed += 1;
    lines.push(`e2e: no Chromium at ${chromium} (required in CI)`);
  } else lines.push(`e2e: skipped, no Chromium at ${chromium} (apt-get install chromium fonts-wqy-microhei)`);
}

writeFileSync('test-results/summary.json', JSON.stringify({ passed, failed, skipped, lines }, null, 2));
console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
