import { join } from 'node:path';
import type { Config } from '../../config.ts';
import { uploadReceipts } from '../../storage/upload-receipts.ts';

/** tus staging lives on local disk under the data dir whatever the blob store is; receipts beside it. */
export const stagingDirOf = (config: Config): string => join(config.dataDir, 'uploads', 'staging');

export const receiptsOf = (config: Config) => uploadReceipts(join(config.dataDir, 'uploads', 'finished'));
