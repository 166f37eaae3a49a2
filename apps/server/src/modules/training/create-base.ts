import type { CreateBaseInput, TrainingBase } from '@boai/contracts';
import type { Actor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { requireWritableOrg } from '../orgs/index.ts';
import { presentBases } from './list-bases.ts';
import { trainingBases } from './schema.ts';

/** Registers a 培训基地 with its seats and equipment. */
export async function createBase(tx: Tx, actor: Actor, input: CreateBaseInput): Promise<TrainingBase> {
  await requireWritableOrg(tx, actor, 'training:manage', input.orgId);
  const [row] = await tx.insert(trainingBases).values(input).returning();
  await recordAudit(tx, actor, {
    action: 'training.base_create',
    orgId: row!.orgId,
    entityType: 'training_base',
    entityId: row!.id,
    after: input,
  });
  return (await presentBases(tx, [row!]))[0]!;
}
