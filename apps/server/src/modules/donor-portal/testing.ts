import { shanghaiDate } from '@boai/contracts';
import type { LightMyRequestResponse } from 'fastify';
import type { Harness } from '../../testing/harness.ts';

/**
 * A public request from a given address (the self-service counts attempts per address, so each test
 * speaks from its own) carrying the cookies given.
 */
export function publicCaller(h: Harness, ip: string) {
  return (
    method: string,
    url: string,
    opts: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> =>
    h.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: ip,
      headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
      ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
    });
}

/** Registers a person donor with this mobile at a society and records a gift for them; returns the gift. */
export async function giveAs(
  h: Harness,
  staffCookie: string,
  orgId: number,
  donor: { name: string; mobile: string | null },
  amountFen: number,
  extra: { appealId?: number; purpose?: string } = {},
): Promise<{ id: number; receiptNo: string; orgName: string }> {
  const d = await h.req('POST', '/api/donors', {
    cookie: staffCookie,
    body: { kind: 'person', orgId, name: donor.name, mobile: donor.mobile },
  });
  if (d.statusCode !== 200) throw new Error(`donor: ${d.body}`);
  const g = await h.req('POST', '/api/gifts', {
    cookie: staffCookie,
    body: {
      orgId,
      donorId: d.json().donor.id,
      channel: 'bank',
      amountFen,
      receivedOn: shanghaiDate(new Date()),
      ...extra,
    },
  });
  if (g.statusCode !== 200) throw new Error(`gift: ${g.body}`);
  return g.json();
}
