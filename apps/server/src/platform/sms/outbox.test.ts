import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../config.ts';
import { openContext } from '../context.ts';
import { queryRows } from '../db/client.ts';
import { openTestDatabase } from '../db/testing.ts';
import type { Database } from '../db/client.ts';
import type { AppContext } from '../http/context.ts';
import {
  DevelopmentSmsProvider,
  PermanentSmsError,
  SMS_MAX_ATTEMPTS,
  deliverQueuedSms,
  queueSms,
  rotateSmsPii,
  type SmsMessage,
  type SmsProvider,
} from './index.ts';

let database: Database;
let ctx: AppContext;
beforeAll(async () => {
  database = await openTestDatabase();
  ctx = await openContext(testConfig(), database);
});
afterAll(() => database?.close());
beforeEach(async () => {
  await ctx.db.execute(sql`delete from sms_outbox`);
});

const message = (mobile: string, code = '123456') => ({
  mobile,
  template: 'donor_login_code',
  params: { code },
  text: `您的验证码 ${code}`,
});
const queue = (mobile: string, code?: string) =>
  ctx.db.transaction((tx) => queueSms(tx, ctx.pii, message(mobile, code)));
const rows = () =>
  queryRows<{
    id: number;
    status: string;
    attempts: number;
    last_error: string | null;
    mobile_enc: string;
    body: string;
  }>(ctx.db, sql`select * from sms_outbox order by id`);

/** A gateway that refuses the first `failures` calls, then accepts. */
class FlakyProvider implements SmsProvider {
  readonly name = 'flaky';
  calls = 0;
  constructor(
    private failures: number,
    private readonly error: () => Error = () => new Error('gateway timeout'),
  ) {}
  async send(_m: SmsMessage) {
    this.calls++;
    if (this.failures-- > 0) throw this.error();
  }
}

describe('SMS outbox', () => {
  it('sends what a committed transaction queued — once — and nothing a rolled-back one did', async () => {
    await queue('13900001111', '111111');
    await ctx.db
      .transaction(async (tx) => {
        await queueSms(tx, ctx.pii, message('13900002222', '222222'));
        throw new Error('the action failed');
      })
      .catch(() => undefined);
    const dev = new DevelopmentSmsProvider();
    expect(await deliverQueuedSms(ctx.db, ctx.pii, dev)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await deliverQueuedSms(ctx.db, ctx.pii, dev)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(dev.sent.map((m) => [m.mobile, m.params.code, m.template])).toEqual([
      ['13900001111', '111111', 'donor_login_code'],
    ]);
    expect(dev.lastTo('13900001111')?.text).toBe('您的验证码 111111');
    const [row] = await rows();
    expect(row!.status).toBe('sent');
    expect(row!.attempts).toBe(1);
  });

  it('keeps the number and the text (which may hold a login code) encrypted in the table', async () => {
    await queue('13900003333', '987654');
    const [row] = await rows();
    expect(JSON.stringify(row)).not.toContain('13900003333');
    expect(JSON.stringify(row)).not.toContain('987654');
    expect(ctx.pii.decrypt(row!.mobile_enc)).toBe('13900003333');
  });

  it('retries a refused message on later runs and gives up after the last attempt, keeping the reason', async () => {
    await queue('13900004444');
    const down = new FlakyProvider(100);
    for (let i = 1; i < SMS_MAX_ATTEMPTS; i++) {
      expect(await deliverQueuedSms(ctx.db, ctx.pii, down)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    }
    expect(await deliverQueuedSms(ctx.db, ctx.pii, down)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await deliverQueuedSms(ctx.db, ctx.pii, down)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const [row] = await rows();
    expect(row).toMatchObject({
      status: 'failed',
      attempts: SMS_MAX_ATTEMPTS,
      last_error: 'Error: gateway timeout',
    });
    expect(down.calls).toBe(SMS_MAX_ATTEMPTS);
  });

  it('sends a message that failed once on the next run, and fails a permanent refusal at once', async () => {
    await queue('13900005555');
    const flaky = new FlakyProvider(1);
    expect(await deliverQueuedSms(ctx.db, ctx.pii, flaky)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await deliverQueuedSms(ctx.db, ctx.pii, flaky)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    await queue('13900006666');
    const refusing = new FlakyProvider(1, () => new PermanentSmsError('号码无效'));
    expect(await deliverQueuedSms(ctx.db, ctx.pii, refusing)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect((await rows()).map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 2],
      ['failed', 1],
    ]);
  });

  it('never sends one message twice when several deliverers run at once', async () => {
    for (let i = 0; i < 30; i++) await queue(`1390000${String(i).padStart(4, '0')}`);
    const dev = new DevelopmentSmsProvider(undefined, 100);
    const runs = await Promise.all([1, 2, 3, 4].map(() => deliverQueuedSms(ctx.db, ctx.pii, dev)));
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(30);
    expect(new Set(dev.sent.map((m) => m.id)).size).toBe(30);
    expect(dev.sent).toHaveLength(30);
  });

  it('re-encrypts the outbox under a new active key and still delivers', async () => {
    await queue('13900007777', '555000');
    const key2 = Buffer.alloc(32, 3).toString('base64');
    const rotated = await openContext(
      testConfig({ piiKeys: `${ctx.config.piiKeys},t2:${key2}`, piiActiveKey: 't2' }),
      { ...database, close: async () => {} },
    );
    expect(await rotated.db.transaction((tx) => rotateSmsPii(tx, rotated.pii))).toBe(1);
    expect((await rows())[0]!.mobile_enc).toContain('.t2.');
    const dev = new DevelopmentSmsProvider();
    await deliverQueuedSms(rotated.db, rotated.pii, dev);
    expect(dev.lastTo('13900007777')?.params.code).toBe('555000');
  });
});
