import type { Evidence } from '../../../contracts/evidence.ts';
import type { Tx } from '../../db/client.ts';
import {
  linksOf,
  versionsOf,
  type EvidenceLinkRow,
  type EvidenceRow,
  type EvidenceVersionRow,
} from './repo.ts';

type Version = Evidence['versions'][number];

const presentVersion = (row: EvidenceVersionRow): Version => ({
  id: row.id,
  filename: row.filename,
  mime: row.mime,
  size: row.size,
  sha256: row.blobSha256,
  uploadedBy: row.uploadedBy,
  uploadedAt: row.uploadedAt.toISOString(),
});

/** The wire shape of evidence: versions newest first, the current one named, and every item it serves. */
export const presentEvidence = (
  row: EvidenceRow,
  versions: EvidenceVersionRow[],
  links: EvidenceLinkRow[],
): Evidence => {
  const presented = versions.map(presentVersion);
  return {
    id: row.id,
    unitId: row.unitId,
    title: row.title,
    description: row.description,
    effectiveDate: row.effectiveDate,
    current: presented.find((v) => v.id === row.currentVersionId) ?? null,
    versions: presented,
    links: links.map((l) => ({
      assessmentId: l.assessmentId,
      code: l.code,
      checklistIndex: l.checklistIndex,
    })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
};

/** Loads versions and links for many rows in two queries, not two per row. */
export const loadPresented = async (db: Tx, rows: EvidenceRow[]): Promise<Evidence[]> => {
  const ids = rows.map((r) => r.id);
  const versions = await versionsOf(db, ids);
  const links = await linksOf(db, ids);
  return rows.map((row) =>
    presentEvidence(
      row,
      versions.filter((v) => v.evidenceId === row.id),
      links.filter((l) => l.evidenceId === row.id),
    ),
  );
};
