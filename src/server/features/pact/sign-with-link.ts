import type { Tx } from '../../db/client.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { linkUsed, openLink } from './open-link.ts';
import { recordSignature } from './record-signature.ts';
import { claimLink, type SignatureRow } from './repo.ts';

export type SignWithLinkOptions = { token: string; documentSha256: string; ip: string | null; now: Date };

/**
 * Signs through a one-time link (staff without an account): the link is claimed in the same transaction as
 * the signature, so it signs once whatever the number of concurrent requests.
 */
export const signWithLink = async (
  tx: Tx,
  { token, documentSha256, ip, now }: SignWithLinkOptions,
): Promise<SignatureRow> => {
  const { link, employee, unit } = await openLink(tx, token, now);
  if (!(await claimLink(tx, link.id, now))) throw linkUsed();
  const actor: AuditActor = { id: null, label: `signing-link:${employee.id}`, ip };
  return recordSignature(tx, {
    unit,
    employee,
    documentSha256,
    via: 'link',
    signerUserId: null,
    linkId: link.id,
    actor,
    now,
  });
};
