import type { Command } from 'commander';
import { backupDatabase, restoreDatabase } from '../../server/db/backup.ts';
import { action, withDatabase } from '../with-database.ts';

const printSummary = (verb: string, file: string, tables: Record<string, number>) => {
  const total = Object.values(tables).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `${verb} ${total} rows (${Object.entries(tables)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')}) ${verb === 'Backed up' ? 'to' : 'from'} ${file}\n`,
  );
};

export const registerBackupCommands = (program: Command) => {
  program
    .command('backup')
    .argument('<file>', 'file to write (must not exist yet)')
    .description('Write every row of the database to FILE (JSON lines); stop the server first when embedded')
    .action(
      action(async (file: string) => {
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
