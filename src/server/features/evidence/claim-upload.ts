import { HttpError } from '../../http/errors.ts';
import type { UploadReceipt, UploadReceipts } from '../../storage/upload-receipts.ts';

export type StoredUpload = Extract<UploadReceipt, { status: 'stored' }>;

export type ClaimUploadOptions = {
  receipts: UploadReceipts;
  uploadId: string;
  ownerId: string;
  unitId: string;
};

const uploadNotFound = () =>
  new HttpError(404, 'UPLOAD_NOT_FOUND', 'No finished upload of yours has this id (or it was already used).');

/**
 * Runs `use` with the caller's finished upload, taken out of circulation meanwhile: used once when `use`
 * succeeds, put back when it fails. Another user's upload is reported as not found.
 */
export const withClaimedUpload = async <T>(
  { receipts, uploadId, ownerId, unitId }: ClaimUploadOptions,
  use: (upload: StoredUpload) => Promise<T>,
): Promise<T> => {
  const claimed = await receipts.claim(uploadId);
  if (!claimed) throw uploadNotFound();
  const { receipt } = claimed;
  try {
    if (receipt.ownerId !== ownerId) throw uploadNotFound();
    if (receipt.status === 'refused') throw new HttpError(415, receipt.code, receipt.message);
    if (receipt.unitId !== unitId) {
      throw new HttpError(400, 'UPLOAD_UNIT_MISMATCH', 'The upload was made for another unit.');
    }
    const result = await use(receipt);
    await claimed.consume();
    return result;
  } catch (error) {
    await claimed.release();
    throw error;
  }
};
