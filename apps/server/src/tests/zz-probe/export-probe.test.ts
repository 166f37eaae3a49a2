import { afterAll, beforeAll, it } from 'vitest';
import { startHarness, type Harness } from '../../testing/harness.ts';

let h: Harness;
let base = '';
beforeAll(async () => {
  h = await startHarness();
  await h.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = h.app.server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
});
afterAll(() => h?.close());

it('probe exports over real HTTP', async () => {
  for (const user of ['js_admin', 'lx_admin', 'xs_admin', 'cas_staff']) {
    const cookie = await h.login(user);
    const urls = h.app.routeList
      .filter((r) => r.method === 'GET' && r.url.startsWith('/api/relief') && r.url.endsWith('.xlsx') && !r.url.includes(':'))
      .map((r) => r.url);
    for (const u of urls)
      for (const q of ['', '?', '?page=1', '?orgId=1', '?from=2020-01-01&to=2030-01-01']) {
        try {
          const res = await fetch(base + u + q, { headers: { cookie } });
          const buf = Buffer.from(await res.arrayBuffer());
          if (res.status >= 500 || (res.status === 200 && buf.length < 1000)) console.log(`${user} ${u}${q}: ${res.status} ${buf.length} ${buf.toString().slice(0, 200)}`);
        } catch (e) {
          console.log(`${user} ${u}${q}: THREW ${(e as Error).message} ${String((e as Error & { cause?: unknown }).cause)}`);
        }
      }
  }
}, 300_000);
