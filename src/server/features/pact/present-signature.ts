import type { SignatureRow } from './repo.ts';

export const presentSignature = (s: SignatureRow) => ({
  id: s.id,
  employeeId: s.employeeId,
  documentSha256: s.documentSha256,
  signedAt: s.signedAt.toISOString(),
  via: s.via === 'link' ? ('link' as const) : ('login' as const),
});
