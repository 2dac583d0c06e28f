import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { HttpError } from '../../server/http/errors.ts';
import { importUnits, type ImportProblem } from '../../server/features/units/import-units.ts';
import { findUnitByCode } from '../../server/features/units/repo.ts';
import { action, CliError, withDatabase } from '../with-database.ts';

export const registerUnitCommands = (program: Command) => {
  const unit = program.command('unit').description('Units of the organisation tree');
  unit
    .command('import')
    .argument('<file>', 'CSV with columns code,name,type[,parent_code,region,is_public_service,afirmasi]')
    .requiredOption('--parent <code>', 'code of the unit to import under (e.g. KPU)')
    .description('Import units from CSV under an existing unit, all or nothing')
    .action(
      action(async (file: string, opts: { parent: string }) => {
        const csv = await readFile(file, 'utf8');
        const created = await withDatabase(async ({ db }) => {
          const parent = await findUnitByCode(db, opts.parent);
          if (!parent) throw new CliError(`no unit with code ${opts.parent}`, 2);
          try {
            return await db.transaction((tx) =>
              importUnits(tx, {
                parentId: parent.id,
                csv,
                actor: { id: null, label: 'cli', ip: null },
                now: new Date(),
              }),
            );
          } catch (error) {
            if (error instanceof HttpError && error.code === 'IMPORT_INVALID') {
              const lines = (error.details as ImportProblem[]).map(
                (p) => `  row ${p.line}, column ${p.column ?? p.field}: ${p.message}`,
              );
              throw new CliError(`${error.message}\n${lines.join('\n')}`);
            }
            throw error;
          }
        });
        process.stdout.write(`Imported ${created.length} units under ${opts.parent}.\n`);
      }),
    );
};
