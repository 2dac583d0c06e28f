import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Pulau process (pid ${pid}). ` +
        `Stop that process first, or set PULAU_DATA_DIR to another folder.`,
    );
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The embedded engine has no lock of its own and two processes on one folder corrupt it, so we take one:
 * a file created with O_EXCL holding our pid. A lock left by a dead process (SIGKILL, power loss) is taken over.
 */
const heldHere = new Set<string>();

export const acquireDataDirLock = (dataDir: string): (() => void) => {
  // A pid equal to ours may be a previous life of this container's pid 1, so same-process opens are tracked here.
  if (heldHere.has(dataDir)) throw new DataDirLockedError(dataDir, process.pid);
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'pulau.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(dataDir);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(dataDir);
        rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isFinite(pid) && pid !== process.pid && isAlive(pid))
        throw new DataDirLockedError(dataDir, pid);
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
};
