import { shanghaiDate, type DisclosurePreview } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { requireOrgAccess } from '../../platform/access/scope.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import { unsafeFindOrg } from '../orgs/index.ts';
import { pendingLines, totalsOf, unsafeFindBatch } from './repository.ts';

/** A day can be published from its end onwards, never ahead of it. */
export function requirePublishableDay(day: string, now: Date): void {
  if (day > shanghaiDate(now)) throw invalid('DISCLOSURE_DAY_IN_FUTURE', 'day');
}

/**
 * 预览: exactly the lines publishing this society's day would write now, with their totals. A
 * society outside the actor's reach answers NOT_FOUND, like a missing one.
 */
export async function previewDisclosure(
  q: Queryable,
  actor: Actor,
  input: { orgId: number; day: string },
  now = new Date(),
): Promise<DisclosurePreview> {
  await requireOrgAccess(q, actor, 'disclosure:publish', [input.orgId]);
  requirePublishableDay(input.day, now);
  const org = (await unsafeFindOrg(q, input.orgId))!;
  const published = await unsafeFindBatch(q, input.orgId, input.day);
  const lines = (await pendingLines(q, input.orgId, input.day)).map(
    ({ giftId: _g, disbursementId: _d, ...line }) => line,
  );
  return {
    orgId: org.id,
    orgName: org.name,
    day: input.day,
    publishedBatchId: published?.id ?? null,
    totals: totalsOf(lines),
    lines,
  };
}
