import { createHash, randomUUID } from 'node:crypto';
import { rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Evidence } from '../../../contracts/evidence.ts';
import type { Actor } from '../../../core/org/can.ts';
import { PACT_LKE_ITEM } from '../../../core/programme/pact.ts';
import type { Db } from '../../db/client.ts';
import { HttpError } from '../../http/errors.ts';
import { renderPdf } from '../../render/pdf.ts';
import type { BlobStore } from '../../storage/blob-store.ts';
import type { AuditActor } from '../audit/write-audit.ts';
import { createEvidence } from '../evidence/create-evidence.ts';
import { checkItemLink } from '../evidence/item-link-rules.ts';
import type { PactUnit } from './current-document.ts';
import { countProgress, latestDocument } from './repo.ts';
import { loadSignedList } from './signed-list-data.ts';
import { signedListDocument } from './signed-list-pdf.ts';

export type AttachToLkeOptions = {
  unit: PactUnit;
  assessmentId: string;
  who: Actor;
  actor: AuditActor;
  blobs: BlobStore;
  now: Date;
};

/**
 * One step from the signed list to LKE evidence: renders the PDF, stores its bytes in the blob store, and
 * creates an evidence record through the evidence feature, attached to P1.iv.d ("Dokumen pakta integritas").
 * The item-link rules (draft assessment of this unit, may answer the item) are checked before any bytes move.
 */
export const attachSignedListToLke = async (db: Db, options: AttachToLkeOptions): Promise<Evidence> => {
  const { unit, assessmentId, who, actor, blobs, now } = options;
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
  const pdf = await renderPdf(signedListDocument(data, now));
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const dir = await mkdtemp(join(tmpdir(), 'pulau-pact-'));
  try {
    const file = join(dir, 'signed-list.pdf');
    await writeFile(file, pdf);
    await blobs.put(sha256, file, { contentType: 'application/pdf', move: true });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const date = now.toISOString().slice(0, 10);
  return db.transaction((tx) =>
    createEvidence(tx, {
      unit: { id: unit.id, path: unit.path },
      input: {
        uploadId: randomUUID(),
        title: `Daftar penandatangan pakta integritas (versi ${data.version}) — ${date}`,
        description: `${data.signers.length} dari ${data.activeTotal} pegawai aktif; SHA-256 teks pakta ${data.sha256}. Dibuat oleh Pulau.`,
        effectiveDate: date,
        link: { assessmentId, code: PACT_LKE_ITEM.code, checklistIndex: PACT_LKE_ITEM.checklistIndex },
      },
      upload: {
        status: 'stored',
        uploadId: `pact-signed-list-${sha256.slice(0, 16)}`,
        ownerId: actor.id ?? '',
        unitId: unit.id,
        filename: `pakta-integritas-${date}.pdf`,
        sha256,
        size: pdf.length,
        mime: 'application/pdf',
        finishedAt: now.toISOString(),
      },
      who,
      actor,
      now,
    }),
  );
};
