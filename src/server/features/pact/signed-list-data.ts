import type { Tx } from '../../db/client.ts';
import { loadDocumentLook, type DocumentLook } from '../../documents/kit/document-look.ts';
import { unitLeader, type Signer } from '../../documents/kit/signers.ts';
import { notFound } from '../../http/errors.ts';
import type { PactUnit } from './current-document.ts';
import { latestDocument, signaturesOf, employeesByIds } from './repo.ts';

export type SignedListData = {
  unitName: string;
  version: number | null;
  sha256: string | null;
  signers: Array<{
    name: string;
    nip: string | null;
    position: string;
    signedAt: Date;
    via: 'login' | 'link';
  }>;
  activeTotal: number;
  look: DocumentLook;
  /** The unit's leader, who acknowledges the list ("Mengetahui"). */
  leader: Signer;
};

/**
 * Everyone who signed the unit's current pact version, in signing order, as recorded: former employees who
 * signed stay on the list (the signature happened).
 */
export const loadSignedList = async (
  tx: Tx,
  unit: PactUnit,
  activeTotal: number,
): Promise<SignedListData> => {
  const document = await latestDocument(tx, unit.id);
  const look = await loadDocumentLook(tx, unit.id);
  const leader = await unitLeader(tx, unit.id);
  if (!document)
    return { unitName: unit.name, version: null, sha256: null, signers: [], activeTotal, look, leader };
  const signatures = await signaturesOf(tx, document.id);
  const people = new Map(
    (
      await employeesByIds(
        tx,
        unit.id,
        signatures.map((s) => s.employeeId),
      )
    ).map((e) => [e.id, e]),
  );
  return {
    unitName: unit.name,
    version: document.version,
    sha256: document.sha256,
    signers: signatures.map((s) => {
      const person = people.get(s.employeeId);
      if (!person) throw notFound('Employee');
      return {
        name: person.name,
        nip: person.nip,
        position: person.position,
        signedAt: s.signedAt,
        via: s.via === 'link' ? 'link' : 'login',
      };
    }),
    activeTotal,
    look,
    leader,
  };
};
