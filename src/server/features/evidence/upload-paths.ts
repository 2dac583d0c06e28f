import { join } from 'node:path';
import type { Config } from '../../config.ts';

/**
 * Local scratch space where a finishing upload's chunks are joined to be sniffed and hashed; nothing stays
 * there after the request (the upload's state is in the database and its bytes in the blob store).
 */
export const scratchDirOf = (config: Config): string => join(config.dataDir, 'uploads', 'scratch');
