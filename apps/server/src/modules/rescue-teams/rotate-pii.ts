import { eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { rotateFields, type PiiVault } from '../../platform/pii/index.ts';
import { rescueTeamMembers, rescueTeams } from './schema.ts';

/** Key rotation for team contact phones and members' phones (see staff/rotate-pii.ts for the contract). */
export async function rotateRescueTeamPii(tx: Tx, pii: PiiVault): Promise<number> {
  let changed = 0;
  for (const { id, ...fields } of await tx
    .select({ id: rescueTeams.id, contactPhoneEnc: rescueTeams.contactPhoneEnc })
    .from(rescueTeams)
    .for('update')) {
    const rotated = rotateFields(pii, fields);
    if (!rotated) continue;
    await tx.update(rescueTeams).set(rotated).where(eq(rescueTeams.id, id));
    changed++;
  }
  for (const { id, ...fields } of await tx
    .select({ id: rescueTeamMembers.id, phoneEnc: rescueTeamMembers.phoneEnc })
    .from(rescueTeamMembers)
    .for('update')) {
    const rotated = rotateFields(pii, fields);
    if (!rotated) continue;
    await tx.update(rescueTeamMembers).set(rotated).where(eq(rescueTeamMembers.id, id));
    changed++;
  }
  return changed;
}
