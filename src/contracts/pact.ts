import { z } from 'zod';
import { Id } from './common.ts';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'INVALID');

/** The unit's pact text; `version` null = the default text, not yet saved by the unit. */
export const PactDocument = z.object({
  unitId: Id,
  version: z.number().int().nullable(),
  body: z.string(),
  sha256: z.string(),
  createdAt: z.string().nullable(),
});
export type PactDocument = z.infer<typeof PactDocument>;

export const PactProgress = z.object({
  total: z.number().int(),
  signed: z.number().int(),
  percent: z.number(),
});

export const PactOverview = z.object({ document: PactDocument, progress: PactProgress });
export type PactOverview = z.infer<typeof PactOverview>;

export const SavePactBody = z.object({
  body: z.string().trim().min(50, 'TOO_SHORT').max(20_000, 'TOO_LONG'),
  /** The version the editor started from (null when it was the default text): a newer one is a 409. */
  baseVersion: z.number().int().min(1).nullable(),
});

export const SignatureVia = z.enum(['login', 'link']);

/** One active employee and whether she signed the current version. */
export const PactStatusRow = z.object({
  employeeId: Id,
  name: z.string(),
  nip: z.string().nullable(),
  position: z.string(),
  hasAccount: z.boolean(),
  signedAt: z.string().nullable(),
  via: SignatureVia.nullable(),
});
export const PactStatusList = z.object({ rows: z.array(PactStatusRow) });

export const Signature = z.object({
  id: Id,
  employeeId: Id,
  documentSha256: z.string(),
  signedAt: z.string(),
  via: SignatureVia,
});

export const SignBody = z.object({ employeeId: Id, documentSha256: Sha256 });
export const LinkSignBody = z.object({ documentSha256: Sha256 });

export const CreateLinksBody = z.object({ employeeIds: z.array(Id).min(1).max(2000) });
export const SigningLink = z.object({
  employeeId: Id,
  name: z.string(),
  url: z.string(),
  qrSvg: z.string(),
  expiresAt: z.string(),
});
export const SigningLinks = z.object({ links: z.array(SigningLink) });

export const ReminderResult = z.object({
  /** Employees with an account who were notified. */
  notified: z.number().int(),
  /** Employees without an account: a fresh link each, for the lead to pass on. */
  links: z.array(SigningLink),
});

export const AttachToLkeBody = z.object({ assessmentId: Id });

/** My pact: one entry per unit where an employee record is linked to my account. */
export const MyPact = z.object({
  entries: z.array(
    z.object({
      employeeId: Id,
      employeeName: z.string(),
      unitId: Id,
      unitName: z.string(),
      document: PactDocument,
      signedAt: z.string().nullable(),
    }),
  ),
});

export const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

/** What the public signing page shows: whose link it is, and the text to read. */
export const LinkPact = z.object({
  unitName: z.string(),
  employeeName: z.string(),
  document: PactDocument,
  expiresAt: z.string(),
});
