import type { Evidence } from '../../../contracts/evidence.ts';
import type { Tx } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { loadPresented } from './present-evidence.ts';
import { findEvidence, type EvidenceRow } from './repo.ts';

export type LoadedEvidence = { row: EvidenceRow; unit: { id: string; path: string }; presented: Evidence };

/** One piece of evidence with its unit and its wire shape, or 404. */
export const loadEvidence = async (tx: Tx, id: string): Promise<LoadedEvidence> => {
  const found = await findEvidence(tx, id);
  if (!found) throw notFound('Evidence');
  const [presented] = await loadPresented(tx, [found.evidence]);
  if (!presented) throw notFound('Evidence');
  return { row: found.evidence, unit: { id: found.evidence.unitId, path: found.unitPath }, presented };
};
