import { randomUUID } from 'node:crypto';
import QRCode from 'qrcode';
import type { Tx } from '../../db/client.ts';
import { HttpError } from '../../http/errors.ts';
import { writeAudit, type AuditActor } from '../audit/write-audit.ts';
import { ensureDocument, type PactUnit } from './current-document.ts';
import { newSigningToken, signingTokenHash } from './hash.ts';
import { employeesByIds, insertLinks } from './repo.ts';

/** Long enough for a week of rounds through the office; short enough that a lost paper is soon worthless. */
export const LINK_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

export type CreatedLink = { employeeId: string; name: string; url: string; qrSvg: string; expiresAt: string };

export type CreateLinksOptions = {
  unit: PactUnit;
  employeeIds: string[];
  origin: string;
  actor: AuditActor;
  now: Date;
};

/** The public page a link opens; the token travels in the path and is never stored in clear. */
export const signingUrl = (origin: string, token: string) => `${origin}/tanda-tangan/${token}`;

/**
 * One fresh one-time link per employee (active, of this unit), shown once with its QR code. Older unused
 * links stay valid until they expire; whichever is used first signs, the others then meet PACT_ALREADY_SIGNED.
 */
export const createLinks = async (tx: Tx, options: CreateLinksOptions): Promise<CreatedLink[]> => {
  const { unit, origin, actor, now } = options;
  const ids = [...new Set(options.employeeIds)];
  const found = await employeesByIds(tx, unit.id, ids);
  const active = found.filter((e) => e.active);
  if (active.length !== ids.length)
    throw new HttpError(
      400,
      'EMPLOYEE_NOT_IN_UNIT',
      'Every employee must be an active employee of this unit.',
      {
        unknown: ids.filter((id) => !active.some((e) => e.id === id)),
      },
    );
  await ensureDocument(tx, unit, actor, now);
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS);
  const made = active.map((e) => ({ employee: e, token: newSigningToken() }));
  await insertLinks(
    tx,
    made.map(({ employee, token }) => ({
      id: randomUUID(),
      unitId: unit.id,
      employeeId: employee.id,
      tokenHash: signingTokenHash(token),
      createdBy: actor.id,
      createdAt: now,
      expiresAt,
    })),
  );
  await writeAudit(tx, {
    actor,
    action: 'pact.links_created',
    subjectType: 'unit',
    subjectId: unit.id,
    unit,
    after: { employeeIds: made.map((m) => m.employee.id), expiresAt: expiresAt.toISOString() },
    now,
  });
  return Promise.all(
    made.map(async ({ employee, token }) => {
      const url = signingUrl(origin, token);
      return {
        employeeId: employee.id,
        name: employee.name,
        url,
        qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }),
        expiresAt: expiresAt.toISOString(),
      };
    }),
  );
};
