import type { Command } from 'commander';
import { backupDatabase, restoreDatabase } from '../../server/db/backup.ts';
import { loadConfig } from '../../server/config.ts';
import { verifyBackupFile } from '../../server/db/verify-backup.ts';
import { openBlobStore } from '../../server/storage/open-blob-store.ts';
import { action, CliError, withDatabase } from '../with-database.ts';

const printSummary = (verb: string, file: string, tables: Record<string, number>) => {
  const total = Object.values(tables).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `${verb} ${total} rows (${Object.entries(tables)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}) ${{ 'Backed up': 'to', Restored: 'from' }[verb] ?? 'in'} ${file}\n`,
  );
};

export const registerBackupCommands = (program: Command) => {
  program
    .command('backup')
    .argument('<file>', 'file to write (must not exist yet), or to check with --verify')
    .option('--verify', 'check FILE without restoring it (no database needed)')
    .option('--check-files', 'with --verify: also check every evidence file it lists is in the blob store')
    .description(
      'Write every row of the database to FILE (JSON lines) from one snapshot, safe while Pulau runs on ' +
        'PostgreSQL; stop the server first when embedded',
    )
    .action(
      action(async (file: string, options: { verify?: boolean; checkFiles?: boolean }) => {
        if (options.verify) {
          const blobs = options.checkFiles ? openBlobStore(loadConfig()) : undefined;
          const check = await verifyBackupFile(file, blobs);
          if (!check.ok) {
            throw new CliError(`${file} is not a sound backup:\n  ${check.problems.join('\n  ')}`);
          }
          printSummary('Verified', file, check.tables);
          process.stdout.write(
            `${check.files} evidence files listed by SHA-256${blobs ? ', all present in the blob store' : ''}\n`,
          );
          return;
        }
        const summary = await withDatabase((d) => backupDatabase(d.db, file, new Date()));
        printSummary('Backed up', file, summary.tables);
      }),
    );
  program
    .command('restore')
    .argument('<file>', 'a file written by `pulau backup`')
    .description('Restore a backup into an empty database, all rows or none')
    .action(
      action(async (file: string) => {
        const summary = await withDatabase((d) => restoreDatabase(d.db, file));
        printSummary('Restored', file, summary.tables);
      }),
    );
};
