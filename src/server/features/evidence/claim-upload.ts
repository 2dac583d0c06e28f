import type { Tx } from '../../db/client.ts';
import { HttpError } from '../../http/errors.ts';
import { takeUpload } from './upload-repo.ts';

/** A finished upload's bytes as evidence needs them (generated PDFs build one directly, without tus). */
export type StoredUpload = {
  status: 'stored';
  uploadId: string;
  ownerId: string;
  unitId: string;
  filename: string;
  sha256: string;
  size: number;
  mime: string;
  finishedAt: string;
};

export type ClaimUploadOptions = { uploadId: string; ownerId: string; unitId: string };

const uploadNotFound = () =>
  new HttpError(404, 'UPLOAD_NOT_FOUND', 'No finished upload of yours has this id (or it was already used).');

/**
 * Takes the caller's finished upload out of circulation inside the caller's transaction: used once when the
 * transaction commits, back in circulation when it rolls back (every refusal below throws, so it does). Any
 * process may claim it: the receipt is a database row. Another user's upload is reported as not found.
 */
export const claimUpload = async (
  tx: Tx,
  { uploadId, ownerId, unitId }: ClaimUploadOptions,
): Promise<StoredUpload> => {
  const row = await takeUpload(tx, uploadId);
  if (!row || row.ownerId !== ownerId) throw uploadNotFound();
  if (row.status === 'refused') {
    throw new HttpError(415, row.refusalCode ?? 'UNSUPPORTED_FILE_TYPE', row.refusalMessage ?? '');
  }
  if (row.status !== 'stored' || !row.sha256 || !row.mime) {
    throw new HttpError(409, 'UPLOAD_NOT_FINISHED', 'The upload has not received all its bytes yet.');
  }
  if (row.unitId !== unitId) {
    throw new HttpError(400, 'UPLOAD_UNIT_MISMATCH', 'The upload was made for another unit.');
  }
  return {
    status: 'stored',
    uploadId,
    ownerId,
    unitId,
    filename: row.filename,
    sha256: row.sha256,
    size: row.size,
    mime: row.mime,
    finishedAt: (row.finishedAt ?? row.updatedAt).toISOString(),
  };
};
