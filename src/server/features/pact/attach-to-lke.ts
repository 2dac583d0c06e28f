import { randomUUID } from 'node:crypto';
import type { Evidence } from '../../../contracts/evidence.ts';
import type { Actor } from '../../../core/org/can.ts';
import { PACT_LKE_ITEM } from '../../../core/programme/pact.ts';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../http/errors.ts';
import { fileDocument } from '../../documents/file-document.ts';
import { formatDateId } from '../../render/format.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { createEvidence } from '../evidence/create-evidence.ts';
import { checkItemLink } from '../evidence/item-link-rules.ts';
import type { PactUnit } from './current-document.ts';
import type { UnitRef } from '../units/unit-ref.ts';
import { countProgress, latestDocument } from './repo.ts';
import { loadSignedList } from './signed-list-data.ts';

export type AttachToLkeOptions = {
  unit: PactUnit & Pick<UnitRef, 'code'>;
  assessmentId: string;
  who: Actor;
  actor: AuditActor;
  blobs: BlobStore;
  /** The public origin of the verification link printed on the filed list. */
  origin: string;
  now: Date;
};

/**
 * One step from the signed list to LKE evidence: files the list as it stands (data and PDF frozen, hashes in
 * the audit record, verifiable), and
 * creates an evidence record through the evidence feature, attached to P1.iv.d ("Dokumen pakta integritas").
 * The item-link rules (draft assessment of this unit, may answer the item) are checked before any bytes move.
 */
export const attachSignedListToLke = async (db: Db, options: AttachToLkeOptions): Promise<Evidence> => {
  const { unit, assessmentId, who, actor, blobs, origin, now } = options;
  await checkItemLink(db, { assessmentId, code: PACT_LKE_ITEM.code, unitId: unit.id, who });
  const stored = await latestDocument(db, unit.id);
  const { total } = await countProgress(db, unit.id, stored?.id ?? null);
  const data = await loadSignedList(db, unit, total);
  if (data.signers.length === 0)
    throw new HttpError(
      400,
      'PACT_NO_SIGNATURES',
      'Nobody has signed the pact yet: there is nothing to attach.',
    );
  const date = formatDateId(now);
  const filename = `pakta-integritas-${unit.code.replace(/[^A-Za-z0-9_-]/g, '_')}-${now.toISOString().slice(0, 10)}.pdf`;
  return db.transaction(async (tx) => {
    // The list as signed is filed: these bytes and data are what the evidence and the verification page keep.
    const { row } = await fileDocument(tx, {
      kind: 'pact_list',
      subjectKey: `${unit.id}:${data.version ?? 0}:${data.signers.length}`,
      unit: { id: unit.id, path: unit.path },
      title: `Daftar penandatangan pakta integritas ${unit.name} (versi ${data.version})`,
      filename,
      data,
      render: async (frozen, stamp) => {
        const { signedListDocument } = await import('./signed-list-pdf.ts');
        const { renderPdf } = await import('../../render/pdf.ts');
        return renderPdf(signedListDocument(frozen, now, { ...stamp, origin }));
      },
      blobs,
      actor,
      now,
    });
    const { sha256 } = row;
    return createEvidence(tx, {
      unit: { id: unit.id, path: unit.path },
      input: {
        uploadId: randomUUID(),
        title: `Daftar penandatangan pakta integritas (versi ${data.version}) — ${date}`,
        description: `${data.signers.length} dari ${data.activeTotal} pegawai aktif; SHA-256 teks pakta ${data.sha256}. Dibuat oleh Pulau.`,
        effectiveDate: now.toISOString().slice(0, 10),
        link: { assessmentId, code: PACT_LKE_ITEM.code, checklistIndex: PACT_LKE_ITEM.checklistIndex },
      },
      upload: {
        status: 'stored',
        uploadId: `pact-signed-list-${sha256.slice(0, 16)}`,
        ownerId: actor.id ?? '',
        unitId: unit.id,
        filename,
        sha256,
        size: row.size,
        mime: 'application/pdf',
        finishedAt: now.toISOString(),
      },
      who,
      actor,
      now,
    });
  });
};
