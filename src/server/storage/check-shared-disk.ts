import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { blobStoreIdentity } from '../db/schema.ts';

export class BlobFolderNotSharedError extends Error {}

const MARK = '.pulau-store-id';

/** The folder's mark, created atomically if absent (link fails if another process made it first). */
const folderMark = async (root: string): Promise<string> => {
  await mkdir(root, { recursive: true });
  const path = join(root, MARK);
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, randomBytes(16).toString('hex'));
  try {
    await link(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temp);
  }
  return (await readFile(path, 'utf8')).trim();
};

/**
 * With PostgreSQL every process may serve every request, so a file one process stored must be readable by all.
 * On the disk store that holds only if they share the folder: the database keeps the mark of the first folder
 * used, and a process whose folder carries another mark refuses to start instead of answering 500 for files
 * it cannot see.
 */
export const checkDiskShared = async (db: Db, root: string): Promise<void> => {
  const mark = await folderMark(root);
  await db.insert(blobStoreIdentity).values({ id: 1, token: mark }).onConflictDoNothing();
  const [known] = await db.select().from(blobStoreIdentity).where(eq(blobStoreIdentity.id, 1));
  if (known && known.token !== mark) {
    throw new BlobFolderNotSharedError(
      `The file folder ${root} is not the one the other Pulau processes on this database use ` +
        `(its ${MARK} reads ${mark}, the database expects ${known.token}). Several processes need one shared ` +
        `folder (PULAU_DATA_DIR on shared storage) or S3-compatible storage (PULAU_STORAGE=s3). If this folder ` +
        `really replaces the old one (restored from its backup), write ${known.token} into ${join(root, MARK)}.`,
    );
  }
};
