import { isValidDateString, type ReportRescueInput } from '@boai/contracts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Tx } from '../../platform/db/client.ts';
import { invalid } from '../../platform/errors.ts';
import type { PiiVault } from '../../platform/pii/index.ts';
import { certificateOfHolder } from '../training/index.ts';
import { rescues } from './schema.ts';

/** A report may be a few minutes "ahead" of the server when a phone's clock runs fast. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** 'YYYY-MM-DDTHH:mm' on a Beijing clock to the instant, or null when it names no real day. */
export function beijingInstant(local: string): Date | null {
  if (!isValidDateString(local.slice(0, 10))) return null;
  const [hh, mm] = local.slice(11).split(':').map(Number) as [number, number];
  if (hh > 23 || mm > 59) return null;
  return new Date(`${local}:00+08:00`);
}

/**
 * A certificate holder reports a rescue from the public portal. They prove who they are the way the
 * public check does — number plus the holder's name — and an unknown number answers exactly like a
 * wrong name, so the form cannot be used to find out which numbers exist. A revoked certificate
 * cannot report; an expired one can (skills outlive the card). The case belongs to the issuing
 * society, which verifies it.
 */
export async function reportRescue(
  tx: Tx,
  pii: PiiVault,
  input: ReportRescueInput,
  ip: string,
  now = new Date(),
): Promise<{ id: number; status: 'reported' }> {
  const occurredAt = beijingInstant(input.occurredAt);
  if (!occurredAt) throw invalid('VALIDATION_FAILED', 'occurredAt');
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid('RESCUE_IN_FUTURE', 'occurredAt');
  const cert = await certificateOfHolder(tx, input.certificateNumber, input.name, ip);
  if (!cert) throw invalid('RESCUE_CERTIFICATE_NOT_MATCHED', 'certificateNumber');
  if (cert.status === 'revoked') throw invalid('RESCUE_CERTIFICATE_REVOKED', 'certificateNumber');
  const actions = [...new Set(input.actions)];
  const [row] = await tx
    .insert(rescues)
    .values({
      orgId: cert.orgId,
      certificateId: cert.id,
      rescuerName: cert.holderName,
      mobileEnc: input.mobile ? pii.encrypt(input.mobile) : null,
      occurredAt,
      place: input.place,
      actions,
      description: input.description,
      outcome: input.outcome,
      // Saying "AED" among the actions and "no AED" in the checkbox cannot both be true.
      aedUsed: input.aedUsed || actions.includes('aed'),
      casualtyAgeBand: input.casualtyAgeBand,
      casualtySex: input.casualtySex,
    })
    .returning({ id: rescues.id });
  await recordAudit(
    tx,
    null,
    {
      action: 'rescue.report',
      orgId: cert.orgId,
      entityType: 'rescue',
      entityId: row!.id,
      after: { certificate: cert.number, outcome: input.outcome },
    },
    ip,
  );
  return { id: row!.id, status: 'reported' };
}
