import type { AppealKind, AppealDisclosure } from '@boai/contracts';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { appeals } from '../donations/index.ts';
import { unsafeFindOrg } from '../orgs/index.ts';
import { fundsOf, linesCountingAs, selectLines } from './repository.ts';
import { disclosureLines } from './schema.ts';

/**
 * An appeal's (专项 / 项目 / 冠名基金) public page: its target, and received, spent and balance as
 * published — from published lines only — with the list of its gifts or of its disbursements
 * (reversals included, under the kind they reverse), newest batch first.
 */
export async function publicAppeal(
  q: Queryable,
  appealId: number,
  f: { list: 'gift' | 'disbursement'; page: number; pageSize: number },
): Promise<AppealDisclosure> {
  const [appeal] = await q.select().from(appeals).where(eq(appeals.id, appealId));
  if (!appeal) throw notFound();
  const org = (await unsafeFindOrg(q, appeal.orgId))!;
  const ofAppeal = eq(disclosureLines.appealId, appealId);
  const lines = await selectLines(
    q,
    and(ofAppeal, linesCountingAs(f.list)),
    { limit: f.pageSize, offset: (f.page - 1) * f.pageSize },
    true,
  );
  return {
    appealId: appeal.id,
    name: appeal.name,
    kind: appeal.kind as AppealKind,
    filingNo: appeal.filingNo,
    orgId: org.id,
    orgName: org.name,
    targetFen: appeal.targetFen,
    startsOn: appeal.startsOn,
    endsOn: appeal.endsOn,
    open: appeal.open,
    funds: await fundsOf(q, ofAppeal),
    lines: { ...lines, page: f.page, pageSize: f.pageSize },
  };
}
